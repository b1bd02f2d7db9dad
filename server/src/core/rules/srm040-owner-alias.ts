import { valueIsEditable } from '../parse/declaration';
import { yamlScalar } from '../fixes/yaml-text';
import { ownerDirectoryOf } from '../owners/directory';
import { namedOwners } from './owner-facts';
import type { Rule } from './rule';

export const ownerAlias: Rule = {
  code: 'SRM040',
  name: 'owner-alias',
  severity: 'hint',
  description: 'An owner written as an alias the owner directory lists for another name.',
  help: 'The directory in `srm.config.yaml` lists `aliases:` for a team\'s former or informal names, so that they still count as the team. Writing the canonical name keeps searches, reports and renames simple: one team, one name.',
  fixes: ['Change to the canonical name'],
  check(ctx) {
    const directory = ownerDirectoryOf(ctx.environment.config.owners);
    if (!directory) return;
    for (const owner of namedOwners(ctx)) {
      const found = directory.lookup(owner.written);
      if (found.kind !== 'alias') continue;
      const span = owner.field.valueSpan ?? owner.field.keySpan;
      const canonical = found.entry.name;
      ctx.report({
        message: `The owner${owner.of}, "${owner.written}", is an alias of ${canonical} in the owner directory: write ${canonical}.`,
        span,
        layerId: owner.layerId,
        // No judgement: the directory says who the alias is.
        fixes: owner.field.valueSpan && valueIsEditable(owner.field) ? [{ title: `Change to ${canonical}`, edits: [{ start: span.start, end: span.end, text: yamlScalar(canonical) }], safe: true, preferred: true }] : [],
      });
    }
  },
};
