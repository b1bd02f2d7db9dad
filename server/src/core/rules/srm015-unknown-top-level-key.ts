import { TOP_LEVEL_FIELDS } from '../format';
import type { Rule } from './rule';
import { reportUnknownKeys } from './unknown-keys';

export const unknownTopLevelKey: Rule = {
  code: 'SRM015',
  name: 'unknown-top-level-key',
  severity: 'warning',
  description: 'A top-level key the format does not define.',
  help: 'Unknown keys are ignored, so a typo such as `modle:` silently drops what it was meant to say.',
  fixes: ['Rename to the closest known key'],
  check(ctx) {
    reportUnknownKeys(ctx, ctx.declaration.fields, TOP_LEVEL_FIELDS, 'a declaration');
  },
};
