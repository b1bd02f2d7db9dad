import { declaredModel, entryLayerId, modelLabel } from './coverage';
import type { Rule } from './rule';

export const providerLayerEntry: Rule = {
  code: 'SRM006',
  name: 'provider-layer-entry',
  severity: 'hint',
  description: 'An entry on a layer the provider is responsible for: it documents an assumption, nothing is required.',
  help: 'Under the workload\'s model the provider covers this layer. An entry is allowed: it records what you rely on (an attestation, a contract clause), but no owner is needed for the model to be complete.',
  fixes: [],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model) return;
    for (const entry of ctx.declaration.layers?.entries ?? []) {
      const id = entryLayerId(ctx, entry);
      const cell = id ? model.cells[id] : undefined;
      if (!id || cell?.who !== 'provider') continue;
      ctx.report({
        message: `${ctx.model.layer(id)!.name} is the provider's under ${modelLabel(model)}: this entry documents an assumption about the provider; nothing is required here.`,
        span: entry.keySpan,
        layerId: id,
      });
    }
  },
};
