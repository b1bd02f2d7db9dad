/**
 * Builds the responsibility report from declaration texts with TODAY's
 * engine: one built-in matrix (the reference model), no per-entry overrides.
 * Everything that depends on the matrix sits in `referenceMatrix`, so that the
 * matrices work can swap it for the real lookup without touching the rest.
 *
 * A cell is a gap exactly when the checker says so: the builder checks each
 * text itself (suppressions off: a report shows every gap, a suppression only
 * quiets `srm check`) and reads the findings marked `gap: true`.
 */
import { Checker, type CheckResult, type CheckedDocument } from '../check';
import { isRealOwner } from '../format';
import type { ModelIndex } from '../model/model-index';
import { fieldOf, stringValue, type LayerEntry } from '../parse/declaration';
import { LineIndex } from '../text/line-index';
import type { Diagnostic } from '../types';
import { byCodeUnits, hasDuty, matrixKey } from './cells';
import {
  REPORT_FORMAT_VERSION,
  type Cell,
  type ReportCell,
  type ReportLayer,
  type ReportLayerTotals,
  type ReportMatrixGroup,
  type ReportOwner,
  type ReportOwnerDuty,
  type ReportServiceModel,
  type ReportSource,
  type ReportWorkload,
  type ResponsibilityReport,
} from './model';

/** One declaration file: its text, or why it could not be read at all. */
export type ReportInput =
  | { readonly file: string; readonly text: string }
  | { readonly file: string; readonly skipped: string };

export interface BuildReportOptions {
  readonly toolVersion: string;
}

/** A matrix as the builder needs it. */
interface MatrixView {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly source: ReportSource;
  readonly layers: readonly ReportLayer[];
  readonly models: readonly ReportServiceModel[];
  /** The cell of a layer under a service model, or undefined for a model the matrix does not have. */
  cell(modelId: string, layerId: string): { readonly who: Cell; readonly derived: boolean } | undefined;
}

/**
 * The one matrix today's engine knows: the reference model, as `reference@1`.
 * The matrices work replaces this with the matrix each declaration names.
 */
function referenceMatrix(model: ModelIndex): MatrixView {
  return {
    id: 'reference',
    version: '1',
    title: 'The srm reference model',
    source: {
      url: 'https://github.com/srm-tools/srm-tools#the-responsibility-model',
      note: 'The built-in reference table (README, "The responsibility model"); two of its cells are derived, not listed.',
    },
    layers: model.layers.map((l) => ({ id: l.id, name: l.name })),
    models: model.models.map((m) => ({ id: m.id, name: m.name, shortName: m.shortName })),
    cell(modelId, layerId) {
      const cell = model.cell(modelId, layerId);
      return cell ? { who: cell.who, derived: cell.derived !== undefined } : undefined;
    },
  };
}

/** Builds the report of every input, in a stable order whatever order the inputs come in. */
export function buildReport(inputs: readonly ReportInput[], options: BuildReportOptions): ResponsibilityReport {
  const checker = new Checker({ inlineSuppressions: false });
  const matrix = referenceMatrix(checker.model);
  const workloads: ReportWorkload[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const input of [...inputs].sort((a, b) => byCodeUnits(a.file, b.file))) {
    if ('skipped' in input) {
      skipped.push({ file: input.file, reason: input.skipped });
      continue;
    }
    // A fresh checker per file: a checker keeps its last file to re-check edits.
    const result = new Checker({ inlineSuppressions: false }).check(input.text);
    if (result.documents.length === 0) {
      skipped.push({ file: input.file, reason: fileLevelReason(result) });
      continue;
    }
    const lines = new LineIndex(input.text);
    for (const doc of result.documents) {
      const built = workloadOf(doc, result, matrix, checker.model, input.file, lines);
      if ('reason' in built) skipped.push({ file: input.file, reason: built.reason });
      else workloads.push(built);
    }
  }
  const group = groupOf(matrix, workloads);
  const groups = group.workloads.length > 0 ? [group] : [];
  return {
    version: REPORT_FORMAT_VERSION,
    tool: { name: 'srm', version: options.toolVersion },
    groups,
    owners: ownersOf(groups),
    totals: {
      workloads: workloads.length,
      required: sum(workloads, (w) => w.required),
      gaps: sum(workloads, (w) => w.gaps),
      overridden: sum(workloads, (w) => w.cells.filter((c) => c.override).length),
    },
    skipped,
  };
}

function fileLevelReason(result: CheckResult): string {
  const finding = result.diagnostics.find((d) => d.severity === 'error');
  return finding ? `${finding.code}: ${finding.message}` : 'The file declares no workload.';
}

