/**
 * `srm`: checks workload declarations from a terminal or CI, and explains
 * layers, rules, models and services. An adapter around the engine in
 * server/src/core, as the language server is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Checker } from '../core';
import { parseArgs, type CheckArgs, type ExplainArgs } from './args';
import { checkFiles, totalCounts } from './check';
import { styleFor, wantsColour } from './colour';
import { runDiscover } from './discover';
import { CliError, describeSystemError } from './errors';
import { explainWord } from './explain';
import { discoverFiles } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { helpText } from './help';
import { packageInfo } from './package-info';
import { toPlainText } from './plain-text';

export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  stdout(text: string): void;
}

/** Runs one command line and returns the exit code (a promise for discover, which loads a parser); throws CliError for usage and I/O errors. */
export function run(argv: readonly string[], io: Io): number | Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      io.stdout(helpText(new Checker().model.models.map((m) => m.id)));
      return 0;
    case 'version':
      io.stdout(`${packageInfo().version}\n`);
      return 0;
    case 'explain':
      return runExplain(args, io);
    case 'check':
      return runCheck(args, io);
    case 'discover':
      return runDiscover(args, io);
  }
}

function runCheck(args: CheckArgs, io: Io): number {
  const files = discoverFiles(args.paths, io.cwd);
  const reports = checkFiles(files, { cwd: io.cwd, fix: args.fix, inlineSuppressions: args.inlineIgnore });
  const counts = totalCounts(reports);
  let report: string;
  switch (args.format) {
    case 'json':
      report = formatJson(reports, { version: packageInfo().version, ...(args.maxWarnings !== undefined ? { maxWarnings: args.maxWarnings } : {}) });
      break;
    case 'sarif':
      report = formatSarif(reports, packageInfo(), io.cwd);
      break;
    case 'stylish': {
      const colour = args.output === undefined && wantsColour(args.color, io.env, io.stdoutIsTTY);
      report = formatStylish(reports, { style: styleFor(colour), verbose: args.verbose, fix: args.fix, ...(args.maxWarnings !== undefined ? { maxWarnings: args.maxWarnings } : {}) });
      break;
    }
  }
  if (args.output !== undefined) {
    const target = path.resolve(io.cwd, args.output);
    try {
      fs.writeFileSync(target, report);
    } catch (err) {
      throw new CliError(`cannot write ${args.output}: ${describeSystemError(err)}.`);
    }
  } else {
    io.stdout(report);
  }
  const tooManyWarnings = args.maxWarnings !== undefined && counts.warnings > args.maxWarnings;
  return counts.errors > 0 || tooManyWarnings ? 1 : 0;
}

function runExplain(args: ExplainArgs, io: Io): number {
  const checker = new Checker();
  const markdown = explainWord(args.words.join(' '), checker.model, checker.catalogue);
  const colour = wantsColour(undefined, io.env, io.stdoutIsTTY);
  io.stdout(args.markdown ? markdown : toPlainText(markdown, styleFor(colour).bold));
  return 0;
}

function main(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // `srm check | head`: the reader left; nothing more to say.
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const fail = (err: unknown): void => {
    const message = err instanceof CliError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`srm: ${message}\n`);
    process.exitCode = 2;
  };
  try {
    const code = run(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdoutIsTTY: process.stdout.isTTY === true,
      stdout: (text) => process.stdout.write(text),
    });
    if (typeof code === 'number') process.exitCode = code;
    else code.then((c) => (process.exitCode = c), fail);
  } catch (err) {
    fail(err);
  }
}

if (require.main === module) main();
