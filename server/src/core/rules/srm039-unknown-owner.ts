import { valueIsEditable } from '../parse/declaration';
import { yamlScalar } from '../fixes/yaml-text';
import { ownerDirectoryOf } from '../owners/directory';
import type { Fix } from '../types';
import { namedOwners } from './owner-facts';
import type { Rule } from './rule';

export const unknownOwner: Rule = {
  code: 'SRM039',
  name: 'unknown-owner',
  severity: 'warning',
  description: 'An owner that the owner directory does not list, by name or alias (only where the configuration has an owner directory).',
  help: 'A misspelt team is nobody: `owner: iam-tem` looks like an owner, yet no team will ever answer for the layer. Once `srm.config.yaml` has an `owners:` directory, every owner a declaration names must be one of its keys or aliases. Correct the spelling, or add the team to the directory. The severity is the configuration\'s `unknown-owner:` (default warning; `off` switches the check off).',
  fixes: ['Change to a directory owner, the most similar first'],
  check(ctx) {
    const level = ctx.environment.config.unknownOwner;
    const directory = ownerDirectoryOf(ctx.environment.config.owners);
    if (!directory || level === 'off') return;
    for (const owner of namedOwners(ctx)) {
      if (directory.lookup(owner.written).kind !== 'unknown') continue;
      const guesses = directory.suggest(owner.written);
      const span = owner.field.valueSpan ?? owner.field.keySpan;
      const fixes: Fix[] = owner.field.valueSpan && valueIsEditable(owner.field)
        ? guesses.map((g, i) => ({ title: `Change to ${g.name}`, edits: [{ start: span.start, end: span.end, text: yamlScalar(g.name) }], safe: false, ...(i === 0 ? { preferred: true } : {}) }))
        : [];
      const hint = guesses.length > 0 ? ` Did you mean ${guesses.map((g) => g.name).join(', ')}?` : ' Correct it, or add it to the directory.';
      ctx.report({ message: `The owner${owner.of}, "${owner.written}", is not in the owner directory.${hint}`, span, fixes, layerId: owner.layerId, severity: level });
    }
  },
};
