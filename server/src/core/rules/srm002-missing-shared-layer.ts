import { MISSING_LAYER_CODES, reportMissing } from './coverage';
import type { Rule } from './rule';

export const missingSharedLayer: Rule = {
  code: MISSING_LAYER_CODES.shared,
  name: 'missing-shared-layer',
  severity: 'error',
  description: 'A layer shared between provider and customer under the workload\'s model has no entry.',
  help: 'On a shared layer the provider does part of the work and the customer the rest. Without an entry nobody owns the customer\'s half and nobody wrote down where the handoff is. Add an entry with an owner and a `handoff:` that says where the provider\'s part ends.',
  fixes: ['Add the missing entry with placeholder owner and handoff', 'Add every missing entry at once'],
  check(ctx) {
    reportMissing(ctx, 'shared', (name, id, model) =>
      `${name} (${id}) has no owner. Under ${model} it is shared: add an entry naming who owns the customer's half, with a handoff: saying where the provider's part ends.`,
    );
  },
};
