/**
 * The one lookup from offsets to lines (LineIndex, the report's line numbers,
 * the workspace index's LSP ranges), checked against a scan of the text over
 * texts with LF, CRLF and lone CR line breaks mixed.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/core';
import { lineAt, lineCharacterAt, lineStartsOf } from '../../server/src/core/text/line-starts';

/** Texts made of pieces: letters, astral characters (two UTF-16 units) and every kind of line break. */
const textArb = fc.array(fc.constantFrom('a', 'key: v', '😀', '\n', '\r\n', '\r', '\r\r\n', '\n\r'), { maxLength: 40 }).map((pieces) => pieces.join(''));

/** Line and column of `offset`, counted by walking the text from its start. */
function scan(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      if (i + 2 > offset) break; // between CR and LF: still the line that break ends
      i++;
    } else if (c !== '\r' && c !== '\n') continue;
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

const textAndOffset = textArb.chain((text) => fc.tuple(fc.constant(text), fc.integer({ min: -2, max: text.length + 2 })));

describe('line starts: one lookup from offsets to lines', () => {
  it('finds every line start of a text, and nothing else', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const breaks = text.split(/\r\n|\r|\n/);
        const expected = [0];
        let at = 0;
        for (const line of breaks.slice(0, -1)) {
          at += line.length;
          at += text.startsWith('\r\n', at) ? 2 : 1;
          expected.push(at);
        }
        assert.deepEqual(lineStartsOf(text), expected);
      }),
    );
  });

  it('gives the line and column a scan of the text gives, at every offset (and before and past the text)', () => {
    fc.assert(
      fc.property(textAndOffset, ([text, offset]) => {
        const starts = lineStartsOf(text);
        const expected = scan(text, Math.max(0, offset));
        if (offset >= 0) assert.deepEqual(lineCharacterAt(starts, offset), expected);
        assert.equal(lineAt(starts, offset), expected.line);
        assert.equal(new LineIndex(text).lineOf(offset), expected.line);
      }),
    );
  });

  it('counts lines as the editor does (TextDocument.positionAt), also from a typed array', () => {
    fc.assert(
      fc.property(textAndOffset, ([text, raw]) => {
        const offset = Math.max(0, Math.min(raw, text.length));
        const editor = TextDocument.create('file:///a.srm.yaml', 'srm', 1, text).positionAt(offset);
        const ours = lineCharacterAt(Uint32Array.from(lineStartsOf(text)), offset);
        assert.equal(ours.line, editor.line);
        // Inside a CRLF the editor moves back to before the CR; a span never starts or ends there.
        if (!(text[offset - 1] === '\r' && text[offset] === '\n')) assert.equal(ours.character, editor.character);
      }),
    );
  });

  it('gives 1-based lines and columns through LineIndex, an offset inside a line break at the end of its line', () => {
    const text = 'a: 1\r\nbb: 2\rc\n';
    const lines = new LineIndex(text);
    assert.deepEqual([0, 4, 5, 6, 11, 12, 13, 14].map((o) => lines.position(o)), [
      { line: 1, column: 1 },
      { line: 1, column: 5 },
      { line: 1, column: 5 },
      { line: 2, column: 1 },
      { line: 2, column: 6 },
      { line: 3, column: 1 },
      { line: 3, column: 2 },
      { line: 4, column: 1 },
    ]);
  });
});
