import * as vscode from 'vscode';
import { newNonce, renderLayerStackHtml } from './html';

/** One of our pages: its bundle in media/dist/ and its stylesheet in media/. */
export interface WebviewPage {
  readonly script: string;
  readonly style: string;
  readonly title?: string;
  readonly loading?: string;
}

/** The page's HTML for `webview`, with a fresh nonce and the strict CSP, as both panels render it. */
export function webviewPageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  return renderLayerStackHtml({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', page.script)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, page.style)).toString(),
    ...(page.title !== undefined ? { title: page.title } : {}),
    ...(page.loading !== undefined ? { loading: page.loading } : {}),
  });
}
