/** What a live report sends when files change: only those files' parts (see patch.ts). */
import type { ReportMatrixGroup, ReportOwner, ReportWorkload, ResponsibilityReport } from './model';

/** A matrix group without its rows and totals: what a patch needs to open a group the report lacks. */
export type ReportGroupHead = Omit<ReportMatrixGroup, 'workloads' | 'totals'>;

export interface ReportFilePatch {
  readonly file: string;
  /**
   * Set when the patch replaces only some of the file's workloads: the lines
   * of the rows it drops. `groups` and `owners` then hold only the workloads
   * that come instead (an edit of one document of thousands sends that one);
   * `skipped` is still the whole file's. Absent: every row of the file goes.
   */
  readonly replacing?: readonly number[];
  /** The file's workloads by matrix group, in file order; none when the file left the workspace. */
  readonly groups: readonly { readonly head: ReportGroupHead; readonly workloads: readonly ReportWorkload[] }[];
  readonly skipped: ResponsibilityReport['skipped'];
  /** The file's duties by owner, named as the workspace's owner directories name them. */
  readonly owners: readonly ReportOwner[];
}

export interface ReportPatch {
  readonly files: readonly ReportFilePatch[];
}
