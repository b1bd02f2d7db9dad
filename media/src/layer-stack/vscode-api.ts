import type { FromWebview, WebviewState } from '../../../protocol/webview-messages';

/** The part of the webview API the page uses. */
export interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}

/** Provided by VS Code inside a webview; may be called once per page load. */
declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

export function getVsCodeApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
}
