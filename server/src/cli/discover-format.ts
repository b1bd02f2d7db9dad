import { iacSyntax } from '../core/rules/srm067-iac-syntax';
import { undeclaredWorkload } from '../core/rules/srm066-undeclared-workload';
import type { Style } from './colour';
import type { DiscoveryResult, IacFinding, Located, UndeclaredItem } from './discover-report';
import { artifactLocation, sarifLevel, sarifLog } from './formatters/sarif';
import { plural } from './formatters/stylish';
import { toNative } from '../io/iac-fs';
import type { PackageInfo } from './package-info';

/** Per IaC file its undeclared workloads and problems, `line:col  severity  message  CODE`, then the summary and what --write did. */
export function formatDiscoveryStylish(result: DiscoveryResult, style: Style, write: boolean): string {
  const out: string[] = [];
  const rows = [
    ...result.undeclared.map((u) => ({ at: u, severity: 'info' as const, message: u.message, code: u.code })),
    ...result.findings.map((f) => ({ at: f, severity: f.severity, message: f.message, code: f.code })),
  ].sort((a, b) => (a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : a.at.line - b.at.line || a.at.column - b.at.column));
  const byFile = new Map<string, typeof rows>();
  for (const r of rows) byFile.set(r.at.file, [...(byFile.get(r.at.file) ?? []), r]);
  for (const [file, list] of byFile) {
    out.push(style.underline(file));
    const lineWidth = Math.max(...list.map((r) => String(r.at.line).length));
    const columnWidth = Math.max(...list.map((r) => String(r.at.column).length));
    const severityWidth = Math.max(...list.map((r) => r.severity.length));
    for (const r of list) {
      const position = `${String(r.at.line).padStart(lineWidth)}:${String(r.at.column).padEnd(columnWidth)}`;
      const paint = r.severity === 'error' ? style.red : r.severity === 'warning' ? style.yellow : style.blue;
      out.push(`  ${style.dim(position)}  ${paint(r.severity.padEnd(severityWidth))}  ${r.message.replace(/\s*\r?\n\s*/g, ' ')}  ${style.dim(r.code)}`);
    }
    out.push('');
  }
  for (const p of result.proposals) {
    out.push(p.written ? style.green(`Wrote ${p.file} (${p.resources.join(', ')}): fill in the owners.`) : style.yellow(`Did not write ${p.file} (${p.resources.join(', ')}): ${p.skipped ?? 'not written'}.`));
  }
  if (result.proposals.length) out.push('');
  const scanned = `${plural(result.fileCount, 'IaC file')}, ${plural(result.resourceCount, 'resource')}, ${plural(result.declarationCount, 'declaration')} with iac:`;
  const n = result.undeclared.length;
  const written = result.proposals.filter((p) => p.written).length;
  if (n === 0) {
    out.push(style.green(`✔ No undeclared workloads (${scanned}; ${result.claimedCount} claimed).`));
  } else if (write && written === result.proposals.length) {
    out.push(style.green(`✔ ${plural(n, 'undeclared workload')}, ${plural(written, 'declaration')} proposed: fill in the owners, then run srm check.`));
  } else {
    out.push(style.bold(style.yellow(`✖ ${plural(n, 'undeclared workload')} (${scanned}; ${result.claimedCount} claimed).`)));
    if (!write) out.push(style.dim('  srm discover --write proposes a declaration for each (--group folder: one per folder).'));
  }
  const ignored = [...result.ignored.values()].reduce((a, b) => a + b, 0);
  if (ignored > 0) out.push(style.dim(`  ${plural(ignored, 'resource')} of types that are neither compute nor data ignored (--format json lists them).`));
  return out.join('\n') + '\n';
}

/** Every undeclared workload with its classification, every IaC problem, and the proposals. Positions are 1-based lines and UTF-16 columns. */
export function formatDiscoveryJson(result: DiscoveryResult, version: string): string {
  const position = (l: Located) => ({ path: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn });
  const json = {
    tool: { name: 'srm', version },
    undeclared: result.undeclared.map((u) => ({
      ...position(u),
      code: u.code,
      address: u.address,
      type: u.type,
      status: u.status,
      service: u.service ?? null,
      provider: u.provider ?? null,
      model: u.model ?? null,
      source: u.source ?? null,
      multiInstance: u.multiInstance ?? null,
      variants: u.variants,
      undecided: u.undecided,
      overrides: u.overrides,
      parts: u.parts,
      message: u.message,
    })),
    problems: result.findings.map((f) => ({ ...position(f), code: f.code, severity: f.severity, message: f.message })),
    proposals: result.proposals.map((p) => ({ path: p.file, workload: p.workload, resources: p.resources, written: p.written, ...(p.skipped ? { skipped: p.skipped } : {}) })),
    ignored: Object.fromEntries([...result.ignored].sort(([a], [b]) => (a < b ? -1 : 1))),
    summary: {
      undeclaredCount: result.undeclared.length,
      problemCount: result.findings.length,
      fileCount: result.fileCount,
      resourceCount: result.resourceCount,
      claimedCount: result.claimedCount,
      declarationCount: result.declarationCount,
    },
  };
  return JSON.stringify(json, null, 2) + '\n';
}

const RULES = [undeclaredWorkload, iacSyntax];

/** A SARIF 2.1.0 log: undeclared workloads as notes (SRM066), IaC problems as warnings or errors (SRM067). */
export function formatDiscoverySarif(result: DiscoveryResult, pkg: PackageInfo, cwd: string): string {
  const toResult = (ruleId: string, level: string, message: string, at: Located, properties?: Record<string, unknown>) => ({
    ruleId,
    ruleIndex: RULES.findIndex((r) => r.code === ruleId),
    level,
    message: { text: message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(toNative(at.absolutePath), cwd),
          region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn, ...(at.snippet ? { snippet: { text: at.snippet } } : {}) },
        },
      },
    ],
    ...(properties ? { properties } : {}),
  });
  return sarifLog(pkg, RULES, cwd, {
    invocations: [{ executionSuccessful: true }],
    results: [
      ...result.undeclared.map((u: UndeclaredItem) => toResult(u.code, 'note', u.message, u, { address: u.address, type: u.type, service: u.service ?? null, model: u.model ?? null })),
      ...result.findings.map((f: IacFinding) => toResult(f.code, sarifLevel(f.severity), f.message, f)),
    ],
  });
}
