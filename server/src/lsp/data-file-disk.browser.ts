/*
 * data-file-disk.ts for the server in a web worker: there is no disk, so a
 * matrix or configuration file is checked from its buffer alone.
 */

export function readDataFile(_file: string): string | undefined {
  return undefined;
}

export function resolveFrom(from: string, relative: string): string {
  return new URL(relative, new URL(from, 'file:///')).pathname;
}
