import { isPlaceholder } from '../format';
import { addHandoffEdit } from '../fixes/entries';
import { fieldOf, stringValue } from '../parse/declaration';
import { declaredModel, entryLayerId, modelLabel } from './coverage';
import type { Rule } from './rule';

export const missingHandoff: Rule = {
  code: 'SRM003',
  name: 'missing-handoff',
  severity: 'warning',
  description: 'A shared layer\'s entry does not say where the handoff to the provider is.',
  help: 'A shared layer is split between the provider and the customer. Unless the entry says where the split falls (`handoff:`), each side can assume the other covers the middle. Write one sentence: what the provider does, and what the owner does.',
  fixes: ['Add a handoff: line with a placeholder'],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model) return;
    for (const entry of ctx.declaration.layers?.entries ?? []) {
      const id = entryLayerId(ctx, entry);
      if (!id || model.cells[id]?.who !== 'shared' || entry.fields.length === 0) continue;
      const name = ctx.model.layer(id)!.name;
      const handoff = fieldOf(entry.fields, 'handoff');
      if (!handoff) {
        const edit = addHandoffEdit(entry, ctx.edits);
        ctx.report({
          message: `${name} is shared under ${modelLabel(model)}, but its entry has no handoff:. Say where the provider's part ends and the owner's begins.`,
          span: entry.keySpan,
          layerId: id,
          fixes: edit ? [{ title: `Add handoff: to ${name}`, edits: [edit], safe: true, preferred: true, order: 0 }] : [],
        });
        continue;
      }
      const text = handoff.value === null ? '' : stringValue(handoff);
      if (text !== undefined && (text.trim() === '' || isPlaceholder(text))) {
        ctx.report({
          message: text.trim()
            ? `${name} is shared under ${modelLabel(model)}, but its handoff is still a placeholder ("${text}"). Say where the provider's part ends and the owner's begins.`
            : `${name} is shared under ${modelLabel(model)}, but its handoff is empty. Say where the provider's part ends and the owner's begins.`,
          span: handoff.valueSpan ?? handoff.keySpan,
          layerId: id,
        });
      }
    }
  },
};
