/** Lower-case, `&` read as `and`, and everything but letters and digits dropped. */
export function normalizeName(text: string): string {
  return text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '');
}

/**
 * Edit distance counting a swap of two adjacent characters as one edit (optimal
 * string alignment), so `modle` is one edit from `model`. Bounded: returns
 * `limit + 1` as soon as it is exceeded.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates whose spellings are closest to `text`, best first. A candidate
 * qualifies when one of its spellings is within a third of its length in edits,
 * or contains / is contained in the text.
 */
export function closest<T>(text: string, candidates: readonly T[], spellings: (c: T) => string[], max: number): T[] {
  const needle = normalizeName(text);
  if (!needle) return [];
  const scored: { c: T; score: number }[] = [];
  for (const c of candidates) {
    let best = Infinity;
    for (const s of spellings(c)) {
      const hay = normalizeName(s);
      const limit = Math.max(1, Math.floor(Math.max(hay.length, needle.length) / 3));
      let d = editDistance(needle, hay, limit);
      if (d > limit && needle.length >= 3 && (hay.includes(needle) || needle.includes(hay))) d = limit;
      if (d <= limit) best = Math.min(best, d);
    }
    if (best !== Infinity) scored.push({ c, score: best });
  }
  return scored.sort((x, y) => x.score - y.score).slice(0, max).map((s) => s.c);
}
