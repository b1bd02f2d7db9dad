import { keyIsEditable } from '../parse/declaration';
import type { Rule } from './rule';

export const foreignLayerId: Rule = {
  code: 'SRM031',
  name: 'foreign-layer-id',
  severity: 'warning',
  description: 'A layer written with another matrix\'s id, which the declaration\'s matrix knows under its own (`same-as`).',
  help: 'Matrices name their layers differently: Azure\'s `customer-data` is the reference\'s `data-classification`. A matrix lists the ids of other matrices that mean each of its layers (`same-as`), so a declaration moved to another matrix still counts, and this fix renames each key to the id of its matrix: moving a declaration is one fix-all.',
  fixes: ['Rename to the id of this matrix'],
  check(ctx) {
    const matrix = ctx.matrix;
    if (!matrix) return;
    const entries = ctx.declaration.layers?.entries ?? [];
    for (const entry of entries) {
      if (!entry.keyIsScalar) continue;
      const layer = matrix.sameAsLayer(entry.key);
      if (!layer) continue;
      // Renaming onto an id another entry already has would make a duplicate: the duplicate rule reports that case.
      const clash = entries.some((e) => e !== entry && matrix.layerOf(e) === layer.id);
      ctx.report({
        message: `${entry.key} is another matrix's id; in ${matrix.ref} this layer is ${layer.id} (${layer.name}). It counts as ${layer.id}; rename it.`,
        span: entry.keySpan,
        layerId: layer.id,
        fixes: keyIsEditable(entry) ? [{ title: `Rename to ${layer.id}`, edits: [{ start: entry.keySpan.start, end: entry.keySpan.end, text: layer.id }], safe: !clash, preferred: true }] : [],
      });
    }
  },
};
