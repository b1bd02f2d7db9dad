import { ownerLeftToProvider } from './provider-owner';
import type { Rule } from './rule';

export const sharedLayerLeftToProvider: Rule = {
  code: 'SRM005',
  name: 'shared-layer-left-to-provider',
  severity: 'error',
  description: '`owner: provider` on a layer the customer shares with the provider.',
  help: 'On a shared layer the provider covers only its half. Writing `owner: provider` leaves the customer\'s half unassigned. Name who owns your half and write the handoff.',
  fixes: [],
  check(ctx) {
    ownerLeftToProvider(ctx, 'shared', (name, model) =>
      `${name} is shared under ${model}: owner: provider leaves the customer's half unassigned. Name who owns your half and say where the handoff is.`,
    );
  },
};
