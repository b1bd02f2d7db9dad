import { declaredModel, missingAnchor, missingEntryFixes, missingLayers, modelLabel } from './coverage';
import type { Rule } from './rule';

export const missingSharedLayer: Rule = {
  code: 'SRM002',
  name: 'missing-shared-layer',
  severity: 'error',
  description: 'A layer shared between provider and customer under the workload\'s model has no entry.',
  help: 'On a shared layer the provider does part of the work and the customer the rest. Without an entry nobody owns the customer\'s half and nobody wrote down where the handoff is. Add an entry with an owner and a `handoff:` that says where the provider\'s part ends.',
  fixes: ['Add the missing entry with placeholder owner and handoff', 'Add every missing entry at once'],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model) return;
    for (const layer of missingLayers(ctx, model)) {
      if (layer.who !== 'shared') continue;
      const name = ctx.model.layer(layer.id)!.name;
      ctx.report({
        message: `${name} (${layer.id}) has no owner. Under ${modelLabel(model)} it is shared: add an entry naming who owns the customer's half, with a handoff: saying where the provider's part ends.`,
        span: missingAnchor(ctx),
        layerId: layer.id,
        gap: true,
        fixes: missingEntryFixes(ctx, model, layer.id),
      });
    }
  },
};
