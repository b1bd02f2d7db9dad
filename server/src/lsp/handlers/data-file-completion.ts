import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { configFileCompletions, matrixFileCompletions, RULES, type AssistItem } from '../../core';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import { addressOf, openDataFile } from './data-file';

const KIND: Record<AssistItem['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  matrix: CompletionItemKind.Module,
  layer: CompletionItemKind.Field,
  code: CompletionItemKind.Constant,
};

/** Completion in a matrix file or srm.config.yaml: keys, the cell vocabulary, matrix references, layer ids, finding codes. */
export async function dataFileCompletion(ctx: ServerContext, params: CompletionParams): Promise<CompletionItem[]> {
  const file = await openDataFile(ctx, params.textDocument.uri);
  if (!file) return [];
  const offset = file.doc.offsetAt(params.position);
  const text = file.doc.getText();
  const items = file.kind === 'matrix' ? matrixFileCompletions(addressOf(file.doc.uri), text, offset, file.registry) : configFileCompletions(text, offset, file.registry, RULES);
  return items.map((item) => ({
    label: item.label,
    kind: KIND[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: toRange(file.doc, item.span), newText: item.insertText ?? item.label },
  }));
}
