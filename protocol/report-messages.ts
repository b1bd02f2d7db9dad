/** Messages between the report webview page and the extension. The page gets data only this way, never in its HTML. */
import type { ReportFormat, ReportPatch, ResponsibilityReport } from './report';

export type ToReportPage =
  /** The workspace report; `null` with `error` when the server could not build it. */
  | { readonly type: 'report'; readonly report: ResponsibilityReport | null; readonly error?: string }
  /** Only the changed files' parts of the report the page has (see ReportChangedNotification). */
  | { readonly type: 'patch'; readonly patch: ReportPatch }
  /** A save finished (or was cancelled: `file` absent). */
  | { readonly type: 'saved'; readonly format: ReportFormat; readonly file?: string };

export type FromReportPage =
  | { readonly type: 'ready' }
  /** Ask for the report again. */
  | { readonly type: 'refresh' }
  /** Save the report in a format through a save dialog. */
  | { readonly type: 'save'; readonly format: ReportFormat; readonly by: 'workload' | 'owner' }
  /** Open a workload's declaration: a path relative to a workspace folder, as the report writes it, and its 1-based line. */
  | { readonly type: 'open'; readonly file: string; readonly line: number }
  /** Open a matrix's source (the extension opens only https and http). */
  | { readonly type: 'openLink'; readonly url: string };

/** What the page keeps with `setState`. */
export interface ReportPageState {
  readonly by: 'workload' | 'owner';
}
