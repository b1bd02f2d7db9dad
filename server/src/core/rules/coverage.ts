import { fieldOf, stringValue, type Declaration, type LayerEntry } from '../parse/declaration';
import { addEntriesEdits, OWNER_PLACEHOLDER, type NewEntry } from '../fixes/entries';
import { dutyOf } from '../matrix/duties';
import { DEFAULT_MATRIX } from '../matrix/registry';
import type { MatrixIndex } from '../matrix/matrix-index';
import type { Cell, ServiceModelDefinition } from '../matrix/types';
import { effectiveCell, readOverride, type Override } from '../overrides';
import type { Edit, Fix, Span } from '../types';
import type { RuleContext } from './rule';

/** A layer a declaration must document: its cell asks for an entry. */
export interface RequiredLayer {
  readonly id: string;
  readonly who: Cell;
}

/** What the rules read about one entry: its layer, and the cell that applies to it (an override's, when it holds). */
export interface EntryFacts {
  readonly layerId: string | undefined;
  /** The matrix's cell for the declaration's model. */
  readonly matrixCell: ServiceModelDefinition['cells'][string] | undefined;
  readonly override: Override | undefined;
  /** The cell that applies: the override's when it holds, else the matrix's. */
  readonly who: Cell | undefined;
}

/**
 * What several rules ask of one declaration, worked out once: the rules run
 * on every keystroke over every changed document, so none of them repeats it.
 */
interface Facts {
  model?: ServiceModelDefinition | null;
  /** In the order of `declaration.layers.entries`: rules walk them by index, with no lookup per entry. */
  entries?: readonly EntryFacts[];
  /** For `entryFacts(ctx, entry)`, made only when asked. */
  byEntry?: Map<LayerEntry, EntryFacts>;
  documented?: ReadonlySet<string>;
  missing?: { readonly model: ServiceModelDefinition; readonly layers: RequiredLayer[] };
  /** The missing layers a batch fix adds: those whose finding is not suppressed. */
  batch?: { readonly model: ServiceModelDefinition; readonly layers: RequiredLayer[] };
  addAll?: Edit[];
}

const FACTS = new WeakMap<Declaration, Facts>();
const NO_FACTS: EntryFacts = { layerId: undefined, matrixCell: undefined, override: undefined, who: undefined };

/**
 * The rules of one declaration run one after another, each asking for its
 * facts many times: the last declaration's are kept at hand, so only the first
 * question of each declaration looks in the weak map.
 */
let lastDeclaration: Declaration | undefined;
let lastFacts: Facts = {};

function factsOf(ctx: RuleContext): Facts {
  const declaration = ctx.declaration;
  if (declaration === lastDeclaration) return lastFacts;
  let facts = FACTS.get(declaration);
  if (!facts) FACTS.set(declaration, (facts = {}));
  lastDeclaration = declaration;
  lastFacts = facts;
  return facts;
}

/** The declaration's model, when its matrix is known and `model:` names one of its models exactly. */
export function declaredModel(ctx: RuleContext): ServiceModelDefinition | undefined {
  const facts = factsOf(ctx);
  if (facts.model === undefined) {
    const id = stringValue(fieldOf(ctx.declaration.fields, 'model'));
    facts.model = (id === undefined ? undefined : ctx.matrix?.serviceModel(id)) ?? null;
  }
  return facts.model ?? undefined;
}

/** The facts of every entry under `layers:`, index for index with `declaration.layers.entries`. */
export function entriesFacts(ctx: RuleContext): readonly EntryFacts[] {
  const facts = factsOf(ctx);
  if (!facts.entries) {
    const model = declaredModel(ctx);
    const entries = ctx.declaration.layers?.entries ?? [];
    const out = new Array<EntryFacts>(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const layerId = ctx.matrix?.layerOf(e);
      const matrixCell = layerId && model ? model.cells[layerId] : undefined;
      const override = layerId ? readOverride(e, matrixCell, ctx.environment.config.overrides) : undefined;
      out[i] = { layerId, matrixCell, override, who: effectiveCell(matrixCell, override) };
    }
    facts.entries = out;
  }
  return facts.entries;
}

/** An entry's layer and the cell that applies to it. */
export function entryFacts(ctx: RuleContext, entry: LayerEntry): EntryFacts {
  const all = entriesFacts(ctx);
  const facts = factsOf(ctx);
  if (!facts.byEntry) {
    facts.byEntry = new Map();
    const entries = ctx.declaration.layers?.entries ?? [];
    // The first entry of an object wins, as a map built in order would keep it.
    for (let i = entries.length - 1; i >= 0; i--) facts.byEntry.set(entries[i]!, all[i]!);
  }
  return facts.byEntry.get(entry) ?? NO_FACTS;
}

/** The layer an entry documents: its id, the layer its display name or spelling stands for, or another matrix's id for it. */
export function entryLayerId(ctx: RuleContext, entry: LayerEntry): string | undefined {
  return entryFacts(ctx, entry).layerId;
}

export function documentedLayerIds(ctx: RuleContext): ReadonlySet<string> {
  const facts = factsOf(ctx);
  if (!facts.documented) {
    const ids = new Set<string>();
    for (const { layerId } of entriesFacts(ctx)) if (layerId) ids.add(layerId);
    facts.documented = ids;
  }
  return facts.documented;
}

