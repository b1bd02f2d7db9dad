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
