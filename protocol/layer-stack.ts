/**
 * The layer stack of one declaration file, as the webview draws it: the core's
 * types (server/src/core/layer-stack.ts), with ranges as LSP ranges, for the
 * server, the client and the webview page.
 */
import type { ClaimedResource, LayerBand as CoreBand, LayerStack as CoreStack, WorkloadStack as CoreWorkload } from '../server/src/core/layer-stack';

export type { BandAdvice, BandStatus, ModelColumn, StackMatrix } from '../server/src/core/layer-stack';
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
/** A resource of infrastructure code a workload claims (`iac:`). */
export type StackResource = ClaimedResource;

/** The claimed resources of a workload, when it has well-formed ones: the page reads them from a message, so it checks. */
export function resourcesOf(workload: object): readonly StackResource[] {
  const raw = (workload as { resources?: unknown }).resources;
  if (!Array.isArray(raw)) return [];
  return raw.filter((r): r is StackResource => {
    if (typeof r !== 'object' || r === null) return false;
    const c = r as Partial<StackResource>;
    return (
      typeof c.address === 'string' &&
      typeof c.file === 'string' &&
      typeof c.line === 'number' &&
      Number.isInteger(c.line) &&
      (c.status === 'resolved' || c.status === 'missing') &&
      (c.target === undefined || typeof c.target === 'string')
    );
  });
}
