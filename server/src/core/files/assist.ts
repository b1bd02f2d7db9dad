import type { Span } from '../types';
import type { KeySpec, ValueSpec } from './key-spec';

/** A completion the editor offers in a data file; the adapter maps `kind` to its own item kinds. */
export interface AssistItem {
  readonly label: string;
  readonly kind: 'key' | 'value' | 'matrix' | 'layer' | 'code';
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText?: string;
  readonly sortText?: string;
  /** What the item replaces: the part of the key or value already typed. */
  readonly span: Span;
}

/** What a hover shows: markdown, over the key or value it explains. */
export interface AssistHover {
  readonly markdown: string;
  readonly span: Span;
}

/** Completions for the keys a mapping may still take. */
export function keyItems(specs: readonly KeySpec[], present: readonly string[], span: Span): AssistItem[] {
  return specs
    .filter((s) => !present.includes(s.key))
    .map((s, i) => ({ label: s.key, kind: 'key', documentation: s.description, insertText: `${s.key}:${s.insert ?? ' '}`, sortText: String(i).padStart(3, '0'), span }));
}

export function valueItems(values: readonly ValueSpec[], span: Span): AssistItem[] {
  return values.map((v, i) => ({ label: v.value, kind: 'value', documentation: v.description, sortText: String(i).padStart(3, '0'), span }));
}

export function keyHover(specs: readonly KeySpec[], key: string, span: Span): AssistHover | undefined {
  const spec = specs.find((s) => s.key === key);
  return spec ? { markdown: `**${spec.key}:** ${spec.description}`, span } : undefined;
}

export function valueHover(values: readonly ValueSpec[], value: string, span: Span): AssistHover | undefined {
  const spec = values.find((v) => v.value === value);
  return spec ? { markdown: `**${spec.value}**: ${spec.description}`, span } : undefined;
}

/** A path as `a/-/b`, to match it against the places a format describes. */
export function pathKey(path: readonly string[]): string {
  return path.join('/');
}
