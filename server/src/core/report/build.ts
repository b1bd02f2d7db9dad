/**
 * Builds the responsibility report from declaration texts, each checked in the
 * environment (matrices, configuration) that governs its file: the same check
 * as `srm check`, with suppressions off, because a report shows every gap and
 * a suppression only quiets the check.
 *
 * Which layers are gaps, and which cell applies after an override, comes from
 * `layerStates`: one definition of a gap for the report, the status bar, the
 * layer stack and the CLI summary.
 */
import { Checker, type CheckResult, type CheckedDocument } from '../check';
import type { OwnerEntry } from '../config/config';
import { builtInEnvironment, type CheckEnvironment } from '../environment';
import { ownerKey } from '../format';
import { layerStates, type LayerState } from '../layer-state';
import { needsOwner } from '../matrix/duties';
import type { MatrixIndex } from '../matrix/matrix-index';
import { modelIdOf } from '../query';
import { fieldOf, stringValue, type Declaration } from '../parse/declaration';
import { LineIndex } from '../text/line-index';
import { lineAt } from '../text/line-starts';
import type { Diagnostic } from '../types';
import { byCodeUnits, hasDuty, matrixKey } from './cells';
import {
  REPORT_FORMAT_VERSION,
  type ReportCell,
  type ReportLayerTotals,
  type ReportMatrixGroup,
  type ReportOwner,
  type ReportOwnerDuty,
  type ReportWorkload,
  type ResponsibilityReport,
} from './model';

/** One declaration file: its text and the environment of its folder, or why it could not be read at all. */
export type ReportInput =
  | { readonly file: string; readonly text: string; readonly environment?: CheckEnvironment }
  | { readonly file: string; readonly skipped: string };

export interface BuildReportOptions {
  readonly toolVersion: string;
}

export interface Built {
  readonly matrix: MatrixIndex;
  readonly workload: ReportWorkload;
  readonly directory: readonly OwnerEntry[] | undefined;
}

/** Builds the report of every input, in a stable order whatever order the inputs come in. */
export function buildReport(inputs: readonly ReportInput[], options: BuildReportOptions): ResponsibilityReport {
  return assembleReport(inputs.map(reportPiecesOf), options);
}

/**
 * What one input adds to a report: its workloads, or why it was skipped. A
 * server keeps these per file and re-makes only the pieces of a changed file
 * (assembleReport is cheap next to checking every file again).
 */
