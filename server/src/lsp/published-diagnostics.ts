import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toLspDiagnostic, toLspDiagnosticAt } from './convert';
import type { VisibleFinding } from './files';

/** What was last published for an open document: the text its positions were computed on, the findings, and their LSP form. */
export interface Published {
  readonly text: string;
  readonly visible: readonly VisibleFinding[];
  readonly diagnostics: readonly LspDiagnostic[];
}

/**
 * The findings of `doc` in LSP form. A keystroke changes one place of the
 * text: the findings before it, and those on the lines after it while no line
 * break was added or removed, stand where they stood, so their ranges are
 * taken from the previous publish instead of being computed again (thousands
 * per keystroke in a large file, where most of the work of publishing was
 * turning offsets into positions).
 */
export function lspDiagnosticsOf(doc: TextDocument, visible: readonly VisibleFinding[], previous: Published | undefined): LspDiagnostic[] {
  const out = new Array<LspDiagnostic>(visible.length);
  let from = 0;
  let to = visible.length;
  if (previous && previous.visible.length > 0 && visible.length > 0) {
    const text = doc.getText();
    const { prefix, suffix } = commonEnds(previous.text, text);
    const old = previous.visible;
    // Before the change: the same offsets in the same text, so the same positions (an offset at the change may sit inside a CRLF that the change completes).
    while (from < old.length && from < visible.length && visible[from]!.diagnostic.span.end < prefix && same(old[from]!, visible[from]!, 0)) {
      out[from] = previous.diagnostics[from]!;
      from++;
    }
    const stable = stableFrom(previous.text, text, prefix, suffix);
    if (stable !== undefined) {
      const delta = text.length - previous.text.length;
      for (let i = old.length - 1; i >= from && to > from; i--) {
        const before = old[i]!;
        if (before.diagnostic.span.start < stable || !same(before, visible[to - 1]!, delta)) break;
        to--;
        out[to] = toLspDiagnosticAt(previous.diagnostics[i]!.range, visible[to]!.diagnostic, visible[to]!.severity);
      }
    }
  }
  for (let i = from; i < to; i++) out[i] = toLspDiagnostic(doc, visible[i]!.diagnostic, visible[i]!.severity);
  return out;
}

/** The same finding, shown the same way, `delta` characters further on. */
function same(a: VisibleFinding, b: VisibleFinding, delta: number): boolean {
  const x = a.diagnostic;
  const y = b.diagnostic;
  return (
    a.severity === b.severity &&
    x.span.start + delta === y.span.start &&
    x.span.end + delta === y.span.end &&
    x.code === y.code &&
    x.message === y.message
  );
}

/** How many characters two texts share at the start, and then at the end (the two never overlap). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  let prefix = 0;
  // Blocks first: comparing two slices is one memory comparison, not a loop in JavaScript.
  while (prefix + BLOCK <= n && a.slice(prefix, prefix + BLOCK) === b.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = n - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && a.slice(a.length - suffix - BLOCK, a.length - suffix) === b.slice(b.length - suffix - BLOCK, b.length - suffix)) suffix += BLOCK;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

const BLOCK = 1024;

/**
 * The offset of `before` from which every position is the same in `after`,
 * `after.length - before.length` characters on: the start of the first line
 * that begins after the change. Undefined when the change added or removed a
 * line break (or may have: a CR before it that a LF could complete), when
 * every line after it would be on another line number.
 */
export function stableFrom(before: string, after: string, prefix: number, suffix: number): number | undefined {
  if (prefix > 0 && before.charCodeAt(prefix - 1) === CR) return undefined;
  if (hasLineBreak(before, prefix, before.length - suffix) || hasLineBreak(after, prefix, after.length - suffix)) return undefined;
  for (let i = before.length - suffix; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return before.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return undefined;
}

const CR = 13;
const LF = 10;

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) return true;
  }
  return false;
}
