import { fieldOf } from '../parse/declaration';
import type { Rule } from './rule';

export const missingWorkload: Rule = {
  code: 'SRM011',
  name: 'missing-workload',
  severity: 'error',
  description: 'The declaration does not name its workload.',
  help: 'Every declaration names the workload it describes (`workload:`), so reports, the layer stack and reviewers can tell declarations apart.',
  fixes: [],
  check(ctx) {
    const decl = ctx.declaration;
    if (!decl.root || fieldOf(decl.fields, 'workload')) return;
    const first = decl.fields[0];
    ctx.report({
      message: 'Missing workload:. Name the workload this declaration describes.',
      span: first ? first.keySpan : { start: decl.span.start, end: decl.span.start },
    });
  },
};
