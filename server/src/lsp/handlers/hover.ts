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
  if (file) {
    // A resource named under iac:: where it is defined.
    const offset = file.doc.offsetAt(params.position);
    const claim = (await ctx.iac.claimTargets(file.doc.uri, file.doc.getText())).find((c) => c.span.start <= offset && offset <= c.span.end);
    if (claim) return { contents: { kind: MarkupKind.Markdown, value: `[${claim.label}](${claim.target})` }, range: toRange(file.doc, claim.span) };
  }
  return ownerHover(ctx, params);
}
