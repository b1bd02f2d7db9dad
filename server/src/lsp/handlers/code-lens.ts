import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { fieldOf, gapCount } from '../../core';
import type { ServerContext } from '../context';
import { toRange } from '../convert';

/** The client command that opens the layer stack of the active declaration. */
export const SHOW_LAYER_STACK_COMMAND = 'srm.showLayerStack';

/** Above each workload: its gap count (the core's one definition), opening its layer stack. */
export async function codeLenses(ctx: ServerContext, params: CodeLensParams): Promise<CodeLens[]> {
  const file = await ctx.current(params.textDocument.uri);
  if (!file) return [];
  const policy = file.environment.config.overrides;
  return file.result.documents.flatMap((doc) => {
    if (!doc.matrix) return [];
    const decl = doc.declaration;
    const anchor = fieldOf(decl.fields, 'workload')?.keySpan ?? decl.fields[0]?.keySpan;
    if (!anchor) return [];
    const gaps = gapCount(doc, policy);
    const span = { start: anchor.start + doc.base, end: anchor.end + doc.base };
    return [
      {
        range: toRange(file.doc, span),
        command: { title: gaps === 0 ? 'No gaps · layer stack' : `${gaps} gap${gaps === 1 ? '' : 's'} · layer stack`, command: SHOW_LAYER_STACK_COMMAND, arguments: [file.uri, doc.index] },
      },
    ];
  });
}
