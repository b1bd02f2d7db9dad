import { isUtf8 } from 'node:buffer';
import type { TextFacts } from '../core';

/**
 * Declaration files on disk: UTF-8 (with or without a byte-order mark) or
 * UTF-16 with a byte-order mark. The engine checks the decoded text without
 * the mark; `--fix` writes the file back as it found it.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  /** False when decoding replaced bytes (invalid UTF-8): writing the text back would lose them. */
  readonly lossless: boolean;
  /**
   * Where the first bytes that could not be decoded stand in `text` (a UTF-16
   * offset, at the U+FFFD that replaced them); undefined when every byte was
   * valid. Only the decoder knows this: a U+FFFD in the text may have been
   * written as valid UTF-8.
   */
  readonly invalidAt: number | undefined;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function decode(bytes: Buffer): Decoded {
  let text: string;
  let encoding: Encoding;
  let invalidAt: number | undefined;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    ({ text, invalidAt } = utf8(bytes.subarray(3)));
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    ({ text, invalidAt } = utf16(bytes.subarray(2), false));
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    ({ text, invalidAt } = utf16(bytes.subarray(2), true));
  } else {
    encoding = 'utf-8';
    ({ text, invalidAt } = utf8(bytes));
  }
  return { text, encoding, lossless: invalidAt === undefined && encode(text, encoding).equals(bytes), invalidAt };
}

/** Hand these to the engine (`Checker.check(text, facts)`), which reports SRM023 where they say. */
export function textFactsOf(decoded: Decoded): TextFacts {
  return decoded.invalidAt === undefined ? {} : { invalidUtf8At: decoded.invalidAt };
}

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

/** Invalid sequences become U+FFFD (as Node and the WHATWG decoder do); the first one's place is kept. */
function utf8(bytes: Buffer): { text: string; invalidAt: number | undefined } {
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text, invalidAt: undefined };
  const firstBad = firstInvalidUtf8Byte(bytes);
  // The bytes before it are valid, so they decode to exactly the start of `text`.
  return { text, invalidAt: bytes.subarray(0, firstBad).toString('utf8').length };
}

/**
 * The index of the first byte that does not start or continue a well-formed
 * UTF-8 sequence (Unicode table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF). Only called on bytes known to hold one.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b! < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (b! >= 0xc2 && b! <= 0xdf) more = 1;
    else if (b! >= 0xe0 && b! <= 0xef) {
      more = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b! >= 0xf0 && b! <= 0xf4) {
      more = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= more; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < low || c > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += more + 1;
  }
  return bytes.length;
}

/** UTF-16 code units to a string; an odd trailing byte becomes U+FFFD, the one invalid byte UTF-16 can have. */
function utf16(bytes: Buffer, bigEndian: boolean): { text: string; invalidAt: number | undefined } {
  const even = bytes.length - (bytes.length % 2);
  const units = Buffer.from(bytes.subarray(0, even));
  if (bigEndian) units.swap16();
  const text = units.toString('utf16le');
  return even < bytes.length ? { text: text + '\uFFFD', invalidAt: text.length } : { text, invalidAt: undefined };
}
