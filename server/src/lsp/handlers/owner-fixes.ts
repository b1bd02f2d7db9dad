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
  return ownerNamingFixes(finding, layer.name, rankOwnerCandidates(ownersByLayer(index).get(layerId) ?? new Map<string, number>(), directory, declaring));
}

/** Per index: who owns each layer across the workspace, until the index changes. */
const counted = new WeakMap<WorkspaceIndex, { current: boolean; byLayer: Map<string, Map<string, number>> }>();

/**
 * `index.ownersOfLayer` for every layer in one pass over the summaries, kept
 * until a summary changes: a quick-fix request on `layers:` asks for each
 * missing layer, and the cursor asks again at every move. Each layer's map is
 * built in the order `ownersOfLayer` builds it (summaries, workloads, entries),
 * so the ranking breaks ties alike.
 */
function ownersByLayer(index: WorkspaceIndex): ReadonlyMap<string, Map<string, number>> {
  let cache = counted.get(index);
  if (!cache) {
    const created = { current: false, byLayer: new Map<string, Map<string, number>>() };
    index.onDidChange(() => (created.current = false));
    counted.set(index, (cache = created));
  }
  // Reading the summaries first brings in what the index holds back (an open document's latest edit), which changes it.
  const summaries = [...index.summaries()];
  if (cache.current) return cache.byLayer;
  const byLayer = new Map<string, Map<string, number>>();
  for (const summary of summaries) {
    for (const workload of summary.workloads) {
      // One vote per workload, even if it writes the layer twice.
      const voted = new Set<string>();
      for (const { layerId, owner } of workload.entries) {
        if (layerId === undefined || owner === undefined) continue;
        const vote = `${layerId}\0${owner}`;
        if (voted.has(vote)) continue;
        voted.add(vote);
        let owners = byLayer.get(layerId);
        if (!owners) byLayer.set(layerId, (owners = new Map<string, number>()));
        owners.set(owner, (owners.get(owner) ?? 0) + 1);
      }
    }
  }
  cache.byLayer = byLayer;
  cache.current = true;
  return byLayer;
}
