import { valueIsEditable } from '../parse/declaration';
import type { Rule } from './rule';

export const unknownMatrix: Rule = {
  code: 'SRM029',
  name: 'unknown-matrix',
  severity: 'error',
  description: 'A declaration names a responsibility matrix the checker does not know.',
  help: 'Which layers a workload must document comes from its matrix: a built-in one (`reference@1`, `azure@2026-01`) or a `*.srm-matrix.yaml` file that `srm.config.yaml` points to. With an unknown matrix nothing about coverage can be checked. `srm matrices` lists the ones the checker sees.',
  fixes: ['Change to a known matrix'],
  check(ctx) {
    const choice = ctx.matrixChoice;
    if (choice.field && choice.from !== 'declaration') {
      // `matrix:` written but empty (or not text): the default applies, and the user is told.
      ctx.report({ message: `matrix: is empty; write a matrix as id@version, or leave the key out for the default (${choice.written}).`, span: choice.field.keySpan });
      return;
    }
    if (choice.resolution.kind !== 'unknown') return;
    const known = ctx.environment.registry.entries.filter((e) => e.index).map((e) => e.ref);
    const guesses = choice.resolution.suggestions;
    const hint = guesses.length ? ` Did you mean ${guesses.join(', ')}?` : '';
    const field = choice.from === 'declaration' ? choice.field : undefined;
    if (field?.valueSpan) {
      const span = field.valueSpan;
      const where = ctx.environment.config.uri === undefined ? ' No srm.config.yaml governs this file, so only the built-in matrices are known: a configuration\'s matrices: finds matrix files.' : '';
      ctx.report({
        message: `"${choice.written}" is not a matrix the checker knows.${hint} Known: ${known.join(', ')}.${where}`,
        span,
        fixes: valueIsEditable(field) ? guesses.map((g, i) => ({ title: `Change to ${g}`, edits: [{ start: span.start, end: span.end, text: g }], safe: false, preferred: i === 0 && guesses.length === 1 })) : [],
      });
      return;
    }
    // The default from the configuration: reported on the declaration it governs, and on the configuration itself.
    const decl = ctx.declaration;
    const first = decl.fields[0]?.keySpan ?? { start: decl.span.start, end: decl.span.start };
    ctx.report({ message: `srm.config.yaml makes "${choice.written}" the default matrix, but the checker does not know it.${hint} Known: ${known.join(', ')}.`, span: first });
  },
};
