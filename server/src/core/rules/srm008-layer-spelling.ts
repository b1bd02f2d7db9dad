import { keyIsEditable } from '../parse/declaration';
import type { Rule } from './rule';

export const layerSpelling: Rule = {
  code: 'SRM008',
  name: 'layer-spelling',
  severity: 'warning',
  description: 'A layer written by its display name or a common spelling instead of its id.',
  help: 'The checker recognises display names (`Operating System`) and common spellings (`os`, `iam`, `data`), so the layer counts as documented, but other tools and reviewers look for the id. Use the id.',
  fixes: ['Replace with the layer id'],
  check(ctx) {
    const entries = ctx.declaration.layers?.entries ?? [];
    for (const entry of entries) {
      if (!entry.keyIsScalar || ctx.model.layer(entry.key)) continue;
      const layer = ctx.model.layerByOtherSpelling(entry.key);
      if (!layer) continue;
      // Renaming onto an id another entry already documents would make a duplicate: the duplicate rule reports that case.
      const clash = entries.some((e) => e !== entry && ctx.model.layerOf(e) === layer.id);
      ctx.report({
        message:
          entry.key === layer.name
            ? `"${entry.key}" is the display name of a layer; keys under layers: are ids: write ${layer.id}.`
            : `"${entry.key}" means ${layer.name}: write its id, ${layer.id}.`,
        span: entry.keySpan,
        layerId: layer.id,
        fixes: keyIsEditable(entry) ? [{ title: `Change to ${layer.id}`, edits: [{ start: entry.keySpan.start, end: entry.keySpan.end, text: layer.id }], safe: !clash, preferred: !clash }] : [],
      });
    }
  },
};
