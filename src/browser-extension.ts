// The language client library must set itself up for the browser before anything else of it loads.
import { browserClientFactory } from './browser-language-client';
import type * as vscode from 'vscode';
import { activateSrm, deactivateSrm, type SrmExtensionApi } from './activate';
import { tellLimitsWithoutDisk } from './limits-without-disk';

/**
 * The browser entry point (package.json `browser`: vscode.dev, github.dev):
 * the same extension, with the server in a web worker, which has no disk.
 */
export function activate(context: vscode.ExtensionContext): Promise<SrmExtensionApi> {
  return activateSrm(context, {
    clientFactory: browserClientFactory,
    extras: (_context, output) => {
      output.info('[client] running in the browser: the SRM language server runs in a web worker');
      return tellLimitsWithoutDisk(output);
    },
  });
}

export function deactivate(): Promise<void> {
  return deactivateSrm();
}
