import { ownerLeftToProvider } from './provider-owner';
import type { Rule } from './rule';

export const customerLayerLeftToProvider: Rule = {
  code: 'SRM004',
  name: 'customer-layer-left-to-provider',
  severity: 'error',
  description: '`owner: provider` on a layer the customer is responsible for.',
  help: 'The provider does not cover this layer under the workload\'s model, whatever the contract\'s marketing says. Relying on it is the assumption breaches are made of. Name the team, role or person on your side who owns it.',
  fixes: [],
  check(ctx) {
    ownerLeftToProvider(ctx, ['customer'], (name, model) =>
      `${name} is the customer's under ${model}: the provider does not cover it. Replace owner: provider with the team, role or person who owns it.`,
    );
  },
};
