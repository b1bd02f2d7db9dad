import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { isProviderOwner } from '../../core';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { namesTarget, ownerTargetAt } from '../owner-workspace';
import { settlesWithin } from '../settles';
import { describeEntry } from './owner-completion';

/** How long a hover waits for the workspace index before counting what is indexed so far. */
const INDEX_WAIT_MS = 300;

/** An owner's directory entry, and how many layers of how many workloads of the workspace it owns. */
export async function ownerHover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const target = await ownerTargetAt(ctx, params.textDocument.uri, params.position);
  if (!target || isProviderOwner(target.name)) return null;
  const complete = await settlesWithin(ctx.index.ready(), INDEX_WAIT_MS);
  let layers = 0;
  const workloads = new Set<string>();
  for (const summary of ctx.index.summaries()) {
    for (const workload of summary.workloads) {
      for (const entry of workload.entries) {
        if (entry.owner === undefined || !namesTarget(target, entry.owner)) continue;
        layers++;
        workloads.add(`${summary.uri}#${workload.index}`);
      }
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const owns = `Owns ${plural(layers, 'layer')} in ${plural(workloads.size, 'workload')} of the workspace${complete ? '' : ' (indexed so far)'}.`;
  const alias = target.entry && target.entry.name !== target.name ? `\`${target.name}\` is an alias of **${target.entry.name}**.\n\n` : '';
  const about = target.entry ? `${alias}${describeEntry(target.entry)}` : `**${target.name}**\n\nNot in an owner directory.`;
  return { contents: { kind: MarkupKind.Markdown, value: `${about}\n\n${owns}` }, range: toRange(target.doc, target.span) };
}
