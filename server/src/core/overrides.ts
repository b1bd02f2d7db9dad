import { isScalar } from 'yaml';
import type { OverridePolicy } from './config/config';
import { isPlaceholder } from './format';
import { customerShare } from './matrix/duties';
import { isCell, type Cell, type MatrixCell } from './matrix/types';
import { fieldOf, stringValue, type Field, type LayerEntry } from './parse/declaration';

/**
 * A per-entry override (`responsibility:` with a `reason:`): this workload
 * departs from its matrix's cell for one layer. It applies only when it is
 * valid; otherwise the matrix's cell stands and a finding says why.
 */
export interface Override {
  readonly field: Field;
  /** What `responsibility:` says, when it is a cell of the vocabulary. */
  readonly to: Cell | undefined;
  readonly reasonField: Field | undefined;
  /** The reason, when it is real text (not empty, not a placeholder). */
  readonly reason: string | undefined;
  /**
   * - `applied`: the override holds;
   * - `unknown-value`: `responsibility:` is not a cell;
   * - `no-reason`: the reason is missing, empty or a placeholder;
   * - `redundant`: it says what the matrix says;
   * - `refused`: the configuration's `overrides:` policy refuses it.
   */
  readonly status: 'applied' | 'unknown-value' | 'no-reason' | 'redundant' | 'refused';
}

export function readOverride(entry: LayerEntry, matrixCell: MatrixCell | undefined, policy: OverridePolicy): Override | undefined {
  const field = fieldOf(entry.fields, 'responsibility');
  if (!field) return undefined;
  const written = isScalar(field.value) && typeof field.value.value === 'string' ? field.value.value.trim() : undefined;
  const to = isCell(written) ? written : undefined;
  const reasonField = fieldOf(entry.fields, 'reason');
  const text = stringValue(reasonField)?.trim();
  const reason = text && !isPlaceholder(text) ? text : undefined;
  const status: Override['status'] = !to
    ? 'unknown-value'
    : !reason
      ? 'no-reason'
      : matrixCell && matrixCell.who === to
        ? 'redundant'
        : matrixCell && refusedBy(policy, matrixCell.who, to)
          ? 'refused'
          : 'applied';
  return { field, to, reasonField, reason, status };
}

/** The cell that applies to a layer of one workload: the override's when it holds, else the matrix's. */
export function effectiveCell(matrixCell: MatrixCell | undefined, override: Override | undefined): Cell | undefined {
  return override?.status === 'applied' && override.to ? override.to : matrixCell?.who;
}

/** `forbid` refuses every override; `no-reduction` those that move a duty away from the customer. */
export function refusedBy(policy: OverridePolicy, from: Cell, to: Cell): boolean {
  if (policy === 'forbid') return true;
  return policy === 'no-reduction' && customerShare(to) < customerShare(from);
}
