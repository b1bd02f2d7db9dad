import type { OwnerEntry } from '../config/config';
import { ownerKey } from '../format';
import { closest } from '../text/similarity';

/** What the owner directory says of an owner as written. */
export type OwnerLookup =
  | { readonly kind: 'known'; readonly entry: OwnerEntry }
  | { readonly kind: 'alias'; readonly entry: OwnerEntry; readonly alias: string }
  | { readonly kind: 'unknown' };

/** Owners as written whose suggestions a directory keeps; past it, it starts over. */
const MAX_REMEMBERED_SUGGESTIONS = 1024;

/**
 * The owner directory (`owners:` of srm.config.yaml) as a lookup. Owners are
 * compared as people read them (`ownerKey`: case, width and invisible
 * characters do not count), the same comparison every owner rule makes.
 */
export class OwnerDirectory {
  private readonly byKey = new Map<string, OwnerLookup>();
  /** What `suggest` answered per owner as written: an unknown owner stays unknown while its document is edited around it. */
  private readonly suggested = new Map<string, readonly OwnerEntry[]>();

  constructor(readonly entries: readonly OwnerEntry[]) {
    // A name wins over an alias of another entry that is spelt the same.
    for (const entry of entries) for (const alias of entry.aliases) if (!this.byKey.has(ownerKey(alias))) this.byKey.set(ownerKey(alias), { kind: 'alias', entry, alias });
    for (const entry of entries) this.byKey.set(ownerKey(entry.name), { kind: 'known', entry });
  }

  lookup(written: string): OwnerLookup {
    return this.byKey.get(ownerKey(written)) ?? { kind: 'unknown' };
  }

  /** The directory's owners closest to `written`, most similar first (an alias counts for its owner). */
  suggest(written: string, max = 3): OwnerEntry[] {
    const key = `${max}\0${written}`;
    let found = this.suggested.get(key);
    if (!found) {
      // Bounded: typing a new owner passes through a name per keystroke, each seen once.
      if (this.suggested.size >= MAX_REMEMBERED_SUGGESTIONS) this.suggested.clear();
      this.suggested.set(key, (found = closest(written, this.entries, (e) => [e.name, ...e.aliases], max)));
    }
    return [...found];
  }

  /**
   * The owners that declare `layerId` under their `layers:`, in directory
   * order. `idOf` reads a layer as written there (an id, a name or an alias of
   * the declaration's matrix).
   */
  declaring(layerId: string, idOf: (written: string) => string | undefined = (w) => w): OwnerEntry[] {
    return this.entries.filter((e) => e.layers.some((l) => idOf(l) === layerId));
  }
}

const cache = new WeakMap<readonly OwnerEntry[], OwnerDirectory>();

/** The directory of a configuration's owners, built once per configuration; undefined when it has none. */
export function ownerDirectoryOf(owners: readonly OwnerEntry[] | undefined): OwnerDirectory | undefined {
  if (!owners) return undefined;
  let directory = cache.get(owners);
  if (!directory) cache.set(owners, (directory = new OwnerDirectory(owners)));
  return directory;
}
