import { MISSING_LAYER_CODES, reportMissing } from './coverage';
import type { Rule } from './rule';

export const missingThirdPartyLayer: Rule = {
  code: MISSING_LAYER_CODES['third-party'],
  name: 'missing-third-party-layer',
  severity: 'error',
  description: 'A layer that the workload\'s matrix outsources to a third party has no entry.',
  help: 'A third-party cell means neither the provider nor the customer\'s own teams do the work: someone the customer contracts does. Without an entry nobody records who that is and what they do. Add an entry whose owner names the third party, with a `handoff:` saying what it does.',
  fixes: ['Add the missing entry with placeholder owner and handoff', 'Add every missing entry at once'],
  check(ctx) {
    reportMissing(ctx, 'third-party', (name, id, model) =>
      `${name} (${id}) has no owner. Under ${model} it is outsourced to a third party: add an entry naming the third party, with a handoff: saying what it does.`,
    );
  },
};
