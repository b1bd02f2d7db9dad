import { ownerLeftToProvider } from './provider-owner';
import type { Rule } from './rule';

export const sharedLayerLeftToProvider: Rule = {
  code: 'SRM005',
  name: 'shared-layer-left-to-provider',
  severity: 'error',
  description: '`owner: provider` on a layer the customer shares with the provider, or outsources to a third party.',
  help: 'On a shared layer the provider covers only its half. Writing `owner: provider` leaves the customer\'s half unassigned. Name who owns your half and write the handoff.',
  fixes: [],
  check(ctx) {
    ownerLeftToProvider(ctx, ['shared', 'third-party'], (name, model, who) =>
      who === 'shared'
        ? `${name} is shared under ${model}: owner: provider leaves the customer's half unassigned. Name who owns your half and say where the handoff is.`
        : `${name} is outsourced to a third party under ${model}, not to the provider: name the third party as its owner and say what it does.`,
    );
  },
};
