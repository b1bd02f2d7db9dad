import { isProviderOwner } from '../format';
import type { Responsibility } from '../model/types';
import { fieldOf, stringValue } from '../parse/declaration';
import { declaredModel, entryLayerId, modelLabel } from './coverage';
import type { RuleContext } from './rule';

/** Reports every `owner: provider` on a layer that is `who`'s under the declaration's model. */
export function ownerLeftToProvider(ctx: RuleContext, who: Responsibility, message: (layerName: string, modelLabel: string) => string): void {
  const model = declaredModel(ctx);
  if (!model) return;
  for (const entry of ctx.declaration.layers?.entries ?? []) {
    const id = entryLayerId(ctx, entry);
    if (!id || model.cells[id]?.who !== who) continue;
    const owner = fieldOf(entry.fields, 'owner');
    if (!isProviderOwner(stringValue(owner))) continue;
    ctx.report({ message: message(ctx.model.layer(id)!.name, modelLabel(model)), span: owner!.valueSpan!, layerId: id, gap: true });
  }
}
