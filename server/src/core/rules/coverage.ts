import { fieldOf, stringValue, type Declaration, type LayerEntry } from '../parse/declaration';
import type { Responsibility, ServiceModelDefinition } from '../model/types';
import { addEntriesEdits, OWNER_PLACEHOLDER, type NewEntry } from '../fixes/entries';
import type { Edit, Fix, Span } from '../types';
import type { RuleContext } from './rule';

/**
 * What several rules ask of one declaration, worked out once: the rules run
 * on every keystroke over every changed document, so none of them repeats it.
 */
interface Facts {
  model?: ServiceModelDefinition | null;
  entryLayers?: Map<LayerEntry, string | undefined>;
  missing?: { readonly model: ServiceModelDefinition; readonly layers: { id: string; who: Responsibility }[] };
  addAll?: Edit[];
}

const FACTS = new WeakMap<Declaration, Facts>();

function factsOf(ctx: RuleContext): Facts {
  let facts = FACTS.get(ctx.declaration);
  if (!facts) FACTS.set(ctx.declaration, (facts = {}));
  return facts;
}

/** The declaration's model, when `model:` names one exactly. */
export function declaredModel(ctx: RuleContext): ServiceModelDefinition | undefined {
  const facts = factsOf(ctx);
  if (facts.model === undefined) {
    const id = stringValue(fieldOf(ctx.declaration.fields, 'model'));
    facts.model = (id === undefined ? undefined : ctx.model.serviceModel(id)) ?? null;
  }
  return facts.model ?? undefined;
}

/** The layer an entry documents: its id, or the layer its display name or spelling stands for. */
export function entryLayerId(ctx: RuleContext, entry: LayerEntry): string | undefined {
  const facts = factsOf(ctx);
  if (!facts.entryLayers) {
    facts.entryLayers = new Map();
    for (const e of ctx.declaration.layers?.entries ?? []) {
      facts.entryLayers.set(e, ctx.model.layerOf(e));
    }
  }
  return facts.entryLayers.get(entry);
}

export function documentedLayerIds(ctx: RuleContext): Set<string> {
  const ids = new Set<string>();
  for (const entry of ctx.declaration.layers?.entries ?? []) {
    const id = entryLayerId(ctx, entry);
    if (id) ids.add(id);
  }
  return ids;
}

/** The codes of the missing-entry findings, by the responsibility of the layer that lacks one. */
export const MISSING_LAYER_CODES = { customer: 'SRM001', shared: 'SRM002' } as const;

/** Customer and shared layers of the model with no entry, top of the stack first. */
export function missingLayers(ctx: RuleContext, model: ServiceModelDefinition): { id: string; who: Responsibility }[] {
  const facts = factsOf(ctx);
  if (facts.missing?.model !== model) {
    const documented = documentedLayerIds(ctx);
    const layers = ctx.model.layers
      .map((l) => ({ id: l.id, who: model.cells[l.id]?.who }))
      .filter((l): l is { id: string; who: Responsibility } => (l.who === 'customer' || l.who === 'shared') && !documented.has(l.id));
    facts.missing = { model, layers };
  }
  return facts.missing.layers;
}

/**
 * Reports every `who` layer of the declaration's model that has no entry, with
 * its fixes: the shared body of the missing-customer and missing-shared rules.
 */
export function reportMissing(ctx: RuleContext, who: Responsibility, message: (layerName: string, layerId: string, modelLabel: string) => string): void {
  const model = declaredModel(ctx);
  if (!model) return;
  for (const layer of missingLayers(ctx, model)) {
    if (layer.who !== who) continue;
    ctx.report({
      message: message(ctx.model.layer(layer.id)!.name, layer.id, modelLabel(model)),
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
  const toNew = (l: { id: string; who: Responsibility }): NewEntry => ({ layerId: l.id, withHandoff: l.who === 'shared' });
  // A missing layer whose finding is suppressed is not the batch's to add: the user said it is covered elsewhere.
  const at = missingAnchor(ctx).start;
  const all = missingLayers(ctx, model).filter((l) => !ctx.suppressions.covers(MISSING_LAYER_CODES[l.who as 'customer' | 'shared'], at));
  const self = all.find((l) => l.id === layerId);
  if (!self) return [];
  const name = ctx.model.layer(layerId)?.name ?? layerId;
  const one = addEntriesEdits(ctx.declaration, [toNew(self)], ctx.model, ctx.edits);
  if (one.length === 0) return [];
  const fixes: Fix[] = [{ title: `Add an entry for ${name}`, edits: one, safe: true, preferred: true, batch: all.length === 1, order: 100, ...placeholderOf(one) }];
  if (all.length > 1) {
    fixes.push({
      title: `Add entries for all ${all.length} missing layers`,
      edits: (factsOf(ctx).addAll ??= addEntriesEdits(ctx.declaration, all.map(toNew), ctx.model, ctx.edits)),
      safe: true,
      batch: true,
      order: 100,
    });
  }
  return fixes;
}

/** Where the placeholder owner sits in a single-entry insertion. */
function placeholderOf(edits: readonly Edit[]): Pick<Fix, 'placeholder'> {
  const at = edits.length === 1 ? edits[0].text.indexOf(`owner: ${OWNER_PLACEHOLDER}`) : -1;
  if (at < 0) return {};
  const start = at + 'owner: '.length;
  return { placeholder: { edit: 0, start, end: start + OWNER_PLACEHOLDER.length } };
}

export function modelLabel(model: ServiceModelDefinition): string {
  return model.shortName;
}
