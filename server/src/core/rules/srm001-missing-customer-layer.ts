import { MISSING_LAYER_CODES, reportMissing } from './coverage';
import type { Rule } from './rule';

export const missingCustomerLayer: Rule = {
  code: MISSING_LAYER_CODES.customer,
  name: 'missing-customer-layer',
  severity: 'error',
  description: 'A layer the customer is responsible for under the workload\'s model has no entry.',
  help: 'Under every service model some layers stay with the customer. A layer with no named owner is the gap breaches come through: nobody patches, reviews or answers for it. Add an entry under `layers:` with the team, role or person who owns it.',
  fixes: ['Add the missing entry with a placeholder owner', 'Add every missing entry at once'],
  check(ctx) {
    reportMissing(ctx, 'customer', (name, id, model) =>
      `${name} (${id}) has no owner. Under ${model} the customer is responsible for it: add an entry under layers: naming who owns it.`,
    );
  },
};
