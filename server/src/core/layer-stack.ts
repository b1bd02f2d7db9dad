import type { ServiceCatalogue } from './catalogue/catalogue';
import type { CheckResult, CheckedDocument } from './check';
import type { OverridePolicy } from './config/config';
import { layerStates, type LayerState } from './layer-state';
import { needsOwner } from './matrix/duties';
import { DEFAULT_MATRIX } from './matrix/registry';
import type { Cell } from './matrix/types';
import { fieldOf, stringValue } from './parse/declaration';
import { MISSING_LAYER_CODES } from './rules/coverage';
import { modelIdOf } from './query';
import { adviceOf, type MatrixAdvice } from './rules/service-advice';
import type { Diagnostic, Fix, Span } from './types';

/**
 * The layer stack of one declaration file, as the webview draws it. Plain data:
 * it crosses the LSP wire and `postMessage`, so it holds no functions or classes.
 * Defined here, in the core that builds it; the protocol re-exports it for the
 * client and the webview page.
 */

/** The state of one layer in one workload. */
export type BandStatus =
  /** A layer whose cell asks for an owner, with a real one (and a handoff where one is asked for). */
  | 'assigned'
  /** A layer whose cell asks for an owner, with none: no entry, an empty or placeholder owner. */
  | 'gap'
  /** `owner: provider` on a layer the customer owns, shares or outsources. */
  | 'wrongly-provider'
  /** Owned, but the handoff the cell asks for is missing or a placeholder. */
  | 'incomplete'
  /** A provider layer: nothing is required. */
  | 'provider'
  /** A layer that does not apply under the model. */
  | 'not-applicable'
  /** The model is unknown, so responsibility cannot be told. */
  | 'unknown';

export interface LayerBand<R> {
  readonly id: string;
  readonly name: string;
  /** The cell that applies (an override's, when it holds); absent when the model is missing or unknown. */
  readonly who?: Cell;
  /** Set when the matrix derives this cell instead of listing it. */
  readonly derived?: string;
  /** What the matrix's source says about this cell. */
  readonly note?: string;
  /** Set when an override holds: the matrix's cell, the entry's, and why. */
  readonly override?: { readonly from: Cell; readonly to: Cell; readonly reason: string };
  readonly owner?: string;
  readonly handoff?: string;
  readonly status: BandStatus;
  /** Why the band needs attention, in words a user understands; absent when it does not. */
  readonly reason?: string;
  /** Where the entry is, or where it would be inserted. */
  readonly reveal: R;
  /** True when "Assign owner" can close this gap with the engine's own fix. */
  readonly canAssign: boolean;
  /** Set when an option of the declared service decides who owns this layer and no override says which applies. */
  readonly advice?: BandAdvice;
}

/** Service advice on one layer: the catalogue's cited variants that would change its cell. */
export interface BandAdvice {
  /** The service as the catalogue names it. */
  readonly service: string;
  /** One sentence: what the option decides. */
  readonly depends: string;
  readonly options: readonly { readonly name: string; readonly who: Cell; readonly source: string }[];
}

export interface ModelColumn {
  readonly id: string;
  readonly name: string;
  readonly cells: readonly { readonly layerId: string; readonly who: Cell; readonly derived?: string; readonly note?: string }[];
}

/** The matrix a workload was checked against. */
export interface StackMatrix {
  /** `azure@2026-01`. */
  readonly ref: string;
  readonly title: string;
  readonly sourceUrl: string;
  /** True for the built-in default, which views need not name. */
  readonly isDefault: boolean;
}

export interface WorkloadStack<R> {
  /** Index of the YAML document in the file, from 0. */
  readonly index: number;
  readonly workload?: string;
  readonly model?: string;
  readonly modelName?: string;
  /** Absent when the declaration names a matrix that is unknown or broken (then `matrixProblem` says so). */
  readonly matrix?: StackMatrix;
  readonly matrixProblem?: string;
  readonly bands: readonly LayerBand<R>[];
  /** Layers whose cell asks for an owner, how many of them have a real one, and how many are gaps. */
  readonly summary: { readonly required: number; readonly assigned: number; readonly gaps: number };
  /**
   * The band index after which the provider's part of the stack begins (the handoff line);
   * -1 when everything is the provider's, `bands.length - 1` when nothing is; absent for an unknown model.
   */
  readonly handoffAfter?: number;
  readonly range: R;
  /** Every service model of the workload's matrix, for the side-by-side view. */
  readonly models: readonly ModelColumn[];
  /** What the declaration's `iac:` entries claim; set by the adapter that reads the disk, only when it has entries. */
  readonly resources?: readonly ClaimedResource[];
}

