/**
 * Applies a report patch: the changed files' rows replaced in place, the
 * totals adjusted by the difference. No checker here: the report page applies
 * patches too, and its bundle stays free of the engine.
 */
import { needsOwner } from '../matrix/duties';
import { byCodeUnits, matrixKey } from './cells';
import type { ReportLayerTotals, ReportMatrixGroup, ReportOwner, ReportOwnerDuty, ReportWorkload, ResponsibilityReport } from './model';
import type { ReportFilePatch, ReportPatch } from './patch-model';

/** The report with each patched file's part replaced; the input is not changed. */
export function applyReportPatch(report: ResponsibilityReport, patch: ReportPatch): ResponsibilityReport {
  let next = report;
  for (const file of patch.files) next = applyFilePatch(next, file);
  return next;
}

function applyFilePatch(report: ResponsibilityReport, patch: ReportFilePatch): ResponsibilityReport {
  const file = patch.file;
  const totals = { ...report.totals };
  const count = (w: ReportWorkload, sign: 1 | -1): void => {
    totals.workloads += sign;
    totals.required += sign * w.required;
    totals.gaps += sign * w.gaps;
    totals.overridden += sign * w.cells.filter((c) => c.override).length;
  };
  const replacing = patch.replacing ? new Set(patch.replacing) : undefined;
  const dropped = (w: ReportWorkload): boolean => !replacing || replacing.has(w.line);
  const groups: ReportMatrixGroup[] = [];
  for (const group of report.groups) {
    const [from, to] = fileRange(group.workloads, file);
    const removed = group.workloads.slice(from, to).filter(dropped);
    if (removed.length === 0) {
      groups.push(group);
      continue;
    }
    for (const w of removed) count(w, -1);
    const workloads = [...group.workloads.slice(0, from), ...group.workloads.slice(from, to).filter((w) => !dropped(w)), ...group.workloads.slice(to)];
    if (workloads.length > 0) groups.push({ ...group, workloads, totals: adjusted(group.totals, removed, -1) });
  }
  for (const { head, workloads: added } of patch.groups) {
    for (const w of added) count(w, 1);
    const at = groups.findIndex((g) => g.id === head.id && g.version === head.version);
    const group = groups[at];
    if (group) {
      groups[at] = { ...group, workloads: withFileRows(group.workloads, file, added), totals: adjusted(group.totals, added, 1) };
    } else {
      const zero = head.layers.map((l): ReportLayerTotals => ({ layerId: l.id, required: 0, gaps: 0, overridden: 0 }));
      const position = groups.findIndex((g) => (byCodeUnits(g.id, head.id) || byCodeUnits(g.version, head.version)) > 0);
      const group: ReportMatrixGroup = { ...head, workloads: [...added], totals: adjusted(zero, added, 1) };
      groups.splice(position < 0 ? groups.length : position, 0, group);
    }
  }
  const [from, to] = fileRange(report.skipped, file);
  const skipped = [...report.skipped.slice(0, from), ...patch.skipped, ...report.skipped.slice(to)];
  return { ...report, groups, owners: patchedOwners(report.owners, patch, groups), totals, skipped };
}

/** A group's rows with a file's `added` rows in place: by file, and within the file by line (file order). */
function withFileRows(rows: readonly ReportWorkload[], file: string, added: readonly ReportWorkload[]): ReportWorkload[] {
  const [from, to] = fileRange(rows, file);
  if (from === to) return [...rows.slice(0, from), ...added, ...rows.slice(from)];
  const own = [...rows.slice(from, to)];
  // A partial patch: the file's kept rows and its new ones, merged by line (each list is in file order).
  let at = 0;
  for (const w of added) {
    at = lowerBound(own, (k) => k.line < w.line, at);
    own.splice(at, 0, w);
    at++;
  }
  return [...rows.slice(0, from), ...own, ...rows.slice(to)];
}

/** Where a file's rows lie in rows sorted by file: [from, to). */
function fileRange<T extends { readonly file: string }>(rows: readonly T[], file: string): [number, number] {
  const from = lowerBound(rows, (r) => byCodeUnits(r.file, file) < 0);
  const to = lowerBound(rows, (r) => byCodeUnits(r.file, file) <= 0);
  return [from, to];
}

/** The first index where `before` is false (rows sorted so that `before` holds for a prefix). */
function lowerBound<T>(rows: readonly T[], before: (row: T) => boolean, from = 0): number {
  let lo = from;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(rows[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function adjusted(totals: readonly ReportLayerTotals[], workloads: readonly ReportWorkload[], sign: 1 | -1): ReportLayerTotals[] {
  const out = new Map(totals.map((t) => [t.layerId, { ...t }]));
  for (const w of workloads) {
    for (const c of w.cells) {
      const t = out.get(c.layerId);
      if (!t) continue;
      if (needsOwner(c.cell)) t.required += sign;
      if (c.state === 'gap') t.gaps += sign;
      if (c.override) t.overridden += sign;
    }
  }
  return [...out.values()];
}

/** Each owner's duties without the file's, then with the patch's, in report order (group, then file). */
function patchedOwners(owners: readonly ReportOwner[], patch: ReportFilePatch, groups: readonly ReportMatrixGroup[]): ReportOwner[] {
  const groupIndex = new Map(groups.map((g, i) => [matrixKey(g), i]));
  const order = (d: ReportOwnerDuty): number => groupIndex.get(d.matrix) ?? -1;
  const adds = new Map(patch.owners.map((o) => [o.owner, o]));
  const out: ReportOwner[] = [];
  const replacing = patch.replacing ? new Set(patch.replacing) : undefined;
  const dropped = (d: ReportOwnerDuty): boolean => d.file === patch.file && (!replacing || replacing.has(d.line));
  for (const owner of owners) {
    const kept = owner.duties.some(dropped) ? owner.duties.filter((d) => !dropped(d)) : owner.duties;
    const added = adds.get(owner.owner);
    adds.delete(owner.owner);
    const duties = added ? merged(kept, added.duties, order) : kept;
    if (duties.length > 0) out.push(duties === owner.duties ? owner : { ...owner, duties });
  }
  for (const added of adds.values()) out.push(added);
  return out.sort((a, b) => byCodeUnits(a.owner, b.owner));
}

function merged(kept: readonly ReportOwnerDuty[], added: readonly ReportOwnerDuty[], order: (d: ReportOwnerDuty) => number): ReportOwnerDuty[] {
  // Binary searches, not a walk: an owner may have tens of thousands of duties and a file adds a handful.
  const out = [...kept];
  let from = 0;
  for (const d of added) {
    // Within a file, by line: a partial patch adds some of a file's workloads among the ones it keeps.
    const at = lowerBound(out, (k) => (order(k) - order(d) || byCodeUnits(k.file, d.file) || k.line - d.line) < 0, from);
    out.splice(at, 0, d);
    from = at + 1;
  }
  return out;
}
