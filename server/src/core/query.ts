import type { CheckResult, CheckedDocument } from './check';
import type { ServiceCatalogue } from './catalogue/catalogue';
import { explainLayer, explainModel, explainProviderOwner, explainService } from './explain';
import { isProviderOwner } from './format';
import { fieldOf, stringValue, type LayerEntry } from './parse/declaration';
import type { ModelIndex } from './model/model-index';
import type { Span } from './types';

/** What sits under an offset, in terms a hover understands. */
export type Target =
  | { readonly kind: 'layer'; readonly layerId: string; readonly span: Span; readonly modelId?: string }
  | { readonly kind: 'model'; readonly modelId: string; readonly span: Span }
  | { readonly kind: 'service'; readonly service: string; readonly span: Span; readonly modelId?: string }
  | { readonly kind: 'provider-owner'; readonly layerId: string; readonly span: Span; readonly modelId?: string };

/** The document holding an offset of the file. */
export function documentAt(result: CheckResult, offset: number): CheckedDocument | undefined {
  return result.documents.find((d) => offset >= d.base + d.declaration.span.start && offset <= d.base + d.declaration.span.end);
}

/** The layer an entry documents, by id or by another spelling. */
export function layerOfEntry(model: ModelIndex, entry: LayerEntry): string | undefined {
  return model.layerOf(entry);
}

/** The declaration's model id as written, when it is text. */
export function modelIdOf(doc: CheckedDocument): string | undefined {
  return stringValue(fieldOf(doc.declaration.fields, 'model'));
}

export function targetAt(result: CheckResult, model: ModelIndex, offset: number): Target | undefined {
  const doc = documentAt(result, offset);
  if (!doc) return undefined;
  const at = offset - doc.base;
  const abs = (s: Span): Span => ({ start: s.start + doc.base, end: s.end + doc.base });
  const modelId = modelIdOf(doc);
  const fields = doc.declaration.fields;
  const modelField = fieldOf(fields, 'model');
  if (modelField?.valueSpan && inside(modelField.valueSpan, at) && modelId && model.serviceModel(modelId)) {
    return { kind: 'model', modelId, span: abs(modelField.valueSpan) };
  }
  const service = fieldOf(fields, 'service');
  const serviceName = stringValue(service);
  if (service?.valueSpan && serviceName && inside(service.valueSpan, at)) {
    return { kind: 'service', service: serviceName, span: abs(service.valueSpan), ...(modelId ? { modelId } : {}) };
  }
  for (const entry of doc.declaration.layers?.entries ?? []) {
    const layerId = layerOfEntry(model, entry);
    if (!layerId) continue;
    if (inside(entry.keySpan, at)) return { kind: 'layer', layerId, span: abs(entry.keySpan), ...(modelId ? { modelId } : {}) };
    const owner = fieldOf(entry.fields, 'owner');
    if (owner?.valueSpan && inside(owner.valueSpan, at) && isProviderOwner(stringValue(owner))) {
      return { kind: 'provider-owner', layerId, span: abs(owner.valueSpan), ...(modelId ? { modelId } : {}) };
    }
  }
  return undefined;
}


function inside(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The explanation a hover shows for a target. */
export function describeTarget(target: Target, model: ModelIndex, catalogue: ServiceCatalogue): string | undefined {
  switch (target.kind) {
    case 'layer':
      return explainLayer(model, target.layerId, target.modelId);
    case 'model':
      return explainModel(model, target.modelId);
    case 'provider-owner':
      return explainProviderOwner(model, target.layerId, target.modelId);
    case 'service': {
      const entry = catalogue.find(target.service);
      return entry ? explainService(entry, model) : undefined;
    }
  }
}
