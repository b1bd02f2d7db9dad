/** A slice of the file that holds one YAML document (or none, for leading comments). */
export interface Segment {
  readonly start: number;
  readonly text: string;
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Splits a stream at its `---` document markers, so that each document can be
 * parsed, checked and cached on its own. YAML forbids `---` at the start of a
 * line inside any scalar, so a marker found this way always starts a document.
 * Directives (`%YAML`) bind to the next document in ways a split could break,
 * so a stream that uses them stays whole.
 */
export function splitDocuments(text: string): Segment[] {
  if (/^%/m.test(text)) return [{ start: 0, text }];
  const starts: number[] = [0];
  DOCUMENT_START.lastIndex = 0;
  for (let m = DOCUMENT_START.exec(text); m; m = DOCUMENT_START.exec(text)) {
    if (m.index > 0) starts.push(m.index);
  }
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}
