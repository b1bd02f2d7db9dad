import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError, describeSystemError } from './errors';
import { InvalidGlobError, globBase, globToRegExp, isGlob } from '../io/glob';
import { UnreadableFolderError, walkFiles } from '../io/walk';

/** The names declaration files end with. */
export const DECLARATION_FILE = /\.srm\.ya?ml$/i;

/**
 * The files `srm check` reads, as absolute paths, in a stable order and each
 * once: given files as they are, folders walked for declarations, globs
 * matched. With no paths: every declaration below `cwd`. A path that does not
 * exist, a folder with no declarations or a glob that matches nothing is a
 * CliError.
 */
export function discoverFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  if (paths.length === 0) {
    const files = walk(cwd, (rel) => DECLARATION_FILE.test(rel));
    if (files.length === 0) throw new CliError(`no *.srm.yaml or *.srm.yml files below ${cwd}.`);
    return files;
  }
  for (const written of paths) {
    for (const file of expand(written, cwd)) found.add(file);
  }
  return [...found];
}

function expand(written: string, cwd: string): string[] {
  const normalised = process.platform === 'win32' ? written.replace(/\\/g, '/') : written;
  const resolved = path.resolve(cwd, written);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && isGlob(normalised)) return matchGlob(normalised, written, cwd);
    throw new CliError(`cannot read ${written}: ${describeSystemError(err)}.`);
  }
  if (stat.isFile()) return [resolved];
  if (!stat.isDirectory()) throw new CliError(`cannot read ${written}: not a file or folder.`);
  const files = walk(resolved, (rel) => DECLARATION_FILE.test(rel));
  if (files.length === 0) throw new CliError(`no *.srm.yaml or *.srm.yml files in ${written}.`);
  return files;
}

function matchGlob(pattern: string, written: string, cwd: string): string[] {
  const { base, rest } = globBase(pattern);
  const root = path.resolve(cwd, base);
  let regex: RegExp;
  try {
    regex = globToRegExp(rest);
  } catch (err) {
    if (err instanceof InvalidGlobError) throw new CliError(`invalid glob ${written}: ${err.message}.`);
    throw err;
  }
  let files: string[];
  try {
    files = fs.statSync(root).isDirectory() ? walk(root, (rel) => regex.test(rel)) : [];
  } catch {
    files = [];
  }
  if (files.length === 0) throw new CliError(`no files match ${written}.`);
  return files;
}

/** Every file below `root` whose relative path passes `keep`, sorted; an unreadable folder is a CliError. */
function walk(root: string, keep: (relative: string) => boolean): string[] {
  try {
    return walkFiles(root, keep);
  } catch (err) {
    if (err instanceof UnreadableFolderError) throw new CliError(`cannot read folder ${err.folder}: ${describeSystemError(err.cause)}.`);
    throw err;
  }
}
