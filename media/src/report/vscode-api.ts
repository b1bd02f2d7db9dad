import type { FromReportPage, ReportPageState } from '../../../protocol/report-messages';

/** The part of the webview API the report page uses. */
export interface ReportApi {
  postMessage(message: FromReportPage): void;
  getState(): ReportPageState | undefined;
  setState(state: ReportPageState): void;
}

/** Provided by VS Code inside a webview; may be called once per page load. */
declare function acquireVsCodeApi(): ReportApi;

export function getReportApi(): ReportApi {
  return acquireVsCodeApi();
}
