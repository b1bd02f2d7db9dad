import { declaredModel, entriesFacts, modelLabel } from './coverage';
import type { Rule } from './rule';

export const overrideWithoutReason: Rule = {
  code: 'SRM034',
  name: 'override-without-reason',
  severity: 'error',
  description: 'An entry overrides its matrix\'s cell (`responsibility:`) without a `reason:`.',
  help: 'An override says this workload departs from its matrix: a layer the table calls shared is the provider\'s here, say. An auditor, and the next engineer, need to know why. Until `reason:` says it (not empty, not a placeholder), the override does not hold and the matrix\'s cell applies.',
  fixes: [],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model || !ctx.matrix) return;
    for (const { layerId, override, matrixCell } of entriesFacts(ctx)) {
      if (!layerId || override?.status !== 'no-reason') continue;
      const name = ctx.matrix.layer(layerId)!.name;
      const reason = override.reasonField;
      ctx.report({
        message: `The override of ${name} to ${override.to} needs a reason: say why this workload departs from ${matrixCell?.who ?? 'the matrix'} under ${modelLabel(ctx, model)}. Until then the matrix's cell applies.`,
        span: reason?.valueSpan ?? reason?.keySpan ?? override.field.keySpan,
        layerId,
      });
    }
  },
};
