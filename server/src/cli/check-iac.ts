/**
 * `srm check` and the `iac:` link: the declarations that have links are found
 * first, the IaC they name is read (the Terraform parser is WebAssembly, loaded
 * only then), and each file is checked with what its links resolved to. A run
 * over declarations without `iac:` stays synchronous and loads nothing.
 */
import * as fs from 'node:fs';
import type { IacView } from '../core/iac';
import { decode } from '../io/encoding';
import { linkedDeclarations, resolveLinksOnDisk } from '../io/iac-links';

export type IacOf = (absolutePath: string) => IacView | undefined;

/**
 * Undefined when no declaration among the files links to IaC; else a promise
 * of each file's view. A file without links has no view: its check would ask
 * it nothing (a view answers only for the file's own `iac:` entries), and so
 * it may be checked anywhere, in a worker thread too.
 */
export function iacForCheck(files: readonly string[]): Promise<IacOf> | undefined {
  const linkedFiles = new Set<string>();
  const linked = files.flatMap((file) => {
    try {
      const bytes = fs.readFileSync(file);
      if (!mayNameIac(bytes)) return [];
      const declarations = linkedDeclarations(file, decode(bytes).text);
      if (declarations.length > 0) linkedFiles.add(file);
      return declarations;
    } catch {
      // Unreadable here is unreadable for the check too, which reports it.
      return [];
    }
  });
  if (linked.length === 0) return undefined;
  return resolveLinksOnDisk(linked).then((resolved) => (file) => (linkedFiles.has(file) ? resolved.viewOf(file) : undefined));
}

/**
 * False when the file cannot hold an `iac:` key, read from its bytes without
 * decoding them (most files of a large tree, in a fraction of the time): in
 * UTF-8 the letters "iac" are those bytes, and no other character's bytes
 * contain them. A UTF-16 file (with its byte-order mark) is decoded first.
 */
function mayNameIac(bytes: Buffer): boolean {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return utf16 || bytes.includes('iac');
}
