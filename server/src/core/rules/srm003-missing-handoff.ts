import { isPlaceholder } from '../format';
import { addHandoffEdit } from '../fixes/entries';
import { fieldOf, stringValue } from '../parse/declaration';
import { dutyOf } from '../matrix/duties';
import { declaredModel, entriesFacts, modelLabel } from './coverage';
import type { Rule } from './rule';

export const missingHandoff: Rule = {
  code: 'SRM003',
  name: 'missing-handoff',
  severity: 'warning',
  description: 'A shared or third-party layer\'s entry does not say where the handoff is.',
  help: 'A shared layer is split between the provider and the customer. Unless the entry says where the split falls (`handoff:`), each side can assume the other covers the middle. Write one sentence: what the provider does, and what the owner does.',
  fixes: ['Add a handoff: line with a placeholder'],
  check(ctx) {
    const model = declaredModel(ctx);
    if (!model || !ctx.matrix) return;
    const entries = ctx.declaration.layers?.entries ?? [];
    const facts = entriesFacts(ctx);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const { layerId: id, who } = facts[i]!;
      if (!id || !who || !dutyOf(who).handoff || entry.fields.length === 0) continue;
      const name = ctx.matrix.layer(id)!.name;
      const split = who === 'shared'
        ? { is: 'shared', ask: "Say where the provider's part ends and the owner's begins." }
        : { is: 'outsourced to a third party', ask: 'Say what the third party does, and what stays with you.' };
      const handoff = fieldOf(entry.fields, 'handoff');
      if (!handoff) {
        const edit = addHandoffEdit(entry, ctx.edits);
        ctx.report({
          message: `${name} is ${split.is} under ${modelLabel(ctx, model)}, but its entry has no handoff:. ${split.ask}`,
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
            ? `${name} is ${split.is} under ${modelLabel(ctx, model)}, but its handoff is still a placeholder ("${text}"). ${split.ask}`
            : `${name} is ${split.is} under ${modelLabel(ctx, model)}, but its handoff is empty. ${split.ask}`,
          span: handoff.valueSpan ?? handoff.keySpan,
          layerId: id,
        });
      }
    }
  },
};
