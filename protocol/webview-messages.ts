import type { LayerStack } from './layer-stack';

/** Extension → webview page. */
export type ToWebview =
  /** The stack of the active declaration; `null` when no declaration is active. */
  | { readonly type: 'stack'; readonly stack: LayerStack | null; readonly fileName?: string };

/** Webview page → extension. */
export type FromWebview =
  /** The page has loaded and wants the current stack. */
  | { readonly type: 'ready' }
  /** Reveal a layer's entry (or where it would go) in the editor. */
  | { readonly type: 'reveal'; readonly uri: string; readonly workloadIndex: number; readonly layerId: string }
  /** Close a gap with the engine's fix and put the cursor on the new owner value. */
  | { readonly type: 'assignOwner'; readonly uri: string; readonly version: number; readonly workloadIndex: number; readonly layerId: string }
  /** Save the given SVG text through a save dialog. */
  | { readonly type: 'exportSvg'; readonly svg: string; readonly suggestedName: string }
  /** Put the Markdown table on the clipboard. */
  | { readonly type: 'copyMarkdown'; readonly markdown: string }
  /** Open a source's address (a matrix's, a service option's) in the browser; the extension opens only https and http. */
  | { readonly type: 'openLink'; readonly url: string }
  /** Open a resource the workload claims (`iac:`), by its position in the workload's `resources`. */
  | { readonly type: 'openResource'; readonly uri: string; readonly workloadIndex: number; readonly resource: number };

/** What the page keeps with `setState`, so a hidden or restored panel comes back as it was. */
export interface WebviewState {
  readonly uri?: string;
  readonly selectedWorkload?: number;
}
