import { isScalar } from 'yaml';
import { fieldOf } from '../parse/declaration';
import type { Rule } from './rule';

export const missingWorkload: Rule = {
  code: 'SRM011',
  name: 'missing-workload',
  severity: 'error',
  description: 'The declaration does not name its workload: `workload:` is missing, empty or not text.',
  help: 'Every declaration names the workload it describes (`workload:`), so reports, the layer stack and reviewers can tell declarations apart.',
  fixes: [],
  check(ctx) {
    const decl = ctx.declaration;
    if (!decl.root) return;
    const field = fieldOf(decl.fields, 'workload');
    if (!field) {
      const first = decl.fields[0];
      ctx.report({
        message: 'Missing workload:. Name the workload this declaration describes.',
        span: first ? first.keySpan : { start: decl.span.start, end: decl.span.start },
      });
      return;
    }
    const value = field.value;
    const text = isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : undefined;
    if (value === null || text?.trim() === '') {
      ctx.report({ message: 'workload: is empty. Name the workload this declaration describes.', span: field.valueSpan ?? field.keySpan });
    }
    // A value that is not text at all (a list, a mapping, true) is the type rule's to report.
  },
};
