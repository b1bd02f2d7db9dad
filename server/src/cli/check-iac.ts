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

/** Undefined when no declaration among the files links to IaC; else a promise of each file's view. */
export function iacForCheck(files: readonly string[]): Promise<IacOf> | undefined {
  const linked = files.flatMap((file) => {
    try {
      return linkedDeclarations(file, decode(fs.readFileSync(file)).text);
    } catch {
      // Unreadable here is unreadable for the check too, which reports it.
      return [];
    }
  });
  if (linked.length === 0) return undefined;
  return resolveLinksOnDisk(linked).then((resolved) => (file) => resolved.viewOf(file));
}
