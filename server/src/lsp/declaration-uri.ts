import type { WorkspaceFolder } from 'vscode-languageserver';

/** Declaration files by name, as the workspace scope and the workspace index see them (no disk needed: the browser server uses these too). */
export const DECLARATION = /\.srm\.ya?ml$/i;

/** True for the URI of a declaration file (`*.srm.yaml`, `*.srm.yml`). */
export function isDeclarationUri(uri: string): boolean {
  return DECLARATION.test(uri.replace(/[?#].*$/, ''));
}

/** True when `uri` is `folder` itself or lies below it (a deleted folder reported alone stands for everything in it). */
export function isUnder(uri: string, folder: string): boolean {
  return uri === folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/** The workspace folders the client announced, kept current as it adds and removes them (the Node and browser servers alike). */
export class FolderList {
  private folders: WorkspaceFolder[] = [];

  get all(): readonly WorkspaceFolder[] {
    return this.folders;
  }

  set(folders: readonly WorkspaceFolder[]): void {
    this.folders = [...folders];
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    this.folders = this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)).concat(added);
  }
}
