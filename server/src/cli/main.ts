/**
 * `srm`: checks workload declarations from a terminal or CI, and explains
 * layers, rules, models and services. An adapter around the engine in
 * server/src/core, as the language server is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { builtInEnvironment, defaultMatrixOf } from '../core';
import { parseArgs, type CheckArgs, type ExplainArgs } from './args';
import { cliEnvironments, refuseBrokenConfigurations } from './environment';
import { matrixFileReports, runMatrices } from './matrices';
import { checkFiles, failed, totalCounts, type CheckFilesOptions } from './check';
import { checkFilesInThreads, startCheckThreads, type CheckPool } from './check-threads';
import { workerScript } from './cli-worker';
import { threadsFor } from './threads';
import { styleFor, wantsColour } from './colour';
import { iacForCheck, type IacOf } from './check-iac';
import { runDiscover } from './discover';
import { CliError, describeSystemError } from './errors';
import { explainWord } from './explain';
import { discoverFiles } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { helpText } from './help';
import { refuseOutputOverInput } from './output';
import { packageInfo } from './package-info';
import { toPlainText } from './plain-text';
import { printable } from './printable';
import { runReport } from './report';

export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * A test seam: runs right after `srm check` read a file, standing in for another program writing to it meanwhile.
   * It runs in this thread only: with it, every file is checked here.
   */
  readonly afterRead?: (absolutePath: string) => void;
  /** A test seam: the script worker threads run instead of srm's own (cli-worker.ts). */
  readonly workerScript?: string;
}

/**
 * Runs one command line as `srm` does: the exit code, with a usage or I/O
 * error as one line on stderr and exit 2, an unexpected one as an internal
 * error (never a stack trace). A promise: discovery, and a check of
 * declarations that link to Terraform, load a WebAssembly parser first.
 */
export async function runCommandLine(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    const message = err instanceof CliError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    // A message may hold several lines (one per configuration error): each is made printable on its own.
    io.stderr(`srm: ${message.split('\n').map(printable).join('\n')}\n`);
    return 2;
  }
}

/** Runs one command line and returns the exit code; throws CliError for usage errors and an I/O error on the report. */
export function run(argv: readonly string[], io: Io): number | Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      io.stdout(helpText(defaultMatrixOf(builtInEnvironment()).models.map((m) => m.id)));
      return 0;
    case 'version':
      io.stdout(`${packageInfo().version}\n`);
      return 0;
    case 'explain':
      return runExplain(args, io);
    case 'check':
      return runCheck(args, io);
    case 'matrices':
      return runMatrices(args, io);
    case 'report':
      return runReport(args, io);
    case 'discover':
      return runDiscover(args, io);
  }
}

async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const files = discoverFiles(args.paths, io.cwd);
  if (args.output !== undefined) refuseOutputOverInput(args.output, files, io.cwd);
  const threads = io.afterRead ? 0 : threadsFor(files.length, args.jobs);
  const pool = threads === 0 ? undefined : startCheckThreads({ cwd: io.cwd, fix: args.fix, refuseSuppressions: !args.inlineIgnore }, { count: threads, script: io.workerScript ?? workerScript(), ...configArg(args) });
  try {
    const iac = iacForCheck(files);
    return await checkAndReport(args, io, files, iac ? await iac : undefined, pool);
  } finally {
    pool?.close();
  }
}

/** `--config` as written: each thread resolves it against the same working folder. */
function configArg(args: { readonly config?: string }): { config?: string } {
  return args.config !== undefined ? { config: args.config } : {};
}

async function checkAndReport(args: CheckArgs, io: Io, files: readonly string[], iacOf: IacOf | undefined, pool: CheckPool | undefined): Promise<number> {
  const environments = cliEnvironments(io.cwd, args.config);
  for (const file of files) environments.forFile(file);
  refuseBrokenConfigurations(environments.all(), io.cwd);
  const options: CheckFilesOptions = {
    cwd: io.cwd,
    fix: args.fix,
    refuseSuppressions: !args.inlineIgnore,
    environmentOf: (file) => environments.forFile(file).environment,
    ...(io.afterRead ? { afterRead: io.afterRead } : {}),
    ...(iacOf ? { iacOf } : {}),
  };
  const checked = pool ? await checkFilesInThreads(files, options, pool) : checkFiles(files, options);
  const reports = [...checked, ...matrixFileReports(environments.all(), io.cwd)];
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
  // The report is out; a file that could not be read or fixed now makes the run fail.
  for (const r of reports) for (const note of r.notes) if (note.log) io.stderr(`srm: ${printable(note.log)}\n`);
  if (reports.some(failed)) return 2;
  const tooManyWarnings = args.maxWarnings !== undefined && counts.warnings > args.maxWarnings;
  return counts.errors > 0 || tooManyWarnings ? 1 : 0;
}

function runExplain(args: ExplainArgs, io: Io): number {
  const found = cliEnvironments(io.cwd, args.config).forFile(path.join(io.cwd, 'srm.explain'));
  refuseBrokenConfigurations([found], io.cwd);
  const markdown = explainWord(args.words.join(' '), found.environment);
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
  void runCommandLine(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => (process.exitCode = code));
}

// A worker thread runs this same script: cli-worker.ts answers there, and no command runs.
if (require.main === module && isMainThread) main();
