import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { nodeSpan } from '../parse/declaration';
import { entriesFacts } from './coverage';
import type { Rule } from './rule';

export const duplicateKey: Rule = {
  code: 'SRM013',
  name: 'duplicate-key',
  severity: 'error',
  description: 'A key written twice in the same mapping, or two entries for the same layer.',
  help: 'YAML keeps only one of two equal keys, and tools disagree about which. Merge the two into one.',
  fixes: [],
  check(ctx) {
    const visit = (node: unknown): void => {
      if (isSeq(node)) for (const item of node.items) visit(item);
      if (!isMap(node)) return;
      const pairs = node.items as Pair<Node | null, Node | null>[];
      // A mapping of a declaration has a handful of keys: comparing with the ones before costs less than a map.
      const seen = pairs.length > SMALL_MAPPING ? new Set<string>() : undefined;
      for (let i = 0; i < pairs.length; i++) {
        const key = pairs[i]!.key;
        if (isScalar(key) && key.range) {
          const text = String(key.value);
          if (seen ? seen.has(text) : writtenBefore(pairs, i, text)) {
            ctx.report({ message: `"${text}" appears twice in this mapping. Merge the two entries; YAML keeps only one of them.`, span: nodeSpan(key)! });
          } else seen?.add(text);
        }
        visit(pairs[i]!.value);
      }
    };
    visit(ctx.declaration.doc.contents);
    const firstEntry = new Map<string, string>();
    const entries = ctx.declaration.layers?.entries ?? [];
    const facts = entriesFacts(ctx);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const id = facts[i]!.layerId;
      if (!id) continue;
      const first = firstEntry.get(id);
      if (first === undefined) firstEntry.set(id, entry.key);
      else if (first !== entry.key) {
        const name = ctx.matrix?.layer(id)?.name ?? id;
        ctx.report({ message: `"${entry.key}" and "${first}" both document ${name}. Keep one entry per layer, under its id ${id}.`, span: entry.keySpan, layerId: id });
      }
    }
  },
};

/** Up to this many keys, a mapping's duplicates are found by comparing each key with those before it. */
const SMALL_MAPPING = 16;

/** True when a key before `i` is the text `text` (the keys `check` remembers). */
function writtenBefore(pairs: readonly Pair<Node | null, Node | null>[], i: number, text: string): boolean {
  for (let j = 0; j < i; j++) {
    const key = pairs[j]!.key;
    if (isScalar(key) && key.range && String(key.value) === text) return true;
  }
  return false;
}
