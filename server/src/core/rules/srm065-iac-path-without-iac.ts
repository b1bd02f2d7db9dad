import { resolvedEntries } from '../iac/rule-support';
import type { Rule } from './rule';

export const iacPathWithoutIac: Rule = {
  code: 'SRM065',
  name: 'iac-path-without-iac',
  severity: 'warning',
  description: 'An `iac:` path that holds no Terraform file or CloudFormation template.',
  help: 'The path exists, but discovery found no `*.tf` file and no template there, so the entry claims nothing. Point it at the folder or file that defines the workload.',
  fixes: [],
  check(ctx) {
    for (const { link, view } of resolvedEntries(ctx)) {
      if (view.exists !== undefined && !view.holdsIac) ctx.report({ message: `${link.path} holds no Terraform file or CloudFormation template, so this entry claims nothing.`, span: link.pathSpan });
    }
  },
};
