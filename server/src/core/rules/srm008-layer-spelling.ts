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
    const matrix = ctx.matrix;
    if (!matrix) return;
    const entries = ctx.declaration.layers?.entries ?? [];
    for (const entry of entries) {
      // Another matrix's id for a layer here is SRM031's; a spelling is this rule's.
      if (!entry.keyIsScalar || matrix.layer(entry.key) || matrix.sameAsLayer(entry.key)) continue;
      const layer = matrix.layerByOtherSpelling(entry.key);
      if (!layer) continue;
      // Renaming onto an id another entry already documents would make a duplicate: the duplicate rule reports that case.
      const clash = entries.some((e) => e !== entry && matrix.layerOf(e) === layer.id);
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
