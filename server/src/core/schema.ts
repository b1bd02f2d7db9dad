import { ENTRY_FIELDS, PROVIDER_OWNER, TOP_LEVEL_FIELDS, type FieldSpec } from './format';
import type { Cell, LayerDefinition, Matrix as CellModel, ServiceModelDefinition } from './matrix/types';

/** A JSON Schema (draft-07) object, as plain data ready for `JSON.stringify`. */
export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/**
 * The JSON Schema (draft-07) of one declaration document, generated from a
 * responsibility model, for generic YAML language servers (yaml-language-server)
 * and validators (ajv).
 *
 * What a schema can say, it says as the checker does: required keys, the model
 * ids, the layer ids, and per model (an `allOf` of `if`/`then`) every customer
 * and shared layer required, `handoff:` required on shared layers, and
 * `owner: provider` (any case, as the checker reads it) refused on both. The
 * rest (did-you-mean, spellings, placeholders, the service catalogue) needs the
 * checker.
 *
 * Unknown keys are refused (`additionalProperties: false`) at every level:
 * yaml-language-server reports them as warnings, which matches the checker for
 * top-level and entry keys and surfaces typos (`ower:`) that would otherwise
 * only show as a missing `owner`. Optional text fields accept an empty value
 * (null) and numbers, as the checker does; ajv compiles it in strict mode with
 * `allowUnionTypes: true`.
 */
export function buildJsonSchema(model: CellModel): JsonSchema {
  const conditions = model.models.map((m) => modelCondition(model, m)).filter((c): c is JsonSchema => c !== null);
  return {
    $schema: JSON_SCHEMA_DRAFT,
    $comment: 'Generated from the responsibility model by `npm run schema` (scripts/generate-schema.ts). Do not edit by hand.',
    title: 'SRM workload declaration',
    description: 'One workload\'s shared-responsibility declaration (*.srm.yaml, format v1): its service model and who owns each layer the customer is responsible for.',
    type: 'object',
    required: TOP_LEVEL_FIELDS.filter((f) => f.required).map((f) => f.key),
    additionalProperties: false,
    properties: Object.fromEntries(TOP_LEVEL_FIELDS.map((f) => [f.key, topLevelField(model, f)])),
    ...(conditions.length ? { allOf: conditions } : {}),
    definitions: Object.fromEntries(ENTRY_FIELDS.map((f) => [entryDefinition(f), valueSchema(f)])),
  };
}

function topLevelField(model: CellModel, spec: FieldSpec): JsonSchema {
  if (spec.key === 'model') return modelField(model, spec);
  if (spec.type === 'layers') return layersField(model, spec);
  return valueSchema(spec);
}

function modelField(model: CellModel, spec: FieldSpec): JsonSchema {
  return {
    description: `${spec.description} One of: ${model.models.map((m) => `${m.id} (${m.shortName})`).join(', ')}.`,
    markdownDescription: `${spec.description}\n\n${model.models.map((m) => `- \`${m.id}\`: ${m.shortName}, ${m.name}`).join('\n')}`,
    type: 'string',
    enum: model.models.map((m) => m.id),
    enumDescriptions: model.models.map((m) => modelSummary(model, m)),
    markdownEnumDescriptions: model.models.map((m) => modelMarkdown(model, m)),
  };
}

function layersField(model: CellModel, spec: FieldSpec): JsonSchema {
  return {
    description: `${spec.description} Layer ids: ${model.layers.map((l) => l.id).join(', ')}.`,
    markdownDescription: `${spec.description}\n\n${model.layers.map((l) => `- \`${l.id}\`: ${l.name}`).join('\n')}`,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(model.layers.map((l) => [l.id, layerEntry(model, l)])),
  };
}

function layerEntry(model: CellModel, layer: LayerDefinition): JsonSchema {
  return {
    description: `${layer.name} (${layer.id}) — ${layer.covers} Responsible: ${model.models.map((m) => `${m.shortName} ${whoText(m, layer.id)}`).join(', ')}.`,
    markdownDescription: layerMarkdown(model, layer),
    type: 'object',
    required: ENTRY_FIELDS.filter((f) => f.required).map((f) => f.key),
    additionalProperties: false,
    properties: Object.fromEntries(ENTRY_FIELDS.map((f) => [f.key, { $ref: `#/definitions/${entryDefinition(f)}` }])),
  };
}

/** The entry fields are the same on every layer: defined once, referenced from each. */
function entryDefinition(spec: FieldSpec): string {
  return `entry-${spec.key}`;
}

/** The schema of a text or list field; the required `owner` must be non-blank text. */
function valueSchema(spec: FieldSpec): JsonSchema {
  const text = { description: spec.description, markdownDescription: spec.description };
  if (spec.key === 'owner') {
    return { ...text, type: 'string', pattern: '\\S', patternErrorMessage: 'Name the team, role or person who owns this layer.' };
  }
  if (spec.type === 'string-list') {
    // The checker takes a list of scalars, or a single text.
    return { ...text, type: ['array', 'string', 'null'], items: { type: ['string', 'number', 'boolean'] } };
  }
  if (spec.type === 'list') return { ...text, type: ['array', 'null'], items: { type: ['object', 'string'] } };
  if (spec.required) return { ...text, type: ['string', 'number'], pattern: '\\S' };
  const examples = spec.key === 'evidence' ? { examples: ['https://wiki.example.com/controls/evidence'] } : {};
  return { ...text, type: ['string', 'number', 'null'], ...examples };
}

