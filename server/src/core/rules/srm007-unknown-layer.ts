import { keyIsEditable } from '../parse/declaration';
import type { Rule } from './rule';

export const unknownLayer: Rule = {
  code: 'SRM007',
  name: 'unknown-layer',
  severity: 'error',
  description: 'A key under `layers:` that is not a layer of the model.',
  help: 'Entries under `layers:` are keyed by layer id. An unknown key documents nothing, and the layer it was meant for still counts as missing. Use one of the suggested ids.',
  fixes: ['Rename the key to a suggested layer id'],
  check(ctx) {
    for (const entry of ctx.declaration.layers?.entries ?? []) {
      if (!entry.keyIsScalar || ctx.model.layerIdOf(entry.key)) continue;
      const suggestions = ctx.model.suggestLayers(entry.key);
      const hint = suggestions.length
        ? ` Did you mean ${suggestions.map((l) => `${l.id} (${l.name})`).join(', ')}?`
        : ` Layer ids are: ${ctx.model.layers.map((l) => l.id).join(', ')}.`;
      ctx.report({
        message: `"${entry.key}" is not a layer of the responsibility model.${hint}`,
        span: entry.keySpan,
        fixes: !keyIsEditable(entry) ? [] : suggestions.map((l, i) => ({
          title: `Change to ${l.id} (${l.name})`,
          edits: [{ start: entry.keySpan.start, end: entry.keySpan.end, text: l.id }],
          safe: false,
          preferred: i === 0 && suggestions.length === 1,
        })),
      });
    }
  },
};