export interface ReportPieces {
  readonly file: string;
  readonly built: readonly Built[];
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

export function reportPiecesOf(input: ReportInput): ReportPieces {
  if ('skipped' in input) return { file: input.file, built: [], skipped: [{ file: input.file, reason: input.skipped }] };
  const environment = input.environment ?? builtInEnvironment();
  return piecesOfCheck(input.file, input.text, environment, reportCheck(input.text, environment));
}

/**
 * The check a report is made from: suppressions off, no decoder facts. Its
 * `documents` are those of any other check of the same text in the same
 * environment (suppressions and facts change findings only), so one run can
 * serve both a report and whatever else reads the documents.
 */
export function reportCheck(text: string, environment: CheckEnvironment): CheckResult {
  // A fresh checker per file: a checker keeps its last file to re-check edits.
  return new Checker({ environment, inlineSuppressions: false }).check(text);
}

/**
 * What one file adds to a report, from a check of `text` in `environment`:
 * reportCheck's, or any other (an editor's, with suppressions on), as the
 * findings a report reads are the check's `unsuppressed` ones. `lineStarts`:
 * where each line of `text` starts, when the caller has them already.
 */
export function piecesOfCheck(file: string, text: string, environment: CheckEnvironment, result: CheckResult, lineStarts?: ArrayLike<number>): ReportPieces {
  const findings = result.unsuppressed ?? result.diagnostics;
  if (result.documents.length === 0) return { file, built: [], skipped: [{ file, reason: fileLevelReason(findings) }] };
  const lineOf = lineStarts ? (offset: number) => lineAt(lineStarts, offset) + 1 : lineIndexOf(text);
  const built: Built[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const doc of result.documents) {
    const one = builtOf(doc, findings, environment, file, lineOf);
    if ('reason' in one) skipped.push({ file, reason: one.reason });
    else built.push(one);
  }
  return { file, built, skipped };
}

/** The report of every file's pieces, in a stable order whatever order they come in. */
export function assembleReport(pieces: readonly ReportPieces[], options: BuildReportOptions): ResponsibilityReport {
  const sorted = [...pieces].sort((a, b) => byCodeUnits(a.file, b.file));
  const built = sorted.flatMap((p) => p.built);
  const skipped = sorted.flatMap((p) => p.skipped);
  const groups = groupsOf(built);
  const workloads = built.map((b) => b.workload);
  return {
    version: REPORT_FORMAT_VERSION,
    tool: { name: 'srm', version: options.toolVersion },
    groups,
    owners: ownersOf(groups, directoryOf(built)),
    totals: {
      workloads: workloads.length,
      required: sum(workloads, (w) => w.required),
      gaps: sum(workloads, (w) => w.gaps),
      overridden: sum(workloads, (w) => w.cells.filter((c) => c.override).length),
    },
    skipped,
  };
}

function fileLevelReason(findings: readonly Diagnostic[]): string {
  const finding = findings.find((d) => d.severity === 'error');
  return finding ? `${finding.code}: ${finding.message}` : 'The file declares no workload.';
}

/**
 * Workloads already made, by declaration: a check hands back the same
 * declaration for every document whose text did not change, so the pieces of
 * a file of thousands of documents, made again after an edit, make only the
 * edited document's workload again. A workload rests on the declaration, its
 * matrix, the override policy and its gap findings' words (a finding of one
 * document can depend on the rest of the file only through the file's cap on
 * findings), besides where it stands (file, line, index), which is set anew.
 * Weak: it keeps no declaration alive.
 */
const made = new WeakMap<Declaration, { readonly environment: CheckEnvironment; readonly gapFindings: readonly Diagnostic[]; readonly built: Built }>();

function builtOf(doc: CheckedDocument, all: readonly Diagnostic[], environment: CheckEnvironment, file: string, lineOf: (offset: number) => number): Built | { reason: string } {
  const decl = doc.declaration;
  const firstKey = decl.fields[0]?.keySpan.start ?? decl.span.start;
  const line = lineOf(doc.base + firstKey);
  const [from, to] = findingsOf(doc, all);
  const known = made.get(decl);
  if (known && known.environment === environment && sameGapWords(all, from, to, known.gapFindings)) {
    const w = known.built.workload;
    if (w.file === file && w.line === line && w.documentIndex === doc.index) return known.built;
    // Spread over the kept workload, so its keys keep their order (the JSON export writes them in it).
    const moved: Built = { ...known.built, workload: { ...w, file, line, documentIndex: doc.index } };
    made.set(decl, { ...known, built: moved });
    return moved;
  }
  const findings = all.slice(from, to);
  const gapFindings = gapFindingsOf(findings);
  const one = freshWorkloadOf(doc, findings, gapFindings, environment, file, line);
  if ('reason' in one) return one;
  const built: Built = { ...one, directory: environment.config.owners };
  made.set(decl, { environment, gapFindings: [...gapFindings.values()], built });
  return built;
}

/** The 1-based line of an offset, by a line index made once for the file. */
function lineIndexOf(text: string): (offset: number) => number {
  const lines = new LineIndex(text);
  return (offset) => lines.position(offset).line;
}

function freshWorkloadOf(
  doc: CheckedDocument,
  findings: readonly Diagnostic[],
  gapFindings: ReadonlyMap<string, Diagnostic>,
  environment: CheckEnvironment,
  file: string,
  line: number,
): { matrix: MatrixIndex; workload: ReportWorkload } | { reason: string } {
  const decl = doc.declaration;
  const where = `document ${doc.index + 1} (line ${line})`;
  const name = stringValue(fieldOf(decl.fields, 'workload'))?.trim();
  if (!name) return { reason: `${where} has no workload: name.` };
  const matrix = doc.matrix;
  if (!matrix) return { reason: `${where} (${name}): ${matrixProblem(doc, findings)}` };
  const modelId = modelIdOf(doc)?.trim();
  if (!modelId) return { reason: `${where} (${name}) has no model:.` };
  if (!matrix.serviceModel(modelId)) {
    return { reason: `${where} (${name}): "${modelId}" is not a service model of ${matrix.ref} (${matrix.models.map((m) => m.id).join(', ')}).` };
  }
  const cells = layerStates(doc, environment.config.overrides).map((state) => cellOf(state, matrix, gapFindings.get(state.layerId)));
  const provider = stringValue(fieldOf(decl.fields, 'provider'))?.trim();
  const service = stringValue(fieldOf(decl.fields, 'service'))?.trim();
  const workload: ReportWorkload = {
    name,
    file,
    line,
    documentIndex: doc.index,
    model: modelId,
    ...(provider ? { provider } : {}),
    ...(service ? { service } : {}),
    cells,
    required: cells.filter((c) => needsOwner(c.cell)).length,
    gaps: cells.filter((c) => c.state === 'gap').length,
    resources: [],
  };
  return { matrix, workload };
}

/** Why a declaration has no matrix to report against: the checker's finding on its `matrix:` (unknown or broken). */
function matrixProblem(doc: CheckedDocument, findings: readonly Diagnostic[]): string {
  const resolution = doc.matrixChoice.resolution;
  const finding = findings.find((d) => d.code === 'SRM029' || d.code === 'SRM032');
  if (finding) return `${finding.code}: ${finding.message}`;
  return resolution.kind === 'ok' ? 'its matrix could not be used.' : `matrix "${doc.matrixChoice.written}" cannot be used.`;
}

function cellOf(state: LayerState, matrix: MatrixIndex, gapFinding: Diagnostic | undefined): ReportCell {
  const layer = matrix.layer(state.layerId);
  const cell = state.cell ?? 'not-applicable';
  const entry = state.entry;
  const contact = entry ? stringValue(fieldOf(entry.fields, 'contact')) : undefined;
  const override = state.override?.status === 'applied' && state.override.to && state.matrixCell && state.override.reason
    ? { from: state.matrixCell.who, to: state.override.to, reason: state.override.reason }
    : undefined;
  const gap = state.gap !== undefined;
  const reportState = gap ? 'gap' : cell === 'customer' ? 'owner' : cell;
  return {
    layerId: state.layerId,
    cell,
    state: reportState,
    ...(state.owner !== undefined ? { owner: state.owner } : {}),
    ...(state.handoff !== undefined ? { handoff: state.handoff } : {}),
    ...(contact !== undefined ? { contact } : {}),
    ...(override ? { override } : {}),
    ...(gap ? { gapReason: gapFinding?.message ?? gapWords(state, layer?.name ?? state.layerId) } : {}),
    ...(state.matrixCell?.derived ? { derived: true } : {}),
  };
}

function gapWords(state: LayerState, layerName: string): string {
  switch (state.gap) {
    case 'missing':
      return `${layerName} has no entry.`;
    case 'provider':
      return `${layerName} names the provider as its owner, but the customer carries it.`;
    default:
      return `${layerName} has no real owner.`;
  }
}

/**
 * Where the findings that start within one document's declaration lie in the
 * file's sorted findings, [from, to): a binary search, as a file of thousands
 * of documents has thousands of findings, and a walk of all of them per
 * document would cost their product.
 */
function findingsOf(doc: CheckedDocument, all: readonly Diagnostic[]): [number, number] {
  const end = doc.base + doc.declaration.span.end;
  const from = firstAtOrAfter(all, doc.base + doc.declaration.span.start);
  let to = from;
  while (to < all.length && all[to]!.span.start <= end) to++;
  return [from, to];
}

/**
 * True when the gap findings in all[from, to) (gapFindingsOf's, first of each
 * layer) have the layers and words of `known`. No list is made: this runs
 * for every document of the file on every edit.
 */
function sameGapWords(all: readonly Diagnostic[], from: number, to: number, known: readonly Diagnostic[]): boolean {
  let n = 0;
  let seen: string[] | undefined;
  for (let i = from; i < to; i++) {
    const d = all[i]!;
    if (!d.gap || !d.layerId) continue;
    if (seen?.includes(d.layerId)) continue;
    (seen ??= []).push(d.layerId);
    const k = known[n++];
    if (!k || k.layerId !== d.layerId || k.message !== d.message) return false;
  }
  return n === known.length;
}

function firstAtOrAfter(sorted: readonly Diagnostic[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first gap finding of each layer, by layer, in the findings' order (they come sorted by position). */
function gapFindingsOf(findings: readonly Diagnostic[]): Map<string, Diagnostic> {
  const out = new Map<string, Diagnostic>();
  for (const d of findings) if (d.gap && d.layerId && !out.has(d.layerId)) out.set(d.layerId, d);
  return out;
}

/** One group per matrix id and version, in that order; a group's layers are its matrix's rows. */
export function groupsOf(built: readonly Built[]): ReportMatrixGroup[] {
  const byRef = new Map<string, { matrix: MatrixIndex; workloads: ReportWorkload[] }>();
  for (const b of built) {
    let group = byRef.get(b.matrix.ref);
    if (!group) byRef.set(b.matrix.ref, (group = { matrix: b.matrix, workloads: [] }));
    group.workloads.push(b.workload);
  }
  return [...byRef.values()]
    .sort((a, b) => byCodeUnits(a.matrix.id, b.matrix.id) || byCodeUnits(a.matrix.version, b.matrix.version))
    .map(({ matrix, workloads }) => groupOf(matrix, workloads));
}

function groupOf(matrix: MatrixIndex, workloads: readonly ReportWorkload[]): ReportMatrixGroup {
  const layers = matrix.layers.map((l) => ({ id: l.id, name: l.name }));
  // One walk over the cells, not one per layer: a group of 10,000 workloads has over 100,000 of them.
  const counts = new Map(layers.map((l) => [l.id, { required: 0, gaps: 0, overridden: 0 }]));
  for (const w of workloads) {
    for (const c of w.cells) {
      const count = counts.get(c.layerId);
      if (!count) continue;
      if (needsOwner(c.cell)) count.required++;
      if (c.state === 'gap') count.gaps++;
      if (c.override) count.overridden++;
    }
  }
  const totals: ReportLayerTotals[] = layers.map((layer) => ({ layerId: layer.id, ...counts.get(layer.id)! }));
  const source = matrix.matrix.source;
  return {
    id: matrix.id,
    version: matrix.version,
    title: matrix.matrix.title,
    source: { url: source.url, ...(source.published ? { published: source.published } : {}), ...(source.note ? { note: source.note } : {}) },
    layers,
    models: matrix.models.map((m) => ({ id: m.id, name: m.name, shortName: m.shortName })),
    workloads,
    totals,
  };
}

/** A directory owner, as the report names it. */
export interface DirectoryOwner {
  readonly name: string;
  readonly contact?: string;
}

/**
 * The owner directories (srm.config.yaml `owners:`) of every input, by owner
 * name and alias: an alias is reported under the name it stands for. The
 * first directory to know a spelling wins.
 */
export function directoryOf(built: readonly Built[]): Map<string, DirectoryOwner> {
  const out = new Map<string, DirectoryOwner>();
  const seen = new Set<readonly OwnerEntry[]>();
  for (const b of built) {
    if (!b.directory || seen.has(b.directory)) continue;
    seen.add(b.directory);
    for (const entry of b.directory) {
      const owner: DirectoryOwner = { name: entry.name, ...(entry.contact !== undefined ? { contact: entry.contact } : {}) };
      for (const spelling of [entry.name, ...entry.aliases]) if (!out.has(ownerKey(spelling))) out.set(ownerKey(spelling), owner);
    }
  }
  return out;
}

/** Every owner with their duties, by name (an alias under its directory name); duties in report order. */
export function ownersOf(groups: readonly ReportMatrixGroup[], directory: ReadonlyMap<string, DirectoryOwner> = new Map()): ReportOwner[] {
  const byOwner = new Map<string, { contact?: string; duties: ReportOwnerDuty[] }>();
  for (const group of groups) {
    const names = new Map(group.layers.map((l) => [l.id, l.name]));
    for (const w of group.workloads) {
      for (const c of w.cells) {
        if (!hasDuty(c.state) || c.owner === undefined) continue;
        const known = directory.get(ownerKey(c.owner));
        const owner = known?.name ?? c.owner.trim();
        let entry = byOwner.get(owner);
        if (!entry) byOwner.set(owner, (entry = { ...(known?.contact !== undefined ? { contact: known.contact } : {}), duties: [] }));
        entry.duties.push({
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
  return [...byOwner.entries()].sort(([a], [b]) => byCodeUnits(a, b)).map(([owner, { contact, duties }]) => ({ owner, ...(contact !== undefined ? { contact } : {}), duties }));
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((n, item) => n + of(item), 0);
}
