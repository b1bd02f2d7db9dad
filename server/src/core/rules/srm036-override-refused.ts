import { declaredModel, entriesFacts, modelLabel } from './coverage';
import type { Rule } from './rule';

export const overrideRefused: Rule = {
  code: 'SRM036',
  name: 'override-refused',
  severity: 'error',
  description: 'An override that the configuration\'s `overrides:` policy refuses.',
  help: '`srm.config.yaml` may refuse every override (`overrides: forbid`), or those that move a duty away from the customer (`overrides: no-reduction`: customer to shared, shared to provider, and so on). A refused override does not hold: the matrix\'s cell applies. Remove it, or ask whoever owns the configuration.',
  fixes: [],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model || !ctx.matrix) return;
    const policy = ctx.environment.config.overrides;
    for (const { layerId, override, matrixCell } of entriesFacts(ctx)) {
      if (!layerId || override?.status !== 'refused' || !matrixCell) continue;
      const name = ctx.matrix.layer(layerId)!.name;
      ctx.report({
        message: policy === 'forbid'
          ? `srm.config.yaml forbids overrides (overrides: forbid): ${name} stays ${matrixCell.who} under ${modelLabel(ctx, model)}.`
          : `srm.config.yaml refuses overrides that move a duty away from the customer (overrides: no-reduction): ${name} stays ${matrixCell.who} under ${modelLabel(ctx, model)}, not ${override.to}.`,
        span: override.field.valueSpan ?? override.field.keySpan,
        layerId,
      });
    }
  },
};
