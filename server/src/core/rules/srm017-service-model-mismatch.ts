import { fieldOf, stringValue, valueIsEditable } from '../parse/declaration';
import { cataloguedService } from './catalogued-service';
import type { Rule } from './rule';

export const serviceModelMismatch: Rule = {
  code: 'SRM017',
  name: 'service-model-mismatch',
  severity: 'warning',
  description: '`service:` names a catalogued service whose model differs from `model:`.',
  help: 'The service catalogue knows which model well-known services run under. A different `model:` usually means the declaration checks the wrong layers: an EC2 workload declared as SaaS would hide its operating system.',
  fixes: ['Set model: to the catalogued model'],
  check(ctx) {
    const service = fieldOf(ctx.declaration.fields, 'service');
    const modelField = fieldOf(ctx.declaration.fields, 'model');
    const serviceName = stringValue(service);
    const modelId = stringValue(modelField);
    const matrix = ctx.matrix;
    if (!serviceName || !modelId || !matrix?.serviceModel(modelId)) return;
    const entry = cataloguedService(ctx.catalogue, serviceName);
    const catalogued = entry && matrix.serviceModel(entry.model);
    if (!entry || !catalogued || entry.model === modelId) return;
    const span = modelField!.valueSpan!;
    ctx.report({
      message: `${entry.name} is ${catalogued.shortName} (${catalogued.name}), but model: says ${modelId}. Check the model: the layers you must own depend on it.`,
      span,
      fixes: !valueIsEditable(modelField!) ? [] : [{ title: `Change model to ${catalogued.id} (${entry.name} is ${catalogued.shortName})`, edits: [{ start: span.start, end: span.end, text: catalogued.id }], safe: false, preferred: true }],
    });
  },
};
