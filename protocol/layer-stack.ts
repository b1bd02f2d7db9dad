/**
 * The layer stack of one declaration file, as the webview draws it. Plain data:
 * it crosses the LSP wire and `postMessage`, so it holds no functions or classes.
 * Imported by the server (which builds it), the client and the webview page.
 */

export type Responsibility = 'customer' | 'shared' | 'provider';

/** Zero-based, UTF-16 columns, as LSP positions. */
export interface StackPosition {
  readonly line: number;
  readonly character: number;
}

export interface StackRange {
  readonly start: StackPosition;
  readonly end: StackPosition;
}

/** The state of one layer in one workload. */
export type BandStatus =
  /** A customer or shared layer with a real owner (and a handoff where shared). */
  | 'assigned'
  /** A customer or shared layer nobody was assigned to. */
  | 'gap'
  /** `owner: provider` on a layer the customer owns or shares. */
  | 'wrongly-provider'
  /** Assigned, but something about the entry needs attention (placeholder owner, missing handoff). */
  | 'incomplete'
  /** A provider layer: nothing is required. */
  | 'provider'
  /** The model is unknown, so responsibility cannot be told. */
  | 'unknown';

export interface LayerBand<R = StackRange> {
  readonly id: string;
  readonly name: string;
  /** Absent when the workload's model is missing or unknown. */
  readonly who?: Responsibility;
  /** Set when the reference table derives this cell instead of listing it. */
  readonly derived?: string;
  readonly owner?: string;
  readonly handoff?: string;
  readonly status: BandStatus;
  /** Why the band needs attention, in words a user understands; absent when it does not. */
  readonly reason?: string;
  /** Where the entry is, or where it would be inserted. */
  readonly reveal: R;
  /** True when "Assign owner" can close this gap with the engine's own fix. */
  readonly canAssign: boolean;
}

export interface ModelColumn {
  readonly id: string;
  readonly name: string;
  readonly cells: readonly { readonly layerId: string; readonly who: Responsibility; readonly derived?: string }[];
}

export interface WorkloadStack<R = StackRange> {
  /** Index of the YAML document in the file, from 0. */
  readonly index: number;
  readonly workload?: string;
  readonly model?: string;
  readonly modelName?: string;
  readonly bands: readonly LayerBand<R>[];
  /** Layers that need a customer owner, and how many of them have one. */
  readonly summary: { readonly required: number; readonly assigned: number };
  /**
   * The band index after which the provider's part of the stack begins (the handoff line);
   * -1 when everything is the provider's, `bands.length - 1` when nothing is; absent for an unknown model.
   */
  readonly handoffAfter?: number;
  readonly range: R;
}

/** `R` is how ranges are written: offsets in the engine, LSP ranges on the wire. */
export interface LayerStack<R = StackRange> {
  readonly uri: string;
  readonly version: number;
  readonly workloads: readonly WorkloadStack<R>[];
  /** Every model of the responsibility model, for the side-by-side view. */
  readonly models: readonly ModelColumn[];
}
