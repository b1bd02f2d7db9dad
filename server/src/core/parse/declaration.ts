import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Span } from '../types';
import { SharedStrings } from './shared-strings';

/** Every parse of the process shares one table: a key written in two files is the same text too. */
const SCALAR_TEXTS = new SharedStrings();

/** A `key: value` pair of a mapping, with the ranges the rules report on. */
export interface Field {
  /** The key as text: a scalar's value, an alias's scalar; for any other key, its source text. */
  readonly key: string;
  readonly keySpan: Span;
  /** True when the key is text (written, or an alias to a scalar): only such keys name layers or fields. */
  readonly keyIsScalar: boolean;
  /** True when the key is written as an alias (`*name`): a fix that rewrites it changes what the anchor shares. */
  readonly keyIsAlias: boolean;
  /** The value with an alias followed one step; `null` for an empty value. */
  readonly value: Node | null;
  /** Where the value is written (the alias itself, for an alias). */
  readonly valueSpan: Span | null;
  /** The pair as written in this mapping; for a merged field, the merge pair (`<<: *base`). */
  readonly pair: Pair;
  /**
   * True when the field comes from a merge key (`<<: *base`): its spans are the
   * merge key's and the alias's, and no fix may rewrite them (that would edit
   * what every user of the anchor shares).
   */
  readonly merged: boolean;
}

export interface LayerEntry extends Field {
  /** The entry's own fields, when its value is a mapping (merged fields included). */
  readonly fields: readonly Field[];
}

/** One YAML document read as a workload declaration. */
export interface Declaration {
  readonly span: Span;
  /** The parsed document; its `errors` and `warnings` are emptied once read (see `ParsedDocument.problems`). */
  readonly doc: Document.Parsed;
  /** The document's top-level mapping, or null when it is something else. */
  readonly root: YAMLMap | null;
  readonly fields: readonly Field[];
  /** The `layers:` field and its entries, when present. */
  readonly layers: { readonly field: Field; readonly map: YAMLMap | null; readonly entries: readonly LayerEntry[] } | null;
  /** How many aliases the document uses. */
  readonly aliasCount: number;
  /** Merge keys whose value is not an alias to a mapping (or a list of them): what they name is ignored. */
  readonly badMerges: readonly Span[];
}

export function nodeSpan(node: { range?: [number, number, number] | null } | null | undefined): Span | null {
  return node?.range ? { start: node.range[0], end: node.range[1] } : null;
}

export function fieldOf(fields: readonly Field[], key: string): Field | undefined {
  return fields.find((f) => f.key === key && f.keyIsScalar);
}

/** A string value: a scalar whose value is a string (not `null`, a number or a boolean). */
export function stringValue(field: Field | undefined): string | undefined {
  const v = field?.value;
  return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
}

/** True when a fix may rewrite the field's key: written here, as plain text. */
export function keyIsEditable(field: Field): boolean {
  return field.keyIsScalar && !field.keyIsAlias && !field.merged;
}

/** True when a fix may rewrite the field's value where it is written (not through an alias or a merge). */
export function valueIsEditable(field: Field): boolean {
  return !field.merged && !isAlias(field.pair.value);
}

/** `<<`, read as a merge key (the parser is asked for YAML 1.1 merge keys). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

export function readDeclaration(doc: Document.Parsed, text: string): Declaration {
  const aliasCount = countAliases(doc);
  const contents = doc.contents;
  const root = isMap(contents) ? contents : null;
  const badMerges: Span[] = [];
  const read = (map: YAMLMap): Field[] => readFields(doc, map, text, badMerges);
  const fields = root ? read(root) : [];
  const layersField = fieldOf(fields, 'layers');
  let layers: Declaration['layers'] = null;
  if (layersField) {
    const map = isMap(layersField.value) ? layersField.value : null;
    const entries = map ? read(map).map((f) => ({ ...f, fields: isMap(f.value) ? read(f.value) : [] })) : [];
    layers = { field: layersField, map, entries };
  }
  return { span: { start: doc.range[0], end: doc.range[2] }, doc, root, fields, layers, aliasCount, badMerges };
}

/**
 * The fields of a mapping in written order, then those its merge keys bring in
 * that no written key overrides (YAML's merge: the mapping's own keys win, and
 * earlier sources win over later ones).
 */
