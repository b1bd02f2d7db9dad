/**
 * Inline expectations of the engine fixtures (syntax: test/fixtures/engine/README.md).
 *
 *   key: value        # expect: SRM001(identity-access) SRM012"placeholder"
 *   # expect: SRM006(physical-servers)      <- applies to the next line with content
 *   # expect+2: SRM020                      <- the line two below this one
 *   # expect-1: SRM021                      <- the line just above
 *   # expect-file: SRM023                   <- anywhere in the file
 */
import type { Diagnostic } from '../../server/src/core';
import { lineAt, linesOf } from './helpers';

export interface Expectation {
  /** 1-based line the finding's span starts on; `null` for anywhere in the file. */
  readonly line: number | null;
  readonly code: string;
  readonly layerId?: string;
  readonly message?: string;
  /** Line of the comment that wrote it, for error messages. */
  readonly writtenAt: number;
}

const COMMENT = /(^|[ \t])#[ \t]*expect(-file|[+-]\d+)?[ \t]*:(.*)$/;
const TOKEN = /\s*(SRM\d{3})(?:\(([a-z0-9-]+)\))?(?:"([^"]*)")?\s*/y;

/** Reads every expectation of a fixture. Throws on a malformed one, so a typo cannot silently expect nothing. */
export function parseExpectations(text: string): Expectation[] {
  const lines = linesOf(text);
  const out: Expectation[] = [];
  lines.forEach((line, i) => {
    const m = COMMENT.exec(line);
    if (!m) return;
    const writtenAt = i + 1;
    const standalone = line.slice(0, m.index + m[1]!.length).trim() === '';
    let target: number | null;
    if (m[2] === '-file') target = null;
    else if (m[2]) target = writtenAt + Number(m[2]);
    else if (!standalone) target = writtenAt;
    else target = nextContentLine(lines, i);
    if (target !== null && (target < 1 || target > lines.length)) {
      throw new Error(`line ${writtenAt}: the expectation points at line ${target}, outside the file`);
    }
    const spec = m[3]!.trimEnd();
    TOKEN.lastIndex = 0;
    let any = false;
    while (TOKEN.lastIndex < spec.length) {
      const at = TOKEN.lastIndex;
      const t = TOKEN.exec(spec);
      if (!t) throw new Error(`line ${writtenAt}: cannot read the expectation at "${spec.slice(at)}" (write CODE, CODE(layer-id) or CODE"message part")`);
      any = true;
      out.push({ line: target, code: t[1]!, writtenAt, ...(t[2] ? { layerId: t[2] } : {}), ...(t[3] !== undefined ? { message: t[3] } : {}) });
    }
    if (!any) throw new Error(`line ${writtenAt}: an expect comment that expects nothing`);
  });
  return out;
}

/** The first line after `index` (0-based) that holds something other than white space or a comment; 1-based. */
function nextContentLine(lines: readonly string[], index: number): number {
  for (let l = index + 1; l < lines.length; l++) {
    const t = lines[l]!.trim();
    if (t !== '' && !t.startsWith('#')) return l + 1;
  }
  throw new Error(`line ${index + 1}: a standalone expect comment with no line after it (use expect-file or expect-N)`);
}

function accepts(e: Expectation, d: Diagnostic, line: number): boolean {
  return (
    e.code === d.code &&
    (e.line === null || e.line === line) &&
    (e.layerId === undefined || e.layerId === d.layerId) &&
    (e.message === undefined || d.message.includes(e.message))
  );
}

export interface MatchResult {
  /** Findings no expectation accounts for. */
  readonly unexpected: readonly Diagnostic[];
  /** Expectations no finding meets. */
  readonly missing: readonly Expectation[];
}

/**
 * Pairs findings with expectations one to one (a maximum bipartite matching,
 * so a loose expectation never steals the finding a precise one needs).
 */
export function matchExpectations(text: string, diagnostics: readonly Diagnostic[], expectations: readonly Expectation[]): MatchResult {
  const lines = diagnostics.map((d) => lineAt(text, d.span.start));
  const owner = new Array<number>(diagnostics.length).fill(-1);
  const tryAssign = (e: number, seen: boolean[]): boolean => {
    for (let d = 0; d < diagnostics.length; d++) {
      if (seen[d] || !accepts(expectations[e]!, diagnostics[d]!, lines[d]!)) continue;
      seen[d] = true;
      if (owner[d]! < 0 || tryAssign(owner[d]!, seen)) {
        owner[d] = e;
        return true;
      }
    }
    return false;
  };
  const missing: Expectation[] = [];
  expectations.forEach((e, i) => {
    if (!tryAssign(i, new Array<boolean>(diagnostics.length).fill(false))) missing.push(e);
  });
  return { unexpected: diagnostics.filter((_, d) => owner[d]! < 0), missing };
}

export function describeExpectation(e: Expectation): string {
  const where = e.line === null ? 'anywhere in the file' : `line ${e.line}`;
  return `  ${where}: ${e.code}${e.layerId ? `(${e.layerId})` : ''}${e.message !== undefined ? ` "${e.message}"` : ''}  (written on line ${e.writtenAt})`;
}
