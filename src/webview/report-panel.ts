import * as vscode from 'vscode';
import { ExportReportRequest, WorkspaceReportRequest, type ReportChangedParams, type ReportFormat, type ResponsibilityReport } from '../../protocol/report';
import { applyReportPatch } from '../../server/src/core/report/apply-patch';
import type { FromReportPage, ToReportPage } from '../../protocol/report-messages';
import type { ServerLifecycle } from '../server-lifecycle';
import { webviewPageHtml } from './page';
import { openWebLink } from './links';

export const REPORT_VIEW_TYPE = 'srm.report';

type ServerAccess = Pick<ServerLifecycle, 'readyClient' | 'whenRunning'>;

/** File name and filter of each format in the save dialog. */
const SAVE_AS: Readonly<Record<ReportFormat, { readonly file: string; readonly filter: string; readonly ext: string }>> = {
  markdown: { file: 'responsibility-report.md', filter: 'Markdown', ext: 'md' },
  csv: { file: 'responsibility-report.csv', filter: 'CSV', ext: 'csv' },
  html: { file: 'responsibility-report.html', filter: 'HTML', ext: 'html' },
  json: { file: 'responsibility-report.json', filter: 'JSON', ext: 'json' },
  'oscal-ssp': { file: 'ssp.json', filter: 'OSCAL SSP (JSON)', ext: 'json' },
};

/**
 * "SRM: Open Responsibility Report": the workspace report the server builds
 * (as `srm report` does), drawn by a page that gets it by message only, under
 * the layer stack's strict CSP. It follows the workspace: the server sends
 * only the changed files' parts, which the panel and the page patch in; it
 * saves the report in every format.
 */
export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshing: Promise<void> | undefined;
  /** The report the page shows now (for tests: the page itself cannot be read from the extension host). */
  shown: ResponsibilityReport | null = null;
  private again = false;

  static show(context: vscode.ExtensionContext, server: ServerAccess, onReportChanged: vscode.Event<ReportChangedParams>): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal();
      void ReportPanel.current.refresh();
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Responsibility Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    });
    return new ReportPanel(panel, context, server, onReportChanged);
  }

  static get active(): ReportPanel | undefined {
    return ReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly server: ServerAccess,
    onReportChanged: vscode.Event<ReportChangedParams>,
  ) {
    ReportPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromReportPage) => void this.receive(m)),
      onReportChanged((change) => this.changed(change)),
    );
  }

  /** What the page asks for (public for the integration suite, which cannot click inside the webview). */
  async receive(message: FromReportPage): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'refresh':
        return this.refresh();
      case 'save':
        await this.save(message.format, message.by);
        return;
      case 'open':
        return this.open(message.file, message.line);
      case 'openLink':
        return openWebLink(message.url);
    }
  }

  /** A patch to the report shown; without one (or while a request is out), the whole report is asked for again. */
  private changed(change: ReportChangedParams): void {
    if (!change.patch || !this.shown || this.refreshing) {
      void this.refresh();
      return;
    }
    this.shown = applyReportPatch(this.shown, change.patch);
    this.post({ type: 'patch', patch: change.patch });
  }

  /** One request at a time; changes that arrive meanwhile ask for one more. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        await this.fetch();
      } while (this.again);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async fetch(): Promise<void> {
    const client = await this.server.readyClient();
    if (!client) return this.post({ type: 'report', report: null, error: 'The SRM language server is not running.' });
    try {
      this.shown = await client.sendRequest(WorkspaceReportRequest, {});
      this.post({ type: 'report', report: this.shown });
    } catch (err) {
      this.post({ type: 'report', report: null, error: `The report could not be built: ${(err as Error).message}` });
    }
  }

  async save(format: ReportFormat, by: 'workload' | 'owner'): Promise<vscode.Uri | undefined> {
    const as = SAVE_AS[format];
    if (!as) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, as.file) } : {}),
      filters: { [as.filter]: [as.ext] },
      title: `Save the responsibility report as ${as.filter}`,
    });
    if (!target) return undefined;
    const client = await this.server.whenRunning();
    if (!client) return undefined;
    const answer = await client.sendRequest(ExportReportRequest, { format, by });
    if ('error' in answer) {
      void vscode.window.showErrorMessage(`The report cannot be saved as ${as.filter}: ${answer.error}`);
      return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.text));
    this.post({ type: 'saved', format, file: vscode.workspace.asRelativePath(target) });
    return target;
  }

  /** Opens a workload's declaration; the path must stay inside a workspace folder (it is the report's, not the page's, but checked anyway). */
  private async open(file: string, line: number): Promise<void> {
    if (typeof file !== 'string' || file.split('/').includes('..')) return;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const [first, ...rest] = file.split('/');
    // With several folders the report's paths start with the folder's name.
    const folder = folders.length > 1 ? folders.find((f) => f.name === first) : folders[0];
    if (!folder) return;
    const target = vscode.Uri.joinPath(folder.uri, ...(folders.length > 1 ? rest : file.split('/')));
    const position = new vscode.Position(Math.max(0, (Number.isInteger(line) ? line : 1) - 1), 0);
    await vscode.window.showTextDocument(target, { selection: new vscode.Range(position, position) });
  }

  private post(message: ToReportPage): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    return webviewPageHtml(this.panel.webview, this.context.extensionUri, { script: 'report.js', style: 'report.css', title: 'Responsibility report', loading: 'Building the report…' });
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
  }
}
