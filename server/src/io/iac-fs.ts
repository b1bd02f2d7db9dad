/**
 * The disk as the core's read-only IacFileSystem: `/`-separated absolute
 * paths, text decoded as declarations are (UTF-8, with or without a BOM, or
 * UTF-16 with one). Links to folders are not followed (they can loop); links
 * to files are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IacFileSystem } from '../core/iac';
import { decode } from './encoding';
import { MAX_FILE_BYTES } from './file-size';


export class NodeIacFileSystem implements IacFileSystem {
  list(dir: string): { name: string; kind: 'file' | 'dir' }[] | undefined {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(toNative(dir), { withFileTypes: true });
    } catch {
      return undefined;
    }
    const out: { name: string; kind: 'file' | 'dir' }[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) out.push({ name: entry.name, kind: 'dir' });
      else if (entry.isFile()) out.push({ name: entry.name, kind: 'file' });
      else if (entry.isSymbolicLink() && this.kind(`${dir}/${entry.name}`) === 'file') out.push({ name: entry.name, kind: 'file' });
    }
    return out;
  }

  read(file: string): string | undefined {
    let fd: number | undefined;
    try {
      fd = fs.openSync(toNative(file), 'r');
      const size = fs.fstatSync(fd).size;
      if (size > MAX_FILE_BYTES) return undefined;
      const bytes = Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const n = fs.readSync(fd, bytes, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      const content = bytes.subarray(0, read);
      // Plain UTF-8 (almost every file) needs no more than that; a byte-order mark goes through the declarations' decoder.
      const marked = (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) || (content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff);
      return marked ? decode(content).text : content.toString('utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  kind(p: string): 'file' | 'dir' | undefined {
    try {
      const stat = fs.statSync(toNative(p));
      return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }
}

/** An absolute native path as the core writes it. */
export function toCorePath(native: string): string {
  return path.resolve(native).split(path.sep).join('/');
}

export function toNative(corePath: string): string {
  return path.sep === '/' ? corePath : corePath.split('/').join(path.sep);
}
