import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MATRIX, LineIndex, type RegistryEntry } from '../core';
import { decode } from '../io/encoding';
import type { FoundEnvironment } from '../io/environments';
import type { MatricesArgs } from './args';
import { displayPathOf, type FileReport } from './check';
import { styleFor, wantsColour } from './colour';
import { cliEnvironments, refuseBrokenConfigurations } from './environment';
import { CliError } from './errors';
import type { Io } from './main';
import { printable } from './printable';

/** `srm matrices`: every matrix the checker sees from a folder, with its source, its file and what it extends. */
export function runMatrices(args: MatricesArgs, io: Io): number {
  if (args.paths.length > 1) throw new CliError('srm matrices takes one folder (default: the working folder).');
  const dir = path.resolve(io.cwd, args.paths[0] ?? '.');
  if (!fs.existsSync(dir)) throw new CliError(`cannot read ${args.paths[0]}: no such file or directory.`);
  const found = cliEnvironments(io.cwd, args.config).forFile(fs.statSync(dir).isDirectory() ? path.join(dir, 'srm.matrices') : dir);
  refuseBrokenConfigurations([found], io.cwd);
  const { registry, config } = found.environment;
  const entries = [...registry.entries].sort(byOrigin);
  const defaultRef = config.matrix?.ref ?? DEFAULT_MATRIX;
  const defaultFrom = config.matrix ? displayPathOf(config.matrix.uri, io.cwd) : 'built in';
  const fileOf = (e: RegistryEntry) => (e.origin.kind === 'built-in' ? 'built in' : displayPathOf(e.origin.uri, io.cwd));
  if (args.format === 'json') {
    const json = {
      default: { ref: defaultRef, from: defaultFrom },
      matrices: entries.map((e) => ({
        ref: e.ref,
        id: e.id,
        version: e.version,
        title: e.title,
        source: e.sourceUrl ?? null,
        file: fileOf(e),
        builtIn: e.origin.kind === 'built-in',
        extends: e.extends ?? null,
        usable: e.index !== undefined,
        ...(e.broken ? { problem: { message: e.broken.message, file: displayPathOf(e.broken.uri, io.cwd) } } : {}),
      })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return entries.some((e) => e.broken) ? 1 : 0;
  }
  const style = styleFor(wantsColour(undefined, io.env, io.stdoutIsTTY));
  const width = Math.max(...entries.map((e) => e.ref.length));
  const out: string[] = [];
  for (const e of entries) {
    out.push(`${style.bold(printable(e.ref.padEnd(width)))}  ${printable(e.title)}${e.ref === defaultRef ? style.dim('  (default)') : ''}`);
    out.push(`  ${style.dim('source ')}  ${printable(e.sourceUrl ?? '(none)')}`);
    out.push(`  ${style.dim('file   ')}  ${printable(fileOf(e))}`);
    if (e.extends) out.push(`  ${style.dim('extends')}  ${printable(e.extends)}`);
    if (e.broken) out.push(`  ${style.red('broken ')}  ${printable(e.broken.message)}`);
  }
  out.push('', style.dim(`Declarations without matrix: use ${defaultRef} (${defaultFrom}). srm explain <matrix> shows one.`));
  io.stdout(`${out.join('\n')}\n`);
  return entries.some((e) => e.broken) ? 1 : 0;
}

/** Built-in matrices first, then by id and version. */
function byOrigin(a: RegistryEntry, b: RegistryEntry): number {
  const builtIn = (e: RegistryEntry) => (e.origin.kind === 'built-in' ? 0 : 1);
  return builtIn(a) - builtIn(b) || (a.id === 'reference' ? -1 : b.id === 'reference' ? 1 : 0) || a.ref.localeCompare(b.ref);
}

/** The matrix files of the environments a run used, each once, as reports of their own findings. */
export function matrixFileReports(environments: readonly FoundEnvironment[], cwd: string): FileReport[] {
  const seen = new Set<string>();
  const out: FileReport[] = [];
  for (const env of environments) {
    for (const file of env.matrixFiles) {
      if (seen.has(file)) continue;
      seen.add(file);
      let text = '';
      try {
        text = decode(fs.readFileSync(file)).text;
      } catch {
        // Read moments ago for the registry; gone now: its findings still stand.
      }
      out.push({ absolutePath: file, displayPath: displayPathOf(file, cwd), encoding: undefined, text, lines: new LineIndex(text), diagnostics: env.environment.registry.diagnosticsFor(file), gaps: 0, fixed: false, notes: [] });
    }
  }
  return out.sort((a, b) => a.displayPath.localeCompare(b.displayPath));
}
