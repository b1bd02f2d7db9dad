import { keyIsEditable } from '../parse/declaration';
import { DEFAULT_MATRIX } from '../matrix/registry';
import type { MatrixIndex } from '../matrix/matrix-index';
import type { LayerDefinition } from '../matrix/types';
import type { Rule } from './rule';

export const unknownLayer: Rule = {
  code: 'SRM007',
  name: 'unknown-layer',
  severity: 'error',
  description: 'A key under `layers:` that is not a layer of the declaration\'s matrix.',
  help: 'Entries under `layers:` are keyed by layer id. An unknown key documents nothing, and the layer it was meant for still counts as missing. Use one of the suggested ids.',
  fixes: ['Rename the key to a suggested layer id'],
  check(ctx) {
    const matrix = ctx.matrix;
    if (!matrix) return;
    const of = matrix.ref === DEFAULT_MATRIX ? 'the responsibility model' : `the matrix ${matrix.ref}`;
    for (const entry of ctx.declaration.layers?.entries ?? []) {
      if (!entry.keyIsScalar || matrix.layerIdOf(entry.key)) continue;
      const suggestions = suggestedLayers(matrix, entry.key);
      const note = matrix.notListed(entry.key);
      const hint = suggestions.length
        ? ` Did you mean ${suggestions.map((l) => `${l.id} (${l.name})`).join(', ')}?`
        : ` Layer ids are: ${matrix.layers.map((l) => l.id).join(', ')}.`;
      ctx.report({
        message: `"${entry.key}" is not a layer of ${of}.${note ? ` ${note}` : ''}${hint}`,
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

/**
 * The suggestions for an unknown key, per matrix: measuring a key against every
 * spelling of every layer is the rule's whole cost, and a mistyped key tends to
 * be repeated (copied from one document to the next), and checked again on the
 * next keystroke. At most MAX_REMEMBERED keys per matrix are kept.
 */
const SUGGESTED = new WeakMap<MatrixIndex, Map<string, readonly LayerDefinition[]>>();
const MAX_REMEMBERED = 1000;

function suggestedLayers(matrix: MatrixIndex, key: string): readonly LayerDefinition[] {
  let known = SUGGESTED.get(matrix);
  if (!known) SUGGESTED.set(matrix, (known = new Map<string, readonly LayerDefinition[]>()));
  let suggestions = known.get(key);
  if (!suggestions) {
    if (known.size >= MAX_REMEMBERED) known.clear();
    suggestions = matrix.suggestLayers(key);
    known.set(key, suggestions);
  }
  return suggestions;
}
