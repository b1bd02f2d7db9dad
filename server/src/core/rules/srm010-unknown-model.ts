import { isScalar } from 'yaml';
import { fieldOf, valueIsEditable } from '../parse/declaration';
import { DEFAULT_MATRIX } from '../matrix/registry';
import type { Rule } from './rule';

export const unknownModel: Rule = {
  code: 'SRM010',
  name: 'unknown-model',
  severity: 'error',
  description: '`model:` names no known service model.',
  help: 'The model decides which layers the customer owns. An unknown model means nothing else can be checked. Use one of the model ids.',
  fixes: ['Replace with a model id'],
  check(ctx) {
    const field = fieldOf(ctx.declaration.fields, 'model');
    const value = field?.value;
    // Text, or a number (`model: 1`), which YAML reads as one; other kinds are the type rule's.
    if (!field || !field.valueSpan || !isScalar(value) || (typeof value.value !== 'string' && typeof value.value !== 'number')) return;
    const written = String(value.value);
    if (written.trim() === '') return; // an empty model is SRM009's
    const matrix = ctx.matrix;
    if (!matrix || matrix.serviceModel(written)) return;
    const span = field.valueSpan;
    const respelled = matrix.modelByOtherSpelling(written);
    const suggestions = respelled ? [respelled] : matrix.suggestModels(written);
    const candidates = suggestions.length ? suggestions : matrix.models;
    const valid = matrix.models.map((m) => `${m.id} (${m.name})`).join(', ');
    // Unattended only when the value is one plain run of words, as the source writes it: a value that
    // spans a line break or carries tabs is not one the user can be assumed to have meant.
    const plain = /^\S+(?: \S+)*$/.test(written) && ctx.text.slice(span.start, span.end) === written && valueIsEditable(field);
    ctx.report({
      message: !respelled
        ? `"${written}" is not a known service model${matrix.ref === DEFAULT_MATRIX ? '' : ` of the matrix ${matrix.ref}`}. Valid models: ${valid}.`
        : written.toLowerCase() === respelled.id
          ? `Model ids are lower case: write ${respelled.id}, not "${written}".`
          : written.trim().toLowerCase() === respelled.id
            ? `Write the model id exactly, without extra spaces: write ${respelled.id}, not "${written}".`
          : `"${written.trim()}" means ${respelled.shortName} (${respelled.name}): write its id, ${respelled.id}.`,
      span,
      fixes: !valueIsEditable(field) ? [] : candidates.map((m) => ({
        title: `Change to ${m.id} (${m.name})`,
        edits: [{ start: span.start, end: span.end, text: m.id }],
        safe: respelled !== undefined && plain,
        preferred: respelled !== undefined || suggestions.length === 1,
      })),
    });
  },
};
