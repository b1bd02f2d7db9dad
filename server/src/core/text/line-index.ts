/** Line and column of a UTF-16 offset, both from 1; columns count UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where each line of a text starts, for turning offsets into lines (lines end at `\n`). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line holding `offset` (clamped to the text). */
  lineOf(offset: number): number {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Where the 0-based `line` starts, and where the next one does (or the text ends). */
  lineSpan(line: number): { start: number; end: number } {
    return { start: this.starts[line], end: line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length };
  }

  /** 1-based line and column, as terminals and SARIF show them. */
  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: Math.max(0, Math.min(offset, this.text.length)) - this.starts[line] + 1 };
  }
}
