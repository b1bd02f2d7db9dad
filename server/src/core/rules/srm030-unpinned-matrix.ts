import { valueIsEditable } from '../parse/declaration';
import type { Rule } from './rule';

export const unpinnedMatrix: Rule = {
  code: 'SRM030',
  name: 'unpinned-matrix',
  severity: 'hint',
  description: 'A declaration names its matrix without a version, so it follows whatever version is newest.',
  help: '`matrix: azure` takes the newest version of the matrix the checker knows. When a new version arrives the declaration is checked against another table without anyone deciding so, and an auditor cannot tell which table a claim rested on. Pin the version: `matrix: azure@2026-01`.',
  fixes: ['Pin the version the checker uses now'],
  check(ctx) {
    const { resolution, field, from } = ctx.matrixChoice;
    if (from !== 'declaration' || resolution.kind === 'unknown' || resolution.pinned || !field?.valueSpan) return;
    const ref = resolution.entry.ref;
    const span = field.valueSpan;
    ctx.report({
      message: `matrix: ${resolution.entry.id} has no version, so it takes the newest the checker knows, ${ref}. Pin it, so the declaration keeps its table when a new version arrives.`,
      span,
      fixes: valueIsEditable(field) ? [{ title: `Pin ${ref}`, edits: [{ start: span.start, end: span.end, text: ref }], safe: false, preferred: true }] : [],
    });
  },
};
