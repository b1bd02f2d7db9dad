/**
 * What every format says about a cell, in one place: the words of a cell
 * state, of an override, and the walk over every cell of a report. The
 * formats differ in markup, never in what a cell means.
 */
import type { Cell, CellState, ReportCell, ReportLayer, ReportMatrixGroup, ReportOverride, ReportWorkload, ResponsibilityReport } from './model';

/** How a cell reads in a table: `iam-team`, `shared: platform-team`, `provider`, `n/a`, `GAP`. */
export function cellLabel(cell: Pick<ReportCell, 'state' | 'owner'>): string {
  switch (cell.state) {
    case 'owner':
      return cell.owner ?? '';
    case 'shared':
      return `shared: ${cell.owner ?? ''}`;
    case 'third-party':
      return `third-party: ${cell.owner ?? ''}`;
    case 'provider':
      return 'provider';
    case 'not-applicable':
      return 'n/a';
    case 'gap':
      return 'GAP';
  }
}

/** The cell vocabulary in words (CSA CCM v4 STA-04). */
export const CELL_WORDS: Readonly<Record<Cell, string>> = {
  customer: 'customer',
  shared: 'shared',
  provider: 'provider',
  'third-party': 'third-party',
  'not-applicable': 'n/a',
};

/** `overridden: shared → provider, because Lambda runtime updates are Auto` */
export function overrideText(override: ReportOverride): string {
  return `overridden: ${CELL_WORDS[override.from]} → ${CELL_WORDS[override.to]}, because ${override.reason}`;
}

/** True for the states that name someone on the customer side who owns the layer. */
export function hasDuty(state: CellState): boolean {
  return state === 'owner' || state === 'shared' || state === 'third-party';
}

/** `azure@2026-01` */
export function matrixKey(group: Pick<ReportMatrixGroup, 'id' | 'version'>): string {
  return `${group.id}@${group.version}`;
}

/** Splits `azure@2026-01` at its first `@` (a matrix id has none; a version may). */
export function splitMatrixKey(key: string): { id: string; version: string } {
  const at = key.indexOf('@');
  return at < 0 ? { id: key, version: '' } : { id: key.slice(0, at), version: key.slice(at + 1) };
}

/** The service model's short name (`PaaS`) when the group knows it, else the id as written. */
export function modelLabel(group: ReportMatrixGroup, modelId: string): string {
  return group.models.find((m) => m.id === modelId)?.shortName ?? modelId;
}

export interface CellVisit {
  readonly group: ReportMatrixGroup;
  readonly workload: ReportWorkload;
  readonly layer: ReportLayer;
  readonly cell: ReportCell;
}

/** Every cell of the report, in report order: groups, workloads, then the matrix's layers. */
export function* everyCell(report: ResponsibilityReport): Generator<CellVisit> {
  for (const group of report.groups) {
    const layers = new Map(group.layers.map((l) => [l.id, l]));
    for (const workload of group.workloads) {
      for (const cell of workload.cells) {
        yield { group, workload, layer: layers.get(cell.layerId) ?? { id: cell.layerId, name: cell.layerId }, cell };
      }
    }
  }
}

/** The gaps of the report, for the "unassigned" part of the by-owner views. */
export function gapCells(report: ResponsibilityReport): CellVisit[] {
  return [...everyCell(report)].filter((v) => v.cell.state === 'gap');
}

/** Text on one line: every run of white space (newlines included) becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u2028\u2029]+/g, ' ').trim();
}

/** Compares by UTF-16 code units: the same order on every machine and locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
