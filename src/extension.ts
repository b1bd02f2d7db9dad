import type * as vscode from 'vscode';
import { activateSrm, deactivateSrm, type SrmExtensionApi } from './activate';
import { nodeClientFactory } from './language-client';

/** The desktop entry point (package.json `main`): the server runs in a Node process. */
export type { SrmExtensionApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<SrmExtensionApi> {
  return activateSrm(context, { clientFactory: nodeClientFactory });
}

export function deactivate(): Promise<void> {
  return deactivateSrm();
}
