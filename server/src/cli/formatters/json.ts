import { ruleByCode, type Diagnostic } from '../../core';
import { countOf, failed, totalCounts, type FileReport } from '../check';
import { terminalSafeJson } from '../printable';

/**
 * Every finding, hints included, as JSON. Positions are 1-based lines and
 * UTF-16 columns (end exclusive); `span` and fix edits are UTF-16 offsets into
 * the decoded text (without a byte-order mark). `notes` say what happened to
 * a file besides its findings (could not be read, fixes not written);
 * `failedFileCount` counts the files with an error note (the run exits 2).
 */
export function formatJson(reports: readonly FileReport[], meta: { version: string; maxWarnings?: number }): string {
  const counts = totalCounts(reports);
  const json = {
    tool: { name: 'srm', version: meta.version },
    files: reports.map((report) => {
      const c = countOf(report.diagnostics);
      return {
        path: report.displayPath,
        ...(report.encoding ? { encoding: report.encoding } : {}),
        fixed: report.fixed,
        notes: report.notes.map((n) => ({ level: n.level, message: n.message })),
        errorCount: c.errors,
        warningCount: c.warnings,
        infoCount: c.infos,
        hintCount: c.hints,
        gapCount: report.gaps,
        diagnostics: report.diagnostics.map((d) => diagnostic(report, d)),
      };
    }),
    summary: {
      fileCount: reports.length,
      failedFileCount: reports.filter(failed).length,
      errorCount: counts.errors,
      warningCount: counts.warnings,
      infoCount: counts.infos,
      hintCount: counts.hints,
      fixableCount: counts.fixable,
      gapCount: reports.reduce((n, r) => n + r.gaps, 0),
      ...(meta.maxWarnings !== undefined ? { maxWarnings: meta.maxWarnings, tooManyWarnings: counts.warnings > meta.maxWarnings } : {}),
    },
  };
  return terminalSafeJson(JSON.stringify(json, null, 2)) + '\n';
}

function diagnostic(report: FileReport, d: Diagnostic) {
  const start = report.lines.position(d.span.start);
  const end = report.lines.position(d.span.end);
  return {
    code: d.code,
    rule: ruleByCode(d.code)?.name ?? null,
    severity: d.severity,
    message: d.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    span: { start: d.span.start, end: d.span.end },
    ...(d.layerId ? { layerId: d.layerId } : {}),
    fixes: d.fixes.map((f) => ({
      title: f.title,
      safe: f.safe,
      preferred: f.preferred ?? false,
      edits: f.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
    })),
  };
}
