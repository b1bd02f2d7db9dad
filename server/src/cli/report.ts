/**
 * `srm report`: who owns what across every declaration, as Markdown, CSV,
 * HTML, JSON or an OSCAL SSP. A report is not a check: it exits 0 when it was
 * written, gaps or not (they are in the report; `srm check` is what fails CI),
 * and 2 for a usage or I/O error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, formatReportChunks, OscalExportError, type ReportInput } from '../core/report';
import type { CheckEnvironment } from '../core';
import { decode } from '../io/encoding';
import { fileTooLargeToRead, MAX_FILE_BYTES } from '../io/file-size';
import { CliError, describeSystemError } from './errors';
import { DECLARATION_FILE, discoverFiles } from './files';
import { displayPathOf } from './check';
import { cliEnvironments, refuseBrokenConfigurations } from './environment';
import type { Io } from './main';
import { packageInfo } from './package-info';
import type { ReportArgs } from './report-args';

export function runReport(args: ReportArgs, io: Io): number {
  const files = discoverFiles(args.paths, io.cwd);
  const target = args.output !== undefined ? path.resolve(io.cwd, args.output) : undefined;
  if (target !== undefined) refuseInputAsOutput(target, args.output!, files);
  // Each declaration against the matrices and configuration of its folder, exactly as `srm check` sees it.
  const environments = cliEnvironments(io.cwd, args.config);
  for (const file of files) environments.forFile(file);
  refuseBrokenConfigurations(environments.all(), io.cwd, 'reported');
  const inputs = files.map((f) => readInput(f, io.cwd, environments.forFile(f).environment));
  const report = buildReport(inputs, { toolVersion: packageInfo().version });
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

function readInput(absolutePath: string, cwd: string, environment: CheckEnvironment): ReportInput {
  const file = displayPathOf(absolutePath, cwd);
  let size: number;
  try {
    size = fs.statSync(absolutePath).size;
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${describeSystemError(err)}.`);
  }
  if (size > MAX_FILE_BYTES) return { file, skipped: fileTooLargeToRead(size).message };
  try {
    return { file, text: decode(fs.readFileSync(absolutePath)).text, environment };
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${describeSystemError(err)}.`);
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
