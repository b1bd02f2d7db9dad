import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import {
  completionContextAt,
  documentAt,
  ENTRY_FIELDS,
  explainLayer,
  explainModel,
  isProviderOwner,
  modelIdOf,
  PROVIDER_OWNER,
  TOP_LEVEL_FIELDS,
  type ServiceModelDefinition,
} from '../../core';
import type { ServerContext } from '../server';

export async function completion(ctx: ServerContext, params: CompletionParams): Promise<CompletionItem[]> {
  const file = await ctx.current(params.textDocument.uri);
  if (!file) return [];
  const offset = file.doc.offsetAt(params.position);
  const context = completionContextAt(file.doc.getText(), offset);
  const doc = documentAt(file.result, offset);
  const modelId = doc && modelIdOf(doc);
  const model = modelId ? ctx.model.serviceModel(modelId) : undefined;
  switch (context.kind) {
    case 'layer-key':
      return layerItems(ctx, context.present, model);
    case 'entry-key':
      return keyItems(ENTRY_FIELDS.filter((f) => !context.present.includes(f.key)));
    case 'top-level-key':
      return keyItems(TOP_LEVEL_FIELDS.filter((f) => !context.present.includes(f.key)));
    case 'value':
      if (context.key === 'model' && !context.parentKey) return modelItems(ctx);
      if (context.key === 'owner') return ownerItems(ctx);
      return [];
    case 'none':
      return [];
  }
}

function layerItems(ctx: ServerContext, present: readonly string[], model: ServiceModelDefinition | undefined): CompletionItem[] {
  const documented = new Set(present.map((k) => ctx.model.layerIdOf(k)));
  return ctx.model.layers
    .filter((l) => !documented.has(l.id))
    .map((layer, i) => {
      const who = model?.cells[layer.id]?.who;
      const required = who === 'customer' || who === 'shared';
      const handoff = who === 'shared' ? '\n  handoff: ${2:where the provider\'s part ends}' : '';
      return {
        label: layer.id,
        kind: CompletionItemKind.Property,
        labelDetails: { description: who ? `${who}${required ? ' · missing' : ''}` : layer.name },
        detail: model && who ? `${layer.name}: ${who} under ${model.shortName}${required ? ', no entry yet' : ''}` : layer.name,
        documentation: { kind: MarkupKind.Markdown, value: explainLayer(ctx.model, layer.id, model?.id) ?? '' },
        // Layers that still need an owner first, then the rest, each in stack order.
        sortText: `${required ? 0 : 1}${String(i).padStart(3, '0')}`,
        filterText: layer.id,
        insertTextFormat: InsertTextFormat.Snippet,
        insertText: `${layer.id}:\n  owner: \${1:team}${handoff}`,
      };
    });
}

function keyItems(fields: readonly { key: string; description: string; required: boolean }[]): CompletionItem[] {
  return fields.map((f, i) => ({
    label: f.key,
    kind: CompletionItemKind.Property,
    detail: f.required ? 'required' : 'optional',
    documentation: f.description,
    sortText: `${f.required ? 0 : 1}${i}`,
    insertText: `${f.key}: `,
  }));
}

function modelItems(ctx: ServerContext): CompletionItem[] {
  return ctx.model.models.map((m) => ({
    label: m.id,
    kind: CompletionItemKind.EnumMember,
    detail: `${m.shortName}: ${m.name}`,
    documentation: { kind: MarkupKind.Markdown, value: explainModel(ctx.model, m.id) ?? '' },
  }));
}

async function ownerItems(ctx: ServerContext): Promise<CompletionItem[]> {
  await ctx.workspace.indexOwners();
  const owners = [...ctx.workspace.owners()].filter((o) => !isProviderOwner(o)).sort();
  return [
    ...owners.map((o) => ({ label: o, kind: CompletionItemKind.Value, detail: 'owner used in this workspace' })),
    {
      label: PROVIDER_OWNER,
      kind: CompletionItemKind.Keyword,
      detail: 'the provider covers this layer',
      documentation: 'Reserved owner: states that this workload relies on the provider for the layer. Wrong on a layer the customer owns or shares.',
      sortText: 'zz',
    },
  ];
}
