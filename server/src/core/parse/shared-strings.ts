/**
 * One string for each short text the parser reads again and again: keys
 * (`owner`, `layers`), layer ids, owner names, models. A large file repeats
 * them in every document, and the parser makes a string of its own for each
 * occurrence; a checked document keeps its syntax tree, so a file of 3,000
 * workloads kept ~120,000 scalar strings, most of them equal to another.
 * Strings are values in JavaScript: which of two equal strings a node holds
 * cannot be told apart, so sharing them changes no result.
 *
 * Bounded: an editing session reads every prefix of what is typed, so the
 * table is emptied when it fills, and texts longer than a key or a name are
 * left as they are (descriptions are rarely repeated).
 */
import { ownCopy } from './split';

export class SharedStrings {
  private readonly table = new Map<string, string>();

  constructor(
    private readonly maxLength = 64,
    private readonly maxEntries = 20_000,
  ) {}

  /**
   * The string kept for `text`'s content. The table keeps a copy of its own:
   * `text` may be a slice of a whole document's text (V8 slices strings of 13
   * characters or more), which the table would keep alive long after the
   * document was edited away.
   */
  share(text: string): string {
    if (text.length > this.maxLength) return text;
    const kept = this.table.get(text);
    if (kept !== undefined) return kept;
    if (this.table.size >= this.maxEntries) this.table.clear();
    const own = ownCopy(text);
    this.table.set(own, own);
    return own;
  }

  get size(): number {
    return this.table.size;
  }
}
