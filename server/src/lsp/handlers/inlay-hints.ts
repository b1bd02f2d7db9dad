import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { layerHints } from '../../core';
import type { ServerContext } from '../context';

/** After each layer key, its cell under the declaration's matrix and model; none when `srm.inlayHints.enable` is off. */
export async function inlayHints(ctx: ServerContext, params: InlayHintParams): Promise<InlayHint[]> {
  const file = await ctx.current(params.textDocument.uri);
  if (!file?.settings.inlayHints) return [];
  const from = file.doc.offsetAt(params.range.start);
  const to = file.doc.offsetAt(params.range.end);
  // A document's hints lie inside its text: only the documents the range touches are read (the editor asks for what it shows, after every edit).
  const documents = file.result.documents.filter((d) => d.base <= to && d.base + d.text.length >= from);
  return layerHints({ diagnostics: [], documents }, file.environment.config.overrides)
    .filter((h) => h.offset >= from && h.offset <= to)
    .map((h) => ({ position: file.doc.positionAt(h.offset), label: h.label, kind: InlayHintKind.Type, tooltip: h.tooltip, paddingLeft: true }));
}