/** A resource of infrastructure code that a workload claims through `iac:`. */
export interface ClaimedResource {
  /** `aws_lambda_function.orders`, a CloudFormation logical id, or the entry's path when that is what is missing. */
  readonly address: string;
  /** The file as the views show it: relative to the declaration. */
  readonly file: string;
  /** 1-based; 0 when the resource was not found. */
  readonly line: number;
  /** `missing`: the path or the named resource is not there (an SRM06x error says which). */
  readonly status: 'resolved' | 'missing';
  /** What opening the resource opens (a `file:` URI); absent when there is nothing to open. */
  readonly target?: string;
}

/** `R` is how ranges are written: offsets in the engine, LSP ranges on the wire. */
export interface LayerStack<R> {
  readonly uri: string;
  readonly version: number;
  readonly workloads: readonly WorkloadStack<R>[];
}

/** The codes of findings that open a gap in one layer, whose preferred fix "Assign owner" applies. */
const MISSING_CODES: ReadonlySet<string> = new Set(Object.values(MISSING_LAYER_CODES));

/** The layer stack of every declaration in a checked file, with offsets for ranges. */
export function buildLayerStack(result: CheckResult, uri: string, version: number, policy: OverridePolicy, catalogue?: ServiceCatalogue): LayerStack<Span> {
  return { uri, version, workloads: result.documents.map((doc) => workloadStack(doc, result.diagnostics, policy, catalogue)) };
}

/** The fix that closes a gap in one layer: the single-entry fix of its missing-layer finding. */
export function assignOwnerFix(result: CheckResult, documentIndex: number, layerId: string): Fix | undefined {
  const doc = result.documents[documentIndex];
  if (!doc) return undefined;
  const finding = diagnosticsOf(doc, result.diagnostics).find((d) => d.layerId === layerId && MISSING_CODES.has(d.code));
  return finding?.fixes.find((f) => f.safe && f.preferred);
}

function workloadStack(doc: CheckedDocument, all: readonly Diagnostic[], policy: OverridePolicy, catalogue: ServiceCatalogue | undefined): WorkloadStack<Span> {
  const decl = doc.declaration;
  const abs = (s: Span): Span => ({ start: s.start + doc.base, end: s.end + doc.base });
  const matrix = doc.matrix;
  const modelId = modelIdOf(doc);
  const serviceModel = modelId ? matrix?.serviceModel(modelId) : undefined;
  const findings = diagnosticsOf(doc, all);
  const fallback = abs(decl.layers?.field.keySpan ?? fieldOf(decl.fields, 'model')?.keySpan ?? { start: decl.span.start, end: decl.span.start });
  const states = layerStates(doc, policy);
  const advice = catalogue && matrix ? adviceOf({ declaration: decl, matrix, catalogue }) : undefined;
  const bands = states.map((state): LayerBand<Span> => band(state, doc, findings, fallback, abs, advice));
  const required = states.filter((s) => needsOwner(s.cell)).length;
  const gaps = states.filter((s) => s.gap !== undefined).length;
  const lastOwned = bands.reduce((last, b, i) => (needsOwner(b.who) ? i : last), -1);
  const workload = stringValue(fieldOf(decl.fields, 'workload'));
  const resolution = doc.matrixChoice.resolution;
  return {
    index: doc.index,
    ...(workload !== undefined ? { workload } : {}),
    ...(modelId !== undefined ? { model: modelId } : {}),
    ...(serviceModel ? { modelName: `${serviceModel.shortName} — ${serviceModel.name}` } : {}),
    ...(matrix ? { matrix: { ref: matrix.ref, title: matrix.matrix.title, sourceUrl: matrix.matrix.source.url, isDefault: matrix.ref === DEFAULT_MATRIX } } : {}),
    ...(resolution.kind === 'unknown' ? { matrixProblem: `The matrix ${resolution.written} is not known.` } : resolution.kind === 'broken' ? { matrixProblem: `The matrix ${resolution.entry.ref} has errors: ${resolution.entry.broken?.message ?? ''}` } : {}),
    bands,
    summary: { required, assigned: required - gaps, gaps },
    ...(serviceModel ? { handoffAfter: lastOwned } : {}),
    range: abs(decl.span),
    models: (matrix?.models ?? []).map(
      (m): ModelColumn => ({
        id: m.id,
        name: `${m.shortName} — ${m.name}`,
        cells: matrix!.layers.flatMap((l) => {
          const c = m.cells[l.id];
          return c ? [{ layerId: l.id, who: c.who, ...(c.derived ? { derived: c.derived } : {}), ...(c.note ? { note: c.note } : {}) }] : [];
        }),
      }),
    ),
  };
}

