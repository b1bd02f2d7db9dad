/**
 * The layer stack of one declaration file, as the webview draws it: the core's
 * types (server/src/core/layer-stack.ts), with ranges as LSP ranges, for the
 * server, the client and the webview page.
 */
import type { LayerBand as CoreBand, LayerStack as CoreStack, WorkloadStack as CoreWorkload } from '../server/src/core/layer-stack';

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

/**
 * A resource in infrastructure code that a workload claims (`iac:`), as IaC
 * discovery adds them to a workload (`resources`). Views read the field when it
 * is there and do without it when it is not.
 */
export interface StackResource {
  /** `aws_lambda_function.api`, or a CloudFormation logical id. */
  readonly address: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
}

/** The claimed resources of a workload of any stack or report, when it has well-formed ones. */
export function resourcesOf(workload: object): readonly StackResource[] {
  const raw = (workload as { resources?: unknown }).resources;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is StackResource =>
      typeof r === 'object' && r !== null && typeof (r as StackResource).address === 'string' && typeof (r as StackResource).file === 'string' && typeof (r as StackResource).line === 'number',
  );
}
