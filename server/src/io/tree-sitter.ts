/**
 * Loads web-tree-sitter and the Terraform grammar in Node: the bytes come from
 * the files next to the bundle (dist/, where scripts/build.mjs copies them) or,
 * unbundled (tests, out/), from the packages. The core receives the ready
 * parser; a browser worker would do the same with fetched bytes through
 * `createTerraformParser`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { TerraformParser } from '../core/iac';

/** The two WebAssembly files: the runtime and the grammar. */
export const RUNTIME_WASM = 'web-tree-sitter.wasm';
export const TERRAFORM_WASM = 'tree-sitter-terraform.wasm';

let initialised: Promise<void> | undefined;

/** A parser from the wasm bytes, wherever they came from. The runtime is initialised once per process (again would replace it under the parsers made). */
export async function createTerraformParser(runtime: Uint8Array, grammar: Uint8Array): Promise<TerraformParser & { readonly abiVersion: number }> {
  await (initialised ??= Parser.init({ wasmBinary: runtime }));
  const language = await Language.load(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    abiVersion: language.abiVersion,
    parse: (text) => parser.parse(text),
  };
}

let loading: Promise<TerraformParser & { readonly abiVersion: number }> | undefined;

/** The process's one Terraform parser (web-tree-sitter initialises once per process). */
export function loadTerraformParser(): Promise<TerraformParser & { readonly abiVersion: number }> {
  return (loading ??= createTerraformParser(fs.readFileSync(wasmPath(RUNTIME_WASM)), fs.readFileSync(wasmPath(TERRAFORM_WASM))));
}

/** Next to the running bundle first; else from the npm packages. */
export function wasmPath(name: typeof RUNTIME_WASM | typeof TERRAFORM_WASM): string {
  const beside = path.join(__dirname, name);
  if (fs.existsSync(beside)) return beside;
  // A computed specifier: the bundler leaves it to Node, which finds the package from the repository's node_modules.
  const pkg = name === RUNTIME_WASM ? 'web-tree-sitter' : '@tree-sitter-grammars/tree-sitter-hcl';
  return require.resolve(`${pkg}/${name}`);
}
