import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from 'vscode-languageserver';
import { semanticSpans, type SemanticKind } from '../../core';
import type { ServerContext } from '../context';

/**
 * Token types of our own, contributed in package.json (`semanticTokenTypes`,
 * with a standard super type and TextMate scopes for themes): a grammar cannot
 * know a declaration's matrix, the server can.
 */
const TOKEN_TYPES: readonly SemanticKind[] = ['layer', 'model'];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] };

/** textDocument/semanticTokens/full: the layer keys and model of each declaration, by its matrix. */
export async function semanticTokens(ctx: ServerContext, params: SemanticTokensParams): Promise<SemanticTokens> {
  const builder = new SemanticTokensBuilder();
  const file = await ctx.current(params.textDocument.uri);
  if (!file) return builder.build();
  const text = file.doc.getText();
  for (const { span, kind } of semanticSpans(file.result)) {
    // A token stays on one line; a key never spans two unless quoted oddly, and then it is left as it is.
    if (text.slice(span.start, span.end).includes('\n')) continue;
    const start = file.doc.positionAt(span.start);
    builder.push(start.line, start.character, span.end - span.start, TOKEN_TYPES.indexOf(kind), 0);
  }
  return builder.build();
}
