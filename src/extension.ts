import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FixAllCommand } from '../protocol/requests';
import type { WebviewState } from '../protocol/webview-messages';
import { newDeclaration } from './commands/new-declaration';
import { FileStatusFeed } from './file-status';
import { createLanguageClient } from './language-client';
import { StatusBar } from './status-bar';
import { LAYER_STACK_VIEW_TYPE, LayerStackPanel } from './webview/layer-stack-panel';

let client: LanguageClient | undefined;

/** What the extension hands to its integration tests. */
export interface SrmExtensionApi {
  readonly client: LanguageClient;
  readonly layerStackPanel: () => LayerStackPanel | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<SrmExtensionApi> {
  const output = vscode.window.createOutputChannel('SRM', { log: true });
  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  // One subscription to srm/fileStatus for the status bar and the panel (see FileStatusFeed).
  const fileStatus = new FileStatusFeed(languageClient);
  context.subscriptions.push(
    output,
    fileStatus,
    new StatusBar(fileStatus.onDidChange),
    vscode.commands.registerCommand('srm.newDeclaration', () => newDeclaration(languageClient)),
    vscode.commands.registerCommand('srm.fixAll', () => fixAll()),
    vscode.commands.registerCommand('srm.showLayerStack', () => LayerStackPanel.show(context, languageClient, fileStatus.onDidChange)),
    vscode.commands.registerCommand('srm.restartServer', async () => {
      await languageClient.restart();
      output.info('SRM language server restarted');
    }),
    vscode.window.registerWebviewPanelSerializer(LAYER_STACK_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: WebviewState | undefined) => {
        LayerStackPanel.revive(panel, context, languageClient, fileStatus.onDidChange, state);
        return Promise.resolve();
      },
    }),
  );
  await languageClient.start();
  return { client: languageClient, layerStackPanel: () => LayerStackPanel.active };
}

async function fixAll(): Promise<boolean> {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId !== 'srm') {
    void vscode.window.showInformationMessage('Open an SRM declaration (*.srm.yaml) to fix its gaps.');
    return false;
  }
  const changed = await vscode.commands.executeCommand<boolean>(FixAllCommand, doc.uri.toString());
  if (!changed) void vscode.window.showInformationMessage('Nothing to fix automatically in this declaration.');
  return changed === true;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
