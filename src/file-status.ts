import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FileStatusNotification, type FileStatusParams } from '../protocol/requests';

/**
 * The server's `srm/fileStatus` notifications, for any number of listeners. The
 * language client keeps a single handler per notification method: a second
 * `onNotification` for it replaces the first, and disposing either removes it
 * for both. So the extension subscribes once, here, and the status bar and the
 * layer-stack panel listen to `onDidChange`.
 */
export class FileStatusFeed implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FileStatusParams>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange: vscode.Event<FileStatusParams> = this.emitter.event;

  constructor(client: LanguageClient) {
    this.subscription = client.onNotification(FileStatusNotification, (params) => this.emitter.fire(params));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
