/**
 * A live report, changed one file at a time: what one file now adds to the
 * report (its workloads by matrix, its skip reasons, its owners' duties), and
 * how that patch replaces the file's old part of an assembled report. Applying
 * a patch touches the changed file's rows and adjusts the totals by the
 * difference; no other file is checked again. The result equals
 * assembleReport over every file's pieces (test/lsp/workspace-report.test.ts
 * and test/unit report-patch tests hold it to that).
 */
import { directoryOf, groupsOf, ownersOf, type Built, type DirectoryOwner, type ReportPieces } from './build';
import { byCodeUnits } from './cells';
import type { ReportFilePatch } from './patch-model';

export { applyReportPatch } from './apply-patch';
export type { ReportFilePatch, ReportGroupHead, ReportPatch } from './patch-model';

/**
 * The owner directories of every file, as assembleReport reads them: the
 * first file (in report order) with a directory wins a spelling. Linear, no
 * sort: only a directory's first file matters.
 */
export function workspaceDirectoryOf(pieces: Iterable<ReportPieces>): Map<string, DirectoryOwner> {
  const first = new Map<Built['directory'], Built>();
  const firstFile = new Map<Built['directory'], string>();
  for (const p of pieces) {
    for (const b of p.built) {
      if (!b.directory) continue;
      const known = firstFile.get(b.directory);
      if (known === undefined || byCodeUnits(p.file, known) < 0) {
        first.set(b.directory, b);
        firstFile.set(b.directory, p.file);
      }
    }
  }
  const ordered = [...first.entries()].sort(([a], [b]) => byCodeUnits(firstFile.get(a) ?? '', firstFile.get(b) ?? '')).map(([, b]) => b);
  return directoryOf(ordered);
}

/** The patch that replaces a file's part of the report: `pieces` undefined when the file is gone. */
export function filePatchOf(file: string, pieces: ReportPieces | undefined, directory: ReadonlyMap<string, DirectoryOwner>): ReportFilePatch {
  if (!pieces) return { file, groups: [], skipped: [], owners: [] };
  const groups = groupsOf(pieces.built);
  return {
    file,
    groups: groups.map(({ workloads, totals: _totals, ...head }) => ({ head, workloads })),
    skipped: pieces.skipped,
    owners: ownersOf(groups, directory),
  };
}

/**
 * The patch that replaces only the workloads of a file that changed, when
 * that is the smaller patch: `old` and `pieces` are the file's pieces before
 * and after, and a workload that did not change is the same object in both
 * (piecesOfCheck keeps them). Undefined when most of the file changed (an
 * inserted line moves every workload below it): then filePatchOf's is as small.
 */
export function partialFilePatchOf(old: ReportPieces, pieces: ReportPieces, directory: ReadonlyMap<string, DirectoryOwner>): ReportFilePatch | undefined {
  if (old.file !== pieces.file) return undefined;
  const before = new Set(old.built);
  const after = new Set(pieces.built);
  const gone = old.built.filter((b) => !after.has(b));
  const come = pieces.built.filter((b) => !before.has(b));
  if (2 * (gone.length + come.length) > pieces.built.length) return undefined;
  const groups = groupsOf(come);
  return {
    file: pieces.file,
    replacing: gone.map((b) => b.workload.line),
    groups: groups.map(({ workloads, totals: _totals, ...head }) => ({ head, workloads })),
    skipped: pieces.skipped,
    owners: ownersOf(groups, directory),
  };
}

