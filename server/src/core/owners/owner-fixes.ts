import type { OwnerEntry } from '../config/config';
import { isRealOwner, ownerKey } from '../format';
import { yamlScalar } from '../fixes/yaml-text';
import type { Diagnostic, Fix } from '../types';
import type { OwnerDirectory } from './directory';

/** An owner a quick fix may offer for a missing layer, and why. */
export interface OwnerCandidate {
  /** As the fix writes it: the directory's name when the directory knows the owner, else the most common spelling. */
  readonly owner: string;
  /** How many other workloads give this layer to this owner. */
  readonly workloads: number;
  /** The owner directory lists this layer under the owner's `layers:`. */
  readonly declared: boolean;
}

/** At most this many owners are offered for one missing layer: a menu, not a directory listing. */
export const MAX_OWNER_CANDIDATES = 5;

/**
 * The owners to offer for a missing layer, most used first: those the layer has
 * in other workloads (`uses`: each owner as written, and how many workloads
 * give it the layer), then the directory's owners that declare the layer.
 * Spellings the directory resolves (an alias, another case) count as one owner,
 * under its directory name; placeholders and `provider` are never offered.
 */
export function rankOwnerCandidates(uses: ReadonlyMap<string, number>, directory: OwnerDirectory | undefined, declaring: readonly OwnerEntry[]): OwnerCandidate[] {
  const byKey = new Map<string, { spellings: Map<string, number>; name?: string; workloads: number; declared: boolean }>();
  const slot = (key: string) => {
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { spellings: new Map(), workloads: 0, declared: false }));
    return s;
  };
  for (const [written, n] of uses) {
    if (!isRealOwner(written) || n <= 0) continue;
    const found = directory?.lookup(written);
    const entry = found && found.kind !== 'unknown' ? found.entry : undefined;
    const s = slot(ownerKey(entry?.name ?? written));
    if (entry) s.name = entry.name;
    const spelling = written.trim();
    s.spellings.set(spelling, (s.spellings.get(spelling) ?? 0) + n);
    s.workloads += n;
  }
  for (const entry of declaring) {
    const s = slot(ownerKey(entry.name));
    s.name = entry.name;
    s.declared = true;
  }
  const candidates = [...byKey.values()].map((s): OwnerCandidate => ({ owner: s.name ?? mostUsed(s.spellings), workloads: s.workloads, declared: s.declared }));
  return candidates
    .sort((a, b) => b.workloads - a.workloads || Number(b.declared) - Number(a.declared) || a.owner.localeCompare(b.owner))
    .slice(0, MAX_OWNER_CANDIDATES);
}

function mostUsed(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let n = -1;
  for (const [s, c] of spellings) if (c > n || (c === n && s < best)) [best, n] = [s, c];
  return best;
}

/**
 * Quick fixes that add a missing entry with a named owner: the finding's own
 * placeholder fix, with each candidate written where the placeholder stands.
 * Never safe (fix-all never picks an owner) and never preferred (the
 * placeholder fix keeps that place).
 */
export function ownerNamingFixes(finding: Diagnostic, layerName: string, candidates: readonly OwnerCandidate[]): Fix[] {
  const base = finding.fixes.find((f) => f.placeholder);
  if (!base?.placeholder) return [];
  const { edit: index, start, end } = base.placeholder;
  return candidates.map((c) => ({
    title: `Add ${layerName}, owned by ${c.owner} (${reason(c)})`,
    edits: base.edits.map((e, i) => (i === index ? { ...e, text: e.text.slice(0, start) + yamlScalar(c.owner) + e.text.slice(end) } : e)),
    safe: false,
  }));
}

function reason(c: OwnerCandidate): string {
  const used = c.workloads === 0 ? '' : `as in ${c.workloads} other workload${c.workloads === 1 ? '' : 's'}`;
  const declared = c.declared ? 'the owner directory lists it for this layer' : '';
  return [used, declared].filter(Boolean).join('; ');
}
