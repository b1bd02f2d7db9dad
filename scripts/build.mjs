// Bundles the extension, the language server, the CLI and the webview page.
// `--watch` rebuilds on change; `--minify` for packaging; `--only=webview` (or
// extension, server, cli, browser-extension, browser-server) builds one bundle.
import * as esbuild from 'esbuild';
import { noNodeBuiltIns } from './no-node-built-ins.mjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify, logLevel: 'warning' };

/**
 * The web extension (vscode.dev, github.dev): the client for a web extension
 * host, and the server for a web worker. For the server, a module with a
 * `.browser.ts` sibling resolves to that sibling (disk.ts → disk.browser.ts):
 * the few modules that need Node (the disk, worker threads) have a browser
 * stand-in, and everything else is the same code as the Node server.
 */
const web = { bundle: true, platform: 'browser', target: 'es2022', sourcemap: true, minify, logLevel: 'warning', plugins: [noNodeBuiltIns()] };
const BROWSER_FIRST = ['.browser.ts', '.ts', '.js', '.mjs', '.json'];

const builds = [
  { name: 'extension', ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { name: 'server', ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { name: 'cli', ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { name: 'browser-extension', ...web, format: 'cjs', entryPoints: ['src/browser-extension.ts'], outfile: 'dist/browser-extension.js', external: ['vscode'] },
  { name: 'browser-server', ...web, format: 'iife', entryPoints: ['server/src/lsp/browser-main.ts'], outfile: 'dist/browser-server.js', resolveExtensions: BROWSER_FIRST },
  { name: 'webview', bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: true, minify, logLevel: 'warning', entryPoints: ['media/src/layer-stack/main.ts'], outfile: 'media/dist/layer-stack.js' },
];

const active = builds.filter((b) => !only || b.name === only).map(({ name: _, ...options }) => options);
if (watch) {
  for (const b of active) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(active.map((b) => esbuild.build(b)));
}
