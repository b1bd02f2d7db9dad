import * as fs from 'node:fs';
import * as path from 'node:path';
import { decode } from '../io/encoding';
import { MAX_FILE_BYTES } from '../io/file-size';

/** A data file's text on disk; undefined when it cannot be read or is too large to be one of ours. */
export function readDataFile(file: string): string | undefined {
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return undefined;
    return decode(fs.readFileSync(file)).text;
  } catch {
    return undefined;
  }
}

/** The path of `relative`, written in the file at `from`. */
export function resolveFrom(from: string, relative: string): string {
  return path.resolve(path.dirname(from), relative);
}
