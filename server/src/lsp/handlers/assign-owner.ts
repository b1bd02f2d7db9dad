import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AssignOwnerParams, AssignOwnerResult } from '../../../../protocol/requests';
import { applyEdits, assignOwnerFix } from '../../core';
import { toTextEdit } from '../convert';
import type { ServerContext } from '../context';

/** The quick fix of a gap, with the placeholder owner to select once it is applied. */
export async function assignOwner(ctx: ServerContext, params: AssignOwnerParams): Promise<AssignOwnerResult> {
  const file = await ctx.current(params.uri);
  if (!file || file.version !== params.version) return null;
  const fix = assignOwnerFix(file.result, params.workloadIndex, params.layerId);
  if (!fix?.placeholder) return null;
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  const host = fix.edits[fix.placeholder.edit];
  // Where the placeholder lands once every edit before it has shifted the text.
  const shift = edits.filter((e) => e.start < host!.start).reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
  const after = TextDocument.create(file.uri, 'srm', 0, applyEdits(file.doc.getText(), edits));
  return {
    edits: edits.map((e) => toTextEdit(file.doc, e)),
    select: {
      start: after.positionAt(host!.start + shift + fix.placeholder.start),
      end: after.positionAt(host!.start + shift + fix.placeholder.end),
    },
  };
}
