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
  const taken = new TakenEdits();
  const seen = new Set<string>();
  let seq = 0;
  for (const d of diagnostics) {
    const fix = chooseFix(d.fixes);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.edits.some((e, i) => taken.conflicts(e) || fix.edits.some((o, j) => j < i && overlaps(e, o)))) continue;
    for (const e of fix.edits) taken.add({ ...e, order: fix.order ?? 50, seq: seq++ });
  }
  return taken.items
    .sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.order - b.order || a.seq - b.seq)
    .map(({ start, end, text }) => ({ start, end, text }));
}

/**
 * The edits taken so far, sorted by start then end. They never conflict, so
 * their ends rise with their starts, and the only ones a new edit can conflict
 * with sit just before where it would go: finding them is a binary search, not a
 * scan (fix-all on a file of thousands of declarations stays linear-logarithmic).
 */
class TakenEdits {
  readonly items: OrderedEdit[] = [];

  add(edit: OrderedEdit): void {
    this.items.splice(this.firstAtOrAfter(edit.start, edit.end), 0, edit);
  }

  conflicts(edit: Edit): boolean {
    // A conflict needs t.start < edit.end and t.end > edit.start; past the first t ending at or before edit.start, none can.
    for (let i = this.firstAtOrAfter(edit.end, -Infinity) - 1; i >= 0; i--) {
      const t = this.items[i];
      if (overlaps(edit, t)) return true;
      if (t.end <= edit.start) break;
    }
    return false;
  }

  /** The index of the first item sorted at or after (start, end). */
  private firstAtOrAfter(start: number, end: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.items[mid];
      if (t.start < start || (t.start === start && t.end < end)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
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
