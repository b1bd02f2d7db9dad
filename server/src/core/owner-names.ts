import { isMap, isScalar, isSeq, parse, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { CheckResult } from './check';
import type { OwnerEntry } from './config/config';
import { ownerKey } from './format';
import { fieldOf, stringValue } from './parse/declaration';
import { layerOfEntry } from './query';
import type { Edit, Span } from './types';

/*
 * Owners as names the editor navigates: where a file writes them, and how one
 * is renamed without touching anything else. Offsets are into the whole file.
 */

/** One `owner:` value of a declaration file. */
export interface OwnerUse {
  /** The owner as written (its value, quotes taken off). */
  readonly owner: string;
  /** Where the value is written, quotes included. */
  readonly span: Span;
  readonly workloadIndex: number;
  /** The workload's name, when it is text. */
  readonly workload: string | undefined;
  /** The entry's key as written. */
  readonly layerKey: string;
  readonly layerId: string | undefined;
}

/** Two spellings name the same owner when the checker would compare them equal. */
export function sameOwner(a: string, b: string): boolean {
  return ownerKey(a) === ownerKey(b);
}

/** Every owner a checked file names, in text order. */
export function ownerUses(result: CheckResult): OwnerUse[] {
  const uses: OwnerUse[] = [];
  for (const doc of result.documents) {
    const workload = stringValue(fieldOf(doc.declaration.fields, 'workload'));
    for (const entry of doc.declaration.layers?.entries ?? []) {
      const field = fieldOf(entry.fields, 'owner');
      const owner = stringValue(field);
      // A merged owner is written at the anchor, which other entries share: it is not this entry's to rename.
      if (owner === undefined || !field?.valueSpan || field.merged) continue;
      uses.push({
        owner,
        span: { start: field.valueSpan.start + doc.base, end: field.valueSpan.end + doc.base },
        workloadIndex: doc.index,
        workload,
        layerKey: entry.key,
        layerId: layerOfEntry(doc, entry),
      });
    }
  }
  return uses;
}

/** The owner value under an offset (its ends included, as a cursor right after a word is on it). */
export function ownerUseAt(result: CheckResult, offset: number): OwnerUse | undefined {
  return ownerUses(result).find((u) => offset >= u.span.start && offset <= u.span.end);
}

/** A name the owner directory writes: an owner's key, or one of its aliases. */
export interface DirectoryName {
  readonly name: string;
  readonly span: Span;
  readonly kind: 'key' | 'alias';
  /** The key of the owner it belongs to. */
  readonly owner: string;
}

/**
 * Every owner key and alias written in a file that holds the owner directory:
 * a configuration file's `owners:` mapping, or an owner file's top-level
 * mapping. Read from the text itself (it may be an unsaved editor copy).
 */
export function directoryNames(text: string): DirectoryName[] {
  const doc = parseDocument(text);
  // A broken file holds no directory the checker reads (its own findings say why): nothing to navigate or rename.
  const root = doc.errors.length > 0 ? null : doc.contents;
  if (!isMap(root)) return [];
  const inline = root.get('owners', true);
  const map: YAMLMap = isMap(inline) ? inline : root;
  const names: DirectoryName[] = [];
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || typeof key.value !== 'string' || !key.range) continue;
    names.push({ name: key.value, span: { start: key.range[0], end: key.range[1] }, kind: 'key', owner: key.value });
    const aliases = isMap(pair.value) ? pair.value.get('aliases', true) : undefined;
    if (!isSeq(aliases)) continue;
    for (const item of aliases.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.range) names.push({ name: item.value, span: { start: item.range[0], end: item.range[1] }, kind: 'alias', owner: key.value });
    }
  }
  return names;
}

/** The directory key or alias under an offset. */
export function directoryNameAt(text: string, offset: number): DirectoryName | undefined {
  return directoryNames(text).find((n) => offset >= n.span.start && offset <= n.span.end);
}

/** The directory entry an owner names, by its key or one of its aliases. */
export function directoryEntryOf(owners: readonly OwnerEntry[] | undefined, owner: string): OwnerEntry | undefined {
  return owners?.find((e) => sameOwner(e.name, owner)) ?? owners?.find((e) => e.aliases.some((a) => sameOwner(a, owner)));
}

/** Why `name` cannot be an owner's new name; undefined when it can. */
export function invalidOwnerName(name: string): string | undefined {
  if (name.trim() === '') return 'An owner needs a name.';
  if (/[\r\n]/.test(name)) return 'An owner name is one line.';
  if (name.trim() !== name) return 'An owner name neither starts nor ends with a space.';
  return undefined;
}

/**
 * The edit that writes `to` in place of the owner token at `span` of `text`,
 * keeping its quoting: inside the quotes of a quoted value (escaped as that
 * style escapes), the whole token for a plain one (quoted only when `to` could
 * not be written plain). Undefined when the token does not say `from` (the text
 * moved on since it was read).
 */
export function renameTokenEdit(text: string, span: Span, from: string, to: string): Edit | undefined {
  const source = text.slice(span.start, span.end);
  const value = scalarOf(source);
  if (value === undefined || !sameOwner(value, from)) return undefined;
  if (value === to) return undefined;
  const quote = source[0];
  if ((quote === '"' || quote === "'") && source.length >= 2 && source.endsWith(quote) && !/[\r\n]/.test(source)) {
    const inner = quote === '"' ? JSON.stringify(to).slice(1, -1) : to.replace(/'/g, "''");
    return { start: span.start + 1, end: span.end - 1, text: inner };
  }
  return { ...span, text: writesPlain(to) ? to : JSON.stringify(to) };
}

/** The edits that rename every owner `from` names in a declaration file, sorted. */
export function renameOwnerEdits(text: string, result: CheckResult, from: string, to: string): Edit[] {
  return ownerUses(result).flatMap((u) => {
    const edit = sameOwner(u.owner, from) ? renameTokenEdit(text, u.span, from, to) : undefined;
    return edit ? [edit] : [];
  });
}

/** The edits that rename `from` where the directory writes it (its key or an alias), sorted. */
export function renameDirectoryEdits(text: string, from: string, to: string): Edit[] {
  return directoryNames(text)
    .filter((n) => sameOwner(n.name, from))
    .flatMap((n) => {
      const edit = renameTokenEdit(text, n.span, from, to);
      return edit ? [edit] : [];
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * The value being typed at `offset` of a line `key: value`: from its first
 * character (after an opening quote) to the end of the word under the cursor,
 * so that a completion replaces the half-typed word instead of appending to it.
 */
export function typedValueSpan(text: string, offset: number): Span {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const value = /:\s+["']?([^\s"'#]*)$/.exec(before);
  const start = value ? offset - value[1]!.length : offset;
  const after = /^[^\s"'#]*/.exec(text.slice(offset))![0];
  return { start, end: offset + after.length };
}

function scalarOf(source: string): string | undefined {
  try {
    const value: unknown = parse(source, { logLevel: 'error' });
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True when `name` reads back as itself written without quotes. */
function writesPlain(name: string): boolean {
  return scalarOf(name) === name && !/^\s|\s$/.test(name);
}
