import type { FileFindings } from '../files/data-file';
import { matrixClaimedTwice, matrixDuplicateLayer, matrixInvalid, matrixMissingCell } from '../rules/matrix-file-rules';
import { normalizeName } from '../text/similarity';
import type { Span } from '../types';
import type { DraftLayer, DraftModel, MatrixDraft } from './matrix-file';
import type { LayerDefinition, Matrix, MatrixCell, MatrixOrigin, ServiceModelDefinition } from './types';

interface MutableLayer {
  id: string;
  name: string;
  aliases: string[];
  sameAs: string[];
  covers?: string;
  risk?: string;
  ownerDuty?: string;
}

interface MutableModel {
  id: string;
  name: string;
  shortName: string;
  description?: string;
  examples: string[];
  cells: Map<string, MatrixCell>;
}

/**
 * A draft made whole: its base's layers and service models (when it extends
 * one), then its own changes, in the order the design reference gives. Every
 * problem is reported on the draft's file. Returns the matrix even when it has
 * problems: whether it may be used is the caller's call (it is not, with any
 * error).
 */
export function resolveDraft(draft: MatrixDraft, base: Matrix | undefined, origin: MatrixOrigin, findings: FileFindings): Matrix {
  const layers: MutableLayer[] = base ? base.layers.map(copyLayer) : [];
  const models: MutableModel[] = base ? base.models.map(copyModel) : [];
  const seen = new Map<string, Span>();
  for (const layer of draft.layers) {
    const first = seen.get(layer.id);
    if (first) {
      findings.report(matrixDuplicateLayer, `${layer.id} is listed twice in this matrix file; list each layer once.`, layer.idSpan);
      continue;
    }
    seen.set(layer.id, layer.idSpan);
    applyLayer(layer, layers, models, base !== undefined, findings);
  }
  for (const model of draft.models) applyModel(model, models, findings);
  checkClaims(draft, layers, findings);
  checkCells(draft, layers, models, findings);
  return {
    id: draft.id,
    version: draft.version,
    title: draft.title ?? `${draft.id}@${draft.version}`,
    source: draft.source ?? { url: '' },
    layers: layers.map(freezeLayer),
    models: models.map((m) => freezeModel(m, layers)),
    ...(draft.extends ? { extends: draft.extends.ref } : {}),
    notListed: { ...(base?.notListed ?? {}), ...draft.notListed },
    origin,
  };
}

function applyLayer(layer: DraftLayer, layers: MutableLayer[], models: MutableModel[], extending: boolean, findings: FileFindings): void {
  const at = layers.findIndex((l) => l.id === layer.id);
  if (layer.op === 'remove') {
    if (at < 0) {
      findings.report(matrixInvalid, `remove: ${layer.id} names no layer of the base matrix${extending ? '' : ' (this matrix extends none)'}.`, layer.idSpan);
      return;
    }
    layers.splice(at, 1);
    for (const m of models) m.cells.delete(layer.id);
    return;
  }
  if (at >= 0) {
    // A layer of the base: the fields given change it, and it may move.
    const target = layers[at]!;
    if (layer.name !== undefined) target.name = layer.name;
    if (layer.aliases) target.aliases = layer.aliases.map((a) => a.value);
    if (layer.sameAs) target.sameAs = layer.sameAs.map((a) => a.value);
    if (layer.covers !== undefined) target.covers = layer.covers;
    if (layer.risk !== undefined) target.risk = layer.risk;
    if (layer.ownerDuty !== undefined) target.ownerDuty = layer.ownerDuty;
    if (layer.place) {
      layers.splice(at, 1);
      place(layers, target, layer.place, findings);
    }
    return;
  }
  if (layer.name === undefined) findings.report(matrixInvalid, `The new layer ${layer.id} needs a name: how people call it.`, layer.idSpan);
  const added: MutableLayer = {
    id: layer.id,
    name: layer.name ?? layer.id,
    aliases: layer.aliases?.map((a) => a.value) ?? [],
    sameAs: layer.sameAs?.map((a) => a.value) ?? [],
    ...(layer.covers !== undefined ? { covers: layer.covers } : {}),
    ...(layer.risk !== undefined ? { risk: layer.risk } : {}),
    ...(layer.ownerDuty !== undefined ? { ownerDuty: layer.ownerDuty } : {}),
  };
  if (layer.place) place(layers, added, layer.place, findings);
  else layers.push(added);
}

/** Puts a layer after or before another; at the bottom of the stack (reported) when that one is unknown. */
function place(layers: MutableLayer[], layer: MutableLayer, where: { where: 'after' | 'before'; id: string; span: Span }, findings: FileFindings): void {
  const anchor = layers.findIndex((l) => l.id === where.id);
  if (anchor < 0) {
    findings.report(matrixInvalid, `${where.where}: ${where.id} names no layer of this matrix.`, where.span);
    layers.push(layer);
    return;
  }
  layers.splice(where.where === 'after' ? anchor + 1 : anchor, 0, layer);
}

