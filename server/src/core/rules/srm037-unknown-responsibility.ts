import { CELLS } from '../matrix/types';
import { scalarText, valueIsEditable } from '../parse/declaration';
import { closest } from '../text/similarity';
import { entriesFacts } from './coverage';
import type { Rule } from './rule';

export const unknownResponsibility: Rule = {
  code: 'SRM037',
  name: 'unknown-responsibility',
  severity: 'error',
  description: '`responsibility:` that is not a cell of the vocabulary.',
  help: 'An override takes one of the cells of CSA CCM v4 (STA-04): customer, shared, provider, third-party or not-applicable. Anything else does not hold, and the matrix\'s cell applies.',
  fixes: ['Change to the closest cell'],
  check(ctx) {
    for (const { layerId, override } of entriesFacts(ctx)) {
      if (!layerId || override?.status !== 'unknown-value') continue;
      const field = override.field;
      const value = field.value;
      const written = scalarText(value) ?? '';
      const [guess] = written ? closest(written, CELLS, (c) => [c], 1) : [];
      const span = field.valueSpan ?? field.keySpan;
      ctx.report({
        message: `The responsibility of ${ctx.matrix?.layer(layerId)?.name ?? layerId}, ${written ? `"${written}",` : 'empty,'} is not a cell: write ${CELLS.join(', ')}.${guess ? ` Did you mean ${guess}?` : ''}`,
        span,
        layerId,
        fixes: guess && field.valueSpan && valueIsEditable(field) ? [{ title: `Change to ${guess}`, edits: [{ start: span.start, end: span.end, text: guess }], safe: false, preferred: true }] : [],
      });
    }
  },
};
