import { isMap, isPair, isSeq, type Node, type YAMLMap } from 'yaml';
import type { MatrixIndex } from '../matrix/matrix-index';
import { valueIsEditable, type Declaration, type Field, type LayerEntry } from '../parse/declaration';
import type { Edit } from '../types';
import type { EditContext } from './edit-context';

/** What a new entry's owner holds until the user types the real one. */
export const OWNER_PLACEHOLDER = 'TODO';
export const HANDOFF_PLACEHOLDER = 'TODO';

export interface NewEntry {
  readonly layerId: string;
  /** Adds a `handoff:` line too (for layers whose cell asks for one). */
  readonly withHandoff: boolean;
  /** More fields after the owner (and handoff), as key and YAML text: an override, say. */
  readonly extra?: readonly (readonly [string, string])[];
}

/**
 * The edits that add entries under `layers:` for the given layers, creating
 * `layers:` when absent. Entries go in the model's layer order where the map
 * allows: each after the nearest existing entry above it in the stack. Only
 * insertions, so every existing byte stays as it was.
 */
export function addEntriesEdits(decl: Declaration, entries: readonly NewEntry[], model: MatrixIndex, ctx: EditContext): Edit[] {
  if (!decl.root || entries.length === 0) return [];
  const sorted = [...entries].sort((a, b) => model.position(a.layerId) - model.position(b.layerId));
  const layers = decl.layers;
  if (!layers) return [createLayersEdit(decl.root, sorted, ctx)];
  if (layers.map) {
    if (!valueIsEditable(layers.field)) return []; // `layers: *shared`: adding here would change every user of the anchor
    return layers.map.flow ? flowInsert(layers.map, layers.entries, sorted, model, ctx) : blockInsert(layers.map, layers.entries, sorted, model, ctx);
  }
  if (layers.field.value === null) {
    if (decl.root.flow) return [flowValueEdit(layers.field, `{${sorted.map(flowEntry).join(', ')}}`, ctx)];
    const indent = ctx.keyIndent(layers.field.keySpan.start) + ctx.indent;
    const at = ctx.nextLine(layers.field.keySpan.end);
    return [{ start: at.offset, end: at.offset, text: at.prefix + blockEntries(sorted, indent, ctx) }];
  }
  return []; // `layers:` holds something other than a mapping: the type rule reports it
}

/** The edit that adds `handoff:` to an entry, after its last field. */
export function addHandoffEdit(entry: LayerEntry, ctx: EditContext): Edit | null {
  return addFieldsEdit(entry, [['handoff', HANDOFF_PLACEHOLDER]], ctx);
}

/**
 * The edit that adds fields (key and YAML text) to an entry written here,
 * after its last written field and lined up with its keys; null for an entry
 * that is not a mapping written in place (an alias, a merge).
 */
export function addFieldsEdit(entry: LayerEntry, fields: readonly (readonly [string, string])[], ctx: EditContext): Edit | null {
  const map = isMap(entry.pair.value) ? entry.pair.value : null; // written here: an entry shared through an alias is not edited
  const last = map?.items[map.items.length - 1];
  if (!map || !last || entry.merged || fields.length === 0) return null;
  if (map.flow) return flowInsertText(map, fields.map(([k, v]) => `${k}: ${v}`).join(', '), ctx);
  const at = ctx.nextLine(fieldEndOfPair(last.key as Node | null, last.value as Node | null));
  const indent = ' '.repeat(ctx.blockIndent(map.range![0]));
  return { start: at.offset, end: at.offset, text: at.prefix + fields.map(([k, v]) => `${indent}${k}: ${v}${ctx.eol}`).join('') };
}

/**
 * The edits that remove fields of an entry: whole lines in a block mapping,
 * the item and its comma in a flow one. Empty when a field does not stand on
 * lines of its own (then a person removes it).
 */
