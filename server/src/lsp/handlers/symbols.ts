import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { outline, type OutlineItem } from '../../core';
import { toRange } from '../convert';
import type { ServerContext } from '../context';

export async function documentSymbols(ctx: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  const file = await ctx.current(params.textDocument.uri);
  if (!file) return [];
  const toSymbol = (item: OutlineItem): DocumentSymbol => ({
    name: item.name,
    detail: item.detail,
    kind: item.kind === 'workload' ? SymbolKind.Module : SymbolKind.Field,
    range: toRange(file.doc, item.span),
    selectionRange: toRange(file.doc, item.selection),
    children: item.children.map(toSymbol),
  });
  return outline(file.result).map(toSymbol);
}
