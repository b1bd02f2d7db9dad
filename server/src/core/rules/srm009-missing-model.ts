import { flowInsertText } from '../fixes/entries';
import { fieldOf } from '../parse/declaration';
import type { Fix } from '../types';
import type { Rule, RuleContext } from './rule';

export const missingModel: Rule = {
  code: 'SRM009',
  name: 'missing-model',
  severity: 'error',
  description: 'The declaration does not say which service model the workload runs under.',
  help: 'Who is responsible for each layer depends on the service model. Without `model:` nothing can be checked. Add `model:` with one of the model ids.',
  fixes: ['Add model: with one of the models'],
  check(ctx) {
    const decl = ctx.declaration;
    if (!decl.root || fieldOf(decl.fields, 'model')) return;
    const ids = ctx.model.models.map((m) => m.id);
    ctx.report({
      message: `Missing model:. Say which service model this workload runs under: ${ids.join(', ')}.`,
      span: (fieldOf(decl.fields, 'workload') ?? decl.fields[0])?.keySpan ?? { start: decl.span.start, end: decl.span.start },
      fixes: ctx.model.models.map((m) => addModelFix(ctx, m.id, `${m.shortName}, ${m.name}`)),
    });
  },
};

function addModelFix(ctx: RuleContext, id: string, label: string): Fix {
  const decl = ctx.declaration;
  const root = decl.root!;
  const anchor = fieldOf(decl.fields, 'workload') ?? decl.fields[0];
  if (root.flow || !anchor) {
    return { title: `Add model: ${id} (${label})`, edits: [flowInsertText(root, `model: ${id}`, ctx.edits)], safe: false };
  }
  const valueEnd = Math.max(anchor.keySpan.end, anchor.valueSpan?.end ?? 0);
  const at = ctx.edits.nextLine(valueEnd);
  const indent = ' '.repeat(ctx.edits.keyIndent(anchor.keySpan.start));
  return {
    title: `Add model: ${id} (${label})`,
    edits: [{ start: at.offset, end: at.offset, text: `${at.prefix}${indent}model: ${id}${ctx.edits.eol}` }],
    safe: false,
  };
}
