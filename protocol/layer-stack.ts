/**
 * The layer stack of one declaration file, as the webview draws it: the core's
 * types (server/src/core/layer-stack.ts), with ranges as LSP ranges, for the
 * server, the client and the webview page.
 */
import type { LayerBand as CoreBand, LayerStack as CoreStack, WorkloadStack as CoreWorkload } from '../server/src/core/layer-stack';

export type { BandStatus, ModelColumn, StackMatrix } from '../server/src/core/layer-stack';
export type { Cell as Responsibility } from '../server/src/core/matrix/types';

/** Zero-based, UTF-16 columns, as LSP positions. */
export interface StackPosition {
  readonly line: number;
  readonly character: number;
}

export interface StackRange {
  readonly start: StackPosition;
  readonly end: StackPosition;
}

export type LayerBand<R = StackRange> = CoreBand<R>;
export type WorkloadStack<R = StackRange> = CoreWorkload<R>;
export type LayerStack<R = StackRange> = CoreStack<R>;
