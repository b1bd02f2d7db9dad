import { resolvedEntries } from '../iac/rule-support';
import type { Rule } from './rule';

export const iacPathNotFound: Rule = {
  code: 'SRM060',
  name: 'iac-path-not-found',
  severity: 'error',
  description: 'An `iac:` path that does not exist.',
  help: 'Each `iac:` entry names the file or folder that defines the workload as code, relative to the declaration. A path that does not exist links the declaration to nothing: the workload\'s resources then look undeclared to `srm discover`. Fix the path, or remove the entry.',
  fixes: [],
  check(ctx) {
    for (const { link, view } of resolvedEntries(ctx)) {
      if (view.exists !== undefined) continue;
      ctx.report({ message: `${link.path} does not exist. iac: paths are relative to the folder of this declaration.`, span: link.pathSpan });
    }
  },
};
