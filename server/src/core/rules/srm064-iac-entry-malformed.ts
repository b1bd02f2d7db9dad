import { readIacLinks } from '../iac/links';
import type { Rule } from './rule';

export const iacEntryMalformed: Rule = {
  code: 'SRM064',
  name: 'iac-entry-malformed',
  severity: 'error',
  description: 'An `iac:` entry that is not `{path, resources?}`.',
  help: 'Each entry of `iac:` is a mapping: `path:` (a file or folder relative to the declaration) and optionally `resources:` (a list of Terraform addresses or CloudFormation logical ids). An entry without a path links to nothing.',
  fixes: [],
  check(ctx) {
    for (const problem of readIacLinks(ctx.declaration).problems) ctx.report({ message: problem.message, span: problem.span });
  },
};