export function readFields(doc: Document.Parsed, map: YAMLMap, text: string, badMerges: Span[] = []): Field[] {
  const own: Field[] = [];
  const merges: Pair[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) merges.push(pair);
    else {
      const field = readPair(doc, pair, text);
      if (field) own.push(field);
    }
  }
  if (merges.length === 0) return own;
  const taken = new Set(own.filter((f) => f.keyIsScalar).map((f) => f.key));
  const out = [...own];
  for (const mergePair of merges) {
    for (const source of mergeSources(doc, mergePair, badMerges)) {
      for (const pair of source.map.items) {
        if (isMergeKey(pair.key)) continue; // a merge inside a merged map: followed one level only
        const inner = readPair(doc, pair, text);
        if (!inner || !inner.keyIsScalar || taken.has(inner.key)) continue;
        taken.add(inner.key);
        out.push({ ...inner, keySpan: nodeSpan(mergePair.key as Node)!, valueSpan: source.aliasSpan, pair: mergePair, merged: true });
      }
    }
  }
  return out;
}

/** The mappings a merge pair names (`*a`, or `[*a, *b]`), each with where its alias is written. */
function mergeSources(doc: Document.Parsed, pair: Pair, badMerges: Span[]): { map: YAMLMap; aliasSpan: Span }[] {
  const value = pair.value as Node | null;
  const items = isSeq(value) ? (value.items as Node[]) : [value];
  const out: { map: YAMLMap; aliasSpan: Span }[] = [];
  for (const item of items) {
    const target = isAlias(item) ? (item.resolve(doc) as Node | undefined) : undefined;
    if (isAlias(item) && isMap(target)) out.push({ map: target, aliasSpan: nodeSpan(item)! });
    else {
      const at = nodeSpan(item) ?? nodeSpan(pair.key as Node);
      if (at) badMerges.push(at);
    }
  }
  return out;
}

function readPair(doc: Document.Parsed, pair: Pair, text: string): Field | null {
  const written = pair.key as Node | null;
  const keySpan = nodeSpan(written);
  if (!keySpan) return null; // a key-less pair (`: x`) is a parse error already reported
  const keyIsAlias = isAlias(written);
  const keyNode = keyIsAlias ? ((written.resolve(doc) as Node | undefined) ?? null) : written;
  const keyIsScalar = isScalar(keyNode) && keyNode.value !== null && typeof keyNode.value !== 'object';
  const key = keyIsScalar ? String(keyNode.value) : text.slice(keySpan.start, keySpan.end);
  const writtenValue = pair.value as Node | null;
  const value = isAlias(writtenValue) ? ((writtenValue.resolve(doc) as Node | undefined) ?? null) : writtenValue;
  return { key, keySpan, keyIsScalar, keyIsAlias, value: isEmptyScalar(value) ? null : value, valueSpan: nodeSpan(writtenValue), pair, merged: false };
}

/** `key:` with nothing after it parses as a null scalar with an empty range. */
function isEmptyScalar(node: Node | null): boolean {
  return isScalar(node) && node.value === null && (!node.range || node.range[0] === node.range[1] || node.source === '');
}

/**
 * Aliases in the document, counted without recursion (a deep document must
 * not exhaust the stack). The same walk gives each scalar the shared string
 * for its text (SharedStrings), before any field reads it.
 */
function countAliases(doc: Document.Parsed): number {
  let n = 0;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) n++;
    else if (isScalar(node)) shareText(node);
    else if (isMap(node)) {
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return n;
}

/** The parser sets a string scalar's value to its source text: both take the shared string, and stay one. */
function shareText(scalar: Scalar): void {
  const source = scalar.source;
  if (typeof source !== 'string') return;
  // Equal strings compare equal whichever copy each is: the assignments are what make them one.
  const shared = SCALAR_TEXTS.share(source);
  if (scalar.value === source) scalar.value = shared;
  scalar.source = shared;
}

/** A scalar's value as text (strings, numbers, booleans as written by YAML); undefined for anything else. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
