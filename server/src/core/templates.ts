import { HANDOFF_PLACEHOLDER, OWNER_PLACEHOLDER, entryLines } from './fixes/entries';
import { yamlScalar } from './fixes/yaml-text';
import { dutyOf } from './matrix/duties';
import type { MatrixIndex } from './matrix/matrix-index';
import { DEFAULT_MATRIX } from './matrix/registry';
import type { Cell } from './matrix/types';

/** What a proposed declaration adds to a new one (srm discover): where it is defined, and who departs from the model's cells. */
export interface DeclarationExtras {
  readonly provider?: string;
  readonly service?: string;
  /** Comment lines written first, each without its `# `. */
  readonly comments?: readonly string[];
  /** Written after the model's own comment. */
  readonly modelNote?: string;
  readonly iac?: readonly { readonly path: string; readonly resources?: readonly string[] }[];
  /** Layers (by the matrix's ids) whose responsibility departs from the cell: their entry gets `responsibility:` and `reason:`. */
  readonly overrides?: ReadonlyMap<string, { readonly responsibility: Cell; readonly reason: string }>;
  /** The owner of an overridden entry that needs none (moved to the provider): recorded, not a placeholder to fill in. */
  readonly ownerWithoutDuty?: string;
}

/**
 * A new declaration with every entry the model requires, placeholders where the
 * user must type: what "New declaration" writes, and with extras what
 * `srm discover --write` proposes.
 */
export function newDeclarationText(matrix: MatrixIndex, workload: string, modelId: string, extras: DeclarationExtras = {}): string {
  const serviceModel = matrix.serviceModel(modelId);
  if (!serviceModel) throw new Error(`Unknown model ${modelId}`);
  const lines = [
    ...(extras.comments ?? []).map((c) => `# ${c}`.trimEnd()),
    `workload: ${yamlScalar(workload)}`,
    // Pinned, so the declaration keeps its table when a newer version of the matrix arrives.
    ...(matrix.ref === DEFAULT_MATRIX ? [] : [`matrix: ${matrix.ref}   # ${matrix.matrix.title}`]),
    `model: ${serviceModel.id}   # ${serviceModel.shortName}: ${serviceModel.name}${extras.modelNote ? `; ${extras.modelNote}` : ''}`,
  ];
  if (extras.provider) lines.push(`provider: ${yamlScalar(extras.provider)}`);
  if (extras.service) lines.push(`service: ${yamlScalar(extras.service)}`);
  if (extras.iac?.length) {
    lines.push('iac:');
    for (const link of extras.iac) {
      lines.push(`  - path: ${yamlScalar(link.path)}`);
      if (link.resources?.length) lines.push('    resources:', ...link.resources.map((r) => `      - ${yamlScalar(r)}`));
    }
  }
  lines.push('layers:');
  for (const layer of matrix.layers) {
    const who = serviceModel.cells[layer.id]?.who;
    const override = extras.overrides?.get(layer.id);
    const duty = override ? dutyOf(override.responsibility) : who ? dutyOf(who) : undefined;
    // An override is written even where nobody needs to own the layer: it records which option of the service applies.
    if (!override && !(who && dutyOf(who).owner)) continue;
    const cell = override ? `${who ?? 'not listed'} under ${serviceModel.shortName}, ${override.responsibility} here` : who;
    const owner = duty?.owner || !extras.ownerWithoutDuty ? OWNER_PLACEHOLDER : yamlScalar(extras.ownerWithoutDuty);
    const fields: [string, string][] = [['owner', owner]];
    if (duty?.handoff) fields.push(['handoff', HANDOFF_PLACEHOLDER]);
    if (override) fields.push(['responsibility', override.responsibility], ['reason', yamlScalar(override.reason)]);
    lines.push(...entryLines(layer.id, fields, '  ', '  ', `${layer.name}: ${cell ?? ''}`));
  }
  return lines.join('\n') + '\n';
}
