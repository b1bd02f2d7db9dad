/**
 * The report as CSV (RFC 4180): one header row, CRLF line ends, fields quoted
 * when they hold a comma, a quote, CR or LF, quotes doubled.
 *
 * - A long ("tidy") table: one row per workload × layer. Auditors and
 *   spreadsheets filter and pivot it by any column (every gap, everything one
 *   team owns, one matrix); a wide table would need a column per layer, which
 *   differs between matrices.
 * - UTF-8 with a byte-order mark by default: Excel reads a CSV without one as
 *   the machine's legacy code page and garbles every non-ASCII name. `bom: false`
 *   leaves it out for tools that do not expect it.
 * - Formula injection: a field that starts with `=`, `+`, `-`, `@`, a tab or CR
 *   (OWASP's list) gets a leading apostrophe, so that a spreadsheet shows it as
 *   text instead of evaluating it. The apostrophe is part of the value other
 *   tools read.
 */
import { CELL_WORDS, everyCell, gapCells, splitMatrixKey } from './cells';
import type { ReportOverride, ResponsibilityReport } from './model';

export interface CsvOptions {
  readonly by?: 'workload' | 'owner';
  /** Start with a UTF-8 byte-order mark (default true). */
  readonly bom?: boolean;
}

export const CSV_WORKLOAD_COLUMNS = [
  'matrix',
  'matrix_version',
  'workload',
  'file',
  'line',
  'document',
  'model',
  'provider',
  'service',
  'layer',
  'layer_name',
  'cell',
  'state',
  'owner',
  'handoff',
  'contact',
  'derived',
  'override_from',
  'override_to',
  'override_reason',
  'gap_reason',
] as const;

export const CSV_OWNER_COLUMNS = [
  'owner',
  'contact',
  'workload',
  'file',
  'line',
  'matrix',
  'matrix_version',
  'layer',
  'layer_name',
  'cell',
  'state',
  'handoff',
  'override_from',
  'override_to',
  'override_reason',
  'gap_reason',
] as const;

type Row<C extends readonly string[]> = Partial<Record<C[number], string | number | boolean | undefined>>;

export function formatCsv(report: ResponsibilityReport, options: CsvOptions = {}): string {
  const text = options.by === 'owner' ? byOwner(report) : byWorkload(report);
  return (options.bom ?? true) ? `\uFEFF${text}` : text;
}

function byWorkload(report: ResponsibilityReport): string {
  const rows: Row<typeof CSV_WORKLOAD_COLUMNS>[] = [];
  for (const { group, workload: w, layer, cell: c } of everyCell(report)) {
    rows.push({
      matrix: group.id,
      matrix_version: group.version,
      workload: w.name,
      file: w.file,
      line: w.line,
      document: w.documentIndex,
      model: w.model,
      provider: w.provider,
      service: w.service,
      layer: layer.id,
      layer_name: layer.name,
      cell: CELL_WORDS[c.cell],
      state: c.state,
      owner: c.owner,
      handoff: c.handoff,
      contact: c.contact,
      derived: c.derived === true,
      ...overrideColumns(c.override),
      gap_reason: c.gapReason,
    });
  }
  return table(CSV_WORKLOAD_COLUMNS, rows);
}

function byOwner(report: ResponsibilityReport): string {
  const rows: Row<typeof CSV_OWNER_COLUMNS>[] = [];
  for (const o of report.owners) {
    for (const d of o.duties) {
      const { id, version } = splitMatrixKey(d.matrix);
      rows.push({
        owner: o.owner,
        contact: o.contact,
        workload: d.workload,
        file: d.file,
        line: d.line,
        matrix: id,
        matrix_version: version,
        layer: d.layerId,
        layer_name: d.layerName,
        cell: CELL_WORDS[d.cell],
        state: d.state,
        handoff: d.handoff,
        ...overrideColumns(d.override),
      });
    }
  }
  // The unassigned layers close the list, with an empty owner: a filter on it finds them.
  for (const g of gapCells(report)) {
    rows.push({
      owner: '',
      workload: g.workload.name,
      file: g.workload.file,
      line: g.workload.line,
      matrix: g.group.id,
      matrix_version: g.group.version,
      layer: g.layer.id,
      layer_name: g.layer.name,
      cell: CELL_WORDS[g.cell.cell],
      state: 'gap',
      ...overrideColumns(g.cell.override),
      gap_reason: g.cell.gapReason,
    });
  }
  return table(CSV_OWNER_COLUMNS, rows);
}

function overrideColumns(o: ReportOverride | undefined): { override_from?: string; override_to?: string; override_reason?: string } {
  return o ? { override_from: CELL_WORDS[o.from], override_to: CELL_WORDS[o.to], override_reason: o.reason } : {};
}

function table<C extends readonly string[]>(columns: C, rows: readonly Row<C>[]): string {
  const lines = [columns.map(field), ...rows.map((r) => columns.map((c) => field(r[c as C[number]])))];
  return lines.map((l) => `${l.join(',')}\r\n`).join('');
}

/** One field: defused against formulas, then quoted when RFC 4180 asks for it. */
export function field(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