function applyModel(model: DraftModel, models: MutableModel[], findings: FileFindings): void {
  const existing = models.find((m) => m.id === model.id);
  if (existing) {
    // A model of the base: only what is listed changes.
    if (model.name !== undefined) existing.name = model.name;
    if (model.shortName !== undefined) existing.shortName = model.shortName;
    if (model.description !== undefined) existing.description = model.description;
    if (model.examples) existing.examples = [...model.examples];
    for (const [layerId, { cell }] of model.cells) existing.cells.set(layerId, cell);
    return;
  }
  if (model.name === undefined) findings.report(matrixInvalid, `The service model ${model.id} needs a name:, such as Platform as a Service.`, model.idSpan);
  models.push({
    id: model.id,
    name: model.name ?? model.id,
    shortName: model.shortName ?? model.name ?? model.id,
    ...(model.description !== undefined ? { description: model.description } : {}),
    examples: [...(model.examples ?? [])],
    cells: new Map([...model.cells].map(([id, c]) => [id, c.cell])),
  });
}

/** Every layer has a cell under every model, and no cell names a layer the matrix does not have. */
function checkCells(draft: MatrixDraft, layers: readonly MutableLayer[], models: readonly MutableModel[], findings: FileFindings): void {
  const ids = new Set(layers.map((l) => l.id));
  for (const model of models) {
    const own = draft.models.find((m) => m.id === model.id);
    const missing = layers.filter((l) => !model.cells.has(l.id) && !own?.unreadable.has(l.id)).map((l) => l.id);
    if (missing.length > 0) {
      findings.report(matrixMissingCell, `The service model ${model.id} has no cell for ${missing.join(', ')}: give each layer one (${missing.length === 1 ? 'it' : 'they'} cannot be checked without).`, own?.cellsSpan ?? draft.modelsSpan);
    }
    for (const [layerId, { span }] of own?.cells ?? new Map<string, { span: Span }>()) {
      if (!ids.has(layerId)) findings.report(matrixInvalid, `${layerId} is not a layer of this matrix: a cell needs a layer listed under layers:.`, span);
    }
  }
}

/** An alias, a display name or a `same-as` id must mean one layer. */
function checkClaims(draft: MatrixDraft, layers: readonly MutableLayer[], findings: FileFindings): void {
  const spellingOwner = new Map<string, string>();
  const sameAsOwner = new Map<string, string>();
  const where = (layerId: string, value: string, kind: 'aliases' | 'sameAs'): Span => {
    const own = draft.layers.find((l): l is Extract<DraftLayer, { op: 'define' }> => l.op === 'define' && l.id === layerId);
    return own?.[kind]?.find((a) => a.value === value)?.span ?? own?.idSpan ?? draft.headerSpan;
  };
  for (const layer of layers) {
    for (const spelling of [layer.id, layer.name, ...layer.aliases]) {
      const key = normalizeName(spelling);
      const other = spellingOwner.get(key);
      if (other !== undefined && other !== layer.id) {
        findings.report(matrixClaimedTwice, `"${spelling}" means both ${other} and ${layer.id}: keep it on one layer.`, where(layer.id, spelling, 'aliases'));
      } else spellingOwner.set(key, layer.id);
    }
  }
  for (const layer of layers) {
    for (const other of layer.sameAs) {
      const owner = sameAsOwner.get(other);
      if (owner !== undefined && owner !== layer.id) findings.report(matrixClaimedTwice, `same-as ${other} is claimed by both ${owner} and ${layer.id}: it can mean one layer only.`, where(layer.id, other, 'sameAs'));
      else sameAsOwner.set(other, layer.id);
    }
  }
}

function copyLayer(l: LayerDefinition): MutableLayer {
  return {
    id: l.id,
    name: l.name,
    aliases: [...l.aliases],
    sameAs: [...l.sameAs],
    ...(l.covers !== undefined ? { covers: l.covers } : {}),
    ...(l.risk !== undefined ? { risk: l.risk } : {}),
    ...(l.ownerDuty !== undefined ? { ownerDuty: l.ownerDuty } : {}),
  };
}

function copyModel(m: ServiceModelDefinition): MutableModel {
  return {
    id: m.id,
    name: m.name,
    shortName: m.shortName,
    ...(m.description !== undefined ? { description: m.description } : {}),
    examples: [...m.examples],
    cells: new Map(Object.entries(m.cells)),
  };
}

function freezeLayer(l: MutableLayer): LayerDefinition {
  return { ...l, aliases: [...l.aliases], sameAs: [...l.sameAs] };
}

function freezeModel(m: MutableModel, layers: readonly MutableLayer[]): ServiceModelDefinition {
  const cells: Record<string, MatrixCell> = {};
  for (const l of layers) {
    const c = m.cells.get(l.id);
    if (c) cells[l.id] = c;
  }
  return { id: m.id, name: m.name, shortName: m.shortName, ...(m.description !== undefined ? { description: m.description } : {}), examples: [...m.examples], cells };
}
