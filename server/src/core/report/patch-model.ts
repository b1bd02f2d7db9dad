/** What a live report sends when files change: only those files' parts (see patch.ts). */
import type { ReportMatrixGroup, ReportOwner, ReportWorkload, ResponsibilityReport } from './model';

/** A matrix group without its rows and totals: what a patch needs to open a group the report lacks. */
export type ReportGroupHead = Omit<ReportMatrixGroup, 'workloads' | 'totals'>;

export interface ReportFilePatch {
  readonly file: string;
  /** The file's workloads by matrix group, in file order; none when the file left the workspace. */
  readonly groups: readonly { readonly head: ReportGroupHead; readonly workloads: readonly ReportWorkload[] }[];
  readonly skipped: ResponsibilityReport['skipped'];
  /** The file's duties by owner, named as the workspace's owner directories name them. */
  readonly owners: readonly ReportOwner[];
}

export interface ReportPatch {
  readonly files: readonly ReportFilePatch[];
}
