/**
 * The decoder says whether, and where, bytes were not valid UTF-8: the engine
 * cannot tell from the text, where a U+FFFD may have been written as valid UTF-8.
 */
import * as assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { decode, firstInvalidUtf8Byte } from '../../server/src/io/encoding';

/** Bytes near UTF-8's edges: ASCII, lead bytes of every length, continuations, overlong and surrogate starts, U+FFFD itself. */
const utf8ish = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xff }),
      fc.constantFrom(0x41, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
      fc.constant([0xef, 0xbf, 0xbd]),
      // A lead byte and what follows it at the edges of the ranges that decide validity (overlongs, surrogates, above U+10FFFF).
      fc.tuple(fc.constantFrom(0xc1, 0xc2, 0xe0, 0xe1, 0xed, 0xee, 0xf0, 0xf1, 0xf4, 0xf5), fc.array(fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0), { minLength: 1, maxLength: 3 })).map(([lead, rest]) => [lead, ...rest]),
      fc.string({ unit: 'grapheme' }).map((s) => [...Buffer.from(s, 'utf8')]),
    ),
    { maxLength: 40 },
  )
  .map((parts) => Buffer.from(parts.flat()));

describe('decode: where invalid UTF-8 starts', () => {
  it('finds the end of the longest valid prefix (fixed seed)', () => {
    fc.assert(
      fc.property(utf8ish, (bytes) => {
        let longestValid = 0;
        for (let k = 0; k <= bytes.length; k++) if (isUtf8(bytes.subarray(0, k))) longestValid = k;
        assert.equal(firstInvalidUtf8Byte(bytes), longestValid);
      }),
      { numRuns: 2000, seed: 1313 },
    );
  });

  it('places invalidAt on the U+FFFD that replaced the first invalid bytes, and only when there are some', () => {
    fc.assert(
      fc.property(utf8ish, (bytes) => {
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return; // a byte-order mark: another test
        if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return; // UTF-16
        const decoded = decode(bytes);
        assert.equal(decoded.text, bytes.toString('utf8'));
        if (isUtf8(bytes)) {
          assert.equal(decoded.invalidAt, undefined);
          assert.equal(decoded.lossless, true);
        } else {
          const at = decoded.invalidAt!;
          assert.equal(decoded.text[at], '\uFFFD');
          assert.equal(decoded.text.slice(0, at), bytes.subarray(0, firstInvalidUtf8Byte(bytes)).toString('utf8'));
          assert.equal(decoded.lossless, false);
        }
      }),
      { numRuns: 2000, seed: 1313 },
    );
  });

  it('counts in UTF-16 code units past a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('💳 \uFFFD ', 'utf8'), Buffer.from([0xc0, 0x80])]);
    const decoded = decode(bytes);
    assert.equal(decoded.encoding, 'utf-8-bom');
    assert.equal(decoded.invalidAt, '💳 \uFFFD '.length);
  });

  it('a valid U+FFFD is no invalid byte, in UTF-8 and UTF-16', () => {
    assert.equal(decode(Buffer.from('a \uFFFD b', 'utf8')).invalidAt, undefined);
    assert.equal(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a \uFFFD b', 'utf16le')])).invalidAt, undefined);
  });
});
