#!/usr/bin/env node
// Bundles the layer stack webview page: media/src/layer-stack/main.ts → media/dist/layer-stack.js.
// Usage: node scripts/build-webview.mjs [--watch] [--minify] [--sourcemap]
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: ['media/src/layer-stack/main.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  outfile: 'media/dist/layer-stack.js',
  minify: args.has('--minify'),
  sourcemap: args.has('--sourcemap') ? 'linked' : false,
  legalComments: 'none',
  logLevel: 'info',
};

if (args.has('--watch')) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('[build-webview] watching media/src/layer-stack for changes');
} else {
  await esbuild.build(options);
}
