import type { Rule } from './rule';

export const brokenMatrix: Rule = {
  code: 'SRM032',
  name: 'broken-matrix',
  severity: 'error',
  description: 'A declaration uses a matrix whose file has errors.',
  help: 'A matrix with an error (a missing cell, an unknown base, a duplicate id) could say anything about who owns a layer, so it is not used, and declarations that name it are not checked for coverage until it is fixed. The matrix file shows each error where it is.',
  fixes: [],
  check(ctx) {
    const { resolution, field, from, configSpan } = ctx.matrixChoice;
    if (resolution.kind !== 'broken') return;
    const broken = resolution.entry.broken;
    const where = broken ? ` (${broken.uri}: ${broken.message})` : '';
    const decl = ctx.declaration;
    const span = (from === 'declaration' ? field?.valueSpan : undefined) ?? decl.fields[0]?.keySpan ?? { start: decl.span.start, end: decl.span.start };
    ctx.report({
      message: `The matrix ${resolution.entry.ref}${from === 'config' && configSpan ? ', the default of srm.config.yaml,' : ''} has errors, so this declaration cannot be checked against it${where}. Fix the matrix file first.`,
      span,
    });
  },
};
