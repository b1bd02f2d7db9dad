import { NodeCache, reconcileChildren } from './keyed';

/**
 * A long table body cut into row groups (several <tbody>, each a rowgroup; or
 * an owner's duties in several lists), so that the page lays out and watches a
 * hundred groups rather than 10,000 rows: report.css gives each group
 * `content-visibility: auto`, and Chromium
 * then skips the layout and paint of every group off screen, while the rows
 * stay in the DOM (find-in-page, printing and screen readers see them all).
 *
 * Where a group starts depends only on the row it starts with (a hash of its
 * key: content-defined, as rsync cuts files), never on its position: a row
 * added or removed moves no other row to another group, and the groups of a
 * report are the same whether it was patched or drawn fresh.
 */

/** Rows per group on average (a power of two). */
const MEAN_ROWS = 64;

/** True when the row of `key` starts a group of its own. */
export function startsGroup(key: string): boolean {
  return (fnv1a(key) & (MEAN_ROWS - 1)) === 0;
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, stable and well spread. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

interface RowGroup<T> {
  readonly body: HTMLElement;
  items: readonly T[];
}

/** The first group has no starting row of its own: it is the table's head group whatever row comes first. */
const HEAD_GROUP = '';

export class ChunkedBody<T extends object, G extends HTMLElement = HTMLElement> {
  private groups = new Map<string, RowGroup<T>>();
  /** Each item's key and whether it starts a group, worked out once per item (a patch keeps untouched items). */
  private readonly cuts = new WeakMap<T, Cut>();

  constructor(
    private readonly rows: NodeCache<T, Element>,
    private readonly keyOf: (item: T) => string,
    /** An empty group: a <tbody> in a table, a list of its own in a list. */
    private readonly makeGroup: () => G,
  ) {}

  /**
   * The row groups for `items`, in order. A group whose rows are the same
   * objects as before is not touched; in another, only the rows that changed
   * are drawn (NodeCache) and put in place.
   */
  bodies(items: readonly T[]): G[] {
    const next = new Map<string, RowGroup<T>>();
    for (const [key, run] of runs(items, (item) => this.cut(item))) {
      let group = this.groups.get(key);
      if (!group) {
        group = { body: this.makeGroup(), items: [] };
      }
      if (!sameItems(group.items, run)) {
        reconcileChildren(group.body, this.rows.nodesFor(run));
        // Only the estimate of an off-screen group's height, until it has been laid out once (report.css).
        if (group.items.length !== run.length) group.body.style.setProperty('--rows', String(run.length));
        group.items = run;
      }
      next.set(key, group);
    }
    this.groups = next;
    return [...next.values()].map((g) => g.body as G);
  }

  private cut(item: T): Cut {
    let cut = this.cuts.get(item);
    if (!cut) {
      const key = this.keyOf(item);
      cut = { key, starts: startsGroup(key) };
      this.cuts.set(item, cut);
    }
    return cut;
  }
}

interface Cut {
  readonly key: string;
  readonly starts: boolean;
}

/** The items cut where a group starts, each run with its key (the starting row's, made unique by a count). */
function runs<T>(items: readonly T[], cutOf: (item: T) => Cut): [string, T[]][] {
  const out: [string, T[]][] = [];
  const seen = new Map<string, number>();
  let current: T[] | undefined;
  for (const item of items) {
    const { key, starts } = cutOf(item);
    if (current && !starts) {
      current.push(item);
      continue;
    }
    let groupKey = HEAD_GROUP;
    if (current) {
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      groupKey = n === 1 ? key : `${key}\0${n}`;
    }
    current = [item];
    out.push([groupKey, current]);
  }
  return out;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
