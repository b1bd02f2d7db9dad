/*
 * Offsets to lines from a list of where each line starts: the one binary search
 * that LineIndex, the report builder (with the workspace index's line starts)
 * and the LSP summaries' ranges share.
 */

/**
 * Where each line of `text` starts (the first at 0). A line ends at `\r\n`,
 * `\r` or `\n`: YAML's line breaks, and the ones the Language Server Protocol and
 * VS Code count.
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  // Most files have no \r: the engine's own search for \n is several times faster than a loop over every character.
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return starts;
}

/**
 * The 0-based line holding `offset`: the last line starting at or before it.
 * An offset inside a `\r\n` is on the line that break ends; one before the text
 * is on the first line, one past its end on the last.
 */
export function lineAt(lineStarts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The 0-based line and UTF-16 column of `offset` (as an LSP position counts them), from where each line starts. */
export function lineCharacterAt(lineStarts: ArrayLike<number>, offset: number): { line: number; character: number } {
  const line = lineAt(lineStarts, offset);
  return { line, character: offset - lineStarts[line]! };
}
