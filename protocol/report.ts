/**
 * The workspace report and the overview, shared by the client and the server:
 * requests and the notification that keeps the overview live. The report's
 * shape is the core's (server/src/core/report/model.ts), re-exported here.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ReportFormat, ReportPatch } from '../server/src/core/report';
import type { ResponsibilityReport } from '../server/src/core/report/model';

export type { ReportFormat, ResponsibilityReport };
export type { CellState, ReportCell, ReportMatrixGroup, ReportOwner, ReportWorkload } from '../server/src/core/report/model';
export { REPORT_FORMATS } from '../server/src/core/report';

/** The report of every declaration of the workspace, each checked in its folder's environment, as `srm report` builds it. */
export const WorkspaceReportRequest = new RequestType<Record<string, never>, ResponsibilityReport, void>('srm/workspaceReport');

/** The workspace report as the text of one format, for saving; `error` when that format cannot be made (an SSP without provider, say). */
export interface ExportReportParams {
  readonly format: ReportFormat;
  readonly by?: 'workload' | 'owner';
}
export type ExportReportResult = { readonly text: string } | { readonly error: string };
export const ExportReportRequest = new RequestType<ExportReportParams, ExportReportResult, void>('srm/exportReport');

/** One workload as the overview lists it: from the workspace index's summary, no second check. */
export interface OverviewWorkload {
  /** Position of its YAML document in the file, from 0. */
  readonly index: number;
  /** The `workload:` value; absent when it has none. */
  readonly name?: string;
  /** The `model:` as written. */
  readonly model?: string;
  /** `id@version` as written in `matrix:`, or the matrix its folder defaults to. */
  readonly matrix: string;
  /** Every distinct owner its entries name, as written. */
  readonly owners: readonly string[];
  /** The core's gap count. */
  readonly gaps: number;
  /** Where its `workload:` (or the document) starts, 0-based, for a click to open it. */
  readonly line: number;
  readonly character: number;
  /** What its `iac:` entries claim, as written; absent when it has none. */
  readonly resources?: readonly OverviewResource[];
}

/** One resource an `iac:` entry names, or the entry's path when it names none (every workload resource there). */
export interface OverviewResource {
  /** `aws_lambda_function.orders`, a logical id, or the path as written. */
  readonly label: string;
  /** The entry's path as written. */
  readonly path: string;
  /** The file or folder the path leads to, resolved against the declaration (not checked: the index keeps no disk reads). */
  readonly target: string;
}

export interface OverviewFile {
  readonly uri: string;
  readonly workloads: readonly OverviewWorkload[];
}

/** Every declaration file of the workspace, once the index has read them all. */
export const OverviewRequest = new RequestType<Record<string, never>, { readonly files: readonly OverviewFile[] }, void>('srm/overview');

/**
 * The index changed: each file's new workloads, or `workloads` absent when the
 * file left the index. Batched: one notification for the changes of a short
 * moment, so a scan of thousands of files is a handful of messages.
 */
export interface OverviewChangedParams {
  readonly changes: readonly { readonly uri: string; readonly workloads?: readonly OverviewWorkload[] }[];
}
export const OverviewChangedNotification = new NotificationType<OverviewChangedParams>('srm/overviewChanged');

export type { ReportFilePatch, ReportPatch } from '../server/src/core/report';

/**
 * The workspace report changed, once a client has asked for it: `patch` holds
 * only the changed files' parts (core/report/patch.ts applies it to the report
 * the client has); absent when more than those files changed (a configuration,
 * an owner directory): ask for the report again.
 */
export interface ReportChangedParams {
  readonly patch?: ReportPatch;
}
export const ReportChangedNotification = new NotificationType<ReportChangedParams>('srm/reportChanged');