/** The codes of the missing-entry findings, by the cell of the layer that lacks one. */
export const MISSING_LAYER_CODES = { customer: 'SRM001', shared: 'SRM002', 'third-party': 'SRM033' } as const;
type MissingCell = keyof typeof MISSING_LAYER_CODES;

function isMissingCell(who: Cell | undefined): who is MissingCell {
  return who !== undefined && dutyOf(who).owner;
}

/** Layers of the model whose cell asks for an entry and that have none, top of the stack first. */
export function missingLayers(ctx: RuleContext, model: ServiceModelDefinition): RequiredLayer[] {
  const facts = factsOf(ctx);
  if (facts.missing?.model !== model) {
    const documented = documentedLayerIds(ctx);
    const layers: RequiredLayer[] = [];
    for (const l of ctx.matrix?.layers ?? []) {
      const who = model.cells[l.id]?.who;
      if (isMissingCell(who) && !documented.has(l.id)) layers.push({ id: l.id, who });
    }
    facts.missing = { model, layers };
  }
  return facts.missing.layers;
}

/**
 * Reports every `who` layer of the declaration's model that has no entry, with
 * its fixes: the shared body of the missing-entry rules.
 */
export function reportMissing(ctx: RuleContext, who: MissingCell, message: (layerName: string, layerId: string, modelLabel: string) => string): void {
  const model = declaredModel(ctx);
  if (!model || !ctx.matrix) return;
  for (const layer of missingLayers(ctx, model)) {
    if (layer.who !== who) continue;
    ctx.report({
      message: message(ctx.matrix.layer(layer.id)!.name, layer.id, modelLabel(ctx, model)),
      span: missingAnchor(ctx),
      layerId: layer.id,
      gap: true,
      fixes: missingEntryFixes(ctx, model, layer.id),
    });
  }
}

/** Where a missing-entry finding is reported: on `layers:`, or on `model:` when `layers:` is absent. */
export function missingAnchor(ctx: RuleContext): Span {
  const decl = ctx.declaration;
  return decl.layers?.field.keySpan ?? fieldOf(decl.fields, 'model')?.keySpan ?? decl.span;
}

/** The fixes of a missing entry: add it, and add every missing entry at once when there are more. */
export function missingEntryFixes(ctx: RuleContext, model: ServiceModelDefinition, layerId: string): Fix[] {
  const matrix = ctx.matrix;
  if (!matrix) return [];
  const toNew = (l: RequiredLayer): NewEntry => ({ layerId: l.id, withHandoff: dutyOf(l.who).handoff });
  // A missing layer whose finding is suppressed is not the batch's to add: the user said it is covered elsewhere.
  const all = batchLayers(ctx, model);
  const self = all.find((l) => l.id === layerId);
  if (!self) return [];
  const name = matrix.layer(layerId)?.name ?? layerId;
  const one = addEntriesEdits(ctx.declaration, [toNew(self)], matrix, ctx.edits);
  if (one.length === 0) return [];
  const fixes: Fix[] = [{ title: `Add an entry for ${name}`, edits: one, safe: true, preferred: true, batch: all.length === 1, order: 100, ...placeholderOf(one) }];
  if (all.length > 1) {
    fixes.push({
      title: `Add entries for all ${all.length} missing layers`,
      edits: (factsOf(ctx).addAll ??= addEntriesEdits(ctx.declaration, all.map(toNew), matrix, ctx.edits)),
      safe: true,
      batch: true,
      order: 100,
    });
  }
  return fixes;
}

/** The missing layers whose finding is not suppressed: the same for each of the declaration's missing-entry findings. */
function batchLayers(ctx: RuleContext, model: ServiceModelDefinition): RequiredLayer[] {
  const facts = factsOf(ctx);
  if (facts.batch?.model !== model) {
    const at = missingAnchor(ctx).start;
    facts.batch = { model, layers: missingLayers(ctx, model).filter((l) => !ctx.suppressions.covers(MISSING_LAYER_CODES[l.who as MissingCell], at)) };
  }
  return facts.batch.layers;
}

/** Where the placeholder owner sits in a single-entry insertion. */
function placeholderOf(edits: readonly Edit[]): Pick<Fix, 'placeholder'> {
  const first = edits.length === 1 ? edits[0] : undefined;
  const at = first ? first.text.indexOf(`owner: ${OWNER_PLACEHOLDER}`) : -1;
  if (at < 0) return {};
  const start = at + 'owner: '.length;
  return { placeholder: { edit: 0, start, end: start + OWNER_PLACEHOLDER.length } };
}

/** `PaaS`, or `PaaS of azure@2026-01` when the declaration's matrix is not the built-in default. */
export function modelLabel(ctx: RuleContext, model: ServiceModelDefinition): string {
  return serviceModelLabel(ctx.matrix, model);
}

export function serviceModelLabel(matrix: MatrixIndex | undefined, model: ServiceModelDefinition): string {
  return !matrix || matrix.ref === DEFAULT_MATRIX ? model.shortName : `${model.shortName} (${matrix.ref})`;
}
