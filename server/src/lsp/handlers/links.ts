import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { evidenceLinks } from '../../core';
import { toRange } from '../convert';
import type { ServerContext } from '../context';

export async function documentLinks(ctx: ServerContext, params: DocumentLinkParams): Promise<DocumentLink[]> {
  const file = await ctx.current(params.textDocument.uri);
  if (!file) return [];
  const evidence = evidenceLinks(file.result).map((l) => ({ range: toRange(file.doc, l.span), target: l.target, tooltip: 'Open the evidence' }));
  // iac: entries open the Terraform or template, at the resource's line.
  const claims = (await ctx.iac.claimTargets(file.doc.uri, file.doc.getText())).map((c) => ({ range: toRange(file.doc, c.span), target: c.target, tooltip: `Open ${c.label}` }));
  return [...evidence, ...claims];
}
