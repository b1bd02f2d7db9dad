import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { directoryNames, ownerKey } from '../../core';
import { rangeOf } from '../file-summary';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import { settlesWithin } from '../settles';
import { directories, fileText } from '../owner-workspace';

/** How long Ctrl+T waits for the workspace index before answering with what is indexed so far. */
const INDEX_WAIT_MS = 1000;

/**
 * Workloads and owners whose name contains the query (the editor ranks them):
 * a workload where its name is written, an owner where the directory writes
 * it, else at its first use.
 */
export async function workspaceSymbols(ctx: ServerContext, params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
  await settlesWithin(ctx.index.ready(), INDEX_WAIT_MS);
  const query = ownerKey(params.query);
  const matches = (name: string) => ownerKey(name).includes(query);
  const symbols: SymbolInformation[] = [];
  const owners = new Map<string, SymbolInformation>();
  const summaries = [...ctx.index.summaries()].sort((a, b) => a.uri.localeCompare(b.uri));
  for (const summary of summaries) {
    for (const workload of summary.workloads) {
      if (workload.name !== undefined && workload.nameSpan && matches(workload.name)) {
        symbols.push({ name: workload.name, kind: SymbolKind.Module, location: { uri: summary.uri, range: rangeOf(summary, workload.nameSpan) }, containerName: 'workload' });
      }
      for (const entry of workload.entries) {
        const owner = entry.owner?.trim();
        if (!owner || !entry.ownerSpan || owners.has(ownerKey(owner)) || !matches(owner)) continue;
        owners.set(ownerKey(owner), { name: owner, kind: SymbolKind.Object, location: { uri: summary.uri, range: rangeOf(summary, entry.ownerSpan) }, containerName: 'owner' });
      }
    }
  }
  for (const uri of directories(ctx).keys()) {
    const text = await fileText(ctx, uri);
    for (const name of text ? directoryNames(text.doc.getText()) : []) {
      if (name.kind !== 'key' || !matches(name.name)) continue;
      owners.set(ownerKey(name.name), { name: name.name, kind: SymbolKind.Object, location: { uri, range: toRange(text!.doc, name.span) }, containerName: 'owner directory' });
    }
  }
  return [...symbols, ...owners.values()];
}
