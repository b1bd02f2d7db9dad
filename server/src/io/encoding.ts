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
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function decode(bytes: Buffer): Decoded {
  let text: string;
  let encoding: Encoding;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = bytes.subarray(3).toString('utf8');
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = utf16(bytes.subarray(2), false);
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = utf16(bytes.subarray(2), true);
  } else {
    encoding = 'utf-8';
    // Invalid sequences become U+FFFD, which the engine reports (SRM023).
    text = bytes.toString('utf8');
  }
  return { text, encoding, lossless: encode(text, encoding).equals(bytes) };
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

/** UTF-16 code units to a string; an odd trailing byte becomes U+FFFD. */
function utf16(bytes: Buffer, bigEndian: boolean): string {
  const even = bytes.length - (bytes.length % 2);
  const units = Buffer.from(bytes.subarray(0, even));
  if (bigEndian) units.swap16();
  return units.toString('utf16le') + (even < bytes.length ? '\uFFFD' : '');
}
