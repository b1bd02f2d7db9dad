import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type Edit, type Fix, type Rule, type Severity } from '../../core';
import { explainRule } from '../../core/explain';
import { failed, type FileReport } from '../check';
import { terminalSafeJson } from '../printable';
import type { LineIndex } from '../../core/text/line-index';
import type { PackageInfo } from '../package-info';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/**
 * A SARIF 2.1.0 log of one run: every rule, every finding (hints as notes) and
 * the fixes. What happened to a file besides its findings (could not be read,
 * fixes not written) is a tool execution notification; the execution failed
 * when any file did.
 */
export function formatSarif(reports: readonly FileReport[], pkg: PackageInfo, cwd: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
  return sarifLog(pkg, RULES, cwd, {
    invocations: [invocation(reports, cwd)],
    results: reports.flatMap((report) =>
      report.diagnostics.map((d) => {
        const index = ruleIndex.get(d.code);
        const location = artifactLocation(report.absolutePath, cwd);
        return {
          ruleId: d.code,
          ...(index !== undefined ? { ruleIndex: index } : {}),
          level: sarifLevel(d.severity),
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: location, region: region(report.lines, d.span.start, d.span.end, true) } }],
          ...(d.fixes.length > 0 ? { fixes: d.fixes.map((f) => fix(f, report.lines, location)) } : {}),
        };
      }),
    ),
  });
}

/**
 * The log around one run of ours (`srm check` or `srm discover`): the tool
 * with its rules, %SRCROOT% at the working directory, UTF-16 columns, and
 * `run` (invocations and results); escaped for a terminal like every output.
 */
export function sarifLog(pkg: PackageInfo, rules: readonly Rule[], cwd: string, run: { readonly invocations: readonly object[]; readonly results: readonly object[] }): string {
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'srm',
            fullName: 'srm — shared responsibility model checker',
            version: pkg.version,
            semanticVersion: pkg.version,
            informationUri: pkg.informationUri,
            rules: rules.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description} ${r.help}` },
              help: { text: r.help, markdown: explainRule(r) },
              defaultConfiguration: { level: sarifLevel(r.severity) },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        ...run,
      },
    ],
  };
  return terminalSafeJson(JSON.stringify(log, null, 2)) + '\n';
}

function invocation(reports: readonly FileReport[], cwd: string) {
  const notifications = reports.flatMap((report) =>
    report.notes.map((note) => ({
      level: note.level,
      message: { text: note.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.absolutePath, cwd) } }],
    })),
  );
  return { executionSuccessful: !reports.some(failed), ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) };
}

export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** Relative to the working directory under %SRCROOT%; a file outside it by its absolute file: URI. */
export function artifactLocation(absolutePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, absolutePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolutePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** 1-based lines and columns; the end column is the one after the last character (SARIF's exclusive end). */
function region(lines: LineIndex, start: number, end: number, snippet: boolean) {
  const s = lines.position(start);
  const e = lines.position(end);
  return {
    startLine: s.line,
    startColumn: s.column,
    endLine: e.line,
    endColumn: e.column,
    ...(snippet && end > start ? { snippet: { text: lines.text.slice(start, end) } } : {}),
  };
}

function fix(f: Fix, lines: LineIndex, location: { uri: string; uriBaseId?: string }) {
  return {
    description: { text: f.title },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: f.edits.map((e: Edit) => ({ deletedRegion: region(lines, e.start, e.end, false), insertedContent: { text: e.text } })),
      },
    ],
    properties: { safe: f.safe },
  };
}
