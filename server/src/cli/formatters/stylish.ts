import type { Diagnostic, Severity } from '../../core';
import { countOf, failed, totalCounts, type FileReport } from '../check';
import type { Style } from '../colour';
import { printable } from '../printable';

export interface StylishOptions {
  readonly style: Style;
  /** Show hints too. */
  readonly verbose: boolean;
  readonly maxWarnings?: number;
  /** Whether this run was `--fix` (then no "fixable with --fix" line). */
  readonly fix: boolean;
}

/**
 * The eslint-like report for a terminal: per file its notes (could not be
 * read, fixes not written) and its findings as `line:col  severity  message
 * CODE`, then the summary. Everything that comes from the user's files (names,
 * keys quoted in messages) is printed with its control characters escaped.
 */
export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  const { style } = options;
  const out: string[] = [];
  for (const report of reports) {
    const shown = report.diagnostics.filter((d) => options.verbose || d.severity !== 'hint');
    if (shown.length === 0 && report.notes.length === 0) continue;
    const rows = shown.map((d) => row(report, d));
    let lineWidth = 0;
    let columnWidth = 0;
    let severityWidth = 0;
    for (const r of rows) {
      lineWidth = Math.max(lineWidth, String(r.line).length);
      columnWidth = Math.max(columnWidth, String(r.column).length);
      severityWidth = Math.max(severityWidth, r.severity.length);
    }
    out.push(style.underline(printable(report.displayPath)));
    for (const note of report.notes) out.push(`  ${paint(style, note.level, note.level)}  ${printable(note.message)}`);
    for (const r of rows) {
      const position = `${String(r.line).padStart(lineWidth)}:${String(r.column).padEnd(columnWidth)}`;
      const severity = paint(style, r.severity, r.severity.padEnd(severityWidth));
      out.push(`  ${style.dim(position)}  ${severity}  ${r.message}  ${style.dim(r.code)}`);
    }
    out.push('');
  }

  const counts = totalCounts(reports);
  const fixed = reports.filter((r) => r.fixed);
  if (fixed.length > 0) out.push(style.green(`Fixed ${plural(fixed.length, 'file')}: ${names(fixed)}`), '');

  const failures = reports.filter(failed);
  const problems = counts.errors + counts.warnings + counts.infos;
  if (problems === 0 && failures.length === 0) {
    const hints = counts.hints === 0 ? '' : options.verbose ? ` (${plural(counts.hints, 'hint')})` : ` (${plural(counts.hints, 'hint')} not shown; --verbose shows them)`;
    out.push(style.green(`✔ ${plural(reports.length, 'file')} checked, no problems`) + style.dim(hints));
  } else if (problems > 0) {
    const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
    if (counts.infos > 0) parts.push(plural(counts.infos, 'info'));
    if (options.verbose && counts.hints > 0) parts.push(plural(counts.hints, 'hint'));
    const summary = `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`;
    out.push(style.bold(counts.errors > 0 ? style.red(summary) : style.yellow(summary)));
    const fixable = shownFixable(reports, options.verbose);
    if (fixable > 0 && !options.fix) out.push(style.dim(`  ${fixable} of them can be fixed with --fix.`));
    // Gaps as the status bar and the layer stack count them: layers that need an owner and have no real one.
    const gaps = reports.reduce((n, r) => n + r.gaps, 0);
    if (gaps > 0) out.push(style.dim(`  ${plural(gaps, 'gap')}: ${gaps === 1 ? 'a layer that needs an owner has' : 'layers that need an owner have'} no real one.`));
  }
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    out.push(style.bold(style.red(`✖ Too many warnings: ${counts.warnings}, the maximum is ${options.maxWarnings} (--max-warnings).`)));
  }
  if (failures.length > 0) out.push(style.bold(style.red(`✖ ${plural(failures.length, 'file')} failed: ${names(failures)}`)));
  return out.join('\n') + '\n';
}

function names(reports: readonly FileReport[]): string {
  return reports.map((r) => printable(r.displayPath)).join(', ');
}

function row(report: FileReport, d: Diagnostic): { line: number; column: number; severity: Severity; message: string; code: string } {
  const { line, column } = report.lines.position(d.span.start);
  return { line, column, severity: d.severity, message: printable(d.message.replace(/\s*\r?\n\s*/g, ' ')), code: d.code };
}

function paint(style: Style, severity: Severity, text: string): string {
  switch (severity) {
    case 'error':
      return style.red(text);
    case 'warning':
      return style.yellow(text);
    case 'info':
      return style.blue(text);
    case 'hint':
      return style.dim(text);
  }
}

function shownFixable(reports: readonly FileReport[], verbose: boolean): number {
  return countOf(reports.flatMap((r) => r.diagnostics.filter((d) => verbose || d.severity !== 'hint'))).fixable;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
