import { declaredModel, entriesFacts, modelLabel } from './coverage';
import type { Rule } from './rule';

export const providerLayerEntry: Rule = {
  code: 'SRM006',
  name: 'provider-layer-entry',
  severity: 'hint',
  description: 'An entry on a layer the provider is responsible for, or that does not apply: it documents an assumption, nothing is required.',
  help: 'Under the workload\'s model the provider covers this layer. An entry is allowed: it records what you rely on (an attestation, a contract clause), but no owner is needed for the model to be complete.',
  fixes: [],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model || !ctx.matrix) return;
    const entries = ctx.declaration.layers?.entries ?? [];
    const facts = entriesFacts(ctx);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const { layerId: id, who, override } = facts[i]!;
      // An override that moved the layer here says why already: no hint on top of it.
      if (!id || (who !== 'provider' && who !== 'not-applicable') || override?.status === 'applied') continue;
      const name = ctx.matrix.layer(id)!.name;
      ctx.report({
        message: who === 'provider'
          ? `${name} is the provider's under ${modelLabel(ctx, model)}: this entry documents an assumption about the provider; nothing is required here.`
          : `${name} does not apply under ${modelLabel(ctx, model)}: this entry documents an assumption; nothing is required here.`,
        span: entry.keySpan,
        layerId: id,
      });
    }
  },
};