function band(state: LayerState, doc: CheckedDocument, findings: readonly Diagnostic[], fallback: Span, abs: (s: Span) => Span, advice: MatrixAdvice | undefined): LayerBand<Span> {
  const layer = doc.matrix!.layer(state.layerId)!;
  const status = statusOf(state);
  // The finding that says best why the band needs attention: the gravest of its layer.
  const finding = status === 'assigned' || status === 'provider' || status === 'not-applicable' || status === 'unknown' ? undefined : gravest(findings.filter((d) => d.layerId === state.layerId));
  const fix = state.gap === 'missing' ? findings.find((d) => d.layerId === state.layerId && MISSING_CODES.has(d.code))?.fixes.find((f) => f.safe && f.preferred) : undefined;
  const reveal = state.entry ? abs(state.entry.keySpan) : fix?.edits[0] ? { start: fix.edits[0].start, end: fix.edits[0].start } : fallback;
  const o = state.override;
  const advised = bandAdvice(state, advice);
  return {
    id: layer.id,
    name: layer.name,
    ...(state.cell ? { who: state.cell } : {}),
    ...(state.matrixCell?.derived && !(o?.status === 'applied') ? { derived: state.matrixCell.derived } : {}),
    ...(state.matrixCell?.note ? { note: state.matrixCell.note } : {}),
    ...(o?.status === 'applied' && o.to && o.reason && state.matrixCell ? { override: { from: state.matrixCell.who, to: o.to, reason: o.reason } } : {}),
    ...(state.owner !== undefined ? { owner: state.owner } : {}),
    ...(state.handoff !== undefined ? { handoff: state.handoff } : {}),
    status,
    ...(finding ? { reason: finding.message } : {}),
    reveal,
    canAssign: fix !== undefined,
    ...(advised ? { advice: advised } : {}),
  };
}

/** The options of the service that move this layer, unless an override already says which applies (as SRM038 reads it). */
function bandAdvice(state: LayerState, advice: MatrixAdvice | undefined): BandAdvice | undefined {
  if (!advice || state.override || !advice.layers.has(state.layerId)) return undefined;
  const options = advice.variants.flatMap(({ variant, cells }) => cells.filter((c) => c.layerId === state.layerId).map((c) => ({ name: variant.name, who: c.responsibility, source: variant.source })));
  return { service: advice.service.name, depends: advice.service.advice?.depends ?? '', options };
}

function statusOf(state: LayerState): BandStatus {
  if (!state.cell) return 'unknown';
  if (state.gap === 'provider') return 'wrongly-provider';
  if (state.gap) return 'gap';
  if (state.handoffMissing) return 'incomplete';
  if (state.cell === 'provider') return 'provider';
  if (state.cell === 'not-applicable') return 'not-applicable';
  return 'assigned';
}

/** Errors before warnings before the rest. */
function gravest(findings: readonly Diagnostic[]): Diagnostic | undefined {
  const rank = { error: 0, warning: 1, info: 2, hint: 3 } as const;
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity])[0];
}

function diagnosticsOf(doc: CheckedDocument, all: readonly Diagnostic[]): Diagnostic[] {
  const start = doc.base + doc.declaration.span.start;
  const end = doc.base + doc.declaration.span.end;
  return all.filter((d) => d.span.start >= start && d.span.start <= end);
}
