import { isScalar } from 'yaml';
import { flowInsertText } from '../fixes/entries';
import { fieldOf, valueIsEditable, type Field } from '../parse/declaration';
import type { Fix } from '../types';
import type { Rule, RuleContext } from './rule';

export const missingModel: Rule = {
  code: 'SRM009',
  name: 'missing-model',
  severity: 'error',
  description: 'The declaration does not say which service model the workload runs under: `model:` is missing or empty.',
  help: 'Who is responsible for each layer depends on the service model. Without `model:` nothing can be checked. Add `model:` with one of the model ids.',
  fixes: ['Add model: with one of the models'],
  check(ctx) {
    const decl = ctx.declaration;
    if (!decl.root) return;
    const models = ctx.matrix?.models ?? [];
    const ids = models.map((m) => m.id);
    const field = fieldOf(decl.fields, 'model');
    if (!field) {
      ctx.report({
        message: ids.length ? `Missing model:. Say which service model this workload runs under: ${ids.join(', ')}.` : 'Missing model:. Say which service model this workload runs under.',
        span: (fieldOf(decl.fields, 'workload') ?? decl.fields[0])?.keySpan ?? { start: decl.span.start, end: decl.span.start },
        fixes: models.map((m) => addModelFix(ctx, m.id, `${m.shortName}, ${m.name}`)),
      });
      return;
    }
    const value = field.value;
    if (value !== null && !(isScalar(value) && typeof value.value === 'string' && value.value.trim() === '')) return;
    ctx.report({
      message: ids.length ? `model: is empty. Say which service model this workload runs under: ${ids.join(', ')}.` : 'model: is empty. Say which service model this workload runs under.',
      span: field.valueSpan && field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.keySpan,
      fixes: valueIsEditable(field) ? models.map((m) => fillModelFix(ctx, field, m.id, `${m.shortName}, ${m.name}`)) : [],
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

/** `model:` or `model: ""` given a value: the written empty value replaced, or the id put after the colon. */
function fillModelFix(ctx: RuleContext, field: Field, id: string, label: string): Fix {
  const title = `Set model: ${id} (${label})`;
  const span = field.valueSpan;
  if (span && span.end > span.start) return { title, edits: [{ start: span.start, end: span.end, text: id }], safe: false };
  const colon = /^[ \t]*:/.exec(ctx.text.slice(field.keySpan.end));
  const afterColon = field.keySpan.end + (colon ? colon[0].length : 0);
  const spaced = ctx.text[afterColon] === ' ';
  const at = spaced ? afterColon + 1 : afterColon;
  return { title, edits: [{ start: at, end: at, text: `${colon ? '' : ':'}${spaced ? '' : ' '}${id}` }], safe: false };
}
