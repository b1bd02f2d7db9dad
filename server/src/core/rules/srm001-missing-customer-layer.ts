import { declaredModel, missingAnchor, missingEntryFixes, missingLayers, modelLabel } from './coverage';
import type { Rule } from './rule';

export const missingCustomerLayer: Rule = {
  code: 'SRM001',
  name: 'missing-customer-layer',
  severity: 'error',
  description: 'A layer the customer is responsible for under the workload\'s model has no entry.',
  help: 'Under every service model some layers stay with the customer. A layer with no named owner is the gap breaches come through: nobody patches, reviews or answers for it. Add an entry under `layers:` with the team, role or person who owns it.',
  fixes: ['Add the missing entry with a placeholder owner', 'Add every missing entry at once'],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model) return;
    for (const layer of missingLayers(ctx, model)) {
      if (layer.who !== 'customer') continue;
      const name = ctx.model.layer(layer.id)!.name;
      ctx.report({
        message: `${name} (${layer.id}) has no owner. Under ${modelLabel(model)} the customer is responsible for it: add an entry under layers: naming who owns it.`,
        span: missingAnchor(ctx),
        layerId: layer.id,
        gap: true,
        fixes: missingEntryFixes(ctx, model, layer.id),
      });
    }
  },
};
