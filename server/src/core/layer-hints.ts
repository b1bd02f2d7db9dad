import type { CheckResult } from './check';
import type { OverridePolicy } from './config/config';
import { layerStates } from './layer-state';
import { cellPhrase } from './matrix/duties';
import type { Cell } from './matrix/types';
import { modelIdOf } from './query';

/** What an editor shows after a layer key: the layer's cell under the declaration's matrix and model. */
export interface LayerHint {
  /** Right after the key's colon (offset into the whole file). */
  readonly offset: number;
  /** The cell that applies, as the matrix vocabulary writes it. */
  readonly cell: Cell;
  /** True when a valid override replaced the matrix's cell. */
  readonly overridden: boolean;
  readonly label: string;
  readonly tooltip: string;
}

/**
 * A hint for each entry that documents a layer, read from the same layer
 * states as gaps are: the first entry for a layer (a duplicate is a finding,
 * not a second cell), none where the model or the matrix is unknown.
 */
export function layerHints(result: CheckResult, policy: OverridePolicy): LayerHint[] {
  const hints: LayerHint[] = [];
  for (const doc of result.documents) {
    const matrix = doc.matrix;
    const modelId = modelIdOf(doc);
    const model = matrix && modelId ? matrix.serviceModel(modelId) : undefined;
    if (!matrix || !model) continue;
    for (const state of layerStates(doc, policy)) {
      if (!state.entry || !state.cell || state.entry.merged) continue;
      const colon = doc.text.indexOf(':', state.entry.keySpan.end);
      if (colon < 0) continue;
      const overridden = state.override?.status === 'applied';
      const layerName = matrix.layer(state.layerId)?.name ?? state.layerId;
      const matrixSays = state.matrixCell ? cellPhrase(state.matrixCell.who) : 'not in the matrix';
      hints.push({
        offset: doc.base + colon + 1,
        cell: state.cell,
        overridden,
        label: overridden ? `overridden: ${state.cell}` : state.cell,
        tooltip: overridden
          ? `${layerName} is ${cellPhrase(state.cell)} for this workload (overridden; ${matrix.ref} says ${matrixSays} under ${model.shortName}).`
          : `${layerName} is ${cellPhrase(state.cell)} under ${model.shortName} (${matrix.ref}).`,
      });
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
