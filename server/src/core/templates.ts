import { HANDOFF_PLACEHOLDER, OWNER_PLACEHOLDER, entryLines } from './fixes/entries';
import { yamlScalar } from './fixes/yaml-text';
import { dutyOf } from './matrix/duties';
import type { MatrixIndex } from './matrix/matrix-index';
import { DEFAULT_MATRIX } from './matrix/registry';

/**
 * A new declaration with every entry the model requires, placeholders where the
 * user must type: what "New declaration" writes.
 */
export function newDeclarationText(matrix: MatrixIndex, workload: string, modelId: string): string {
  const serviceModel = matrix.serviceModel(modelId);
  if (!serviceModel) throw new Error(`Unknown model ${modelId}`);
  const lines = [
    `workload: ${yamlScalar(workload)}`,
    // Pinned, so the declaration keeps its table when a newer version of the matrix arrives.
    ...(matrix.ref === DEFAULT_MATRIX ? [] : [`matrix: ${matrix.ref}   # ${matrix.matrix.title}`]),
    `model: ${serviceModel.id}   # ${serviceModel.shortName}: ${serviceModel.name}`,
    'layers:',
  ];
  for (const layer of matrix.layers) {
    const who = serviceModel.cells[layer.id]?.who;
    if (!who || !dutyOf(who).owner) continue;
    const fields: [string, string][] = [['owner', OWNER_PLACEHOLDER], ...(dutyOf(who).handoff ? [['handoff', HANDOFF_PLACEHOLDER] as [string, string]] : [])];
    lines.push(...entryLines(layer.id, fields, '  ', '  ', `${layer.name}: ${who}`));
  }
  return lines.join('\n') + '\n';
}
