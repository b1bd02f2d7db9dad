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

export interface WalkOptions {
  /** Skip a folder that cannot be listed instead of throwing. */
  readonly tolerant?: boolean;
  /** Stop after this many files. */
  readonly max?: number;
  /** Folders not entered, by name (default SKIPPED_DIRS). */
  readonly skipped?: ReadonlySet<string>;
}

/** What the one traversal asks of the file system: list a folder, stat what a link points at. */
type Ask = { readonly list: string } | { readonly stat: string };
type Answer = fs.Dirent[] | fs.Stats | Error;

/**
 * The one walk of a folder tree, written once and driven by `walkFiles` (in
 * one go, for the CLI) and `walkFilesAsync` (a turn per folder, for the
 * server's background scans): sorted, `node_modules` and `.git` (or `skipped`) skipped, links
 * to files followed, links to folders never (they can loop).
 */
function* traverse(root: string, keep: (relative: string) => boolean, options: WalkOptions, out: string[]): Generator<Ask, void, Answer> {
  const max = options.max ?? Infinity;
  const skipped = options.skipped ?? SKIPPED_DIRS;
  const visit = function* (dir: string, rel: string): Generator<Ask, void, Answer> {
    const listed = yield { list: dir };
    if (listed instanceof Error) {
      if (options.tolerant) return;
      throw new UnreadableFolderError(dir, listed);
    }
    const entries = (listed as fs.Dirent[]).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (out.length >= max) return;
      const full = path.join(dir, entry.name);
      const relative = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = yield { stat: full };
        isFile = !(target instanceof Error) && (target as fs.Stats).isFile();
        isDir = false;
      }
      if (isDir && !skipped.has(entry.name)) yield* visit(full, relative);
      else if (isFile && keep(relative)) out.push(full);
    }
  };
  yield* visit(root, '');
}

function attempt<T>(run: () => T): T | Error {
  try {
    return run();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/**
 * Every file below `root` whose `/`-separated path relative to `root` passes
 * `keep`, sorted (see `traverse`). Throws an UnreadableFolderError for a
 * folder it cannot list, unless `tolerant`.
 */
export function walkFiles(root: string, keep: (relative: string) => boolean, options: WalkOptions = {}): string[] {
  const out: string[] = [];
  const walk = traverse(root, keep, options, out);
  for (let step = walk.next(undefined as never); !step.done; ) {
    const ask = step.value;
    step = walk.next('list' in ask ? attempt(() => fs.readdirSync(ask.list, { withFileTypes: true })) : attempt(() => fs.statSync(ask.stat)));
  }
  return out;
}

/** `walkFiles` without blocking: one folder a turn; stops early (with what it found) once `cancelled`. */
export async function walkFilesAsync(root: string, keep: (relative: string) => boolean, options: WalkOptions & { readonly cancelled?: () => boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  const walk = traverse(root, keep, options, out);
  const settle = (p: Promise<fs.Dirent[] | fs.Stats>): Promise<Answer> => p.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  for (let step = walk.next(undefined as never); !step.done; ) {
    if (options.cancelled?.()) break;
    const ask = step.value;
    step = walk.next(await settle('list' in ask ? fs.promises.readdir(ask.list, { withFileTypes: true }) : fs.promises.stat(ask.stat)));
  }
  return out;
}
