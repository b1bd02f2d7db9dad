// Bundles the extension, the language server, the CLI and the webview page.
// `node scripts/build.mjs --watch` rebuilds on change; `--minify` for packaging.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify, logLevel: 'warning' };

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: true, minify, logLevel: 'warning', entryPoints: ['media/src/layer-stack/main.ts'], outfile: 'media/dist/layer-stack.js' },
];

const existing = (await import('node:fs')).existsSync;
const active = builds.filter((b) => existing(b.entryPoints[0]));
if (watch) {
  for (const b of active) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(active.map((b) => esbuild.build(b)));
}
