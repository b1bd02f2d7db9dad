import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { nodeSpan } from '../parse/declaration';
import { entryLayerId } from './coverage';
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
      if (isSeq(node)) node.items.forEach(visit);
      if (!isMap(node)) return;
      const seen = new Map<string, Node>();
      for (const pair of node.items as Pair<Node | null, Node | null>[]) {
        const key = pair.key;
        if (isScalar(key) && key.range) {
          const text = String(key.value);
          const first = seen.get(text);
          if (first) {
            ctx.report({ message: `"${text}" appears twice in this mapping. Merge the two entries; YAML keeps only one of them.`, span: nodeSpan(key)! });
          } else seen.set(text, key);
        }
        visit(pair.value);
      }
    };
    visit(ctx.declaration.doc.contents);
    const firstEntry = new Map<string, string>();
    for (const entry of ctx.declaration.layers?.entries ?? []) {
      const id = entryLayerId(ctx, entry);
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
