import type { BandStatus, LayerBand, LayerStack, ModelColumn, WorkloadStack } from '../../../protocol/layer-stack';
import type { CheckResult, CheckedDocument } from './check';
import { isRealOwner } from './format';
import type { ModelIndex } from './model/model-index';
import { fieldOf, stringValue } from './parse/declaration';
import { layerOfEntry, modelIdOf } from './query';
import type { Diagnostic, Fix, Span } from './types';

/** Which finding puts a band in which state; the rules stay the single judge. */
const STATUS_BY_CODE: Readonly<Record<string, BandStatus>> = {
  SRM001: 'gap',
  SRM002: 'gap',
  SRM004: 'wrongly-provider',
  SRM005: 'wrongly-provider',
  SRM012: 'incomplete',
  SRM003: 'incomplete',
};

/** Gravest first. */
const STATUS_RANK: readonly BandStatus[] = ['gap', 'wrongly-provider', 'incomplete'];

/** The layer stack of every declaration in a checked file, with offsets for ranges. */
export function buildLayerStack(result: CheckResult, model: ModelIndex, uri: string, version: number): LayerStack<Span> {
  return {
    uri,
    version,
    workloads: result.documents.map((doc) => workloadStack(doc, result.diagnostics, model)),
    models: model.models.map(
      (m): ModelColumn => ({
        id: m.id,
        name: `${m.shortName} — ${m.name}`,
        cells: model.layers.map((l) => ({ layerId: l.id, who: m.cells[l.id].who, ...(m.cells[l.id].derived ? { derived: m.cells[l.id].derived } : {}) })),
      }),
    ),
  };
}

/** The fix that closes a gap in one layer: the single-entry fix of its missing-layer finding. */
export function assignOwnerFix(result: CheckResult, documentIndex: number, layerId: string): Fix | undefined {
  const doc = result.documents[documentIndex];
  if (!doc) return undefined;
  const finding = diagnosticsOf(doc, result.diagnostics).find((d) => d.layerId === layerId && STATUS_BY_CODE[d.code] === 'gap');
  return finding?.fixes.find((f) => f.safe && f.preferred);
}

function workloadStack(doc: CheckedDocument, all: readonly Diagnostic[], model: ModelIndex): WorkloadStack<Span> {
  const decl = doc.declaration;
  const abs = (s: Span): Span => ({ start: s.start + doc.base, end: s.end + doc.base });
  const modelId = modelIdOf(doc);
  const serviceModel = modelId ? model.serviceModel(modelId) : undefined;
  const findings = diagnosticsOf(doc, all);
  const entries = new Map((decl.layers?.entries ?? []).map((e) => [layerOfEntry(model, e), e] as const));
  const fallback = abs(decl.layers?.field.keySpan ?? fieldOf(decl.fields, 'model')?.keySpan ?? { start: decl.span.start, end: decl.span.start });
  let required = 0;
  let assigned = 0;
  const bands = model.layers.map((layer): LayerBand<Span> => {
    const cell = serviceModel?.cells[layer.id];
    const entry = entries.get(layer.id);
    const owner = entry ? stringValue(fieldOf(entry.fields, 'owner')) : undefined;
    const handoff = entry ? stringValue(fieldOf(entry.fields, 'handoff')) : undefined;
    // The gravest finding decides: a layer left to the provider is worse than one missing its handoff.
    const finding = findings
      .filter((d) => d.layerId === layer.id && STATUS_BY_CODE[d.code])
      .sort((a, b) => STATUS_RANK.indexOf(STATUS_BY_CODE[a.code]) - STATUS_RANK.indexOf(STATUS_BY_CODE[b.code]))[0];
    const status: BandStatus = !cell ? 'unknown' : finding ? STATUS_BY_CODE[finding.code] : cell.who === 'provider' ? 'provider' : 'assigned';
    const needsOwner = cell?.who === 'customer' || cell?.who === 'shared';
    if (needsOwner) {
      required++;
      if (isRealOwner(owner)) assigned++;
    }
    const fix = status === 'gap' ? finding?.fixes.find((f) => f.safe && f.preferred) : undefined;
    const reveal = entry ? abs(entry.keySpan) : fix ? { start: fix.edits[0].start, end: fix.edits[0].start } : fallback;
    return {
      id: layer.id,
      name: layer.name,
      ...(cell ? { who: cell.who } : {}),
      ...(cell?.derived ? { derived: cell.derived } : {}),
      ...(owner !== undefined ? { owner } : {}),
      ...(handoff !== undefined ? { handoff } : {}),
      status,
      ...(finding ? { reason: finding.message } : {}),
      reveal,
      canAssign: fix !== undefined,
    };
  });
  const lastOwned = bands.reduce((last, b, i) => (b.who === 'customer' || b.who === 'shared' ? i : last), -1);
  const workload = stringValue(fieldOf(decl.fields, 'workload'));
  return {
    index: doc.index,
    ...(workload !== undefined ? { workload } : {}),
    ...(modelId !== undefined ? { model: modelId } : {}),
    ...(serviceModel ? { modelName: `${serviceModel.shortName} — ${serviceModel.name}` } : {}),
    bands,
    summary: { required, assigned },
    ...(serviceModel ? { handoffAfter: lastOwned } : {}),
    range: abs(decl.span),
  };
}

function diagnosticsOf(doc: CheckedDocument, all: readonly Diagnostic[]): Diagnostic[] {
  const start = doc.base + doc.declaration.span.start;
  const end = doc.base + doc.declaration.span.end;
  return all.filter((d) => d.span.start >= start && d.span.start <= end);
}
