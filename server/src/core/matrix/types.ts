import type { Span } from '../types';

/**
 * Who carries a layer under a service model: the cell vocabulary of CSA CCM v4
 * (STA-04, "SSRM control ownership"): CSC-owned, CSP-owned, shared, outsourced to
 * a third party, or not applicable.
 */
export type Cell = 'customer' | 'shared' | 'provider' | 'third-party' | 'not-applicable';

export const CELLS: readonly Cell[] = ['customer', 'shared', 'third-party', 'provider', 'not-applicable'];

export function isCell(value: unknown): value is Cell {
  return typeof value === 'string' && (CELLS as readonly string[]).includes(value);
}

export interface MatrixCell {
  readonly who: Cell;
  /** What the source says about this cell, when it says more than the letter. */
  readonly note?: string;
  /** Set when the source does not state this cell and it was derived; the text says why. */
  readonly derived?: string;
}

export interface LayerDefinition {
  /** Stable id used as the key under `layers:`. */
  readonly id: string;
  readonly name: string;
  /** Other spellings users write for this layer; matched case- and punctuation-insensitively. */
  readonly aliases: readonly string[];
  /** Ids of layers of other matrices that mean this layer (a declaration moving here keeps them as this id). */
  readonly sameAs: readonly string[];
  /** What the layer covers, in one or two sentences. */
  readonly covers?: string;
  /** What typically goes wrong at this layer's handoff. */
  readonly risk?: string;
  /** What the named owner is expected to do. */
  readonly ownerDuty?: string;
}

export interface ServiceModelDefinition {
  readonly id: string;
  /** How people write it in prose, e.g. `PaaS`. */
  readonly shortName: string;
  readonly name: string;
  readonly description?: string;
  /** Example services the source names for this model. */
  readonly examples: readonly string[];
  /** One cell per layer id of the matrix. */
  readonly cells: Readonly<Record<string, MatrixCell>>;
}

export interface MatrixSource {
  readonly url: string;
  readonly published?: string;
  readonly note?: string;
}

/** Where a matrix comes from: shipped with the checker, or a `*.srm-matrix.yaml` file. */
export type MatrixOrigin = { readonly kind: 'built-in' } | { readonly kind: 'file'; readonly uri: string };

/** A whole responsibility table: layers (rows, top of the stack first) × service models (columns) → cells. */
export interface Matrix {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly source: MatrixSource;
  readonly layers: readonly LayerDefinition[];
  readonly models: readonly ServiceModelDefinition[];
  /** The matrix this one starts from, as written (`reference@1`). */
  readonly extends?: string;
  /** Ids of other matrices' layers that have no row here, with what the source says about them. */
  readonly notListed: Readonly<Record<string, string>>;
  readonly origin: MatrixOrigin;
}

/** `azure@2026-01` as written in a declaration or an `extends:`; the version is optional. */
export interface MatrixRef {
  readonly id: string;
  readonly version?: string;
}

export function parseMatrixRef(text: string): MatrixRef | undefined {
  const m = /^\s*([a-z0-9][a-z0-9-]*)(?:@([^\s@]+))?\s*$/.exec(text);
  if (!m) return undefined;
  return m[2] === undefined ? { id: m[1]! } : { id: m[1]!, version: m[2] };
}

export function formatMatrixRef(matrix: { readonly id: string; readonly version: string }): string {
  return `${matrix.id}@${matrix.version}`;
}

/** A position in a matrix file, for findings that point at it from elsewhere. */
export interface MatrixLocation {
  readonly uri: string;
  readonly span: Span;
}
