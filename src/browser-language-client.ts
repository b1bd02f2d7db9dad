import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, quietWhenForced, type ClientFactory } from './client-parts';

/** See quietWhenForced: the lifecycle tells the user, once. */
class SrmBrowserLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, quietWhenForced(showNotification));
  }
}

/** Browser (vscode.dev, github.dev): the bundled server (dist/browser-server.js) in a web worker, over postMessage. */
export function browserClientFactory(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientFactory {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/browser-server.js').toString(true);
  return (errorHandler) => {
    const { options, watcher } = clientOptions(output, errorHandler);
    let worker: Worker | undefined;
    // A new worker on every start: a restart after a crash must not reuse the dead one.
    const start = (): Promise<Worker> => Promise.resolve((worker = new Worker(serverMain)));
    const client = new SrmBrowserLanguageClient('srm', 'SRM Language Server', start, options);
    return {
      client,
      disposables: [watcher],
      serverPid: () => undefined,
      kill: () => worker?.terminate(),
    };
  };
}
