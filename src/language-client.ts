import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../protocol/server-start';
import { clientOptions, quietWhenForced, type ClientFactory } from './client-parts';

/** See quietWhenForced: the lifecycle tells the user, once. */
class SrmLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, quietWhenForced(showNotification));
  }
}

/** Desktop: the bundled server (dist/server.js) in a Node process of its own, over IPC. */
export function nodeClientFactory(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientFactory {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6029'] } },
  };
  return (errorHandler) => {
    const { options, watcher } = clientOptions(output, errorHandler);
    const client = new SrmLanguageClient('srm', 'SRM Language Server', serverOptions, options);
    return {
      client,
      disposables: [watcher],
      serverPid: () => client.serverProcess?.pid,
      kill: () => void client.serverProcess?.kill(),
    };
  };
}
