import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import {
  CELLS,
  cellPhrase,
  completionContextAt,
  defaultMatrixOf,
  detectIndentStep,
  documentTypedAt,
  dutyOf,
  ENTRY_FIELDS,
  entryLines,
  explainLayer,
  explainMatrix,
  explainModel,
  modelIdOf,
  TOP_LEVEL_FIELDS,
  type CheckEnvironment,
  type MatrixIndex,
  type ServiceModelDefinition,
} from '../../core';
import type { ServerContext } from '../context';
import { ownerItems } from './owner-completion';

export async function completion(ctx: ServerContext, params: CompletionParams): Promise<CompletionItem[] | CompletionList> {
  const file = await ctx.current(params.textDocument.uri);
  if (!file) return [];
  const offset = file.doc.offsetAt(params.position);
  const context = completionContextAt(file.doc.getText(), offset);
  const doc = documentTypedAt(file.result, offset);
  // While a document does not parse, its matrix may be unknown: offer the default's layers then.
  const matrix = doc?.matrix ?? defaultMatrixOf(file.environment);
  const modelId = doc && modelIdOf(doc);
  const model = modelId ? matrix.serviceModel(modelId) : undefined;
  switch (context.kind) {
    case 'layer-key':
      return layerItems(matrix, context.present, model, detectIndentStep(file.doc.getText()) ?? 2);
    case 'entry-key':
      return keyItems(ENTRY_FIELDS.filter((f) => !context.present.includes(f.key)));
    case 'top-level-key':
      return keyItems(TOP_LEVEL_FIELDS.filter((f) => !context.present.includes(f.key)));
    case 'value':
      if (context.key === 'model' && !context.parentKey) return modelItems(matrix);
      if (context.key === 'matrix' && !context.parentKey) return matrixItems(file.environment);
      if (context.key === 'responsibility') return cellItems();
      if (context.key === 'owner') return ownerItems(ctx, file, offset);
      return [];
    case 'none':
      return [];
  }
}

function layerItems(matrix: MatrixIndex, present: readonly string[], model: ServiceModelDefinition | undefined, step: number): CompletionItem[] {
  const documented = new Set(present.map((k) => matrix.layerIdOf(k)));
  return matrix.layers
    .filter((l) => !documented.has(l.id))
    .map((layer, i) => {
      const who = model?.cells[layer.id]?.who;
      const required = who !== undefined && dutyOf(who).owner;
      const fields: [string, string][] = [['owner', '${1:team}'], ...(who !== undefined && dutyOf(who).handoff ? [['handoff', "${2:where the provider's part ends}"] as [string, string]] : [])];
      return {
        label: layer.id,
        kind: CompletionItemKind.Property,
        labelDetails: { description: who ? `${who}${required ? ' · missing' : ''}` : layer.name },
        detail: model && who ? `${layer.name}: ${who} under ${model.shortName}${required ? ', no entry yet' : ''}` : layer.name,
        documentation: { kind: MarkupKind.Markdown, value: explainLayer(matrix, layer.id, model?.id) ?? '' },
        // Layers that still need an owner first, then the rest, each in stack order.
        sortText: `${required ? 0 : 1}${String(i).padStart(3, '0')}`,
        filterText: layer.id,
        insertTextFormat: InsertTextFormat.Snippet,
        // Relative to the line it is typed on (the editor indents the rest), one step deeper as the file indents.
        insertText: entryLines(layer.id, fields, '', ' '.repeat(step)).join('\n'),
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

function modelItems(matrix: MatrixIndex): CompletionItem[] {
  return matrix.models.map((m) => ({
    label: m.id,
    kind: CompletionItemKind.EnumMember,
    detail: `${m.shortName}: ${m.name}`,
    documentation: { kind: MarkupKind.Markdown, value: explainModel(matrix, m.id) ?? '' },
  }));
}

/** The matrices a declaration may name, pinned; the default first. */
function matrixItems(env: CheckEnvironment): CompletionItem[] {
  const def = defaultMatrixOf(env).ref;
  return env.registry.entries
    .filter((e) => e.index)
    .map((e) => ({
      label: e.ref,
      kind: CompletionItemKind.Module,
      detail: e.title,
      ...(e.index ? { documentation: { kind: MarkupKind.Markdown, value: explainMatrix(e.index, e.origin.kind === 'built-in' ? 'built in' : e.origin.uri) } } : {}),
      sortText: e.ref === def ? '0' : `1${e.ref}`,
    }));
}

/** The cell vocabulary, for an override. */
function cellItems(): CompletionItem[] {
  return CELLS.map((c, i) => ({ label: c, kind: CompletionItemKind.EnumMember, detail: cellPhrase(c), sortText: String(i) }));
}
