import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { clientOptions, quietWhenForced, type ClientFactory } from './client-parts';

/** See quietWhenForced: the lifecycle tells the user, once. */
class SrmBrowserLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, quietWhenForced(showNotification));
  }
}

/**
 * The server's web worker. On vscode.dev and github.dev the extension's files
 * have an https URL, and the worker starts from it. A browser VS Code on a
 * remote (code-server, VS Code Server) that runs the extension in its web
 * worker host gives a `vscode-remote:` URI instead, which its host refuses as
 * a worker script but serves to fetch: the worker then starts from the
 * fetched text.
 */
async function startWorker(serverMain: vscode.Uri): Promise<Worker> {
  if (serverMain.scheme !== 'vscode-remote') return new Worker(serverMain.toString(true));
  const response = await fetch(serverMain.toString(true));
  if (!response.ok) throw new Error(`could not load the SRM language server (${response.status} for ${serverMain.toString(true)})`);
  return new Worker(URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' })));
}

/** Browser (vscode.dev, github.dev): the bundled server (dist/browser-server.js) in a web worker, over postMessage. */
export function browserClientFactory(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientFactory {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  return (errorHandler) => {
    const { options, watcher } = clientOptions(output, errorHandler);
    let worker: Worker | undefined;
    // A new worker on every start: a restart after a crash must not reuse the dead one.
    // The transports are made here: the library's own `instanceof Worker` fails where the host wraps `Worker`.
    const start = async (): Promise<MessageTransports> => {
      worker = await startWorker(serverMain);
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    const client = new SrmBrowserLanguageClient('srm', 'SRM Language Server', start, options);
    return {
      client,
      disposables: [watcher],
      serverPid: () => undefined,
      kill: () => worker?.terminate(),
    };
  };
}
