import { lineAt, lineStartsOf } from './line-starts';

/** Line and column of a UTF-16 offset, both from 1; columns count UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Where each line of a text starts, for turning offsets into lines. A line ends
 * at `\r\n`, `\r` or `\n`: YAML's line breaks, and the ones the Language Server
 * Protocol and VS Code count, so the CLI and the editor name the same lines.
 */
export class LineIndex {
  private readonly starts: readonly number[];

  constructor(readonly text: string) {
    this.starts = lineStartsOf(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line holding `offset` (clamped to the text: one past its end is on the last line). */
  lineOf(offset: number): number {
    return lineAt(this.starts, offset);
  }

  /** Where the 0-based `line` starts, and where the next one does (or the text ends). */
  lineSpan(line: number): { start: number; end: number } {
    return { start: this.starts[line]!, end: line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length };
  }

  /**
   * 1-based line and column, as terminals and SARIF show them. An offset inside
   * a line break (between CR and LF) is the end of its line, as the editor has it.
   */
  position(offset: number): Position {
    const line = this.lineOf(offset);
    const start = this.starts[line];
    let at = Math.max(0, Math.min(offset, this.text.length));
    while (at > start! && (this.text.charCodeAt(at - 1) === 13 || this.text.charCodeAt(at - 1) === 10)) at--;
    return { line: line + 1, column: at - start! + 1 };
  }
}

/**
 * The text with every lone `\r` (a line break in YAML, but not to the YAML
 * parser) turned into `\n`. The length and every offset stay the same, so
 * findings on the normalised text point into the original.
 */
export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The line break a text uses for the lines a fix adds: CRLF, CR or LF, whichever it shows first. */
export function lineBreakOf(text: string): string {
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  return text[cr + 1] === '\n' ? '\r\n' : text.includes('\n') && text.indexOf('\n') < cr ? '\n' : '\r';
}
