import * as vscode from 'vscode';
import type { BaseLanguageClient, ErrorHandler, LanguageClientOptions } from 'vscode-languageclient';
import { SETTINGS_SECTION } from '../protocol/settings';

/**
 * What differs between the desktop and the browser: how the language client
 * and its server come to be. The lifecycle (server-lifecycle.ts) asks a
 * ClientFactory for a new client on every start and restart, and owns it.
 */
export interface ClientParts {
  readonly client: BaseLanguageClient;
  /** Disposed with the client (its file watcher). */
  readonly disposables: vscode.Disposable[];
  /** The server process's id (desktop); undefined in the browser, where the server is a web worker. */
  serverPid(): number | undefined;
  /** Ends the server when the client could not shut it down politely. */
  kill(): void;
}

/** A new, not yet started client; crashes go to `errorHandler`. */
export type ClientFactory = (errorHandler: ErrorHandler) => ClientParts;

/** The client options both platforms share, and the watcher that goes with them. */
export function clientOptions(output: vscode.LogOutputChannel, errorHandler: ErrorHandler): { options: LanguageClientOptions; watcher: vscode.FileSystemWatcher } {
  // One watcher per client: a restart replaces the client, and the old watcher goes with it.
  // Every YAML file: declarations, and the configuration, matrix and owner files they depend on
  // (an owner file may have any name); the server keeps the events that matter to it.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
  const options: LanguageClientOptions = {
    // Declarations, the matrix and configuration files (YAML to VS Code) that the server checks, explains and
    // completes too; Terraform files, and YAML/JSON files that may be CloudFormation or SAM templates, by their name
    // only (the Terraform and YAML extensions keep their language; the server answers only for actual templates).
    documentSelector: [
      { language: 'srm' },
      { language: 'yaml', pattern: '**/*.srm-matrix.{yaml,yml}' },
      { language: 'yaml', pattern: '**/srm.config.{yaml,yml}' },
      { scheme: 'file', pattern: '**/*.tf' },
      { scheme: 'file', pattern: '**/*.{yaml,yml,json,template}' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: watcher },
    outputChannel: output,
    errorHandler,
    // A server that dies while it initializes is a crash like any other: the error handler decides, quietly.
    initializationFailedHandler: () => false,
  };
  return { options, watcher };
}

/**
 * The lifecycle tells the user when the server fails to start or crashes (once,
 * with Restart and Show Output). The library would add notifications of its own
 * for the same events ("couldn't create connection", "Restarting server failed"):
 * those it forces go to the output only. Each platform's client class applies this.
 */
export function quietWhenForced(showNotification: boolean | 'force'): boolean {
  return showNotification === 'force' ? false : showNotification;
}
