import * as path from 'node:path';
import { Checker, fileGapCount, fixAll, type CheckEnvironment, type CheckResult, type Diagnostic, type DroppedFix } from '../core';
import { notText } from '../core/rules/engine-rules';
import { LineIndex } from '../core/text/line-index';
import { fileTooLargeToRead, MAX_FILE_BYTES } from '../io/file-size';
import { decode, encode, textFactsOf, type Encoding } from '../io/encoding';
import { readSnapshot, replaceFile, type Snapshot } from '../io/replace-file';
import { describeSystemError } from './errors';
import type { IacView } from '../core/iac';

/** Something about a file that is not a finding in it: it could not be read, its fixes were not written. */
export interface FileNote {
  /** `error`: the file could not be read, or `--fix` could not replace it; the run exits 2. `warning`: worth knowing, no failure. */
  readonly level: 'error' | 'warning';
  /** For the report, under the file's name. */
  readonly message: string;
  /** For an error, one line for standard error naming the file: what a CI log shows even when the report goes to a file. */
  readonly log?: string;
}

export interface FileReport {
  readonly absolutePath: string;
  /** Relative to the working directory, with `/`: how reports name the file. */
  readonly displayPath: string;
  readonly encoding: Encoding | undefined;
  /** The text the diagnostics' offsets point into (decoded, without a byte-order mark). */
  readonly text: string;
  readonly lines: LineIndex;
  readonly diagnostics: readonly Diagnostic[];
  /** Layers that need an owner and have no real one (the core's one definition of a gap), in the text as reported. */
  readonly gaps: number;
  /** True when `--fix` changed and rewrote the file. */
  readonly fixed: boolean;
  /** In the order they happened; empty for most files. */
  readonly notes: readonly FileNote[];
}

export interface CheckFilesOptions {
  readonly cwd: string;
  readonly fix: boolean;
  /** `--no-inline-ignore`: refuse every `# srm-ignore`, whatever the configuration says. */
  readonly refuseSuppressions: boolean;
  /** The matrices, configuration and catalogue each declaration is checked under. */
  readonly environmentOf: (absolutePath: string) => CheckEnvironment;
  /** A test seam: runs right after a file was read, standing in for another program that writes to it while `--fix` works. */
  readonly afterRead?: (absolutePath: string) => void;
  /** What a file's `iac:` links resolve to, when any declaration has them (see check-iac.ts). */
  readonly iacOf?: (absolutePath: string) => IacView | undefined;
}

/** Checks (and fixes) every file; a file that cannot be read or written is a note in its report, and the others go on. */
export function checkFiles(files: readonly string[], options: CheckFilesOptions): FileReport[] {
  return files.map((file) => checkFile(file, options));
}

/** Whether a report has a note that makes the run fail (exit 2). */
export function failed(report: FileReport): boolean {
  return report.notes.some((n) => n.level === 'error');
}

export function checkFile(absolutePath: string, options: CheckFilesOptions): FileReport {
  const displayPath = displayPathOf(absolutePath, options.cwd);
  const report = (text: string, result: Pick<CheckResult, 'diagnostics'> & Partial<Pick<CheckResult, 'documents'>>, extra: Partial<FileReport> = {}): FileReport => ({
    absolutePath,
    displayPath,
    encoding: undefined,
    text,
    lines: new LineIndex(text),
    diagnostics: result.diagnostics,
    gaps: result.documents ? fileGapCount({ documents: result.documents }, options.environmentOf(absolutePath).config.overrides) : 0,
    fixed: false,
    notes: [],
    ...extra,
  });
  let snapshot: Snapshot;
  try {
    snapshot = readSnapshot(absolutePath, MAX_FILE_BYTES);
  } catch (err) {
    const reason = describeSystemError(err);
    return report('', { diagnostics: [] }, { notes: [{ level: 'error', message: `cannot read: ${reason}`, log: `cannot read ${displayPath}: ${reason}.` }] });
  }
  if (!snapshot.bytes) return report('', { diagnostics: [fileTooLargeToRead(snapshot.stat.size)] });
  options.afterRead?.(absolutePath);

  const decoded = decode(snapshot.bytes);
  const iac = options.iacOf?.(absolutePath);
  const checkOptions = { environment: options.environmentOf(absolutePath), ...(options.refuseSuppressions ? { inlineSuppressions: false } : {}), ...(iac ? { iac } : {}) };
  const checker = new Checker(checkOptions);
  const asRead = checker.check(decoded.text, textFactsOf(decoded));
  const read = { encoding: decoded.encoding };
  if (!options.fix) return report(decoded.text, asRead, read);

  // Writing back a file that is not text would replace bytes the user may need: a NUL, or bytes the decoder could not read.
  if (asRead.diagnostics.some((d) => d.code === notText.code) || !decoded.lossless) {
    const fixable = asRead.diagnostics.some((d) => d.fixes.some((f) => f.safe));
    return report(decoded.text, asRead, { ...read, notes: fixable ? [{ level: 'warning', message: 'not fixed: --fix never rewrites a file that is not UTF-8 text' }] : [] });
  }
  // The editor's fix-all calls the same function: the same text comes out.
  const outcome = fixAll(decoded.text, checkOptions);
  const dropped = outcome.dropped.map(droppedNote);
  const fixedText = outcome.text;
  if (fixedText === decoded.text) return report(decoded.text, asRead, { ...read, notes: dropped });
  const written = writeFixes(absolutePath, displayPath, encode(fixedText, decoded.encoding), snapshot);
  if (!written.replaced) return report(decoded.text, asRead, { ...read, notes: [...dropped, ...written.notes] });
  return report(fixedText, checker.check(fixedText), { ...read, fixed: true, notes: [...dropped, ...written.notes] });
}

/** A fix that fix-all left out, as the user reads it: which fix, and why it was not applied. */
function droppedNote(d: DroppedFix): FileNote {
  const why = {
    'breaks-yaml': 'it would break the YAML',
    'no-progress': 'it did not close its finding',
    cycle: 'fixes would undo each other',
    'too-many-rounds': 'fixes did not settle within 10 rounds',
  }[d.reason];
  return { level: 'warning', message: `fix not applied (${why}): "${d.title}" for ${d.code}; please report it` };
}

/** Replaces the file by its fixed bytes; what went wrong, or is worth knowing, as notes. */
function writeFixes(absolutePath: string, displayPath: string, bytes: Buffer, snapshot: Snapshot): { replaced: boolean; notes: FileNote[] } {
  let outcome;
  try {
    outcome = replaceFile(absolutePath, bytes, snapshot);
  } catch (err) {
    const reason = describeSystemError(err);
    return { replaced: false, notes: [{ level: 'error', message: `cannot write the fixes: ${reason}; the file is unchanged`, log: `cannot write ${displayPath}: ${reason}.` }] };
  }
  if (!outcome.replaced) {
    const note: FileNote = {
      level: 'error',
      message: 'fix skipped: the file changed while srm was fixing it; run srm check --fix again',
      log: `fix skipped for ${displayPath}: the file changed while srm was fixing it.`,
    };
    return { replaced: false, notes: [note] };
  }
  if (outcome.otherLinks === 0) return { replaced: true, notes: [] };
  const links = outcome.otherLinks === 1 ? '1 other hard link, which keeps' : `${outcome.otherLinks} other hard links, which keep`;
  return { replaced: true, notes: [{ level: 'warning', message: `it had ${links} the old content` }] };
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
