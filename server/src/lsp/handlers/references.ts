import type { Location, ReferenceParams } from 'vscode-languageserver';
import { rangeOf } from '../file-summary';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import { directoryOccurrences, namesTarget, ownerTargetAt } from '../owner-workspace';

/**
 * Every entry of the workspace that names the owner (by its directory key or
 * an alias), and with the declaration asked for, where the directory writes it.
 */
export async function references(ctx: ServerContext, params: ReferenceParams): Promise<Location[] | null> {
  const target = await ownerTargetAt(ctx, params.textDocument.uri, params.position);
  if (!target) return null;
  await ctx.index.ready();
  const locations: Location[] = [];
  if (params.context.includeDeclaration) {
    for (const { text, spans } of await directoryOccurrences(ctx, target)) for (const span of spans) locations.push({ uri: text.doc.uri, range: toRange(text.doc, span) });
  }
  const summaries = [...ctx.index.summaries()].sort((a, b) => a.uri.localeCompare(b.uri));
  for (const summary of summaries) {
    for (const workload of summary.workloads) {
      for (const entry of workload.entries) {
        if (entry.owner !== undefined && entry.ownerSpan && namesTarget(target, entry.owner)) locations.push({ uri: summary.uri, range: rangeOf(summary, entry.ownerSpan) });
      }
    }
  }
  return locations;
}
