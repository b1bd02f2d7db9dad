import { resolvedEntries } from '../iac/rule-support';
import { closest } from '../text/similarity';
import type { Rule } from './rule';

export const iacResourceNotFound: Rule = {
  code: 'SRM061',
  name: 'iac-resource-not-found',
  severity: 'error',
  description: 'An `iac:` entry names a resource its path does not define.',
  help: 'In Terraform a resource is named `TYPE.NAME` (with `module.NAME.` before it for a resource of a module the path calls); in CloudFormation and SAM by its logical id. A name that the path does not define claims nothing, so the resource it meant stays undeclared.',
  fixes: ['Change to the closest resource the path defines'],
  check(ctx) {
    for (const { link, view } of resolvedEntries(ctx)) {
      if (!view.holdsIac) continue;
      for (const name of view.missing) {
        const named = link.resources?.find((r) => r.name === name);
        if (!named) continue;
        const guesses = closest(name, view.known, (k) => [k], 3);
        ctx.report({
          message: `${link.path} defines no resource ${name}.${guesses.length ? ` Did you mean ${guesses.join(', ')}?` : ''}`,
          span: named.span,
          fixes: guesses.map((g, i) => ({ title: `Change to ${g}`, edits: [{ start: named.span.start, end: named.span.end, text: g }], safe: false, ...(i === 0 ? { preferred: true } : {}) })),
        });
      }
    }
  },
};
