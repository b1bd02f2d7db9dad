import type { CheckResult } from './check';
import { fieldOf, stringValue } from './parse/declaration';
import type { Span } from './types';

/** What a semantic token marks: a layer key of the declaration's matrix, or the service model it names. */
export type SemanticKind = 'layer' | 'model';

export interface SemanticSpan {
  readonly span: Span;
  readonly kind: SemanticKind;
}

/**
 * The words of a checked file whose meaning comes from its matrix, for the
 * editor to colour: layer keys that are ids of the declaration's matrix, and a
 * `model:` it defines. Another matrix's id, a misspelling or an unknown key is
 * not one of its layers, and stays a plain key. Sorted, one per place.
 */
export function semanticSpans(result: CheckResult): SemanticSpan[] {
  const out: SemanticSpan[] = [];
  for (const doc of result.documents) {
    const matrix = doc.matrix;
    if (!matrix) continue;
    const model = fieldOf(doc.declaration.fields, 'model');
    const modelId = stringValue(model)?.trim();
    if (model?.valueSpan && modelId && matrix.serviceModel(modelId)?.id === modelId) out.push({ span: shift(model.valueSpan, doc.base), kind: 'model' });
    for (const entry of doc.declaration.layers?.entries ?? []) {
      if (entry.keyIsScalar && !entry.keyIsAlias && matrix.layer(entry.key)) out.push({ span: shift(entry.keySpan, doc.base), kind: 'layer' });
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  // A merged entry points at the key it came from: mark each place once.
  return out.filter((s, i) => i === 0 || s.span.start >= out[i - 1]!.span.end);
}

function shift(span: Span, base: number): Span {
  return { start: span.start + base, end: span.end + base };
}
