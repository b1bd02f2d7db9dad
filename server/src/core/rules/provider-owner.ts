import { isProviderOwner } from '../format';
import type { Cell } from '../matrix/types';
import { fieldOf, stringValue } from '../parse/declaration';
import { declaredModel, entriesFacts, modelLabel } from './coverage';
import type { RuleContext } from './rule';

/** Reports every `owner: provider` on a layer whose cell (an override's, when it holds) is one of `cells`. */
export function ownerLeftToProvider(ctx: RuleContext, cells: readonly Cell[], message: (layerName: string, modelLabel: string, who: Cell) => string): void {
  const model = declaredModel(ctx);
  if (!model || !ctx.matrix) return;
  const entries = ctx.declaration.layers?.entries ?? [];
  const facts = entriesFacts(ctx);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const { layerId: id, who } = facts[i]!;
    if (!id || !who || !cells.includes(who)) continue;
    const owner = fieldOf(entry.fields, 'owner');
    if (!isProviderOwner(stringValue(owner))) continue;
    ctx.report({ message: message(ctx.matrix.layer(id)!.name, modelLabel(ctx, model), who), span: owner!.valueSpan!, layerId: id, gap: true });
  }
}
