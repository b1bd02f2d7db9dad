import * as vscode from 'vscode';
import { resourcesOf, type LayerStack, type StackRange } from '../../protocol/layer-stack';
import {
  AssignOwnerRequest,
  LayerStackRequest,
  type AssignOwnerParams,
  type FileStatusParams,
} from '../../protocol/requests';
import type { FromWebview, ToWebview, WebviewState } from '../../protocol/webview-messages';
import type { ServerLifecycle } from '../server-lifecycle';
import { webviewPageHtml } from './page';
import { openWebLink } from './links';

export const LAYER_STACK_VIEW_TYPE = 'srm.layerStack';

/** What the panel needs of the lifecycle: the client now, quietly or loudly, and when a server comes back. */
export type ServerAccess = Pick<ServerLifecycle, 'readyClient' | 'whenRunning' | 'onDidChangeHealth'>;

/**
 * The layer-stack panel: follows the active declaration, asks the server for
 * its stack after every check, and turns the page's requests into editor actions.
 * The page never sees the file's text, only the stack the server built.
 */
export class LayerStackPanel implements vscode.Disposable {
  private static current: LayerStackPanel | undefined;
  private uri: string | undefined;
  private stack: LayerStack | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext, server: ServerAccess, onFileStatus: vscode.Event<FileStatusParams>): LayerStackPanel {
    if (LayerStackPanel.current) {
      LayerStackPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      LayerStackPanel.current.follow(vscode.window.activeTextEditor);
      return LayerStackPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(LAYER_STACK_VIEW_TYPE, 'Layer Stack', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context));
    return new LayerStackPanel(panel, context, server, onFileStatus, undefined);
  }

  /** Restores a panel VS Code kept across a window reload. */
  static revive(
    panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    server: ServerAccess,
    onFileStatus: vscode.Event<FileStatusParams>,
    state: WebviewState | undefined,
  ): void {
    panel.webview.options = webviewOptions(context);
    new LayerStackPanel(panel, context, server, onFileStatus, state?.uri);
  }

  /** The open panel, for tests and commands. */
  static get active(): LayerStackPanel | undefined {
    return LayerStackPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly server: ServerAccess,
    onFileStatus: vscode.Event<FileStatusParams>,
    uri: string | undefined,
  ) {
    LayerStackPanel.current = this;
    this.uri = uri;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.receive(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      onFileStatus((p) => {
        if (p.uri === this.uri) void this.refresh();
      }),
      // A restarted server may never check the panel's file again if no editor shows it: ask.
      server.onDidChangeHealth((h) => {
        if (h.state === 'running') void this.refresh();
      }),
    );
    if (!this.uri) this.follow(vscode.window.activeTextEditor);
  }

  /** The stack the panel shows now (for tests). */
  get shown(): LayerStack | null {
    return this.stack;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId !== 'srm') return; // keep showing the last declaration
    const uri = editor.document.uri.toString();
    if (uri === this.uri && this.stack) return;
    this.uri = uri;
    void this.refresh();
  }

  /** Asks for the stack again; while the server is down the panel keeps the last picture (the status bar says why). */
  private async refresh(): Promise<void> {
    const uri = this.uri;
    let stack: LayerStack | null = null;
    if (uri) {
      const client = await this.server.readyClient();
      if (!client) return;
      try {
        stack = await client.sendRequest(LayerStackRequest, { uri });
      } catch {
        return; // the server went down meanwhile; its health change says so
      }
    }
    if (uri !== this.uri) return; // the panel moved on to another file meanwhile
    this.stack = stack;
    this.panel.title = uri && this.stack ? `Layer Stack: ${fileName(uri)}` : 'Layer Stack';
    this.post({ type: 'stack', stack: this.stack, ...(uri ? { fileName: fileName(uri) } : {}) });
  }

  /** What the page asks for (public for the integration suite, which cannot click inside the webview). */
  async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'reveal':
        return this.reveal(message.uri, message.workloadIndex, message.layerId);
      case 'assignOwner':
        return this.assignOwner(message);
      case 'exportSvg':
        return this.exportSvg(message.svg, message.suggestedName);
      case 'copyMarkdown':
        await vscode.env.clipboard.writeText(message.markdown);
        void vscode.window.showInformationMessage('Layer stack copied as a Markdown table.');
        return;
      case 'openLink':
        return openWebLink(message.url);
      case 'openResource':
        return this.openResource(message.uri, message.workloadIndex, message.resource);
    }
  }

  /** Opens what the stack itself names (a file, at the resource's line), never a target the page made up. */
  private async openResource(uri: string, workloadIndex: number, position: number): Promise<void> {
    if (uri !== this.stack?.uri) return;
    const workload = this.stack.workloads.find((w) => w.index === workloadIndex);
    const target = workload ? resourcesOf(workload)[position]?.target : undefined;
    if (!target) return;
    const parsed = vscode.Uri.parse(target);
    if (parsed.scheme !== 'file') return;
    const line = Math.max(0, Number(/^L(\d+)$/.exec(parsed.fragment)?.[1] ?? '1') - 1);
    const doc = await vscode.workspace.openTextDocument(parsed.with({ fragment: '' }));
    const at = new vscode.Position(Math.min(line, doc.lineCount - 1), 0);
    await vscode.window.showTextDocument(doc, { viewColumn: this.editorColumn(doc.uri.toString()), selection: new vscode.Range(at, at) });
  }

  private async reveal(uri: string, workloadIndex: number, layerId: string): Promise<void> {
    const band = this.stack?.workloads.find((w) => w.index === workloadIndex)?.bands.find((b) => b.id === layerId);
    if (!band) return;
    await this.select(uri, band.reveal);
  }

  private async assignOwner(params: AssignOwnerParams): Promise<void> {
    const client = await this.server.whenRunning();
    if (!client) return;
    const result = await client.sendRequest(AssignOwnerRequest, params);
    if (!result) {
      void vscode.window.showWarningMessage('That gap changed since the picture was drawn; the picture is up to date again.');
      return this.refresh();
    }
    const target = vscode.Uri.parse(params.uri);
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(target, toRange(e.range), e.newText);
    if (await vscode.workspace.applyEdit(edit)) await this.select(params.uri, result.select);
  }

  private async select(uri: string, range: StackRange): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.editorColumn(uri), preserveFocus: false });
    const r = toRange(range);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The column the declaration is already shown in, so revealing does not open it over the panel. */
  private editorColumn(uri: string): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri)?.viewColumn;
  }

  private async exportSvg(svg: string, suggestedName: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, suggestedName) } : {}),
      filters: { 'SVG image': ['svg'] },
      title: 'Export the layer stack as SVG',
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
    void vscode.window.showInformationMessage(`Layer stack saved to ${vscode.workspace.asRelativePath(target)}.`);
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    return webviewPageHtml(this.panel.webview, this.context.extensionUri, { script: 'layer-stack.js', style: 'layer-stack.css' });
  }

  dispose(): void {
    if (LayerStackPanel.current === this) LayerStackPanel.current = undefined;
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')] };
}

function toRange(r: StackRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
