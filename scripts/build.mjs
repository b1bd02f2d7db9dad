// Bundles the extension, the language server, the CLI and the webview page.
// `--watch` rebuilds on change; `--minify` for packaging; `--only=webview` (or
// extension, server, cli) builds one bundle.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify, logLevel: 'warning' };

const builds = [
  { name: 'extension', ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { name: 'server', ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { name: 'cli', ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { name: 'webview', bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: true, minify, logLevel: 'warning', entryPoints: ['media/src/layer-stack/main.ts'], outfile: 'media/dist/layer-stack.js' },
  { name: 'webview', bundle: true, platform: 'browser', target: 'es2020', format: 'iife', sourcemap: true, minify, logLevel: 'warning', entryPoints: ['media/src/report/main.ts'], outfile: 'media/dist/report.js' },
];

const active = builds.filter((b) => !only || b.name === only).map(({ name: _, ...options }) => options);
if (watch) {
  for (const b of active) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(active.map((b) => esbuild.build(b)));
}
