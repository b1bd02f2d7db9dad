import type * as vscode from 'vscode';
import { activateSrm, deactivateSrm, type SrmExtensionApi } from './activate';
import { nodeClientFactory } from './language-client';
import { hasFolderWithoutDisk, tellLimitsWithoutDisk } from './limits-without-disk';

/** The desktop entry point (package.json `main`): the server runs in a Node process. */
export type { SrmExtensionApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<SrmExtensionApi> {
  return activateSrm(context, {
    clientFactory: nodeClientFactory,
    // A virtual workspace (a remote repository opened without a clone) has no files the server can read.
    extras: (_context, output) => (hasFolderWithoutDisk() ? tellLimitsWithoutDisk(output) : []),
  });
}

export function deactivate(): Promise<void> {
  return deactivateSrm();
}
