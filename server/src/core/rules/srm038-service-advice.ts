import { addEntriesEdits, addFieldsEdit } from '../fixes/entries';
import { yamlScalar } from '../fixes/yaml-text';
import { fieldOf } from '../parse/declaration';
import type { Edit, Fix } from '../types';
import { declaredModel, entriesFacts } from './coverage';
import type { Rule } from './rule';
import { adviceOf } from './service-advice';

export const serviceAdvice: Rule = {
  code: 'SRM038',
  name: 'service-advice',
  severity: 'info',
  description: 'The declared service moves a layer between the provider and the customer depending on an option, and the declaration does not say which applies.',
  help: 'Some services change who owns a layer with an option the user chooses: AWS Lambda\'s runtime update mode, ECS on Fargate or EC2, EKS node types, GKE Autopilot or Standard. The matrix\'s cell is the general case; record the option that applies as an override (`responsibility:` and a `reason:`) on the affected layers. Each quick fix writes one option, citing the provider\'s documentation.',
  fixes: ['Record one of the service\'s options as an override, with a cited reason'],
  check(ctx) {
    const model = declaredModel(ctx);
    const advice = adviceOf(ctx);
    const service = fieldOf(ctx.declaration.fields, 'service');
    if (!model || !advice || !service?.valueSpan || !ctx.matrix) return;
    const entries = ctx.declaration.layers?.entries ?? [];
    const facts = entriesFacts(ctx);
    const entryOf = (layerId: string) => {
      const i = facts.findIndex((f) => f.layerId === layerId);
      return i < 0 ? undefined : entries[i];
    };
    const stated = (id: string) => facts.find((f) => f.layerId === id)?.override !== undefined;
    // Answered once the overrides cover every layer of one of the options.
    if (advice.variants.some((v) => v.cells.every((c) => stated(c.layerId)))) return;
    const open = [...advice.layers].filter((id) => !stated(id));
    const names = open.map((id) => ctx.matrix!.layer(id)!.name);
    const fixes: Fix[] = advice.variants.flatMap(({ variant, cells }) => {
      const edits: Edit[] = [];
      for (const c of cells.filter((x) => open.includes(x.layerId))) {
        const fields = [['responsibility', c.responsibility], ['reason', yamlScalar(`${c.reason} (${variant.source})`)]] as const;
        const entry = entryOf(c.layerId);
        const edit = entry ? addFieldsEdit(entry, fields, ctx.edits) : addEntriesEdits(ctx.declaration, [{ layerId: c.layerId, withHandoff: false, extra: fields }], ctx.matrix!, ctx.edits)[0];
        if (!edit) return [];
        edits.push(edit);
      }
      return edits.length ? [{ title: `${advice.service.name}: ${variant.name}`, edits: edits.sort((a, b) => a.start - b.start), safe: false }] : [];
    });
    ctx.report({
      message: `${advice.service.name}: ${advice.service.advice!.depends} Say which applies on ${names.join(' and ')}: a quick fix records each option, with its source.`,
      span: service.valueSpan,
      fixes,
    });
  },
};
