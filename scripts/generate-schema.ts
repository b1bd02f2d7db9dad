/**
 * Writes the files generated from the responsibility model: the JSON Schema of a
 * declaration, the TextMate grammar and the snippets. With `--check`, writes
 * nothing and exits 1 when a committed file differs from what the model gives.
 *
 *   npm run schema         (node out/scripts/generate-schema.js)
 *   npm run schema:check   (node out/scripts/generate-schema.js --check)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, type GeneratedFile } from './contributions/generated-files';

export interface RunOptions {
  /** The repository root (default: found from this script's location). */
  readonly root?: string;
  readonly files?: readonly GeneratedFile[];
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
}

/** Runs the generator; returns the process exit code. */
export function run(argv: readonly string[], options: RunOptions = {}): number {
  const out = options.out ?? ((line: string) => console.log(line));
  const err = options.err ?? ((line: string) => console.error(line));
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length) {
    err(`generate-schema: unknown argument ${unknown.join(' ')}. Usage: generate-schema [--check]`);
    return 2;
  }
  const check = argv.includes('--check');
  const root = options.root ?? repoRoot();
  const files = options.files ?? generatedFiles();
  let stale = 0;
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    const current = readText(target);
    // A checkout that turned \n into \r\n is not stale.
    const upToDate = current !== undefined && current.replace(/\r\n/g, '\n') === file.content;
    if (check) {
      if (!upToDate) {
        stale++;
        err(`${file.path} is ${current === undefined ? 'missing' : 'stale'}: run npm run schema`);
      }
    } else if (upToDate) {
      out(`${file.path} is up to date`);
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
      out(`wrote ${file.path}`);
    }
  }
  if (check && stale === 0) out(`${files.map((f) => f.path).join(', ')}: up to date with the model`);
  return stale ? 1 : 0;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The nearest folder above this script holding a package.json (this file runs from out/scripts/). */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`generate-schema: no package.json above ${__dirname}`);
  }
}

if (require.main === module) process.exitCode = run(process.argv.slice(2));
