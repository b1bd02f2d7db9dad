import * as fs from 'node:fs';
import * as path from 'node:path';
import { displayPathOf } from './check';
import { CliError } from './errors';

/**
 * `--output` naming a file being checked would replace a declaration with the
 * report. Compared by real path and by file identity, so neither another
 * spelling, a symbolic link nor a hard link gets past. An output that does not
 * exist yet cannot be an input.
 */
export function refuseOutputOverInput(output: string, inputs: readonly string[], cwd: string): void {
  const target = identity(path.resolve(cwd, output));
  if (!target) return;
  for (const input of inputs) {
    const id = identity(input);
    if (id && (id.real === target.real || (id.ino !== 0 && id.dev === target.dev && id.ino === target.ino))) {
      throw new CliError(`--output ${output} is ${displayPathOf(input, cwd)}, one of the files being checked; write the report to another file.`);
    }
  }
}

function identity(file: string): { real: string; dev: number; ino: number } | undefined {
  try {
    const real = fs.realpathSync(file);
    const stat = fs.statSync(real);
    return { real, dev: stat.dev, ino: stat.ino };
  } catch {
    return undefined;
  }
}
