import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { OverviewChangedNotification, ReportChangedNotification } from '../protocol/report';
import { FileStatusNotification, FixAllCommand } from '../protocol/requests';
import type { WebviewState } from '../protocol/webview-messages';
import type { ClientFactory } from './client-parts';
import { newDeclaration } from './commands/new-declaration';
import { OVERVIEW_VIEW_ID, OverviewTree } from './overview/overview-tree';
import type { ServerHealth } from './server-health';
import { ServerLifecycle } from './server-lifecycle';
import { SERVER_RECOVERY_COMMAND, StatusBar, type StatusItemView } from './status-bar';
import { LAYER_STACK_VIEW_TYPE, LayerStackPanel } from './webview/layer-stack-panel';
import { ReportPanel } from './webview/report-panel';

/**
 * The extension, the same on the desktop and in the browser: the entry points
 * (extension.ts, browser-extension.ts) differ only in how they make the
 * language client, and in what the browser adds to say what it cannot do.
 */
export interface Platform {
  clientFactory(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientFactory;
  /** Started after the server: what this platform adds (disposed with the extension). */
  extras?(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.Disposable[];
}

/** What the extension hands to its integration tests. */
export interface SrmExtensionApi {
  /** The language client while the server runs (a restart replaces it). */
  readonly client: () => BaseLanguageClient | undefined;
  readonly health: () => ServerHealth;
  readonly onDidChangeHealth: vscode.Event<ServerHealth>;
  /** The server process's id while it runs: the suite kills it to test crash handling. Undefined in the browser (a web worker). */
  readonly serverPid: () => number | undefined;
  /** The status bar's gap/health item as shown now. */
  readonly statusItem: () => StatusItemView;
  readonly layerStackPanel: () => LayerStackPanel | undefined;
  readonly reportPanel: () => ReportPanel | undefined;
  readonly overview: OverviewTree;
}

let lifecycle: ServerLifecycle | undefined;

export async function activateSrm(context: vscode.ExtensionContext, platform: Platform): Promise<SrmExtensionApi> {
  const output = vscode.window.createOutputChannel('SRM', { log: true });
  const server = new ServerLifecycle(platform.clientFactory(context, output), output);
  lifecycle = server;
  // One relay of srm/fileStatus for the status bar and the panel, kept across restarts.
  const onFileStatus = server.onNotification(FileStatusNotification);
  const statusBar = new StatusBar(onFileStatus, server);
  const onOverviewChanged = server.onNotification(OverviewChangedNotification);
  const onReportChanged = server.onNotification(ReportChangedNotification);
  const overview = new OverviewTree(server, onOverviewChanged);
  context.subscriptions.push(
    output,
    server,
    statusBar,
    overview,
    vscode.window.createTreeView(OVERVIEW_VIEW_ID, { treeDataProvider: overview, showCollapseAll: true }),
    vscode.commands.registerCommand('srm.overview.groupByOwner', () => overview.setGrouping('owner')),
    vscode.commands.registerCommand('srm.overview.groupByMatrix', () => overview.setGrouping('matrix')),
    vscode.commands.registerCommand('srm.overview.showGapsOnly', () => overview.setGapsOnly(true)),
    vscode.commands.registerCommand('srm.overview.showAll', () => overview.setGapsOnly(false)),
    vscode.commands.registerCommand('srm.newDeclaration', async () => {
      const client = await server.whenRunning();
      return client ? newDeclaration(client) : undefined;
    }),
    vscode.commands.registerCommand('srm.fixAll', () => fixAll(server)),
    vscode.commands.registerCommand('srm.showLayerStack', async () => {
      if (await server.whenRunning()) return LayerStackPanel.show(context, server, onFileStatus);
      return undefined;
    }),
    vscode.commands.registerCommand('srm.openReport', async () => {
      if (await server.whenRunning()) return ReportPanel.show(context, server, onReportChanged);
      return undefined;
    }),
    vscode.commands.registerCommand('srm.restartServer', () => server.restart()),
    vscode.commands.registerCommand(SERVER_RECOVERY_COMMAND, () => server.offerRecovery()),
    vscode.window.registerWebviewPanelSerializer(LAYER_STACK_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: WebviewState | undefined) => {
        LayerStackPanel.revive(panel, context, server, onFileStatus, state);
        return Promise.resolve();
      },
    }),
  );
  await server.start();
  context.subscriptions.push(...(platform.extras?.(context, output) ?? []));
  return {
    client: () => server.client,
    health: () => server.health,
    onDidChangeHealth: server.onDidChangeHealth,
    serverPid: () => server.serverPid,
    statusItem: () => statusBar.gapItem,
    layerStackPanel: () => LayerStackPanel.active,
    reportPanel: () => ReportPanel.active,
    overview,
  };
}

async function fixAll(server: ServerLifecycle): Promise<boolean> {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId !== 'srm') {
    void vscode.window.showInformationMessage('Open an SRM declaration (*.srm.yaml) to fix its gaps.');
    return false;
  }
  if (!(await server.whenRunning())) return false;
  const changed = await vscode.commands.executeCommand<boolean>(FixAllCommand, doc.uri.toString());
  if (!changed) void vscode.window.showInformationMessage('Nothing to fix automatically in this declaration.');
  return changed === true;
}

export async function deactivateSrm(): Promise<void> {
  await lifecycle?.stop();
}
