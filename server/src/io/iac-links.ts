/**
 * Declarations' `iac:` links resolved against the disk: what `srm check`,
 * `srm discover` and the language server share. The engine is core/iac; this
 * file supplies the parser and the file system.
 */
import { Checker } from '../core';
import { buildInventory, createIacView, declarationIacOf, dirnameOf, joinPath, mayHoldIacLinks, resolveClaims, type ClaimReport, type DeclarationIac, type IacView, type Inventory, type TerraformParser } from '../core/iac';
import * as fs from 'node:fs';
import { walkFiles } from './walk';
import { SKIPPED_FOLDERS, type IacFileSystem } from '../core/iac';
import { decode } from './encoding';
import { NodeIacFileSystem, toCorePath, toNative } from './iac-fs';

const DECLARATION_FILE = /\.srm\.ya?ml$/;
import { loadTerraformParser } from './tree-sitter';

/** The declarations of one file's text with their links (core paths); none when the text holds no `iac:`. */
export function linkedDeclarations(absolutePath: string, text: string): DeclarationIac[] {
  if (!mayHoldIacLinks(text)) return [];
  const file = toCorePath(absolutePath);
  // Parsing alone: which matrix or configuration governs the file does not change its links.
  return new Checker().check(text).documents.map((d) => declarationIacOf(file, d.declaration));
}

export interface ResolvedLinks {
  readonly inventory: Inventory;
  readonly report: ClaimReport;
  /** What one declaration file's links resolved to, for its Checker. */
  viewOf(absolutePath: string): IacView;
}

export interface ResolveOptions {
  /** More files and folders to read (core paths): what `srm discover` was asked about. */
  readonly roots?: readonly string[];
  /** Only resources rooted inside these count as undeclared (default: every one read). */
  readonly scope?: readonly string[];
  readonly parser?: TerraformParser;
  /** What to read the IaC from (default: the disk); the editor lays its open documents over it. */
  readonly fs?: IacFileSystem;
}

/**
 * Reads the IaC the declarations link to (and any roots), then resolves every
 * claim. Loads the Terraform parser (WebAssembly, once per process) first.
 */
export async function resolveLinksOnDisk(declarations: readonly DeclarationIac[], options: ResolveOptions = {}): Promise<ResolvedLinks> {
  const parser = options.parser ?? (await loadTerraformParser());
  const files = options.fs ?? new NodeIacFileSystem();
  const targets = declarations.flatMap((d) => d.links.map((l) => joinPath(dirnameOf(d.file), l.path)));
  const inventory = buildInventory({ fs: files, parser, roots: [...(options.roots ?? []), ...targets] });
  const report = resolveClaims(declarations, inventory, files, options.scope);
  const views = new Map<string, IacView>();
  return {
    inventory,
    report,
    viewOf(absolutePath) {
      const file = toCorePath(absolutePath);
      let view = views.get(file);
      if (!view) views.set(file, (view = createIacView(report, file)));
      return view;
    },
  };
}

/** Every declaration file below the roots (core paths), the folders discovery skips left out. */
export function findDeclarationFiles(roots: readonly string[]): string[] {
  const found = new Set<string>();
  for (const root of roots) {
    if (DECLARATION_FILE.test(root)) found.add(root);
    // The one walk (io/walk.ts), without the folders IaC tools fill with copies (.terraform, cdk.out, ...).
    else for (const file of walkFiles(toNative(root), (relative) => DECLARATION_FILE.test(relative), { tolerant: true, skipped: SKIPPED_FOLDERS })) found.add(toCorePath(file));
  }
  return [...found].sort();
}

/** The `iac:` links of each declaration in a file. */
export function readLinkedDeclarations(file: string): DeclarationIac[] {
  try {
    return linkedDeclarations(toNative(file), decode(fs.readFileSync(toNative(file))).text);
  } catch {
    return [];
  }
}
