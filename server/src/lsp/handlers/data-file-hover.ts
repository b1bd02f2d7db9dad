import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { configFileHover, matrixFileHover, RULES } from '../../core';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import { addressOf, openDataFile } from './data-file';
import { ownerHover } from './owner-hover';

/**
 * Hover in a matrix file or srm.config.yaml: what a key means, what a cell or
 * level says, which matrix a reference names; elsewhere in the configuration's
 * `owners:`, the owner directory's own hover.
 */
export async function dataFileHover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const file = await openDataFile(ctx, params.textDocument.uri);
  if (!file) return ownerHover(ctx, params);
  const offset = file.doc.offsetAt(params.position);
  const text = file.doc.getText();
  const found = file.kind === 'matrix' ? matrixFileHover(addressOf(file.doc.uri), text, offset, file.registry) : configFileHover(text, offset, file.registry, RULES);
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(file.doc, found.span) } : ownerHover(ctx, params);
}
