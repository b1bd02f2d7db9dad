import { removeFieldsEdits } from '../fixes/entries';
import { adviceLayers } from './service-advice';
import { declaredModel, entriesFacts, modelLabel } from './coverage';
import type { Field } from '../parse/declaration';
import type { Rule } from './rule';

export const redundantOverride: Rule = {
  code: 'SRM035',
  name: 'redundant-override',
  severity: 'warning',
  description: 'An override that says what the matrix already says.',
  help: 'An override records that a workload departs from its matrix. One equal to the cell changes nothing and reads as if something were different. Remove it, or correct it. (On a layer whose owner depends on an option of the declared service, see SRM038, an override equal to the cell records which option applies, and is not reported.)',
  fixes: ['Remove the override'],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model || !ctx.matrix) return;
    // What the service advises is read only for an override that says what the matrix says.
    let advised: ReadonlySet<string> | undefined;
    const entries = ctx.declaration.layers?.entries ?? [];
    const facts = entriesFacts(ctx);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const { layerId, override } = facts[i]!;
      if (!layerId || override?.status !== 'redundant' || (advised ??= adviceLayers(ctx)).has(layerId)) continue;
      const name = ctx.matrix.layer(layerId)!.name;
      const fields = [override.field, override.reasonField].filter((f): f is Field => f !== undefined);
      const edits = removeFieldsEdits(entry, fields, ctx.edits);
      ctx.report({
        message: `${name} is already ${override.to} under ${modelLabel(ctx, model)}: the override changes nothing. Remove it.`,
        span: override.field.keySpan,
        layerId,
        fixes: edits.length ? [{ title: `Remove the override of ${name}`, edits, safe: true, preferred: true }] : [],
      });
    }
  },
};
