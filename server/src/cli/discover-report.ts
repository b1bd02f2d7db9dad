import { rootFileOf, summarizeUndeclared, type ClaimReport, type IacDiagnostic, type IacFile, type Inventory, type Undeclared } from '../core/iac';
import type { MatrixIndex } from '../core/matrix/matrix-index';
import { LineIndex } from '../core/text/line-index';
import type { Span } from '../core/types';
import { iacSyntax } from '../core/rules/srm067-iac-syntax';
import { undeclaredWorkload } from '../core/rules/srm066-undeclared-workload';

/** Where a finding is, as the reports show it: the file relative to the working directory, 1-based line and UTF-16 column. */
export interface Located {
  readonly file: string;
  readonly absolutePath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly snippet: string;
}

export interface UndeclaredItem extends Located {
  readonly code: string;
  readonly address: string;
  readonly type: string;
  readonly status: 'workload' | 'model-unknown';
  readonly service?: string;
  readonly provider?: string;
  /** Undefined for "model unknown: choose". */
  readonly model?: string;
  readonly source?: string;
  readonly multiInstance?: string;
  readonly variants: readonly string[];
  readonly undecided: readonly string[];
  readonly overrides: readonly { readonly layer: string; readonly responsibility: string; readonly reason: string; readonly source: string }[];
  readonly parts: readonly string[];
  /** One line: what it is and why it is reported. */
  readonly message: string;
}

export interface IacFinding extends Located {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ProposalItem {
  readonly file: string;
  readonly absolutePath: string;
  readonly workload: string;
  readonly resources: readonly string[];
  readonly written: boolean;
  /** Why it was not written. */
  readonly skipped?: string;
}

export interface DiscoveryResult {
  readonly undeclared: readonly UndeclaredItem[];
  readonly findings: readonly IacFinding[];
  readonly proposals: readonly ProposalItem[];
  readonly fileCount: number;
  readonly resourceCount: number;
  readonly claimedCount: number;
  /** Declarations with at least one `iac:` link. */
  readonly declarationCount: number;
  readonly ignored: ReadonlyMap<string, number>;
}

export type DisplayPath = (absolute: string) => string;

/** The claim report and the inventory, positioned and worded for the reports. */
export function describeDiscovery(report: ClaimReport, inventory: Inventory, matrixOf: (file: string) => MatrixIndex, display: DisplayPath, declarationCount: number): Omit<DiscoveryResult, 'proposals'> {
  const lines = new Map<string, LineIndex>();
  const locate = (file: IacFile | undefined, path: string, span: Span): Located => {
    let index = lines.get(path);
    if (!index) lines.set(path, (index = new LineIndex(file?.text ?? '')));
    const start = index.position(span.start);
    const end = index.position(span.end);
    const snippet = (file?.text ?? '').slice(span.start, span.end);
    return { file: display(path), absolutePath: path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, snippet };
  };
  const undeclared = report.undeclared.map((u) => describeUndeclared(u, locate(inventory.files.get(u.instance.file), u.instance.file, u.instance.block.headerSpan), matrixOf(rootFileOf(u.instance))));
  const findings: IacFinding[] = [];
  const push = (path: string, d: IacDiagnostic) => findings.push({ ...locate(inventory.files.get(path), path, d.span), code: iacSyntax.code, severity: d.severity, message: d.message });
  for (const file of inventory.files.values()) for (const d of file.diagnostics) push(file.path, d);
  for (const [path, list] of inventory.moduleDiagnostics) for (const d of list) push(path, d);
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const claimed = new Set(report.declarations.flatMap((d) => d.entries.flatMap((e) => e.claims.map((c) => c.instance.key))));
  return {
    undeclared,
    findings,
    fileCount: inventory.files.size,
    resourceCount: inventory.instances.length,
    claimedCount: claimed.size,
    declarationCount,
    ignored: report.ignored,
  };
}

function describeUndeclared(u: Undeclared, at: Located, matrix: MatrixIndex): UndeclaredItem {
  const c = u.classification;
  const block = u.instance.block;
  const summary = summarizeUndeclared(u, matrix);
  return {
    ...at,
    code: undeclaredWorkload.code,
    address: u.instance.address,
    type: block.type,
    status: c.status === 'workload' ? 'workload' : 'model-unknown',
    ...(c.row && c.service ? { service: c.service.name, model: c.service.model, source: c.row.source.url } : {}),
    ...(c.provider ? { provider: c.provider } : {}),
    ...(block.multiInstance ? { multiInstance: block.multiInstance } : {}),
    variants: summary.variants,
    undecided: summary.undecided,
    overrides: summary.overrides,
    parts: u.parts.map((p) => p.address),
    message: summary.message,
  };
}
