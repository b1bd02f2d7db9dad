import { ownerKey } from '../format';
import { fieldOf, stringValue } from '../parse/declaration';
import { declaredModel, entriesFacts, modelLabel } from './coverage';
import type { Rule } from './rule';

export const ownerNamesProvider: Rule = {
  code: 'SRM028',
  name: 'owner-names-provider',
  severity: 'warning',
  description: 'An owner on a layer the customer owns or shares is the declaration\'s own `provider:`.',
  help: '`owner: microsoft` beside `provider: microsoft` says the same as `owner: provider`: the layer is left to the provider, under a name the checker would otherwise not recognise. On a layer the customer owns or shares, name who on the customer side owns it.',
  fixes: [],
  check(ctx) {
    const provider = stringValue(fieldOf(ctx.declaration.fields, 'provider'));
    const model = declaredModel(ctx);
    if (!provider || !model || ownerKey(provider) === '') return;
    const entries = ctx.declaration.layers?.entries ?? [];
    const facts = entriesFacts(ctx);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const { layerId, who } = facts[i]!;
      if (!layerId || !ctx.matrix || (who !== 'customer' && who !== 'shared')) continue;
      const owner = fieldOf(entry.fields, 'owner');
      const name = stringValue(owner);
      if (name === undefined || ownerKey(name) !== ownerKey(provider)) continue;
      const layer = ctx.matrix.layer(layerId)!.name;
      ctx.report({
        message: `${name.trim()} is this workload's provider (provider: ${provider.trim()}), but ${layer} is ${who === 'shared' ? 'shared' : "the customer's"} under ${modelLabel(ctx, model)}: the provider does not own it. Name who on the customer side does.`,
        span: owner!.valueSpan ?? owner!.keySpan,
        layerId,
      });
    }
  },
};
