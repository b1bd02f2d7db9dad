import { isMap, isScalar } from 'yaml';
import { isPlaceholder } from '../format';
import { fieldOf } from '../parse/declaration';
import { needsOwner } from '../matrix/duties';
import { entriesFacts } from './coverage';
import type { Rule } from './rule';

export const invalidOwner: Rule = {
  code: 'SRM012',
  name: 'invalid-owner',
  severity: 'error',
  description: 'A layer entry whose owner is missing, empty, a placeholder or not text.',
  help: 'An entry counts only when it names who owns the layer: a team, role or person (or `provider`, where the provider covers it). A placeholder such as `TODO` keeps the gap open until someone types the real owner.',
  fixes: [],
  check(ctx) {
    const entries = ctx.declaration.layers?.entries ?? [];
    const facts = entriesFacts(ctx);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const { layerId, who } = facts[i]!;
      // Without a real owner, a layer whose cell asks for one is still a gap.
      const gap = needsOwner(who);
      const name = (layerId && ctx.matrix?.layer(layerId)?.name) ?? entry.key;
      if (entry.value === null) {
        ctx.report({ message: `The entry for ${name} is empty: add owner: with who owns it.`, span: entry.keySpan, layerId, gap });
        continue;
      }
      if (!isMap(entry.value)) continue; // not a mapping: the type rule reports it
      const owner = fieldOf(entry.fields, 'owner');
      if (!owner) {
        ctx.report({ message: `The entry for ${name} has no owner:. Name the team, role or person who owns it.`, span: entry.keySpan, layerId, gap });
        continue;
      }
      const value = owner.value;
      const span = owner.valueSpan ?? owner.keySpan;
      if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
        ctx.report({ message: `The owner of ${name} is empty. Name the team, role or person who owns it.`, span, layerId, gap });
      } else if (!isScalar(value) || typeof value.value !== 'string') {
        ctx.report({ message: `The owner of ${name} must be text (a team, role or person), not ${describe(value)}.`, span, layerId, gap });
      } else if (value.value.trim() === '' || isPlaceholder(value.value)) {
        ctx.report({ message: `The owner of ${name} is a placeholder ("${value.value.trim()}"): the layer is still unassigned. Type the team, role or person who owns it.`, span, layerId, gap });
      }
    }
  },
};

function describe(value: unknown): string {
  if (isScalar(value)) return typeof value.value === 'number' ? 'a number' : typeof value.value === 'boolean' ? 'true/false' : 'that value';
  return 'a list or mapping';
}
