import { ownerDirectoryOf, ownerNamingFixes, rankOwnerCandidates, type Diagnostic, type Fix } from '../../core';
import type { CheckedFile } from '../files';
import type { WorkspaceIndex } from '../workspace-index';

/**
 * Beside the placeholder fix of a missing layer: fixes that name the owners
 * this layer has in the other workloads of the file and the workspace, most
 * used first, and the directory's owners that declare it. The counts are the
 * index's; the fixes are the core's.
 */
export function ownerFixesFor(file: CheckedFile, finding: Diagnostic, index: WorkspaceIndex): Fix[] {
  const layerId = finding.layerId;
  if (!layerId || !finding.gap || !finding.fixes.some((f) => f.placeholder)) return [];
  const checked = file.result.documents.find((d) => finding.span.start >= d.base && finding.span.start <= d.base + d.text.length);
  const matrix = checked?.matrix;
  const layer = matrix?.layer(layerId);
  if (!matrix || !layer) return [];
  const directory = ownerDirectoryOf(file.environment.config.owners);
  const declaring = directory?.declaring(layerId, (written) => matrix.layerIdOf(written)) ?? [];
  return ownerNamingFixes(finding, layer.name, rankOwnerCandidates(index.ownersOfLayer(layerId), directory, declaring));
}
