import type { Rule } from './rule';

/** Reported on IaC files (by `srm discover`, and in the editor), not on declarations: it has no per-declaration check. */
export const undeclaredWorkload: Rule = {
  code: 'SRM066',
  name: 'undeclared-workload',
  severity: 'info',
  description: 'A workload resource in Terraform or CloudFormation that no declaration claims.',
  help: 'A workload nobody declared has no owner for any layer, and no check can find its gaps. Write a declaration whose `iac:` names the resource (`srm discover --write` proposes one, with the model and the overrides its options call for), then fill in the owners.',
  fixes: ['Create a declaration for the resource'],
};
