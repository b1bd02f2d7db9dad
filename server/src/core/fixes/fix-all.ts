import type { Checker } from '../check';
import type { Diagnostic, Edit, Fix } from '../types';

interface OrderedEdit extends Edit {
  readonly order: number;
  readonly seq: number;
}

/**
 * The edits of every safe fix, combined: per diagnostic its batch fix if it has
 * one (applied once however many diagnostics share it), else its preferred safe
 * fix. Fixes whose edits overlap one already taken are left for a later round.
 * Insertions at the same offset are ordered by the fixes' `order`.
 */
export function fixAllEdits(diagnostics: readonly Diagnostic[]): Edit[] {
  const taken: OrderedEdit[] = [];
  const seen = new Set<string>();
  let seq = 0;
  for (const d of diagnostics) {
    const fix = chooseFix(d.fixes);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    for (const e of fix.edits) taken.push({ ...e, order: fix.order ?? 50, seq: seq++ });
  }
  return taken
    .sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.order - b.order || a.seq - b.seq)
    .map(({ start, end, text }) => ({ start, end, text }));
}

function chooseFix(fixes: readonly Fix[]): Fix | undefined {
  const safe = fixes.filter((f) => f.safe);
  return safe.find((f) => f.batch) ?? safe.find((f) => f.preferred) ?? safe[0];
}

/** Two edits conflict when they replace overlapping text, or one replaces text the other inserts into. Two insertions at one offset do not. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits sorted by start (as `fixAllEdits` returns them). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Applies safe fixes until none is left (a fix can open the way for another,
 * e.g. a layer renamed to its id is then found to lack a handoff). Bounded, so
 * fixes that undo each other cannot loop.
 */
export function fixText(text: string, checker: Checker, maxRounds = 10): { text: string; rounds: number } {
  let current = text;
  for (let round = 0; round < maxRounds; round++) {
    const edits = fixAllEdits(checker.check(current).diagnostics);
    if (edits.length === 0) return { text: current, rounds: round };
    current = applyEdits(current, edits);
  }
  return { text: current, rounds: maxRounds };
}
