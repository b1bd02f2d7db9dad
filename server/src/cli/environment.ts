import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex, type Diagnostic } from '../core';
import { EnvironmentFinder, type FoundEnvironment } from '../io/environments';
import { decode } from '../io/encoding';
import { CliError } from './errors';
import { displayPathOf } from './check';

/**
 * The CLI's environments: the nearest `srm.config.yaml` above each declaration,
 * up to the repository root (the folder holding `.git`) or the filesystem root;
 * or the one `--config` names, for every declaration.
 */
export function cliEnvironments(cwd: string, config: string | undefined): EnvironmentFinder {
  if (config !== undefined) {
    const file = path.resolve(cwd, config);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`cannot read --config ${config}: no such file.`);
  }
  return new EnvironmentFinder({
    ...(config !== undefined ? { explicitConfig: path.resolve(cwd, config) } : {}),
    stopAt: (dir) => fs.existsSync(path.join(dir, '.git')),
  });
}

/**
 * A configuration with an error stops the run: every finding after it would
 * rest on a configuration nobody meant. One line per error, as `path:line:col`.
 */
export function refuseBrokenConfigurations(environments: readonly FoundEnvironment[], cwd: string, nothingWas = 'checked'): void {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const env of environments) {
    for (const file of env.configFiles) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      const errors = file.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length === 0) continue;
      const index = new LineIndex(readText(file.path));
      for (const d of errors) lines.push(locate(file.path, d, index, cwd));
    }
  }
  if (lines.length === 0) return;
  throw new CliError(`the configuration has ${lines.length === 1 ? 'an error' : `${lines.length} errors`}; nothing was ${nothingWas}.\n${lines.map((l) => `  ${l}`).join('\n')}`);
}

function locate(file: string, d: Diagnostic, index: LineIndex, cwd: string): string {
  const { line, column } = index.position(d.span.start);
  return `${displayPathOf(file, cwd)}:${line}:${column}: ${d.message} (${d.code})`.replace(/\n/g, ' ');
}

function readText(file: string): string {
  try {
    return decode(fs.readFileSync(file)).text;
  } catch {
    return '';
  }
}
