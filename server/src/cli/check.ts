import * as fs from 'node:fs';
import * as path from 'node:path';
import { Checker, fixText, type Diagnostic } from '../core';
import { decode, encode, type Encoding } from '../io/encoding';
import { fileTooLargeToRead, MAX_FILE_BYTES } from '../io/file-size';
import { CliError, describeSystemError } from './errors';
import { LineIndex } from '../core/text/line-index';

export interface FileReport {
  readonly absolutePath: string;
  /** Relative to the working directory, with `/`: how reports name the file. */
  readonly displayPath: string;
  readonly encoding: Encoding | undefined;
  /** The text the diagnostics' offsets point into (decoded, without a byte-order mark). */
  readonly text: string;
  readonly lines: LineIndex;
  readonly diagnostics: readonly Diagnostic[];
  /** True when `--fix` changed and rewrote the file. */
  readonly fixed: boolean;
}

export interface CheckFilesOptions {
  readonly cwd: string;
  readonly fix: boolean;
  readonly inlineSuppressions: boolean;
}

export function checkFiles(files: readonly string[], options: CheckFilesOptions): FileReport[] {
  return files.map((file) => checkFile(file, options));
}

function checkFile(absolutePath: string, options: CheckFilesOptions): FileReport {
  const displayPath = displayPathOf(absolutePath, options.cwd);
  const size = statSize(absolutePath, displayPath);
  if (size > MAX_FILE_BYTES) {
    return { absolutePath, displayPath, encoding: undefined, text: '', lines: new LineIndex(''), diagnostics: [fileTooLargeToRead(size)], fixed: false };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolutePath);
  } catch (err) {
    throw new CliError(`cannot read ${displayPath}: ${describeSystemError(err)}.`);
  }
  const decoded = decode(bytes);
  const checker = new Checker({ inlineSuppressions: options.inlineSuppressions });
  let text = decoded.text;
  let fixed = false;
  // A file whose bytes did not decode cleanly is never written back: that would replace them for good.
  if (options.fix && decoded.lossless) {
    const result = fixText(text, checker).text;
    if (result !== text) {
      try {
        fs.writeFileSync(absolutePath, encode(result, decoded.encoding));
      } catch (err) {
        throw new CliError(`cannot write ${displayPath}: ${describeSystemError(err)}.`);
      }
      text = result;
      fixed = true;
    }
  }
  const { diagnostics } = checker.check(text);
  return { absolutePath, displayPath, encoding: decoded.encoding, text, lines: new LineIndex(text), diagnostics, fixed };
}

function statSize(absolutePath: string, displayPath: string): number {
  try {
    return fs.statSync(absolutePath).size;
  } catch (err) {
    throw new CliError(`cannot read ${displayPath}: ${describeSystemError(err)}.`);
  }
}

export function displayPathOf(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  if (relative === '' || path.isAbsolute(relative)) return absolutePath.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Findings with a fix `--fix` would apply. */
  fixable: number;
}

export function countOf(diagnostics: readonly Diagnostic[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else if (d.severity === 'info') counts.infos++;
    else counts.hints++;
    if (d.fixes.some((f) => f.safe)) counts.fixable++;
  }
  return counts;
}

export function totalCounts(reports: readonly FileReport[]): Counts {
  return countOf(reports.flatMap((r) => r.diagnostics));
}
