import { lineBreakOf } from '../text/line-index';

/**
 * What a fix needs to know about the text it edits so that what it adds looks
 * like what is already there: the line ending and the indentation step.
 */
export class EditContext {
  readonly eol: string;
  private indentStep: number | undefined;

  /**
   * `fileIndent`: the step of the whole file, for a document that shows none of its own.
   * `eol`: the file's line break, when `text` had its lone CRs normalised.
   */
  constructor(
    readonly text: string,
    private readonly fileIndent?: number,
    eol?: string,
  ) {
    this.eol = eol ?? lineBreakOf(text);
  }

  /** The indentation step the text uses (the file's, else 2, when it does not tell). */
  get indent(): number {
    this.indentStep ??= detectIndentStep(this.text) ?? this.fileIndent ?? 2;
    return this.indentStep;
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /**
   * The start of the run of comment lines, indented at least `indent`, that ends
   * just above the line starting at `lineStart`; `lineStart` itself when there is none.
   */
  commentBlockStart(lineStart: number, indent: number): number {
    let start = lineStart;
    while (start > 0) {
      const prev = this.lineStart(start - 1);
      const line = this.text.slice(prev, start - 1).replace(/\r$/, '');
      const m = /^( *)#/.exec(line);
      if (!m || m[1]!.length < indent) break;
      start = prev;
    }
    return start;
  }

  /**
   * The indentation of the block mapping whose first key starts at `start`:
   * its column, less the anchor or tag written before the key on that line
   * (`&d workload:` is indented 0), but with the indicators of an explicit key
   * or a list item (`? `, `: `, `- `) counted, since the keys line up after them.
   */
  blockIndent(start: number): number {
    // A file's byte-order mark sits before its first key but indents nothing.
    return this.text.slice(this.lineStart(start), start).replace(/^\uFEFF/, '').replace(/(?:[&!][^\s]*[ \t]+)+$/, '').length;
  }

  /** The column of `offset` on its line. */
  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /**
   * The indentation of the block mapping whose key starts at `offset`: the spaces
   * that start the key's line. Not the key's column: an anchor, a tag or `? `
   * may stand before the key (`&a workload:`, `? owner`) without indenting it.
   */
  keyIndent(offset: number): number {
    const start = this.lineStart(offset);
    return /^ */.exec(this.text.slice(start, offset))![0].length;
  }

  /**
   * Where a new line can start after the line holding `offset`: the offset just
   * after that line's end. A file without a final newline gets one first.
   */
  nextLine(offset: number): { offset: number; prefix: string } {
    if (offset > 0 && this.text[offset - 1] === '\n') return { offset, prefix: '' };
    const nl = this.text.indexOf('\n', offset);
    if (nl >= 0) return { offset: nl + 1, prefix: '' };
    return { offset: this.text.length, prefix: this.eol };
  }

  /** The offset of the last `}` at or before `end`: the close of a flow mapping. */
  flowClose(end: number): number {
    return this.text.lastIndexOf('}', end - 1);
  }
}

/** The indentation step a text shows (its most common indent increase), or undefined when it shows none. */
export function detectIndentStep(text: string): number | undefined {
  const counts = new Map<number, number>();
  let prev = 0;
  for (const line of text.split('\n', 2000)) {
    const m = /^( *)[^\s#]/.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    if (indent > prev) counts.set(indent - prev, (counts.get(indent - prev) ?? 0) + 1);
    prev = indent;
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (step >= 2 && step <= 8 && count > bestCount) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}
