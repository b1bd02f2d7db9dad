import type { Rule } from './rule';

/** Reported on IaC files, not on declarations. */
export const iacSyntax: Rule = {
  code: 'SRM067',
  name: 'iac-syntax',
  severity: 'warning',
  description: 'A Terraform file or CloudFormation template that does not parse, or a module call discovery cannot follow.',
  help: 'Discovery reads every resource it can from a broken file, but a resource inside the broken part may be missed, so its workload may look declared, or not be found at all. Fix the file (terraform validate, cfn-lint) and run discovery again.',
  fixes: [],
};
