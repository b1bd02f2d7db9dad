import type { CheckResult } from '../check';
import { yamlSyntax } from '../rules/engine-rules';
import type { Diagnostic, Edit, Fix } from '../types';

interface OrderedEdit extends Edit {
  readonly order: number;
  readonly seq: number;
}

/** What fix-all would apply to a file, and which findings those edits close. */
export interface FixPlan {
  readonly edits: Edit[];
  /** The findings whose fix was taken, in file order. */
  readonly taken: readonly Diagnostic[];
}

/**
 * The edits of every safe fix, combined: per diagnostic its batch fix if it has
 * one (applied once however many diagnostics share it), else its preferred safe
 * fix. Fixes whose edits overlap one already taken are left for a later round.
 * Insertions at the same offset are ordered by the fixes' `order`. `skip` says
 * which findings' fixes must not be taken.
 */
export function planFixAll(diagnostics: readonly Diagnostic[], skip: (d: Diagnostic) => boolean = () => false): FixPlan {
  const taken = new TakenEdits();
  const seen = new Set<string>();
  const closed: Diagnostic[] = [];
  let seq = 0;
  for (const d of diagnostics) {
    const fix = chooseFix(d.fixes);
    if (!fix || skip(d)) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) {
      closed.push(d);
      continue;
    }
    if (fix.edits.some((e, i) => taken.conflicts(e) || fix.edits.some((o, j) => j < i && overlaps(e, o)))) continue;
    seen.add(key);
    closed.push(d);
    for (const e of fix.edits) taken.add({ ...e, order: fix.order ?? 50, seq: seq++ });
  }
  const edits = taken.items
    .sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.order - b.order || a.seq - b.seq)
    .map(({ start, end, text }) => ({ start, end, text }));
  return { edits, taken: closed };
}

/** The edits of `planFixAll`. */
export function fixAllEdits(diagnostics: readonly Diagnostic[]): Edit[] {
  return planFixAll(diagnostics).edits;
}

