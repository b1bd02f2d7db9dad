import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { directoryEntryOf, isProviderOwner, PROVIDER_OWNER, typedValueSpan, type OwnerEntry } from '../../core';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import type { CheckedFile } from '../files';
import { settlesWithin } from '../settles';

/**
 * How long the first owner completion waits for the workspace index. A small
 * workspace is indexed well within it; a large one gets the owners indexed so
 * far, marked incomplete, so the editor asks again as the user types.
 */
const OWNER_INDEX_WAIT_MS = 300;

/**
 * Owners for an `owner:` value: the owner directory's first, then the other
 * owners the workspace uses, then `provider`. Each replaces the whole value
 * being typed (`iam-te` becomes `iam-team`, not `iam-iam-team`).
 */
export async function ownerItems(ctx: ServerContext, file: CheckedFile, offset: number): Promise<CompletionList> {
  const complete = await settlesWithin(ctx.index.ready(), OWNER_INDEX_WAIT_MS);
  const range = toRange(file.doc, typedValueSpan(file.doc.getText(), offset));
  const item = (label: string, rest: Omit<CompletionItem, 'label'>): CompletionItem => ({ label, filterText: label, textEdit: { range, newText: label }, ...rest });
  const directory = file.environment.config.owners ?? [];
  const used = new Set<string>();
  for (const written of ctx.index.owners()) {
    const owner = written.trim();
    if (owner && !isProviderOwner(owner) && !directoryEntryOf(directory, owner)) used.add(owner);
  }
  const items: CompletionItem[] = [
    ...directory.map((entry, i) => item(entry.name, { kind: CompletionItemKind.Value, detail: 'owner directory', documentation: { kind: MarkupKind.Markdown, value: describeEntry(entry) }, sortText: `0${String(i).padStart(5, '0')}` })),
    ...[...used].sort().map((o) => item(o, { kind: CompletionItemKind.Value, detail: directory.length > 0 ? 'used in this workspace, not in the owner directory' : 'owner used in this workspace', sortText: `1${o}` })),
    item(PROVIDER_OWNER, {
      kind: CompletionItemKind.Keyword,
      detail: 'the provider covers this layer',
      documentation: 'Reserved owner: states that this workload relies on the provider for the layer. Wrong on a layer the customer owns or shares.',
      sortText: 'zz',
    }),
  ];
  return { isIncomplete: !complete, items };
}

/** An owner directory entry as Markdown: its name, what it says of itself, its contact and aliases. */
export function describeEntry(entry: OwnerEntry): string {
  const lines = [`**${entry.name}**`];
  if (entry.description) lines.push('', entry.description);
  const facts = [
    entry.contact ? `Contact: ${entry.contact}` : undefined,
    entry.aliases.length > 0 ? `Aliases: ${entry.aliases.join(', ')}` : undefined,
    entry.layers.length > 0 ? `Layers: ${entry.layers.join(', ')}` : undefined,
  ].filter((f) => f !== undefined);
  if (facts.length > 0) lines.push('', ...facts.map((f) => `- ${f}`));
  return lines.join('\n');
}
