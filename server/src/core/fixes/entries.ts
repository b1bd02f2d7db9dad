import type { Node, YAMLMap } from 'yaml';
import type { ModelIndex } from '../model/model-index';
import type { Declaration, Field, LayerEntry } from '../parse/declaration';
import type { Edit } from '../types';
import type { EditContext } from './edit-context';

/** What a new entry's owner holds until the user types the real one. */
export const OWNER_PLACEHOLDER = 'TODO';
export const HANDOFF_PLACEHOLDER = 'TODO';

export interface NewEntry {
  readonly layerId: string;
  /** Adds a `handoff:` line too (for shared layers). */
  readonly withHandoff: boolean;
}

/**
 * The edits that add entries under `layers:` for the given layers, creating
 * `layers:` when absent. Entries go in the model's layer order where the map
 * allows: each after the nearest existing entry above it in the stack. Only
 * insertions, so every existing byte stays as it was.
 */
export function addEntriesEdits(decl: Declaration, entries: readonly NewEntry[], model: ModelIndex, ctx: EditContext): Edit[] {
  if (!decl.root || entries.length === 0) return [];
  const sorted = [...entries].sort((a, b) => model.position(a.layerId) - model.position(b.layerId));
  const layers = decl.layers;
  if (!layers) return [createLayersEdit(decl, decl.root, sorted, ctx)];
  if (layers.map) {
    return layers.map.flow ? [flowInsert(layers.map, sorted, ctx)] : blockInsert(layers.entries, sorted, model, ctx);
  }
  if (layers.field.value === null) {
    const indent = ctx.column(layers.field.keySpan.start) + ctx.indent;
    const at = ctx.nextLine(layers.field.keySpan.end);
    return [{ start: at.offset, end: at.offset, text: at.prefix + blockEntries(sorted, indent, ctx) }];
  }
  return []; // `layers:` holds something other than a mapping: the type rule reports it
}

/** The edit that adds `handoff:` to an entry, after its last field. */
export function addHandoffEdit(entry: LayerEntry, ctx: EditContext): Edit | null {
  const map = entry.value as YAMLMap | null;
  if (!map || entry.fields.length === 0) return null;
  if (map.flow) return flowInsertText(map, `handoff: ${HANDOFF_PLACEHOLDER}`, ctx);
  const last = entry.fields[entry.fields.length - 1];
  const at = ctx.nextLine(fieldEnd(last));
  const indent = ' '.repeat(ctx.column(entry.fields[0].keySpan.start));
  return { start: at.offset, end: at.offset, text: `${at.prefix}${indent}handoff: ${HANDOFF_PLACEHOLDER}${ctx.eol}` };
}

function blockInsert(existing: readonly LayerEntry[], sorted: readonly NewEntry[], model: ModelIndex, ctx: EditContext): Edit[] {
  if (existing.length === 0) return [];
  const indent = ctx.column(existing[0].keySpan.start);
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
  const edits: Edit[] = [];
  for (const [index, group] of groups) {
    const text = blockEntries(group, indent, ctx);
    if (index < 0) {
      // Above the first entry and above the comments that introduce it, so they stay with it.
      const start = ctx.commentBlockStart(ctx.lineStart(existing[0].keySpan.start), indent);
      edits.push({ start, end: start, text });
    } else {
      const at = ctx.nextLine(fieldEnd(existing[index]));
      edits.push({ start: at.offset, end: at.offset, text: at.prefix + text });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** An entry's place in the stack, whether its key is the id or another spelling; -1 when unknown. */
function positionOf(entry: LayerEntry, model: ModelIndex): number {
  return model.position(model.layer(entry.key) ? entry.key : (model.layerByOtherSpelling(entry.key)?.id ?? ''));
}

function blockEntries(entries: readonly NewEntry[], indent: number, ctx: EditContext): string {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + ctx.indent);
  return entries
    .map(
      (e) =>
        `${pad}${e.layerId}:${ctx.eol}${inner}owner: ${OWNER_PLACEHOLDER}${ctx.eol}` +
        (e.withHandoff ? `${inner}handoff: ${HANDOFF_PLACEHOLDER}${ctx.eol}` : ''),
    )
    .join('');
}

function flowEntry(e: NewEntry): string {
  return `${e.layerId}: {owner: ${OWNER_PLACEHOLDER}${e.withHandoff ? `, handoff: ${HANDOFF_PLACEHOLDER}` : ''}}`;
}

function flowInsert(map: YAMLMap, sorted: readonly NewEntry[], ctx: EditContext): Edit {
  return flowInsertText(map, sorted.map(flowEntry).join(', '), ctx);
}

/** The edit that adds `item` to a flow mapping, after its last item (so a trailing comma, space or comment before `}` stays put). */
export function flowInsertText(map: YAMLMap, item: string, ctx: EditContext): Edit {
  const [start, end] = map.range!;
  const close = ctx.flowClose(end);
  const text = ctx.flowIsEmpty(start, close) ? item : `, ${item}`;
  // After the last item rather than before `}`, so a space or line break before `}` stays put.
  const last = map.items[map.items.length - 1];
  const lastEnd = last ? fieldEndOfPair(last.key as Node | null, last.value as Node | null) : close;
  const at = Math.min(lastEnd, close);
  return { start: at, end: at, text };
}

function createLayersEdit(decl: Declaration, root: YAMLMap, sorted: readonly NewEntry[], ctx: EditContext): Edit {
  if (root.flow) {
    return flowInsertText(root, `layers: {${sorted.map(flowEntry).join(', ')}}`, ctx);
  }
  const last = decl.fields[decl.fields.length - 1];
  const indent = last ? ctx.column(decl.fields[0].keySpan.start) : 0;
  const at = ctx.nextLine(last ? fieldEnd(last) : root.range![0]);
  const text = `${' '.repeat(indent)}layers:${ctx.eol}${blockEntries(sorted, indent + ctx.indent, ctx)}`;
  return { start: at.offset, end: at.offset, text: at.prefix + text };
}

function fieldEnd(field: Field): number {
  return fieldEndOfPair(field.pair.key as Node | null, field.pair.value as Node | null);
}

/** The end of a pair's written value (without trailing comments), or of its key when the value is empty. */
function fieldEndOfPair(key: Node | null, value: Node | null): number {
  const keyEnd = key?.range?.[1] ?? 0;
  const valueEnd = value?.range?.[1] ?? 0;
  return Math.max(keyEnd, valueEnd);
}