function workloadOf(
  doc: CheckedDocument,
  result: CheckResult,
  matrix: MatrixView,
  model: ModelIndex,
  file: string,
  lines: LineIndex,
): ReportWorkload | { reason: string } {
  const decl = doc.declaration;
  const firstKey = decl.fields[0]?.keySpan.start ?? decl.span.start;
  const line = lines.position(doc.base + firstKey).line;
  const where = `document ${doc.index + 1} (line ${line})`;
  const name = stringValue(fieldOf(decl.fields, 'workload'))?.trim();
  if (!name) return { reason: `${where} has no workload: name.` };
  const modelId = stringValue(fieldOf(decl.fields, 'model'))?.trim();
  if (!modelId) return { reason: `${where} (${name}) has no model:.` };
  if (!matrix.models.some((m) => m.id === modelId)) {
    return { reason: `${where} (${name}): "${modelId}" is not a service model of ${matrixKey(matrix)} (${matrix.models.map((m) => m.id).join(', ')}).` };
  }
  const entries = new Map<string, LayerEntry>();
  for (const entry of decl.layers?.entries ?? []) {
    const id = model.layerIdOf(entry.key);
    // Two entries for one layer are an error (SRM013); the first one speaks for the layer.
    if (id && !entries.has(id)) entries.set(id, entry);
  }
  const gapFindings = gapFindingsOf(doc, result.diagnostics);
  const cells = matrix.layers.map((layer) => cellOf(matrix.cell(modelId, layer.id), layer, entries.get(layer.id), gapFindings.get(layer.id)));
  const provider = stringValue(fieldOf(decl.fields, 'provider'))?.trim();
  const service = stringValue(fieldOf(decl.fields, 'service'))?.trim();
  return {
    name,
    file,
    line,
    documentIndex: doc.index,
    model: modelId,
    ...(provider ? { provider } : {}),
    ...(service ? { service } : {}),
    cells,
    required: cells.filter((c) => asksForOwner(c.cell)).length,
    gaps: cells.filter((c) => c.state === 'gap').length,
    resources: [],
  };
}

function cellOf(
  matrixCell: { readonly who: Cell; readonly derived: boolean } | undefined,
  layer: ReportLayer,
  entry: LayerEntry | undefined,
  gapFinding: Diagnostic | undefined,
): ReportCell {
  const cell: Cell = matrixCell?.who ?? 'not-applicable';
  const text = (key: string): string | undefined => (entry ? stringValue(fieldOf(entry.fields, key)) : undefined);
  const owner = text('owner');
  const handoff = text('handoff');
  const contact = text('contact');
  const gap = asksForOwner(cell) && (gapFinding !== undefined || !isRealOwner(owner));
  const state = gap ? 'gap' : cell === 'customer' ? 'owner' : cell;
  return {
    layerId: layer.id,
    cell,
    state,
    ...(owner !== undefined ? { owner } : {}),
    ...(handoff !== undefined ? { handoff } : {}),
    ...(contact !== undefined ? { contact } : {}),
    ...(gap ? { gapReason: gapFinding?.message ?? `${layer.name} has no owner.` } : {}),
    ...(matrixCell?.derived ? { derived: true } : {}),
  };
}

function asksForOwner(cell: Cell): boolean {
  return cell === 'customer' || cell === 'shared' || cell === 'third-party';
}

/** The first gap finding of each layer of one document (findings come sorted by position). */
function gapFindingsOf(doc: CheckedDocument, all: readonly Diagnostic[]): Map<string, Diagnostic> {
  const start = doc.base + doc.declaration.span.start;
  const end = doc.base + doc.declaration.span.end;
  const out = new Map<string, Diagnostic>();
  for (const d of all) {
    if (d.gap && d.layerId && d.span.start >= start && d.span.start <= end && !out.has(d.layerId)) out.set(d.layerId, d);
  }
  return out;
}

function groupOf(matrix: MatrixView, workloads: readonly ReportWorkload[]): ReportMatrixGroup {
  const totals: ReportLayerTotals[] = matrix.layers.map((layer) => {
    const cells = workloads.map((w) => w.cells.find((c) => c.layerId === layer.id)!);
    return {
      layerId: layer.id,
      required: cells.filter((c) => asksForOwner(c.cell)).length,
      gaps: cells.filter((c) => c.state === 'gap').length,
      overridden: cells.filter((c) => c.override).length,
    };
  });
  return { id: matrix.id, version: matrix.version, title: matrix.title, source: matrix.source, layers: matrix.layers, models: matrix.models, workloads, totals };
}

/** Every owner with their duties, by name; duties in report order. */
export function ownersOf(groups: readonly ReportMatrixGroup[]): ReportOwner[] {
  const byOwner = new Map<string, ReportOwnerDuty[]>();
  for (const group of groups) {
    const names = new Map(group.layers.map((l) => [l.id, l.name]));
    for (const w of group.workloads) {
      for (const c of w.cells) {
        if (!hasDuty(c.state) || c.owner === undefined) continue;
        const owner = c.owner.trim();
        let duties = byOwner.get(owner);
        if (!duties) byOwner.set(owner, (duties = []));
        duties.push({
          workload: w.name,
          file: w.file,
          line: w.line,
          matrix: matrixKey(group),
          layerId: c.layerId,
          layerName: names.get(c.layerId) ?? c.layerId,
          cell: c.cell,
          state: c.state,
          ...(c.handoff !== undefined ? { handoff: c.handoff } : {}),
          ...(c.override ? { override: c.override } : {}),
        });
      }
    }
  }
  return [...byOwner.entries()].sort(([a], [b]) => byCodeUnits(a, b)).map(([owner, duties]) => ({ owner, duties }));
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((n, item) => n + of(item), 0);
}
