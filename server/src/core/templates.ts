import { HANDOFF_PLACEHOLDER, OWNER_PLACEHOLDER } from './fixes/entries';
import type { ModelIndex } from './model/model-index';

/**
 * A new declaration with every entry the model requires, placeholders where the
 * user must type: what "New declaration" writes.
 */
export function newDeclarationText(model: ModelIndex, workload: string, modelId: string): string {
  const serviceModel = model.serviceModel(modelId);
  if (!serviceModel) throw new Error(`Unknown model ${modelId}`);
  const lines = [
    `workload: ${yamlString(workload)}`,
    `model: ${serviceModel.id}   # ${serviceModel.shortName}: ${serviceModel.name}`,
    'layers:',
  ];
  for (const layer of model.layers) {
    const who = serviceModel.cells[layer.id]?.who;
    if (who !== 'customer' && who !== 'shared') continue;
    lines.push(`  ${layer.id}:   # ${layer.name}: ${who}`, `    owner: ${OWNER_PLACEHOLDER}`);
    if (who === 'shared') lines.push(`    handoff: ${HANDOFF_PLACEHOLDER}`);
  }
  return lines.join('\n') + '\n';
}

/** Quotes a name only when YAML would read it as something other than plain text. */
function yamlString(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/^[0-9.]+$/.test(text) ? text : JSON.stringify(text);
}
