import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Span } from '../types';

/** A key or a scalar value of a data file under the cursor, found in the YAML tree (block and flow style alike). */
export interface YamlSpot {
  readonly kind: 'key' | 'value';
  /** The keys from the top down to the key (for a key) or to the value's key; `-` for a list item. */
  readonly path: readonly string[];
  /** The key's text for a key, the value's text for a value. */
  readonly text: string;
  readonly span: Span;
}

/** What is under `offset` (a cursor at a token's end counts as on it); undefined on punctuation, comments, blank space. */
export function yamlSpotAt(text: string, offset: number): YamlSpot | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, keepSourceTokens: false });
  return spotIn(doc.contents, [], offset);
}

function spotIn(node: Node | null | undefined, path: readonly string[], offset: number): YamlSpot | undefined {
  if (!node || !covers(node, offset)) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (isScalar(key) && covers(key, offset)) return { kind: 'key', path: [...path, scalarText(key.value)], text: scalarText(key.value), span: spanOf(key) };
      const inside = spotIn(pair.value as Node | null, [...path, isScalar(key) ? scalarText(key.value) : '?'], offset);
      if (inside) return inside;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const item of node.items) {
      const inside = spotIn(item as Node | null, [...path, '-'], offset);
      if (inside) return inside;
    }
    return undefined;
  }
  if (isScalar(node) && node.value !== null) return { kind: 'value', path, text: scalarText(node.value), span: spanOf(node) };
  return undefined;
}

function covers(node: Node, offset: number): boolean {
  return node.range !== undefined && node.range !== null && node.range[0] <= offset && offset <= node.range[1];
}

function spanOf(node: Node): Span {
  return { start: node.range![0], end: node.range![1] };
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
