import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { describeTarget, fieldOf, targetAt, type CheckResult } from '../../core';
import { IAC_KEY } from '../../core/iac/links';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import { ownerHover } from './owner-hover';

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const file = await ctx.current(params.textDocument.uri);
  const offset = file?.doc.offsetAt(params.position);
  const target = file && targetAt(around(file.result, offset!), offset!, file.environment.config.overrides);
  const markdown = target && describeTarget(target, file.environment.catalogue);
  if (markdown) return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(file.doc, target.span) };
  if (file && linksAround(file.result, offset!)) {
    // A resource named under iac:: where it is defined.
    const claim = (await ctx.iac.claimTargets(file.doc.uri, file.doc.getText())).find((c) => c.span.start <= offset! && offset! <= c.span.end);
    if (claim) return { contents: { kind: MarkupKind.Markdown, value: `[${claim.label}](${claim.target})` }, range: toRange(file.doc, claim.span) };
  }
  return ownerHover(ctx, params);
}

/**
 * The documents that may hold `offset`, found by bisection (documents come in
 * file order and never overlap): the core looks for the one holding it, and
 * would otherwise walk every document before it in a file of thousands.
 * The one before the last that starts at or before it is kept too, for an
 * offset on the boundary of two.
 */
function around(result: CheckResult, offset: number): CheckResult {
  const docs = result.documents;
  let low = 0;
  let high = docs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const d = docs[mid]!;
    if (d.base + d.declaration.span.start <= offset) low = mid + 1;
    else high = mid;
  }
  return { diagnostics: result.diagnostics, documents: docs.slice(Math.max(0, low - 2), low) };
}

/**
 * Whether a document holding `offset` has an `iac:` key: the links are read
 * from the declarations as the checker parsed them, and a claim lies inside its
 * document, so elsewhere there is none to find (and no need to read the links,
 * which parses the file and its Terraform again).
 */
function linksAround(result: CheckResult, offset: number): boolean {
  return result.documents.some((d) => d.base <= offset && offset <= d.base + d.text.length && fieldOf(d.declaration.fields, IAC_KEY) !== undefined);
}
