import type { CheckResult, CheckedDocument } from './check';
import type { ServiceCatalogue } from './catalogue/catalogue';
import { explainLayer, explainModel, explainProviderOwner, explainService } from './explain';
import { isProviderOwner } from './format';
import type { MatrixIndex } from './matrix/matrix-index';
import { effectiveCell, readOverride, type Override } from './overrides';
import { fieldOf, stringValue, type LayerEntry } from './parse/declaration';
import type { OverridePolicy } from './config/config';
import type { Span } from './types';

/** What sits under an offset, in terms a hover understands, with the matrix of its declaration. */
export type Target =
  | { readonly kind: 'layer'; readonly matrix: MatrixIndex; readonly layerId: string; readonly span: Span; readonly modelId?: string; readonly override?: Override }
  | { readonly kind: 'model'; readonly matrix: MatrixIndex; readonly modelId: string; readonly span: Span }
  | { readonly kind: 'service'; readonly matrix: MatrixIndex; readonly service: string; readonly span: Span; readonly modelId?: string }
  | { readonly kind: 'provider-owner'; readonly matrix: MatrixIndex; readonly layerId: string; readonly span: Span; readonly modelId?: string; readonly override?: Override };

/** The document holding an offset of the file. */
export function documentAt(result: CheckResult, offset: number): CheckedDocument | undefined {
  return result.documents.find((d) => offset >= d.base + d.declaration.span.start && offset <= d.base + d.declaration.span.end);
}

/**
 * The document a cursor types into: the one it is in, else the last one that
 * starts before it (blank lines a user is typing on after a document's last
 * key are outside its span, yet belong to it).
 */
export function documentTypedAt(result: CheckResult, offset: number): CheckedDocument | undefined {
  return documentAt(result, offset) ?? result.documents.filter((d) => d.base + d.declaration.span.start <= offset).at(-1);
}

/** The layer an entry documents in its declaration's matrix, by id, another spelling or another matrix's id. */
export function layerOfEntry(doc: CheckedDocument, entry: LayerEntry): string | undefined {
  return doc.matrix?.layerOf(entry);
}

/** The declaration's model id as written, when it is text. */
export function modelIdOf(doc: CheckedDocument): string | undefined {
  return stringValue(fieldOf(doc.declaration.fields, 'model'));
}

/** An entry's override, judged against its declaration's matrix and the configuration's policy. */
export function overrideOf(doc: CheckedDocument, entry: LayerEntry, policy: OverridePolicy): Override | undefined {
  const layerId = layerOfEntry(doc, entry);
  const modelId = modelIdOf(doc);
  if (!layerId || !doc.matrix) return undefined;
  return readOverride(entry, modelId ? doc.matrix.cell(modelId, layerId) : undefined, policy);
}

export function targetAt(result: CheckResult, offset: number, policy: OverridePolicy = 'allow'): Target | undefined {
  const doc = documentAt(result, offset);
  const matrix = doc?.matrix;
  if (!doc || !matrix) return undefined;
  const at = offset - doc.base;
  const abs = (s: Span): Span => ({ start: s.start + doc.base, end: s.end + doc.base });
  const modelId = modelIdOf(doc);
  const fields = doc.declaration.fields;
  const modelField = fieldOf(fields, 'model');
  if (modelField?.valueSpan && inside(modelField.valueSpan, at) && modelId && matrix.serviceModel(modelId)) {
    return { kind: 'model', matrix, modelId, span: abs(modelField.valueSpan) };
  }
  const service = fieldOf(fields, 'service');
  const serviceName = stringValue(service);
  if (service?.valueSpan && serviceName && inside(service.valueSpan, at)) {
    return { kind: 'service', matrix, service: serviceName, span: abs(service.valueSpan), ...(modelId ? { modelId } : {}) };
  }
  for (const entry of doc.declaration.layers?.entries ?? []) {
    const layerId = layerOfEntry(doc, entry);
    if (!layerId) continue;
    const override = overrideOf(doc, entry, policy);
    const extra = { ...(modelId ? { modelId } : {}), ...(override ? { override } : {}) };
    if (inside(entry.keySpan, at)) return { kind: 'layer', matrix, layerId, span: abs(entry.keySpan), ...extra };
    const owner = fieldOf(entry.fields, 'owner');
    if (owner?.valueSpan && inside(owner.valueSpan, at) && isProviderOwner(stringValue(owner))) {
      return { kind: 'provider-owner', matrix, layerId, span: abs(owner.valueSpan), ...extra };
    }
  }
  return undefined;
}

function inside(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The explanation a hover shows for a target. */
export function describeTarget(target: Target, catalogue: ServiceCatalogue): string | undefined {
  switch (target.kind) {
    case 'layer':
      return explainLayer(target.matrix, target.layerId, target.modelId, target.override);
    case 'model':
      return explainModel(target.matrix, target.modelId);
    case 'provider-owner': {
      const cell = target.modelId ? target.matrix.cell(target.modelId, target.layerId) : undefined;
      return explainProviderOwner(target.matrix, target.layerId, target.modelId, effectiveCell(cell, target.override));
    }
    case 'service': {
      const entry = catalogue.find(target.service);
      return entry ? explainService(entry, target.matrix) : undefined;
    }
  }
}
