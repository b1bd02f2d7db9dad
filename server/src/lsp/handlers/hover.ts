import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { describeTarget, targetAt } from '../../core';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import { ownerHover } from './owner-hover';

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const file = await ctx.current(params.textDocument.uri);
  const target = file && targetAt(file.result, file.doc.offsetAt(params.position), file.environment.config.overrides);
  const markdown = target && describeTarget(target, file.environment.catalogue);
  if (markdown) return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(file.doc, target.span) };
  return ownerHover(ctx, params);
}
