import { ResponseError, ErrorCodes, type PrepareRenameParams, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { directoryNames, invalidOwnerName, isProviderOwner, renameDirectoryEdits, renameOwnerEdits, sameOwner, type Edit } from '../../core';
import type { ServerContext } from '../context';
import { toTextEdit } from '../convert';
import { checkedNow, directoryOccurrences, ownerTargetAt, type FileText } from '../owner-workspace';

/** F2 on an owner value or a directory key: the owner's name as it is written, inside its quotes. */
export async function prepareRename(ctx: ServerContext, params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
  const target = await ownerTargetAt(ctx, params.textDocument.uri, params.position);
  if (!target) return null;
  if (isProviderOwner(target.name)) throw new ResponseError(ErrorCodes.InvalidRequest, '`provider` is a reserved owner: it cannot be renamed.');
  const source = target.doc.getText().slice(target.span.start, target.span.end);
  const quoted = /^["']/.test(source) && source.length >= 2 ? 1 : 0;
  return { range: { start: target.doc.positionAt(target.span.start + quoted), end: target.doc.positionAt(target.span.end - quoted) }, placeholder: target.name };
}

/**
 * Renames the owner in every declaration of the workspace that names it
 * (open or not) and where the owner directory writes it, as one workspace
 * edit that touches the owner tokens only.
 */
export async function rename(ctx: ServerContext, params: RenameParams): Promise<WorkspaceEdit | null> {
  const target = await ownerTargetAt(ctx, params.textDocument.uri, params.position);
  if (!target) return null;
  const to = params.newName;
  const problem = isProviderOwner(target.name) ? '`provider` is a reserved owner: it cannot be renamed.' : invalidOwnerName(to) ?? (isProviderOwner(to) ? '`provider` is a reserved owner: rename to a team.' : undefined);
  if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
  await ctx.index.ready();
  // Exactly this spelling: renaming a key leaves its aliases, renaming an alias leaves its key.
  const named = { name: target.name, entry: undefined };
  const files: { text: FileText; edits: Edit[] }[] = [];
  for (const { text } of await directoryOccurrences(ctx, named)) {
    const clash = directoryNames(text.doc.getText()).find((n) => sameOwner(n.name, to) && !sameOwner(n.name, target.name));
    if (clash) throw new ResponseError(ErrorCodes.InvalidParams, `${to} is already in the owner directory (${clash.kind === 'key' ? 'an owner' : `an alias of ${clash.owner}`}).`);
    files.push({ text, edits: renameDirectoryEdits(text.doc.getText(), target.name, to) });
  }
  for (const summary of [...ctx.index.summaries()]) {
    if (!summary.workloads.some((w) => w.entries.some((e) => e.owner !== undefined && sameOwner(e.owner, target.name)))) continue;
    const checked = await checkedNow(ctx, summary.uri);
    if (checked) files.push({ text: checked.text, edits: renameOwnerEdits(checked.text.doc.getText(), checked.result, target.name, to) });
  }
  const changed = files.filter((f) => f.edits.length > 0).sort((a, b) => a.text.doc.uri.localeCompare(b.text.doc.uri));
  const textEdits = (f: { text: FileText; edits: Edit[] }): TextEdit[] => f.edits.map((e) => toTextEdit(f.text.doc, e));
  if (ctx.client.versionedEdits) {
    return { documentChanges: changed.map((f) => ({ textDocument: { uri: f.text.doc.uri, version: f.text.version }, edits: textEdits(f) })) };
  }
  return { changes: Object.fromEntries(changed.map((f) => [f.text.doc.uri, textEdits(f)])) };
}
