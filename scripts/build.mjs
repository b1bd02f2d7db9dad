// Bundles the extension, the language server, the CLI and the webview page.
// `--watch` rebuilds on change; `--minify` for packaging; `--only=webview` (or
// extension, server, cli, browser-extension, browser-server) builds one bundle.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { noNodeBuiltIns } from './no-node-built-ins.mjs';

// The Terraform parser's WebAssembly (the web-tree-sitter runtime and the grammar) is read at run
// time from beside the bundle: server/src/io/tree-sitter.ts looks in dist/ first.
const require = createRequire(import.meta.url);
const WASM = ['web-tree-sitter/web-tree-sitter.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'];
function copyWasm() {
  mkdirSync('dist', { recursive: true });
  for (const file of WASM) copyFileSync(require.resolve(file), `dist/${file.split('/').pop()}`);
}

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

// web-tree-sitter's ES module build looks for itself through import.meta.url, which a CommonJS bundle has not: take its CommonJS build.
const alias = { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' };
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify, logLevel: 'warning', alias };

/**
 * The web extension (vscode.dev, github.dev): the client for a web extension
 * host, and the server for a web worker. For the server, a module with a
 * `.browser.ts` sibling resolves to that sibling (disk.ts → disk.browser.ts):
 * the few modules that need Node (the disk, worker threads) have a browser
 * stand-in, and everything else is the same code as the Node server.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const SRM_PACKAGE = JSON.stringify({ name: pkg.name, version: pkg.version, homepage: pkg.homepage });
const web = { bundle: true, platform: 'browser', target: 'es2022', sourcemap: true, minify, logLevel: 'warning', plugins: [noNodeBuiltIns()], define: { SRM_PACKAGE } };
const BROWSER_FIRST = ['.browser.ts', '.ts', '.js', '.mjs', '.json'];

const builds = [
  { name: 'extension', ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { name: 'server', ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { name: 'cli', ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { name: 'browser-extension', ...web, format: 'cjs', entryPoints: ['src/browser-extension.ts'], outfile: 'dist/browser-extension.js', external: ['vscode'] },
  { name: 'browser-server', ...web, format: 'iife', entryPoints: ['server/src/lsp/browser-main.ts'], outfile: 'dist/browser-server.js', resolveExtensions: BROWSER_FIRST },
  { name: 'webview', bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: true, minify, logLevel: 'warning', entryPoints: ['media/src/layer-stack/main.ts'], outfile: 'media/dist/layer-stack.js' },
  { name: 'webview', bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: true, minify, logLevel: 'warning', entryPoints: ['media/src/report/main.ts'], outfile: 'media/dist/report.js' },
];

if (!only || only === 'server' || only === 'cli') copyWasm();
const active = builds.filter((b) => !only || b.name === only).map(({ name: _, ...options }) => options);
if (watch) {
  for (const b of active) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(active.map((b) => esbuild.build(b)));
}
