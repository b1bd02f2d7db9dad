import * as vscode from 'vscode';

/** What the browser cannot do, in the words the user reads (the README says the same). */
export const WORKSPACE_SCOPE_IN_BROWSER =
  'In the browser, SRM checks the declarations you open. Problems for every declaration in the workspace ("srm.problems.scope": "workspace") need VS Code on the desktop, or the srm CLI in CI.';

const SCOPE_SETTING = 'srm.problems.scope';

/** True when the workspace-wide problems scope is asked for anywhere: the window, or any workspace folder. */
function workspaceScopeWanted(): boolean {
  const scopes = [undefined, ...(vscode.workspace.workspaceFolders ?? [])].map((folder) => vscode.workspace.getConfiguration('srm', folder?.uri).get<string>('problems.scope'));
  return scopes.includes('workspace');
}

/**
 * The server in a web worker has no disk to scan, so the workspace-wide
 * problems scope is off there. A user who asks for it is told so once per
 * session (when the extension starts with it set, or when they set it), and
 * the SRM output says so too.
 */
export function tellBrowserLimits(output: vscode.LogOutputChannel): vscode.Disposable[] {
  let told = false;
  const tellIfWanted = (): void => {
    if (told || !workspaceScopeWanted()) return;
    told = true;
    output.info(`[client] ${WORKSPACE_SCOPE_IN_BROWSER}`);
    void vscode.window.showInformationMessage(WORKSPACE_SCOPE_IN_BROWSER);
  };
  tellIfWanted();
  return [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SCOPE_SETTING)) tellIfWanted();
    }),
  ];
}
