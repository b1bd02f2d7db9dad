import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { evidenceLinks } from '../../core';
import { toRange } from '../convert';
import type { ServerContext } from '../context';

export async function documentLinks(ctx: ServerContext, params: DocumentLinkParams): Promise<DocumentLink[]> {
  const file = await ctx.current(params.textDocument.uri);
  if (!file) return [];
  return evidenceLinks(file.result).map((l) => ({ range: toRange(file.doc, l.span), target: l.target, tooltip: 'Open the evidence' }));
}
