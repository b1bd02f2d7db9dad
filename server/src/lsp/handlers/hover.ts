import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { describeTarget, targetAt } from '../../core';
import { toRange } from '../convert';
import type { ServerContext } from '../server';

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const file = await ctx.current(params.textDocument.uri);
  const target = file && targetAt(file.result, ctx.model, file.doc.offsetAt(params.position));
  const markdown = target && describeTarget(target, ctx.model, ctx.catalogue);
  return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(file.doc, target.span) } : null;
}
