import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../protocol/settings';

/** A language client and what must be disposed with it. The lifecycle (server-lifecycle.ts) owns both. */
export interface ClientParts {
  readonly client: LanguageClient;
  readonly disposables: vscode.Disposable[];
}

/**
 * The lifecycle tells the user when the server fails to start or crashes (once,
 * with Restart and Show Output). The library would add notifications of its own
 * for the same events ("couldn't create connection", "Restarting server failed"):
 * those it forces go to the output only.
 */
class SrmLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, showNotification === 'force' ? false : showNotification);
  }
}

/** A new, not yet started client for the bundled server; crashes go to `errorHandler`. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, errorHandler: ErrorHandler): ClientParts {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  // One watcher per client: a restart replaces the client, and the old watcher goes with it.
  // Every YAML file: declarations, and the configuration, matrix and owner files they depend on
  // (an owner file may have any name); the server keeps the events that matter to it.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
  const clientOptions: LanguageClientOptions = {
    // Declarations, and the matrix and configuration files (YAML to VS Code) that the server checks, explains and completes too.
    documentSelector: [
      { language: 'srm' },
      { language: 'yaml', pattern: '**/*.srm-matrix.{yaml,yml}' },
      { language: 'yaml', pattern: '**/srm.config.{yaml,yml}' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: watcher },
    outputChannel: output,
    errorHandler,
    // A server that dies while it initializes is a crash like any other: the error handler decides, quietly.
    initializationFailedHandler: () => false,
  };
  return { client: new SrmLanguageClient('srm', 'SRM Language Server', serverOptions, clientOptions), disposables: [watcher] };
}
