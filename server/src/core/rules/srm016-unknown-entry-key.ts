import { ENTRY_FIELDS } from '../format';
import type { Rule } from './rule';
import { reportUnknownKeys } from './unknown-keys';

export const unknownEntryKey: Rule = {
  code: 'SRM016',
  name: 'unknown-entry-key',
  severity: 'warning',
  description: 'A key in a layer entry the format does not define.',
  help: 'Unknown keys in a layer entry are ignored, so a typo such as `ower:` leaves the layer without an owner.',
  fixes: ['Rename to the closest known key'],
  check(ctx) {
    for (const entry of ctx.declaration.layers?.entries ?? []) reportUnknownKeys(ctx, entry.fields, ENTRY_FIELDS, 'a layer entry');
  },
};
