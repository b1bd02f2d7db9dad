import * as vscode from 'vscode';
import { OverviewRequest, type OverviewChangedParams, type OverviewResource, type OverviewWorkload } from '../../protocol/report';
import type { ServerHealth } from '../server-health';
import type { ServerLifecycle } from '../server-lifecycle';

export const OVERVIEW_VIEW_ID = 'srm.overview';

export type Grouping = 'matrix' | 'owner';

/** A node of the tree: a group (matrix, model or owner) or one workload. */
export type OverviewNode =
  | { readonly kind: 'group'; readonly key: string; readonly label: string; readonly workloads: readonly Listed[]; readonly level: 'matrix' | 'model' | 'owner' }
  | { readonly kind: 'workload'; readonly workload: Listed; readonly parent: string }
  /** A resource the workload's `iac:` entries claim. */
  | { readonly kind: 'resource'; readonly resource: OverviewResource; readonly parent: string; readonly position: number };

/** A workload with the file it is in. */
export interface Listed extends OverviewWorkload {
  readonly uri: string;
}

type ServerAccess = Pick<ServerLifecycle, 'readyClient' | 'onDidChangeHealth'>;

/**
 * The overview in the explorer: every workload of the workspace, grouped by
 * matrix and then service model, or by owner, each with its gap count (the
 * server's index, so the core's one gap definition). It is kept live by the
 * server's change notifications, which carry only the files that changed.
 */
