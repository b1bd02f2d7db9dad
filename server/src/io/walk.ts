import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders a walk never enters. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** A folder a walk could not read: its path and the system error. */
export class UnreadableFolderError extends Error {
  constructor(
    readonly folder: string,
    override readonly cause: unknown,
  ) {
    super(`cannot read folder ${folder}`);
  }
}

/**
 * Every file below `root` whose `/`-separated path relative to `root` passes
 * `keep`, sorted; `node_modules` and `.git` skipped. Links to files are
 * followed, links to folders never (they can loop). Throws an
 * UnreadableFolderError for a folder it cannot list, unless `tolerant`.
 */
export function walkFiles(root: string, keep: (relative: string) => boolean, options: { tolerant?: boolean; max?: number } = {}): string[] {
  const out: string[] = [];
  const max = options.max ?? Infinity;
  const visit = (dir: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if (options.tolerant) return;
      throw new UnreadableFolderError(dir, err);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (out.length >= max) return;
      const full = path.join(dir, entry.name);
      const relative = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          isFile = fs.statSync(full).isFile();
        } catch {
          isFile = false;
        }
        isDir = false;
      }
      if (isDir && !SKIPPED_DIRS.has(entry.name)) visit(full, relative);
      else if (isFile && keep(relative)) out.push(full);
    }
  };
  visit(root, '');
  return out;
}
