export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/**
 * Turns a declaration file's bytes into text: UTF-8 with or without a byte-order
 * mark, or UTF-16 with one. Invalid UTF-8 becomes U+FFFD, which the checker
 * reports (SRM023) instead of silently reading garbage.
 */
export function decodeDeclarationBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf8' };
}

/** The bytes of `text` in the encoding the file had, byte-order mark included. */
export function encodeDeclarationText(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  if (encoding === 'utf8-bom') return concat([0xef, 0xbb, 0xbf], new TextEncoder().encode(text));
  const units = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [lo, hi] = [code & 0xff, code >> 8];
    units[2 * i] = encoding === 'utf16le' ? lo : hi;
    units[2 * i + 1] = encoding === 'utf16le' ? hi : lo;
  }
  return concat(encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff], units);
}

function concat(prefix: number[], rest: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + rest.length);
  out.set(prefix, 0);
  out.set(rest, prefix.length);
  return out;
}
