import * as vscode from 'vscode';
import type { FileStatusParams } from '../protocol/requests';

/**
 * Two items for the active declaration: its gap count (opens the Problems view)
 * and a button for the layer stack.
 */
export class StatusBar implements vscode.Disposable {
  private readonly gaps = vscode.window.createStatusBarItem('srm.gaps', vscode.StatusBarAlignment.Left, 50);
  private readonly stack = vscode.window.createStatusBarItem('srm.stack', vscode.StatusBarAlignment.Left, 49);
  private readonly status = new Map<string, FileStatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(onFileStatus: vscode.Event<FileStatusParams>) {
    this.gaps.name = 'SRM gaps';
    this.gaps.command = 'workbench.actions.view.problems';
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
    this.gaps.show();
    this.stack.show();
  }

  dispose(): void {
    this.gaps.dispose();
    this.stack.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
