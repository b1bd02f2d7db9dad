/**
 * `srm report`: who owns what across every declaration, as Markdown, CSV,
 * HTML, JSON or an OSCAL SSP. A report is not a check: it exits 0 when it was
 * written, gaps or not (they are in the report; `srm check` is what fails CI),
 * and 2 for a usage or I/O error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assembleReport, formatReportChunks, OscalExportError, type ReportPieces } from '../core/report';
import type { CheckEnvironment } from '../core';
import { CliError, describeSystemError } from './errors';
import { DECLARATION_FILE, discoverFiles } from './files';
import { WORKER_ROLE, workerScript, type ReportSetup } from './cli-worker';
import { cliEnvironments, refuseBrokenConfigurations } from './environment';
import type { Io } from './main';
import { packageInfo } from './package-info';
import type { ReportArgs } from './report-args';
import { piecesOfFile, receivePieces, type SentPieces } from './report-pieces';
import { FILES_PER_BATCH, threadsFor } from './threads';
import { startPool, WorkerFailedError, type Pool } from './worker-pool';

export async function runReport(args: ReportArgs, io: Io): Promise<number> {
  const files = discoverFiles(args.paths, io.cwd);
  const target = args.output !== undefined ? path.resolve(io.cwd, args.output) : undefined;
  if (target !== undefined) refuseInputAsOutput(target, args.output!, files);
  const threads = threadsFor(files.length, args.jobs);
  const setup: ReportSetup = { role: WORKER_ROLE, task: 'report', cwd: io.cwd, ...(args.config !== undefined ? { config: args.config } : {}) };
  // Started before the configurations are read here: the threads load meanwhile.
  const pool = threads === 0 ? undefined : startPool<ReportSetup, string, SentPieces>({ script: io.workerScript ?? workerScript(), threads, setup, batchSize: FILES_PER_BATCH });
  let pieces: ReportPieces[];
  try {
    // Each declaration against the matrices and configuration of its folder, exactly as `srm check` sees it.
    const environments = cliEnvironments(io.cwd, args.config);
    for (const file of files) environments.forFile(file);
    refuseBrokenConfigurations(environments.all(), io.cwd, 'reported');
    const environmentOf = (file: string) => environments.forFile(file).environment;
    pieces = pool ? await piecesInThreads(files, environmentOf, pool) : files.map((f) => piecesOfFile(f, io.cwd, environmentOf(f)));
  } finally {
    pool?.close();
  }
  const report = assembleReport(pieces, { toolVersion: packageInfo().version });
  const chunks = formatReportChunks(report, args.format, { by: args.by, oscal: args.format === 'oscal-ssp' ? { lastModified: lastModified(io.env) } : undefined });
  if (target === undefined) {
    for (const chunk of guarded(chunks)) io.stdout(chunk);
    return 0;
  }
  // Into a file next to the target, renamed over it once complete: a failed export leaves no half-written report.
  const partial = `${target}.${process.pid}.partial`;
  try {
    const fd = openOrFail(partial, args.output!);
    try {
      for (const chunk of guarded(chunks)) fs.writeSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot write ${args.output}: ${describeSystemError(err)}.`);
  }
  return 0;
}

/** Each file's pieces, made in worker threads; the first file that cannot be read stops the report, as in one thread. */
async function piecesInThreads(files: readonly string[], environmentOf: (file: string) => CheckEnvironment, pool: Pool<string, SentPieces>): Promise<ReportPieces[]> {
  let sent: SentPieces[];
  try {
    sent = await pool.run(files);
  } catch (err) {
    if (err instanceof WorkerFailedError) throw new CliError(`${err.message}; nothing was reported. srm report --jobs 1 reads in one thread.`);
    throw err;
  }
  return sent.map((s, i) => receivePieces(s, environmentOf(files[i]!)));
}

/** The chunks, with an export the report cannot make turned into one clear line. */
function* guarded(chunks: Iterable<string>): Generator<string> {
  try {
    yield* chunks;
  } catch (err) {
    if (err instanceof OscalExportError) throw new CliError(`cannot export an OSCAL SSP: ${err.message}`);
    throw err;
  }
}

function openOrFail(file: string, written: string): number {
  try {
    return fs.openSync(file, 'w');
  } catch (err) {
    throw new CliError(`cannot write ${written}: ${describeSystemError(err)}.`);
  }
}

/** `-o` must never overwrite a declaration, nor write a file the next run would read as one. */
function refuseInputAsOutput(target: string, written: string, inputs: readonly string[]): void {
  const real = (file: string): string => {
    try {
      return fs.realpathSync(file);
    } catch {
      return file;
    }
  };
  const resolved = real(target);
  if (inputs.some((f) => f === target || real(f) === resolved)) {
    throw new CliError(`--output ${written} is one of the declarations being reported: write the report to another file.`);
  }
  if (DECLARATION_FILE.test(target)) {
    throw new CliError(`--output ${written} has a declaration's name (*.srm.yaml, *.srm.yml): srm would read the report as a declaration next time. Choose another name.`);
  }
}

/**
 * The SSP's last-modified date: now, or SOURCE_DATE_EPOCH (seconds since 1970,
 * the reproducible-builds convention) so that two runs give the same bytes.
 */
export function lastModified(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now().toISOString();
  if (!/^\d+$/.test(epoch)) throw new CliError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}".`);
  const date = new Date(Number(epoch) * 1000);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 2999) throw new CliError(`SOURCE_DATE_EPOCH ${epoch} is out of range.`);
  return date.toISOString();
}
