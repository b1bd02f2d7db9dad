import type { MatrixIndex } from '../matrix/matrix-index';
import { iacSyntax } from '../rules/srm067-iac-syntax';
import { undeclaredWorkload } from '../rules/srm066-undeclared-workload';
import type { Diagnostic } from '../types';
import { rootFileOf, type ClaimReport, type Undeclared } from './claims';
import { summarizeUndeclared } from './describe';
import type { Inventory } from './inventory';

/** An undeclared workload as a finding on its IaC file, with the resource it is about. */
export interface UndeclaredFinding extends Diagnostic {
  readonly undeclared: Undeclared;
}

/**
 * The findings on IaC files themselves, by file: SRM066 on the header of each
 * undeclared workload resource (where its block is written, which for a module
 * is the module's file), SRM067 for what could not be read. The editor shows
 * them as they are; `srm discover` words the same facts for its reports.
 */
export function iacFileFindings(report: ClaimReport, inventory: Inventory, matrixOf: (file: string) => MatrixIndex): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic) => {
    const list = out.get(file);
    if (list) list.push(d);
    else out.set(file, [d]);
  };
  for (const u of report.undeclared) {
    const finding: UndeclaredFinding = {
      code: undeclaredWorkload.code,
      severity: undeclaredWorkload.severity,
      message: summarizeUndeclared(u, matrixOf(rootFileOf(u.instance))).message,
      span: u.instance.block.headerSpan,
      fixes: [],
      undeclared: u,
    };
    add(u.instance.file, finding);
  }
  const syntax = (file: string, list: readonly { severity: 'error' | 'warning'; message: string; span: { start: number; end: number } }[]) => {
    for (const d of list) add(file, { code: iacSyntax.code, severity: d.severity, message: d.message, span: d.span, fixes: [] });
  };
  for (const file of inventory.files.values()) syntax(file.path, file.diagnostics);
  for (const [file, list] of inventory.moduleDiagnostics) syntax(file, list);
  for (const list of out.values()) list.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** Whether a finding is about an undeclared workload (and so carries it). */
export function isUndeclaredFinding(d: Diagnostic): d is UndeclaredFinding {
  return d.code === undeclaredWorkload.code && 'undeclared' in d;
}