export class OverviewTree implements vscode.TreeDataProvider<OverviewNode>, vscode.Disposable {
  private readonly files = new Map<string, readonly OverviewWorkload[]>();
  private readonly changed = new vscode.EventEmitter<OverviewNode | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private grouping: Grouping = 'matrix';
  private gapsOnly = false;
  private loaded = false;
  private loading: Promise<void> | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly server: ServerAccess,
    onOverviewChanged: vscode.Event<OverviewChangedParams>,
  ) {
    this.subscriptions.push(
      this.changed,
      onOverviewChanged((p) => this.apply(p)),
      // A restarted server has a new index: read it again.
      server.onDidChangeHealth((h: ServerHealth) => {
        if (h.state === 'running') void this.load();
      }),
    );
    void this.setContext();
  }

  /** Every workload listed now (for tests and the welcome view). */
  get workloads(): Listed[] {
    return [...this.files].flatMap(([uri, ws]) => ws.map((w) => ({ ...w, uri })));
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    void this.setContext();
    this.changed.fire(undefined);
  }

  setGapsOnly(gapsOnly: boolean): void {
    this.gapsOnly = gapsOnly;
    void this.setContext();
    this.changed.fire(undefined);
  }

  /** Reads the whole overview from the server (once it has scanned the workspace). */
  load(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const client = await this.server.readyClient();
        if (!client) return;
        const { files } = await client.sendRequest(OverviewRequest, {});
        this.files.clear();
        for (const f of files) this.files.set(f.uri, f.workloads);
        this.loaded = true;
        void this.setContext();
        this.changed.fire(undefined);
      } catch {
        // The server went down meanwhile: its health change brings the next load.
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private apply(params: OverviewChangedParams): void {
    for (const change of params.changes) {
      if (change.workloads && change.workloads.length > 0) this.files.set(change.uri, change.workloads);
      else this.files.delete(change.uri);
    }
    void this.setContext();
    this.changed.fire(undefined);
  }

  getChildren(node?: OverviewNode): OverviewNode[] {
    if (!this.loaded && !node) {
      void this.load();
      return [];
    }
    const all = this.workloads.filter((w) => !this.gapsOnly || w.gaps > 0);
    if (!node) return this.grouping === 'matrix' ? groups(all, (w) => [w.matrix], 'matrix') : groups(all, ownersOf, 'owner');
    if (node.kind === 'resource') return [];
    if (node.kind === 'workload') return resourceNodes(node);
    if (node.level === 'matrix') return groups(node.workloads, (w) => [w.model ?? 'no model'], 'model', node.key);
    return [...node.workloads].sort(byName).map((workload) => ({ kind: 'workload', workload, parent: node.key }));
  }

  getTreeItem(node: OverviewNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, node.level === 'model' && this.grouping === 'matrix' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      const gaps = node.workloads.reduce((n, w) => n + w.gaps, 0);
      item.id = `${this.grouping}:${node.key}`;
      item.description = `${count(node.workloads.length, 'workload')}${gaps > 0 ? ` · ${count(gaps, 'gap')}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(node.level === 'owner' ? 'person' : node.level === 'matrix' ? 'table' : 'layers');
      item.contextValue = `srm.group.${node.level}`;
      return item;
    }
    if (node.kind === 'resource') return resourceItem(node);
    const w = node.workload;
    const claimed = w.resources?.length ?? 0;
    const item = new vscode.TreeItem(w.name ?? `(no workload name) ${fileName(w.uri)}`, claimed > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${this.grouping}:${node.parent}:${w.uri}#${w.index}`;
    item.description = `${w.gaps > 0 ? count(w.gaps, 'gap') : 'no gaps'}${claimed > 0 ? ` · ${count(claimed, 'resource')}` : ''}`;
    item.tooltip = new vscode.MarkdownString().appendText(`${vscode.workspace.asRelativePath(vscode.Uri.parse(w.uri))} · ${w.matrix} · ${w.model ?? 'no model'}\n${w.owners.length > 0 ? `Owners: ${w.owners.join(', ')}` : 'No owner named'}`);
    item.iconPath = new vscode.ThemeIcon(w.gaps > 0 ? 'warning' : 'pass', new vscode.ThemeColor(w.gaps > 0 ? 'problemsWarningIcon.foreground' : 'testing.iconPassed'));
    item.resourceUri = vscode.Uri.parse(w.uri);
    item.contextValue = 'srm.workload';
    const at = new vscode.Range(w.line, w.character, w.line, w.character);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(w.uri), { selection: at } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'srm.overview.grouping', this.grouping);
    await vscode.commands.executeCommand('setContext', 'srm.overview.gapsOnly', this.gapsOnly);
    // The welcome view ("New Declaration…") shows when the scan found nothing.
    await vscode.commands.executeCommand('setContext', 'srm.overview.empty', this.loaded && this.files.size === 0);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function resourceNodes(node: Extract<OverviewNode, { kind: 'workload' }>): OverviewNode[] {
  const id = `${node.parent}:${node.workload.uri}#${node.workload.index}`;
  return (node.workload.resources ?? []).map((resource, position) => ({ kind: 'resource', resource, parent: id, position }));
}

/** A file opens in the editor; a folder (a path with no IaC file extension) is shown in the explorer. */
function resourceItem(node: Extract<OverviewNode, { kind: 'resource' }>): vscode.TreeItem {
  const { resource } = node;
  const item = new vscode.TreeItem(resource.label, vscode.TreeItemCollapsibleState.None);
  item.id = `resource:${node.parent}:${node.position}`;
  const target = vscode.Uri.parse(resource.target);
  item.description = resource.label === resource.path ? 'every workload resource there' : resource.path;
  item.tooltip = vscode.workspace.asRelativePath(target);
  item.iconPath = new vscode.ThemeIcon('cloud');
  item.contextValue = 'srm.resource';
  item.command = IAC_FILE.test(target.path)
    ? { command: 'vscode.open', title: 'Open', arguments: [target] }
    : { command: 'revealInExplorer', title: 'Reveal in Explorer', arguments: [target] };
  return item;
}

const IAC_FILE = /\.(tf|ya?ml|json|template)$/i;

function groups(workloads: readonly Listed[], keysOf: (w: Listed) => readonly string[], level: 'matrix' | 'model' | 'owner', parent = ''): OverviewNode[] {
  const byKey = new Map<string, Listed[]>();
  for (const w of workloads) {
    for (const key of keysOf(w)) {
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(w);
    }
  }
  return [...byKey.keys()].sort().map((label) => ({ kind: 'group', key: parent ? `${parent}/${label}` : label, label, workloads: byKey.get(label)!, level }));
}

/** A workload sits under each owner its entries name; one that names none under "no owner". */
function ownersOf(w: Listed): readonly string[] {
  return w.owners.length > 0 ? w.owners : ['(no owner)'];
}

function byName(a: Listed, b: Listed): number {
  return (a.name ?? '').localeCompare(b.name ?? '') || a.uri.localeCompare(b.uri) || a.index - b.index;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
