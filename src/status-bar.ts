import * as vscode from 'vscode';
import type { FileStatusParams } from '../protocol/requests';
import { healthItemView, isDown, type HealthSource } from './server-health';

/** The command a click on a stopped or crashed server runs: it offers Restart and Show Output. */
export const SERVER_RECOVERY_COMMAND = 'srm.offerServerRecovery';
const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/** What the gap item shows now (for tests: the extension host cannot read the status bar). */
export interface StatusItemView {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly command: string | undefined;
}

/**
 * Two items for the active declaration: its gap count (opens the Problems view)
 * and a button for the layer stack. While the server is not running, the gap
 * item shows its health instead (a count from a dead server would lie).
 */
export class StatusBar implements vscode.Disposable {
  private readonly gaps = vscode.window.createStatusBarItem('srm.gaps', vscode.StatusBarAlignment.Left, 50);
  private readonly stack = vscode.window.createStatusBarItem('srm.stack', vscode.StatusBarAlignment.Left, 49);
  private readonly status = new Map<string, FileStatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    onFileStatus: vscode.Event<FileStatusParams>,
    private readonly server: HealthSource,
  ) {
    this.gaps.name = 'SRM gaps';
    this.stack.name = 'SRM layer stack';
    this.stack.text = '$(layers) Stack';
    this.stack.tooltip = 'Show the layer stack of this declaration';
    this.stack.command = 'srm.showLayerStack';
    this.subscriptions.push(
      onFileStatus((params) => {
        this.status.set(params.uri, params);
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      server.onDidChangeHealth((health) => {
        if (health.state !== 'running') this.status.clear(); // the next server checks every open file again
        this.update();
      }),
    );
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId !== 'srm') {
      this.gaps.hide();
      this.stack.hide();
      return;
    }
    this.gaps.show();
    this.stack.show();
    const health = healthItemView(this.server.health);
    if (health) {
      this.gaps.text = health.text;
      this.gaps.tooltip = health.tooltip;
      this.gaps.backgroundColor = health.background && new vscode.ThemeColor(`statusBarItem.${health.background}Background`);
      this.gaps.command = isDown(this.server.health) ? SERVER_RECOVERY_COMMAND : PROBLEMS_COMMAND;
      return;
    }
    this.gaps.command = PROBLEMS_COMMAND;
    const status = this.status.get(doc.uri.toString());
    if (!status) {
      this.gaps.text = '$(loading~spin) SRM';
      this.gaps.tooltip = 'Checking…';
    } else if (status.gaps > 0) {
      this.gaps.text = `$(shield) ${status.gaps} gap${status.gaps === 1 ? '' : 's'}`;
      this.gaps.tooltip = `${status.gaps} customer or shared layer(s) without an owner; ${status.errors} error(s), ${status.warnings} warning(s). Click to open Problems.`;
    } else {
      this.gaps.text = status.errors + status.warnings > 0 ? `$(shield) 0 gaps, ${status.errors + status.warnings} other` : '$(pass) No gaps';
      this.gaps.tooltip = `Every customer and shared layer has an owner; ${status.errors} error(s), ${status.warnings} warning(s). Click to open Problems.`;
    }
    this.gaps.backgroundColor = status && status.gaps > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  get gapItem(): StatusItemView {
    const doc = vscode.window.activeTextEditor?.document;
    const tooltip = this.gaps.tooltip;
    return {
      visible: doc?.languageId === 'srm',
      text: this.gaps.text,
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      command: typeof this.gaps.command === 'string' ? this.gaps.command : this.gaps.command?.command,
    };
  }

  dispose(): void {
    this.gaps.dispose();
    this.stack.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