/** What a finding is about and says, whatever its offsets. */
function findingKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.layerId ?? ''}\u0000${d.message}`;
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
      if (overlaps(edit, t!)) return true;
      if (t!.end <= edit.start) break;
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
      if (t!.start < start || (t!.start === start && t!.end < end)) lo = mid + 1;
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

/** Anything that checks a text: a `Checker`, or a test's stand-in. */
export interface TextChecker {
  check(text: string): CheckResult;
}

/** A fix fix-all left out, and why: it never applies a fix that breaks the YAML or leads nowhere. */
export interface DroppedFix {
  readonly code: string;
  readonly title: string;
  /** What the fix was for. */
  readonly message: string;
  readonly reason: 'breaks-yaml' | 'no-progress' | 'cycle' | 'too-many-rounds';
}

export interface FixOutcome {
  readonly text: string;
  /** Every round's edits as edits of the original text (sorted, disjoint): `applyEdits(original, edits)` is `text`. */
  readonly edits: readonly Edit[];
  /** Rounds that changed the text. */
  readonly rounds: number;
  readonly dropped: readonly DroppedFix[];
}

/**
 * Applies safe fixes until none is left: a fix can open the way for another
 * (a layer renamed to its id is then found to lack a handoff). Each round is
 * checked before it is kept:
 * - a round that adds a YAML error is undone, and the fixes that break the
 *   YAML on their own are dropped (if none does alone, the round is retried
 *   one fix at a time);
 * - a fix whose finding is still there after it was applied made no progress:
 *   it is dropped and the round is retried without it;
 * - a text seen before means fixes undo each other: fix-all stops there.
 * Nothing dropped is ever applied, and the loop always ends.
 */
export function fixText(text: string, checker: TextChecker, maxRounds = 10): FixOutcome {
  const dropped: DroppedFix[] = [];
  const skipped = new Set<Diagnostic>();
  const seen = new Set<string>([text]);
  let current = text;
  let composed: Edit[] = [];
  let diagnostics = checker.check(current).diagnostics;
  const drop = (d: Diagnostic, reason: DroppedFix['reason']): void => {
    skipped.add(d);
    dropped.push({ code: d.code, title: chooseFix(d.fixes)?.title ?? '', message: d.message, reason });
  };
  let rounds = 0;
  let oneAtATime = false;
  // Each pass either keeps a round or drops at least one fix, so this ends.
  for (let pass = 0; pass < maxRounds * 4; pass++) {
    const plan = planFixAll(diagnostics, (d) => skipped.has(d));
    const taken = oneAtATime ? plan.taken.slice(0, 1) : plan.taken;
    if (taken.length === 0) break;
    if (rounds === maxRounds) {
      for (const d of taken) drop(d, 'too-many-rounds');
      break;
    }
    const edits = oneAtATime ? planFixAll(taken).edits : plan.edits;
    const next = applyEdits(current, edits);
    const after = checker.check(next).diagnostics;
    const errors = syntaxErrorCount(diagnostics);
    if (syntaxErrorCount(after) > errors) {
      const culprits = taken.filter((d) => syntaxErrorCount(checker.check(applyEdits(current, planFixAll([d]).edits)).diagnostics) > errors);
      if (culprits.length > 0) for (const d of culprits) drop(d, 'breaks-yaml');
      else if (oneAtATime || taken.length === 1) for (const d of taken) drop(d, 'breaks-yaml');
      else oneAtATime = true;
      continue;
    }
    const stuck = stillThere(taken, edits, after);
    if (stuck.length > 0) {
      for (const d of stuck) drop(d, 'no-progress');
      continue;
    }
    if (seen.has(next)) {
      for (const d of taken) drop(d, 'cycle');
      break;
    }
    seen.add(next);
    composed = composeEdits(composed, edits, current);
    current = next;
    // Findings are new objects each check: what was dropped is found again by what it is and where it moved.
    const carried = carryOver(skipped, edits, after);
    skipped.clear();
    for (const d of carried) skipped.add(d);
    diagnostics = after;
    rounds++;
    oneAtATime = false;
  }
  return { text: current, edits: composed.filter((e) => text.slice(e.start, e.end) !== e.text), rounds, dropped };
}

/**
 * `earlier` (edits of the original) followed by `later` (edits of `between`,
 * the text `earlier` made), as edits of the original. A later edit that
 * touches text an earlier one wrote merges with it; every other edit stays as
 * small as it was, so an editor moves no marker it need not move.
 */
export function composeEdits(earlier: readonly Edit[], later: readonly Edit[], between: string): Edit[] {
  const out: Edit[] = [];
  let shift = 0; // `between` minus original, past the earlier edits consumed so far
  let ci = 0;
  let ni = 0;
  const currentStart = (e: Edit) => e.start + shift;
  const currentEnd = (e: Edit) => e.start + shift + e.text.length;
  const consume = (e: Edit) => {
    shift += e.text.length - (e.end - e.start);
    ci++;
  };
  while (ci < earlier.length || ni < later.length) {
    const c = earlier[ci];
    const n = later[ni];
    if (c && (!n || currentEnd(c) < n.start)) {
      out.push(c);
      consume(c);
      continue;
    }
    if (n && (!c || n.end < currentStart(c))) {
      out.push({ start: n.start - shift, end: n.end - shift, text: n.text });
      ni++;
      continue;
    }
    // They touch: one edit from the first of them to wherever the chain of touching edits ends.
    const from = Math.min(currentStart(c!), n!.start);
    const originalFrom = from - shift;
    let to = from;
    const absorbed: Edit[] = [];
    for (let grew = true; grew; ) {
      grew = false;
      while (ci < earlier.length && currentStart(earlier[ci]!) <= to) {
        to = Math.max(to, currentEnd(earlier[ci]!));
        consume(earlier[ci]!);
        grew = true;
      }
      while (ni < later.length && later[ni]!.start <= to) {
        to = Math.max(to, later[ni]!.end);
        absorbed.push({ ...later[ni]!, start: later[ni]!.start - from, end: later[ni]!.end - from });
        ni++;
        grew = true;
      }
    }
    out.push({ start: originalFrom, end: to - shift, text: applyEdits(between.slice(from, to), absorbed) });
  }
  return out;
}

function syntaxErrorCount(diagnostics: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of diagnostics) if (d.code === yamlSyntax.code && d.severity === 'error') n++;
  return n;
}

/**
 * Where an offset of the text before `edits` (sorted) is after them. Text
 * inserted exactly at the offset may have gone before or after what stood
 * there, so both places are given.
 */
function mapOffset(offset: number, edits: readonly Edit[]): [number, number] {
  let shift = 0;
  let before: number | undefined;
  for (const e of edits) {
    if (e.start > offset) break;
    if (e.end > offset) return [e.start + shift, e.start + shift]; // inside replaced text: where the replacement starts
    if (e.start === offset && e.end === offset) before ??= offset + shift;
    shift += e.text.length - (e.end - e.start);
  }
  return [before ?? offset + shift, offset + shift];
}

/** The findings of `after` that are `before`'s, moved by `edits`: the same finding, where it went. */
function matching(before: readonly Diagnostic[], edits: readonly Edit[], after: readonly Diagnostic[]): Map<Diagnostic, Diagnostic> {
  const byPlace = new Map<string, Diagnostic>();
  for (const d of after) byPlace.set(`${d.span.start}\u0000${findingKey(d)}`, d);
  const out = new Map<Diagnostic, Diagnostic>();
  for (const d of before) {
    for (const at of mapOffset(d.span.start, edits)) {
      const moved = byPlace.get(`${at}\u0000${findingKey(d)}`);
      if (moved) {
        out.set(d, moved);
        break;
      }
    }
  }
  return out;
}

/** The taken findings that are still there, where their fix moved them: the fix closed nothing. */
function stillThere(taken: readonly Diagnostic[], edits: readonly Edit[], after: readonly Diagnostic[]): Diagnostic[] {
  return [...matching(taken, edits, after).keys()];
}

function carryOver(skipped: ReadonlySet<Diagnostic>, edits: readonly Edit[], after: readonly Diagnostic[]): Diagnostic[] {
  return [...matching([...skipped], edits, after).values()];
}
