import { HANDOFF_PLACEHOLDER, OWNER_PLACEHOLDER } from './fixes/entries';
import type { ModelIndex } from './model/model-index';
import type { Responsibility } from './model/types';

/** What a proposed declaration adds to a new one (srm discover): where it is defined, and who departs from the model's cells. */
export interface DeclarationExtras {
  readonly provider?: string;
  readonly service?: string;
  /** Comment lines written first, each without its `# `. */
  readonly comments?: readonly string[];
  /** Written after the model's own comment. */
  readonly modelNote?: string;
  readonly iac?: readonly { readonly path: string; readonly resources?: readonly string[] }[];
  /** Layers whose responsibility departs from the cell: their entry gets `responsibility:` and `reason:`. */
  readonly overrides?: ReadonlyMap<string, { readonly responsibility: Responsibility; readonly reason: string }>;
}

/**
 * A new declaration with every entry the model requires, placeholders where the
 * user must type: what "New declaration" writes, and with extras what
 * `srm discover --write` proposes.
 */
export function newDeclarationText(model: ModelIndex, workload: string, modelId: string, extras: DeclarationExtras = {}): string {
  const serviceModel = model.serviceModel(modelId);
  if (!serviceModel) throw new Error(`Unknown model ${modelId}`);
  const lines = [
    ...(extras.comments ?? []).map((c) => `# ${c}`.trimEnd()),
    `workload: ${yamlString(workload)}`,
    `model: ${serviceModel.id}   # ${serviceModel.shortName}: ${serviceModel.name}${extras.modelNote ? `; ${extras.modelNote}` : ''}`,
  ];
  if (extras.provider) lines.push(`provider: ${yamlString(extras.provider)}`);
  if (extras.service) lines.push(`service: ${yamlString(extras.service)}`);
  if (extras.iac?.length) {
    lines.push('iac:');
    for (const link of extras.iac) {
      lines.push(`  - path: ${yamlString(link.path)}`);
      if (link.resources?.length) lines.push('    resources:', ...link.resources.map((r) => `      - ${yamlString(r)}`));
    }
  }
  lines.push('layers:');
  for (const layer of model.layers) {
    const who = serviceModel.cells[layer.id]?.who;
    const override = extras.overrides?.get(layer.id);
    const duty = (w: Responsibility | undefined) => w === 'customer' || w === 'shared';
    if (!duty(who) && !duty(override?.responsibility)) continue;
    const cell = override ? `${who} under ${serviceModel.shortName}, ${override.responsibility} here` : who;
    lines.push(`  ${layer.id}:   # ${layer.name}: ${cell}`, `    owner: ${OWNER_PLACEHOLDER}`);
    if (who === 'shared' || override?.responsibility === 'shared') lines.push(`    handoff: ${HANDOFF_PLACEHOLDER}`);
    if (override) lines.push(`    responsibility: ${override.responsibility}`, `    reason: ${JSON.stringify(override.reason)}`);
  }
  return lines.join('\n') + '\n';
}

/** Quotes a name only when YAML would read it as something other than plain text. */
function yamlString(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/^[0-9.]+$/.test(text) ? text : JSON.stringify(text);
}
