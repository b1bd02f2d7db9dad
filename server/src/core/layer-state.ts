import type { CheckedDocument } from './check';
import type { OverridePolicy } from './config/config';
import { isPlaceholder, isProviderOwner, isRealOwner } from './format';
import { dutyOf, needsOwner } from './matrix/duties';
import type { Cell, MatrixCell } from './matrix/types';
import { effectiveCell, readOverride, type Override } from './overrides';
import { fieldOf, stringValue, type Declaration, type LayerEntry } from './parse/declaration';
import type { MatrixIndex } from './matrix/matrix-index';
import { layerOfEntry, modelIdOf } from './query';

/**
 * Why a layer is a gap. "Gap" means one thing everywhere (the status bar, the
 * layer stack, reports, the CLI summary): a layer whose cell asks for an owner
 * that has no real one.
 */
export type GapKind =
  /** No entry at all. */
  | 'missing'
  /** `owner: provider` on a layer the customer owns, shares or outsources. */
  | 'provider'
  /** An entry whose owner is missing, empty, not text or a placeholder (`TODO`). */
  | 'no-owner';

/** One layer of one workload, as every view of it reads it. */
export interface LayerState {
  readonly layerId: string;
  /** The matrix's cell for the workload's model; undefined when the model is unknown. */
  readonly matrixCell: MatrixCell | undefined;
  /** The cell that applies: an override's when it holds, else the matrix's. */
  readonly cell: Cell | undefined;
  readonly entry: LayerEntry | undefined;
  /** The owner as written, when it is text. */
  readonly owner: string | undefined;
  /** The handoff as written, when it is text. */
  readonly handoff: string | undefined;
  readonly override: Override | undefined;
  /** Set when the layer is a gap. */
  readonly gap: GapKind | undefined;
  /** True when the cell asks for a handoff the entry does not give (or gives as a placeholder). */
  readonly handoffMissing: boolean;
}

/** The state of every layer of a checked declaration's matrix, top of the stack first; empty when the matrix is unknown. */
export function layerStates(doc: CheckedDocument, policy: OverridePolicy): LayerState[] {
  const matrix = doc.matrix;
  if (!matrix) return [];
  const modelId = modelIdOf(doc);
  const model = modelId ? matrix.serviceModel(modelId) : undefined;
  const entries = new Map<string, LayerEntry>();
  for (const e of doc.declaration.layers?.entries ?? []) {
    const id = layerOfEntry(doc, e);
    // The first entry for a layer counts; a second one is a duplicate the checker reports.
    if (id && !entries.has(id)) entries.set(id, e);
  }
  return matrix.layers.map((layer): LayerState => {
    const matrixCell = model?.cells[layer.id];
    const entry = entries.get(layer.id);
    const override = entry ? readOverride(entry, matrixCell, policy) : undefined;
    const cell = effectiveCell(matrixCell, override);
    const ownerField = entry ? fieldOf(entry.fields, 'owner') : undefined;
    const owner = stringValue(ownerField);
    const handoff = entry ? stringValue(fieldOf(entry.fields, 'handoff')) : undefined;
    const gap: GapKind | undefined = !needsOwner(cell) ? undefined : !entry ? 'missing' : isProviderOwner(owner) ? 'provider' : !isRealOwner(owner) ? 'no-owner' : undefined;
    const handoffMissing = cell !== undefined && dutyOf(cell).handoff && entry !== undefined && (handoff === undefined || handoff.trim() === '' || isPlaceholder(handoff));
    return { layerId: layer.id, matrixCell, cell, entry, owner, handoff, override, gap, handoffMissing };
  });
}

/**
 * Gap counts already made, by declaration. A check hands back the same
 * declaration for every document whose text did not change, so the count of a
 * file after an edit (the status bar's, the index's, on every keystroke) reads
 * all but the edited document from here. A count rests only on the
 * declaration, its matrix and the policy; it is kept with the last two.
 */
const counted = new WeakMap<Declaration, { readonly matrix: MatrixIndex | undefined; readonly policy: OverridePolicy; readonly gaps: number }>();

/** How many layers of a declaration are gaps. */
export function gapCount(doc: CheckedDocument, policy: OverridePolicy): number {
  const known = counted.get(doc.declaration);
  if (known && known.matrix === doc.matrix && known.policy === policy) return known.gaps;
  const gaps = layerStates(doc, policy).filter((s) => s.gap !== undefined).length;
  counted.set(doc.declaration, { matrix: doc.matrix, policy, gaps });
  return gaps;
}

/** How many layers of every declaration of a checked file are gaps: what a status bar or a summary counts. */
export function fileGapCount(result: { readonly documents: readonly CheckedDocument[] }, policy: OverridePolicy): number {
  let n = 0;
  for (const doc of result.documents) n += gapCount(doc, policy);
  return n;
}
