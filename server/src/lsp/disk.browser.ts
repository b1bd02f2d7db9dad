import type { WorkspaceFolder } from 'vscode-languageserver';
import { FolderList } from './declaration-uri';
import type { DiskRead } from './disk';

/*
 * disk.ts for the server in a web worker (vscode.dev, github.dev): there is no
 * disk, so no declaration is found or read from one. The workspace scope and
 * the workspace index see only what the editor has open; the client tells the
 * user that the workspace-wide scope needs the desktop app or the CLI.
 * The browser bundle uses this file in place of disk.ts (scripts/build.mjs);
 * test/browser/platform-parity.ts keeps the two interchangeable.
 */

export { isDeclarationUri, isUnder } from './declaration-uri';
export type { DiskRead } from './disk';

export const MAX_FILES = 20000;

/** The workspace folders the client announced; none of their files is "on disk" here. */
export class WorkspaceFolders extends FolderList {
  /** Never a folder: nothing in the workspace can be scanned or read back from disk. */
  folderOf(_uri: string): WorkspaceFolder | undefined {
    return undefined;
  }

  contains(_uri: string): boolean {
    return false;
  }
}

export function findDeclarations(_root: string, _cancelled: () => boolean): Promise<string[]> {
  return Promise.resolve([]);
}

export function readDeclarationFile(_uri: string): Promise<DiskRead> {
  return Promise.resolve({ kind: 'unreadable' });
}

export function readDeclarationFileSync(_uri: string): DiskRead {
  return { kind: 'unreadable' };
}