export function removeFieldsEdits(entry: LayerEntry, fields: readonly Field[], ctx: EditContext): Edit[] {
  const map = isMap(entry.pair.value) ? entry.pair.value : null;
  if (!map || fields.some((f) => f.merged)) return [];
  const ranges: { start: number; end: number }[] = [];
  for (const field of fields) {
    const end = fieldEndOfPair(field.pair.key as Node | null, field.pair.value as Node | null);
    if (map.flow) {
      const after = /^\s*,\s*/.exec(ctx.text.slice(end));
      if (after) ranges.push({ start: field.keySpan.start, end: end + after[0].length });
      else {
        const before = /,\s*$/.exec(ctx.text.slice(0, field.keySpan.start));
        ranges.push({ start: before ? field.keySpan.start - before[0].length : field.keySpan.start, end });
      }
      continue;
    }
    const lineStart = ctx.lineStart(field.keySpan.start);
    if (ctx.text.slice(lineStart, field.keySpan.start).trim() !== '') return [];
    ranges.push({ start: lineStart, end: ctx.nextLine(end).offset });
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged.map((r) => ({ ...r, text: '' }));
}

/** The new entries grouped by the existing entry each goes after: the nearest above it in the stack (its index; -1 for before the first). */
function groupByAnchor(existing: readonly LayerEntry[], sorted: readonly NewEntry[], model: MatrixIndex): Map<number, NewEntry[]> {
  const groups = new Map<number, NewEntry[]>();
  for (const entry of sorted) {
    const pos = model.position(entry.layerId);
    const above = existing.filter((e) => {
      const p = positionOf(e, model);
      return p >= 0 && p < pos;
    });
    const anchor = above.length ? above.reduce((a, b) => (positionOf(b, model) >= positionOf(a, model) ? b : a)) : null;
    const offset = anchor ? existing.indexOf(anchor) : -1;
    groups.set(offset, [...(groups.get(offset) ?? []), entry]);
  }
  return groups;
}

function blockInsert(map: YAMLMap, existing: readonly LayerEntry[], sorted: readonly NewEntry[], model: MatrixIndex, ctx: EditContext): Edit[] {
  if (existing.length === 0) return [];
  const indent = ctx.blockIndent(map.range![0]);
  const edits: Edit[] = [];
  for (const [index, group] of groupByAnchor(existing, sorted, model)) {
    const text = blockEntries(group, indent, ctx);
    if (index < 0) {
      // Above the first entry and above the comments that introduce it, so they stay with it.
      const start = ctx.commentBlockStart(ctx.lineStart(existing[0]!.keySpan.start), indent);
      edits.push({ start, end: start, text });
    } else {
      const at = ctx.nextLine(fieldEnd(existing[index]!));
      edits.push({ start: at.offset, end: at.offset, text: at.prefix + text });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** An entry's place in the stack, whether its key is the id or another spelling; -1 when unknown. */
function positionOf(entry: LayerEntry, model: MatrixIndex): number {
  return model.position(model.layerOf(entry) ?? '');
}

/** A new entry's fields, as key and YAML text: the placeholder owner, then a handoff and any extra fields. */
function entryFields(e: NewEntry): (readonly [string, string])[] {
  return [['owner', OWNER_PLACEHOLDER], ...(e.withHandoff ? [['handoff', HANDOFF_PLACEHOLDER] as const] : []), ...(e.extra ?? [])];
}

/**
 * The lines of a new block entry: its key at `pad`, each field one `step`
 * deeper. The one builder of a new entry's text: quick fixes, the new
 * declaration template, the snippets and layer completion all write entries
 * with it, each with its own values (placeholders, snippet tab stops).
 */
export function entryLines(key: string, fields: readonly (readonly [string, string])[], pad: string, step: string, keyComment?: string): string[] {
  return [`${pad}${key}:${keyComment ? `   # ${keyComment}` : ''}`, ...fields.map(([k, v]) => `${pad}${step}${k}: ${v}`)];
}

function blockEntries(entries: readonly NewEntry[], indent: number, ctx: EditContext): string {
  const pad = ' '.repeat(indent);
  const step = ' '.repeat(ctx.indent);
  return entries.map((e) => entryLines(e.layerId, entryFields(e), pad, step).map((line) => line + ctx.eol).join('')).join('');
}

function flowEntry(e: NewEntry): string {
  return `${e.layerId}: {${entryFields(e).map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}

/** Entries added to a flow mapping in flow style, in layer order like block ones. */
function flowInsert(map: YAMLMap, existing: readonly LayerEntry[], sorted: readonly NewEntry[], model: MatrixIndex, ctx: EditContext): Edit[] {
  const open = map.range![0];
  if (existing.length === 0 || ctx.text[open] !== '{') return [flowInsertText(map, sorted.map(flowEntry).join(', '), ctx)];
  const edits: Edit[] = [];
  for (const [index, group] of groupByAnchor(existing, sorted, model)) {
    const items = group.map(flowEntry).join(', ');
    if (index >= 0) {
      const at = fieldEnd(existing[index]!);
      edits.push({ start: at, end: at, text: `, ${items}` });
    } else {
      // Right after `{`: the first entry keeps its anchor or tag, and the space or line break after `{` stays.
      const next = ctx.text[open + 1] ?? '';
      edits.push({ start: open + 1, end: open + 1, text: next === ' ' ? ` ${items},` : /\s/.test(next) ? `${items},` : `${items}, ` });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** The edit that adds `item` to a flow mapping, after its last item (so a trailing comma, space or comment before `}` stays put). */
export function flowInsertText(map: YAMLMap, item: string, ctx: EditContext): Edit {
  const [start, end] = map.range!;
  const closeAt = ctx.flowClose(end);
  const close = closeAt > start ? closeAt : end; // unclosed (a YAML error): where the parser stopped reading it
  // Empty by its items, not its text: a comment may sit between `{` and `}`.
  const text = map.items.length === 0 ? item : `, ${item}`;
  // After the last item rather than before `}`, so a space or line break before `}` stays put.
  const last = map.items[map.items.length - 1];
  // An empty map spread over lines (`{`, a comment, `}`): right after `{`, where the line is indented enough.
  const empty = ctx.text[start] === '{' && /[\r\n]/.test(ctx.text.slice(start, close)) ? start + 1 : close;
  const lastEnd = last ? fieldEndOfPair(last.key as Node | null, last.value as Node | null) : empty;
  const at = Math.min(lastEnd, close);
  return { start: at, end: at, text };
}

/** The edit that gives a value-less key of a flow mapping its value: `key` or `key:` becomes `key: value`. */
function flowValueEdit(field: Field, value: string, ctx: EditContext): Edit {
  const colon = /^[ \t]*:/.exec(ctx.text.slice(field.keySpan.end));
  const at = field.keySpan.end + (colon ? colon[0].length : 0);
  return { start: at, end: at, text: `${colon ? ' ' : ': '}${value}` };
}

function createLayersEdit(root: YAMLMap, sorted: readonly NewEntry[], ctx: EditContext): Edit {
  if (root.flow) {
    return flowInsertText(root, `layers: {${sorted.map(flowEntry).join(', ')}}`, ctx);
  }
  const last = root.items[root.items.length - 1];
  const indent = last ? ctx.blockIndent(root.range![0]) : 0;
  const at = ctx.nextLine(last ? fieldEndOfPair(last.key as Node | null, last.value as Node | null) : root.range![0]);
  const text = `${' '.repeat(indent)}layers:${ctx.eol}${blockEntries(sorted, indent + ctx.indent, ctx)}`;
  return { start: at.offset, end: at.offset, text: at.prefix + text };
}

function fieldEnd(field: Field): number {
  return fieldEndOfPair(field.pair.key as Node | null, field.pair.value as Node | null);
}

/**
 * The end of a pair's written content: its value's last character, without the
 * comments that follow it. A block collection's own range runs on over the
 * comments below its last item, and those belong to what comes next.
 */
function fieldEndOfPair(key: Node | null, value: Node | null): number {
  const keyEnd = key?.range?.[1] ?? 0;
  let node: unknown = value;
  // Down the last items of block collections (a few levels in a declaration; a loop, not recursion).
  while ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last: unknown = node.items[node.items.length - 1];
    if (isPair(last)) {
      if (last.value === null || last.value === undefined) return Math.max(keyEnd, (last.key as Node | null)?.range?.[1] ?? 0);
      node = last.value;
    } else node = last;
  }
  const valueEnd = (node as Node | null)?.range?.[1] ?? 0;
  return Math.max(keyEnd, valueEnd);
}