/** `if model is m then` every customer and shared layer is required, with the rules of its responsibility. */
function modelCondition(model: CellModel, m: ServiceModelDefinition): JsonSchema | null {
  const duties = model.layers.filter((l) => isCustomerDuty(m.cells[l.id]?.who));
  if (duties.length === 0) return null;
  // `type: 'object'` beside each `required`/`properties` keeps the schema clean under ajv's strict mode.
  return {
    if: { type: 'object', required: ['model'], properties: { model: { const: m.id } } },
    then: {
      type: 'object',
      required: ['layers'],
      properties: {
        layers: {
          type: 'object',
          required: duties.map((l) => l.id),
          properties: Object.fromEntries(duties.map((l) => [l.id, dutyRules(m, l)])),
        },
      },
    },
  };
}

function dutyRules(m: ServiceModelDefinition, layer: LayerDefinition): JsonSchema {
  const shared = m.cells[layer.id]?.who === 'shared';
  const owner = {
    type: 'string',
    pattern: notProviderPattern(),
    patternErrorMessage: shared
      ? `${layer.name} is shared under ${m.shortName}: owner: ${PROVIDER_OWNER} leaves the customer's half unassigned. Name who owns your half.`
      : `${layer.name} is the customer's under ${m.shortName}: the provider does not cover it. Name the team, role or person who owns it.`,
  };
  if (!shared) return { type: 'object', properties: { owner } };
  return {
    type: 'object',
    required: ['handoff'],
    properties: {
      owner,
      handoff: {
        type: ['string', 'number'],
        pattern: '\\S',
        patternErrorMessage: `${layer.name} is shared under ${m.shortName}: say where the provider's part ends and the owner's begins.`,
      },
    },
  };
}

/** Refuses the reserved owner as the checker reads it: trimmed, in any case. */
function notProviderPattern(): string {
  const word = [...PROVIDER_OWNER]
    .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return `^(?!\\s*${word}\\s*$)`;
}

function isCustomerDuty(who: Cell | undefined): boolean {
  return who === 'customer' || who === 'shared' || who === 'third-party';
}

function whoText(m: ServiceModelDefinition, layerId: string): string {
  const cell = m.cells[layerId];
  if (!cell) return 'not part of the model';
  return cell.derived ? `${cell.who} (derived)` : cell.who;
}

function idsOf(model: CellModel, m: ServiceModelDefinition, who: Cell): string[] {
  return model.layers.filter((l) => m.cells[l.id]?.who === who).map((l) => l.id);
}

function modelSummary(model: CellModel, m: ServiceModelDefinition): string {
  const customer = idsOf(model, m, 'customer');
  const shared = idsOf(model, m, 'shared');
  const parts = [`${m.shortName}, ${m.name}. ${m.description}`];
  if (customer.length) parts.push(`Customer: ${customer.join(', ')}.`);
  if (shared.length) parts.push(`Shared (owner and handoff): ${shared.join(', ')}.`);
  if (m.examples.length) parts.push(`e.g. ${m.examples.join(', ')}.`);
  return parts.join(' ');
}

function modelMarkdown(model: CellModel, m: ServiceModelDefinition): string {
  const list = (ids: string[]) => ids.map((id) => `\`${id}\``).join(', ');
  const lines = [`**${m.shortName}**, ${m.name}`, '', m.description, ''];
  const customer = idsOf(model, m, 'customer');
  const shared = idsOf(model, m, 'shared');
  const provider = idsOf(model, m, 'provider');
  if (customer.length) lines.push(`- Customer (an owner is required): ${list(customer)}`);
  if (shared.length) lines.push(`- Shared (an owner and a \`handoff:\` are required): ${list(shared)}`);
  if (provider.length) lines.push(`- Provider (nothing required): ${list(provider)}`);
  if (m.examples.length) lines.push('', `Examples: ${m.examples.join(', ')}.`);
  return lines.join('\n');
}

function layerMarkdown(model: CellModel, layer: LayerDefinition): string {
  const notes: string[] = [];
  const rows = model.models.map((m) => {
    const cell = m.cells[layer.id];
    if (!cell) return `| ${m.shortName} | not part of the model |`;
    const what = cell.who === 'customer' ? 'customer: an owner is required'
      : cell.who === 'shared' ? 'shared: an owner and a `handoff:` are required'
      : 'provider: an entry documents an assumption';
    if (cell.derived) notes.push(`${m.shortName}: ${cell.derived}`);
    return `| ${m.shortName} | ${what}${cell.derived ? ' (derived)' : ''} |`;
  });
  return [
    `**${layer.name}** (\`${layer.id}\`)`,
    '',
    layer.covers,
    '',
    `*Risk:* ${layer.risk}`,
    '',
    `*Owner's duty:* ${layer.ownerDuty}`,
    '',
    '| Model | Responsible |',
    '|---|---|',
    ...rows,
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}
