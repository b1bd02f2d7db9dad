/**
 * Report pieces made in another thread (the workspace index's scan checks
 * every file once, and makes the file's report pieces from that same check):
 * a matrix and an owner directory cannot cross a thread, so a piece travels
 * with its matrix's ref and without its directory, and is restored against
 * the environment of the file where the report is kept. Restoring gives what
 * reportPiecesOf would have made there, or nothing when it cannot tell (the
 * environment there does not have that matrix, with those layers).
 */
import type { CheckEnvironment } from '../environment';
import type { Built, ReportPieces } from './build';
import type { ReportWorkload } from './model';

export interface PortablePieces {
  readonly built: readonly { readonly matrixRef: string; readonly workload: ReportWorkload }[];
  /** Skip reasons, in order (the file is the piece's own, given back on restoring). */
  readonly skipped: readonly string[];
}

/** The pieces without what only their thread has (made for any file name: the name is given on restoring). */
export function portablePieces(pieces: ReportPieces): PortablePieces {
  return { built: pieces.built.map((b) => ({ matrixRef: b.matrix.ref, workload: b.workload })), skipped: pieces.skipped.map((s) => s.reason) };
}

/**
 * The pieces of `file` as reportPiecesOf would make them in `environment`:
 * the same environment the other thread found for the file (both read the
 * same configuration from disk, and the index re-reads every file when it
 * changes). Undefined when this environment disagrees on a matrix.
 */
export function restorePieces(portable: PortablePieces, file: string, environment: CheckEnvironment): ReportPieces | undefined {
  const built: Built[] = [];
  for (const { matrixRef, workload } of portable.built) {
    const matrix = environment.registry.get(matrixRef)?.index;
    if (!matrix || matrix.layers.length !== workload.cells.length || matrix.layers.some((l, i) => l.id !== workload.cells[i]!.layerId)) return undefined;
    built.push({ matrix, workload: { ...workload, file }, directory: environment.config.owners });
  }
  return { file, built, skipped: portable.skipped.map((reason) => ({ file, reason })) };
}
