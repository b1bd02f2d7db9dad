/*
 * What a PNG or GIF file is, read from its bytes: format, size and frame
 * count, after walking its whole structure (PNG chunks with their CRCs, GIF
 * blocks up to the trailer), so that a truncated or mislabelled file is an
 * error here rather than a broken picture on a web page. Node builtins only.
 */
import * as zlib from 'node:zlib';

export interface ImageInfo {
  format: 'png' | 'gif';
  width: number;
  height: number;
  /** 1 for a still; the frame count of an animated GIF or APNG. */
  frames: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readImageInfo(bytes: Buffer): ImageInfo {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return readPng(bytes);
  const magic = bytes.subarray(0, 6).toString('latin1');
  if (magic === 'GIF87a' || magic === 'GIF89a') return readGif(bytes);
  throw new Error('neither a PNG nor a GIF (unknown signature)');
}

function readPng(bytes: Buffer): ImageInfo {
  let at = 8;
  let width = 0;
  let height = 0;
  let frames = 1;
  let sawData = false;
  for (let index = 0; ; index++) {
    if (at + 12 > bytes.length) throw new Error('PNG: cut short before IEND');
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > bytes.length) throw new Error(`PNG: chunk ${type} runs past the end of the file`);
    const crc = bytes.readUInt32BE(at + 8 + length);
    if (zlib.crc32(bytes.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`PNG: chunk ${type} fails its CRC`);
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) throw new Error('PNG: the first chunk is not IHDR');
      width = bytes.readUInt32BE(at + 8);
      height = bytes.readUInt32BE(at + 12);
    }
    if (type === 'acTL') frames = bytes.readUInt32BE(at + 8);
    if (type === 'IDAT') sawData = true;
    at = end;
    if (type === 'IEND') break;
  }
  if (!sawData) throw new Error('PNG: no image data (IDAT)');
  if (at !== bytes.length) throw new Error(`PNG: ${bytes.length - at} bytes after IEND`);
  return { format: 'png', width, height, frames };
}

function readGif(bytes: Buffer): ImageInfo {
  const byte = (at: number): number => {
    if (at >= bytes.length) throw new Error('GIF: cut short before its trailer');
    return bytes[at]!;
  };
  const width = bytes.readUInt16LE(6);
  const height = bytes.readUInt16LE(8);
  const colourTable = (flags: number): number => (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  // Data sub-blocks: a size byte, that many bytes, until a size of 0.
  const skipSubBlocks = (from: number): number => {
    let at = from;
    for (let size = byte(at); size !== 0; size = byte(at)) at += size + 1;
    return at + 1;
  };
  let at = 13 + colourTable(byte(10));
  let frames = 0;
  for (;;) {
    const introducer = byte(at);
    if (introducer === 0x3b) break;
    if (introducer === 0x21) {
      at = skipSubBlocks(at + 2);
    } else if (introducer === 0x2c) {
      frames++;
      // Descriptor (10 bytes), local colour table, LZW minimum code size, image data.
      at = skipSubBlocks(at + 10 + colourTable(byte(at + 9)) + 1);
    } else {
      throw new Error(`GIF: unexpected block 0x${introducer.toString(16)} at byte ${at}`);
    }
  }
  if (frames === 0) throw new Error('GIF: no image');
  if (at + 1 !== bytes.length) throw new Error(`GIF: ${bytes.length - at - 1} bytes after the trailer`);
  return { format: 'gif', width, height, frames };
}
