/**
 * Layer stacks as the language server sends them, made by the engine itself
 * (checkText, then buildLayerStack with the environment's catalogue), with
 * ranges as LSP ranges: the page is tested on what it will really receive.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildEnvironment, buildLayerStack, checkText, ServiceCatalogue, type MatrixFileText, type Span } from '../../server/src/core';
import type { LayerStack, StackRange } from '../../protocol/layer-stack';

export interface EngineStackOptions {
  readonly uri: string;
  readonly version?: number;
  /** Matrix files beside the built-in ones (a `matrix:` in the declaration picks one). */
  readonly matrices?: readonly MatrixFileText[];
}

export function engineStack(text: string, options: EngineStackOptions): LayerStack {
  const { environment } = buildEnvironment(undefined, options.matrices ?? [], new ServiceCatalogue());
  const result = checkText(text, { environment });
  const stack = buildLayerStack(result, options.uri, options.version ?? 1, environment.config.overrides, environment.catalogue);
  // Positions as the server makes them (server/src/lsp/convert.ts).
  const doc = TextDocument.create(options.uri, 'srm', options.version ?? 1, text);
  const range = (s: Span): StackRange => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });
  return { ...stack, workloads: stack.workloads.map((w) => ({ ...w, range: range(w.range), bands: w.bands.map((b) => ({ ...b, reveal: range(b.reveal) })) })) };
}
