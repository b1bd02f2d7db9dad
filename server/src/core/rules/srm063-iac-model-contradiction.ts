import { resolvedEntries, spanOfName } from '../iac/rule-support';
import { fieldOf, stringValue, valueIsEditable } from '../parse/declaration';
import type { Rule } from './rule';

export const iacModelContradiction: Rule = {
  code: 'SRM063',
  name: 'iac-model-contradiction',
  severity: 'warning',
  description: 'A claimed resource whose service runs under another model than `model:` says.',
  help: 'The resource table knows which catalogued service common resource types are, and the catalogue knows its model, each from the providers\' own documentation. A declaration that claims, say, an EC2 instance but says SaaS leaves the operating system with no owner. Compute decides: a bucket or database contradicts only a declaration that claims no compute.',
  fixes: ['Set model: to the model of the claimed resource'],
  check(ctx) {
    const modelField = fieldOf(ctx.declaration.fields, 'model');
    const modelId = stringValue(modelField);
    const matrix = ctx.matrix;
    if (!modelId || !matrix?.serviceModel(modelId)) return;
    for (const { link, view } of resolvedEntries(ctx)) {
      for (const c of view.contradictions) {
        const inferred = matrix.serviceModel(c.model);
        if (!inferred) continue;
        const span = modelField && valueIsEditable(modelField) ? modelField.valueSpan : undefined;
        ctx.report({
          message: `${c.address} is ${c.service}, which the service catalogue lists as ${inferred.shortName}, but model: says ${modelId}.`,
          span: spanOfName(link, c.name),
          fixes: span ? [{ title: `Change model to ${inferred.id} (${c.service} is ${inferred.shortName})`, edits: [{ start: span.start, end: span.end, text: inferred.id }], safe: false, preferred: true }] : [],
        });
      }
    }
  },
};
