import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../protocol/settings';

/** Restarts allowed in this window before the client gives up and says so. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'srm' }],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.srm.{yaml,yml}'),
    },
    outputChannel: output,
    errorHandler: restartingErrorHandler(output),
  };
  return new LanguageClient('srm', 'SRM Language Server', serverOptions, clientOptions);
}

/** Restarts a crashed server, tells the user once, and stops when it keeps crashing. */
function restartingErrorHandler(output: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0]! > RESTART_WINDOW_MS) crashes.shift();
      output.appendLine(`[client] the SRM language server stopped (${crashes.length} time(s) in the last 3 minutes)`);
      if (crashes.length > MAX_RESTARTS) {
        void vscode.window.showErrorMessage('The SRM language server keeps crashing and was not restarted. See the "SRM" output; run "SRM: Restart Language Server" to try again.', 'Show Output').then((pick) => {
          if (pick) output.show();
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage('The SRM language server crashed and was restarted. Details are in the "SRM" output.');
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
