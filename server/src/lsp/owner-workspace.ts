import type { Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { checkText, directoryEntryOf, directoryNameAt, directoryNames, ownerUseAt, sameOwner, type CheckResult, type OwnerEntry, type Span } from '../core';
import type { ServerContext } from './context';
import { isDeclarationUri, readDeclarationFile } from './disk';

/*
 * What the owner features (hover, rename, references, workspace symbols) share:
 * which owner the cursor is on, the files that hold an owner directory, and
 * the texts of files whether or not the editor has them open.
 */

/** An owner the cursor is on: a declaration's `owner:` value, or a key or alias of the owner directory. */
export interface OwnerTarget {
  readonly name: string;
  readonly uri: string;
  readonly doc: TextDocument;
  readonly span: Span;
  readonly kind: 'use' | 'directory';
  /** The directory entry it names, when the directory of its file has one. */
  readonly entry: OwnerEntry | undefined;
}

/** A file's text as the editor has it (open documents win), else as it is on disk. */
export interface FileText {
  readonly doc: TextDocument;
  /** The editor's version; null for a file read from disk. */
  readonly version: number | null;
}

export async function fileText(ctx: ServerContext, uri: string): Promise<FileText | undefined> {
  const open = ctx.documents.get(uri);
  if (open) return { doc: open, version: open.version };
  const read = await readDeclarationFile(uri);
  return read.kind === 'text' ? { doc: TextDocument.create(uri, 'yaml', 0, read.text), version: null } : undefined;
}

/** The owner under `position` of `uri`, a declaration or a file of an owner directory. */
export async function ownerTargetAt(ctx: ServerContext, uri: string, position: Position): Promise<OwnerTarget | undefined> {
  if (isDeclarationUri(uri) || ctx.documents.get(uri)?.languageId === 'srm') {
    const file = await ctx.current(uri);
    const use = file && ownerUseAt(file.result, file.doc.offsetAt(position));
    if (!file || !use) return undefined;
    return { name: use.owner, uri, doc: file.doc, span: use.span, kind: 'use', entry: directoryEntryOf(file.environment.config.owners, use.owner) };
  }
  const directory = directories(ctx).get(uri);
  const text = directory && (await fileText(ctx, uri));
  const name = text && directoryNameAt(text.doc.getText(), text.doc.offsetAt(position));
  if (!directory || !text || !name) return undefined;
  return { name: name.name, uri, doc: text.doc, span: name.span, kind: 'directory', entry: directoryEntryOf(directory, name.owner) };
}

/**
 * Every file of the workspace that holds an owner directory (a configuration
 * file's `owners:`, or the owner file it names), with the directory it holds.
 * Environments are found for every indexed declaration first, so that a
 * directory no open file uses is known too.
 */
export function directories(ctx: ServerContext): Map<string, readonly OwnerEntry[]> {
  for (const summary of ctx.index.summaries()) ctx.environments.environment(summary.uri);
  const out = new Map<string, readonly OwnerEntry[]>();
  for (const found of ctx.environments.all()) {
    const owners = found.environment.config.owners ?? [];
    for (const entry of owners) out.set(URI.file(entry.uri).toString(), owners);
  }
  return out;
}

/** True when `name` is written in the directory as the owner `target` stands for (its key or an alias). */
export function namesTarget(target: Pick<OwnerTarget, 'name' | 'entry'>, name: string): boolean {
  if (target.entry) return sameOwner(target.entry.name, name) || target.entry.aliases.some((a) => sameOwner(a, name));
  return sameOwner(target.name, name);
}

/** A declaration file checked as it is now: an open document's current check, else its text on disk checked once. */
export async function checkedNow(ctx: ServerContext, uri: string): Promise<{ text: FileText; result: CheckResult } | undefined> {
  if (ctx.documents.get(uri)) {
    const file = await ctx.current(uri);
    return file ? { text: { doc: file.doc, version: file.version }, result: file.result } : undefined;
  }
  const text = await fileText(ctx, uri);
  if (!text) return undefined;
  return { text, result: checkText(text.doc.getText(), { environment: ctx.environments.environment(uri) }) };
}

/** The directory names (keys and aliases) a directory file writes for the owner `target` stands for. */
export async function directoryOccurrences(ctx: ServerContext, target: Pick<OwnerTarget, 'name' | 'entry'>): Promise<{ text: FileText; spans: Span[] }[]> {
  const out: { text: FileText; spans: Span[] }[] = [];
  for (const uri of directories(ctx).keys()) {
    const text = await fileText(ctx, uri);
    if (!text) continue;
    const spans = directoryNames(text.doc.getText())
      .filter((n) => namesTarget(target, n.name))
      .map((n) => n.span);
    if (spans.length > 0) out.push({ text, spans });
  }
  return out;
}
