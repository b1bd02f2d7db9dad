import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../types';

/** A `key: value` pair of a mapping, with the ranges the rules report on. */
export interface Field {
  /** The key as text; for a non-scalar key, its source text. */
  readonly key: string;
  readonly keySpan: Span;
  readonly keyIsScalar: boolean;
  /** The value with an alias followed one step; `null` for an empty value. */
  readonly value: Node | null;
  /** Where the value is written (the alias itself, for an alias). */
  readonly valueSpan: Span | null;
  readonly pair: Pair;
}

export interface LayerEntry extends Field {
  /** The entry's own fields, when its value is a mapping. */
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
}

export function nodeSpan(node: { range?: [number, number, number] | null } | null | undefined): Span | null {
  return node?.range ? { start: node.range[0], end: node.range[1] } : null;
}

export function fieldOf(fields: readonly Field[], key: string): Field | undefined {
  return fields.find((f) => f.key === key);
}

/** A string value: a scalar whose value is a string (not `null`, a number or a boolean). */
export function stringValue(field: Field | undefined): string | undefined {
  const v = field?.value;
  return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
}

export function readDeclaration(doc: Document.Parsed, text: string): Declaration {
  const aliasCount = countAliases(doc);
  const contents = doc.contents;
  const root = isMap(contents) ? contents : null;
  const fields = root ? readFields(doc, root, text) : [];
  const layersField = fieldOf(fields, 'layers');
  let layers: Declaration['layers'] = null;
  if (layersField) {
    const map = isMap(layersField.value) ? layersField.value : null;
    const entries = map
      ? readFields(doc, map, text).map((f) => ({ ...f, fields: isMap(f.value) ? readFields(doc, f.value, text) : [] }))
      : [];
    layers = { field: layersField, map, entries };
  }
  return { span: { start: doc.range[0], end: doc.range[2] }, doc, root, fields, layers, aliasCount };
}

function readFields(doc: Document.Parsed, map: YAMLMap, text: string): Field[] {
  const out: Field[] = [];
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    const keySpan = nodeSpan(keyNode);
    if (!keySpan) continue; // a key-less pair (`: x`) is a parse error already reported
    const keyIsScalar = isScalar(keyNode);
    const key = keyIsScalar ? String(keyNode.value) : text.slice(keySpan.start, keySpan.end);
    const written = pair.value as Node | null;
    const value = isAlias(written) ? ((written.resolve(doc) as Node | undefined) ?? null) : written;
    out.push({ key, keySpan, keyIsScalar, value: isEmptyScalar(value) ? null : value, valueSpan: nodeSpan(written), pair });
  }
  return out;
}

/** `key:` with nothing after it parses as a null scalar with an empty range. */
function isEmptyScalar(node: Node | null): boolean {
  return isScalar(node) && node.value === null && (!node.range || node.range[0] === node.range[1] || node.source === '');
}

function countAliases(doc: Document.Parsed): number {
  let n = 0;
  const walk = (node: unknown): void => {
    if (isAlias(node)) n++;
    else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isMap(node)) {
          const pair = item as Pair;
          walk(pair.key);
          walk(pair.value);
        } else walk(item);
      }
    }
  };
  walk(doc.contents);
  return n;
}
