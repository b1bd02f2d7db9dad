import * as vscode from 'vscode';

/*
 * What the server cannot do without files on disk: in the browser (a web
 * worker has no file system), and on the desktop in a virtual workspace (the
 * server reads only `file:` URIs). The words are the ones the user reads; the
 * README's "In the browser" section says the same.
 */

/** Said when the workspace-wide problems scope is asked for. */
export const WORKSPACE_SCOPE_WITHOUT_DISK =
  'SRM checks the declarations you open here: problems for every declaration in the workspace ("srm.problems.scope": "workspace") need a folder on disk (VS Code on the desktop), or the srm CLI in CI.';

/** Said when the workspace has a configuration file the server cannot read. */
export const CONFIG_WITHOUT_DISK =
  'SRM cannot read srm.config.yaml, matrix files or owner files here: open declarations are checked with the built-in matrices and the default configuration. Open the folder in VS Code on the desktop, or run the srm CLI, to use them.';

const SCOPE_SETTING = 'srm.problems.scope';
const CONFIG_GLOB = '**/{srm.config.yaml,*.srm-matrix.yaml,*.srm-matrix.yml}';

/** True when the workspace-wide problems scope is asked for anywhere: the window, or any workspace folder. */
function workspaceScopeWanted(): boolean {
  const scopes = [undefined, ...(vscode.workspace.workspaceFolders ?? [])].map((folder) => vscode.workspace.getConfiguration('srm', folder?.uri).get<string>('problems.scope'));
  return scopes.includes('workspace');
}

/** True when some workspace folder is not on disk (github.dev, a virtual workspace on the desktop). */
export function hasFolderWithoutDisk(): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme !== 'file');
}

/**
 * Tells the user, once per session each, what does not work without a disk:
 * the workspace-wide problems scope (when it is set, at start or later), and
 * configuration files (when the workspace has one). The SRM output says so too.
 */
export function tellLimitsWithoutDisk(output: vscode.LogOutputChannel): vscode.Disposable[] {
  const told = new Set<string>();
  const tell = (message: string): void => {
    if (told.has(message)) return;
    told.add(message);
    output.info(`[client] ${message}`);
    void vscode.window.showInformationMessage(message);
  };
  const tellIfScopeWanted = (): void => {
    if (workspaceScopeWanted()) tell(WORKSPACE_SCOPE_WITHOUT_DISK);
  };
  tellIfScopeWanted();
  void findConfigFile().then((found) => found && tell(CONFIG_WITHOUT_DISK));
  return [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SCOPE_SETTING)) tellIfScopeWanted();
    }),
  ];
}

/** Whether the workspace holds a configuration or matrix file; false when the search itself is not available. */
async function findConfigFile(): Promise<boolean> {
  try {
    return (await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', 1)).length > 0;
  } catch {
    return false;
  }
}
