import type { Span } from '../types';

/**
 * Where the cursor is in a data file (a matrix file, the configuration) while
 * the user types, read from the lines above it rather than from the YAML tree:
 * half-typed YAML seldom parses. `path` holds the keys from the top down, `-`
 * for a list item, as `yamlSpotAt` writes them.
 */
export type CompletionSpot =
  /** A key being typed (`span`: what is typed of it) in the mapping at `path`, which already has `present`. */
  | { readonly kind: 'key'; readonly path: readonly string[]; readonly present: readonly string[]; readonly span: Span }
  /** The value of the key that ends `path`; `span`: what is typed of it. */
  | { readonly kind: 'value'; readonly path: readonly string[]; readonly span: Span }
  | { readonly kind: 'none' };

interface Line {
  /** Columns of the `- ` marks that open list items on this line. */
  readonly dashes: readonly number[];
  /** Column of the key (or scalar) after the marks. */
  readonly column: number;
  readonly key?: string;
  readonly hasValue: boolean;
}

export function completionSpotAt(text: string, offset: number): CompletionSpot {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/(^|\s)#/.test(before)) return { kind: 'none' };
  const head = /^(\s*)((?:-\s+)*)/.exec(before)!;
  const dashes = dashColumns(head[1]!.length, head[2]!);
  const column = head[0].length;
  const rest = before.slice(column);
  const parents = dashes.length > 0 ? [...ancestry(text, lineStart, dashes[0]!), ...dashes.map(() => '-')] : ancestry(text, lineStart, column);
  const keyValue = /^([^\s:#{[][^:#]*?)\s*:\s+(\S*)$/.exec(rest);
  if (keyValue) return { kind: 'value', path: [...parents, keyValue[1]!.trim()], span: { start: offset - keyValue[2]!.length, end: offset } };
  if (!/^[^\s:#{[]*$/.test(rest)) return { kind: 'none' };
  const present = dashes.length > 0 ? [] : siblingKeys(text, lineStart, column);
  return { kind: 'key', path: parents, present, span: { start: offset - rest.length, end: offset } };
}

/** The keys the line at `lineStart`, written at `column`, sits under. */
function ancestry(text: string, lineStart: number, column: number): string[] {
  const path: string[] = [];
  let c = column;
  let fromDash = false;
  for (const raw of linesAbove(text, lineStart)) {
    if (/^(---|\.\.\.)/.test(raw)) break;
    const line = readLine(raw);
    if (!line) continue;
    const dash = [...line.dashes].reverse().find((d) => d < c);
    if (dash !== undefined) {
      // Inside this list item: as a sibling of its first key, or below that key.
      if (line.key !== undefined && c > line.column && !line.hasValue) path.unshift(line.key);
      for (const d of line.dashes) if (d >= dash && d < c) path.unshift('-');
      c = dash;
      fromDash = true;
    } else if (line.key !== undefined && (line.column < c || (fromDash && line.column === c && !line.hasValue && line.dashes.length === 0))) {
      path.unshift(line.key);
      c = line.column;
      fromDash = false;
    }
    if (c === 0 && !fromDash) break;
  }
  return path;
}

/** Keys at `column` in the same mapping, above and below the cursor's line. */
function siblingKeys(text: string, lineStart: number, column: number): string[] {
  const keys: string[] = [];
  for (const raw of linesAbove(text, lineStart)) {
    const line = readLine(raw);
    if (!line) continue;
    if (line.column === column && line.key !== undefined) keys.push(line.key);
    if (line.column < column || line.dashes.some((d) => d < column)) break;
  }
  const next = text.indexOf('\n', lineStart);
  for (const raw of next < 0 ? [] : text.slice(next + 1).split('\n')) {
    const line = readLine(raw);
    if (!line) continue;
    if (line.column < column || line.dashes.some((d) => d < column)) break;
    if (line.column === column && line.key !== undefined) keys.push(line.key);
  }
  return keys;
}

function* linesAbove(text: string, lineStart: number): Generator<string> {
  let end = lineStart - 1;
  while (end >= 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    yield text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
  }
}

function dashColumns(indent: number, marks: string): number[] {
  const out: number[] = [];
  let col = indent;
  for (const m of marks.matchAll(/-\s+/g)) {
    out.push(col);
    col += m[0].length;
  }
  return out;
}

/** A line's list marks, key and whether the key has a value on the line; undefined for blank and comment-only lines. */
function readLine(raw: string): Line | undefined {
  const line = raw.replace(/\r$/, '');
  if (!line.trim() || line.trim().startsWith('#')) return undefined;
  const head = /^(\s*)((?:-(?:\s+|$))*)/.exec(line)!;
  const dashes = dashColumns(head[1]!.length, head[2]!);
  const column = head[0].length;
  const m = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(\s|$)/.exec(line.slice(column));
  if (!m) return { dashes, column, hasValue: true };
  const rest = line.slice(column + m[0].length).replace(/(^|\s)#.*$/, '').trim();
  return { dashes, column, key: m[1]!.replace(/^["']|["']$/g, ''), hasValue: rest !== '' };
}
