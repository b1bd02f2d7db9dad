/** A slice of the file that holds one YAML document (or none, for leading comments). */
export interface Segment {
  readonly start: number;
  readonly text: string;
}

/**
 * Splits a stream at its `---` document markers, so that each document can be
 * parsed, checked and cached on its own. YAML forbids `---` at the start of a
 * line inside any scalar, so a marker found this way always starts a document.
 * Directives (`%YAML`) bind to the next document in ways a split could break,
 * so a stream that uses them stays whole. Plain `indexOf` scans: this runs on
 * every keystroke over the whole file.
 */
export function splitDocuments(text: string): Segment[] {
  if (text.startsWith('%') || text.includes('\n%')) return [{ start: 0, text }];
  const starts: number[] = [0];
  for (let nl = text.indexOf('\n---'); nl >= 0; nl = text.indexOf('\n---', nl + 4)) {
    const after = text[nl + 4];
    if (after === undefined || after === ' ' || after === '\t' || after === '\r' || after === '\n') starts.push(nl + 1);
  }
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

/**
 * `text` as a string of its own. A slice of a longer string (a segment of the
 * file, as `splitDocuments` cuts it) refers to the whole string in V8, and so
 * does every slice of it the parser makes: kept in a checked segment, each
 * would keep the file's text as it was when that segment was checked, one
 * whole copy per document edited in a session. Joined to a character and cut
 * again, it is made flat first: what is kept then refers to that copy only.
 */
export function ownCopy(text: string): string {
  return `\n${text}`.slice(1);
}
