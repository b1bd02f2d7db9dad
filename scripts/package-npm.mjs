// Builds the npm package of the CLI and the language server (@srm-tools/srm)
// into a tarball: `npm run package:npm` → srm-tools-srm-<version>.tgz here.
//
// The package is assembled in a staging folder of its own, from
// packages/npm/ (package.json without a version, README.md), the repository's
// LICENSE and version, and two esbuild bundles; then `npm pack` runs there.
// The extension's package.json is never published.
//
// The bundles are not minified and ship without source maps: a stack trace a
// user pastes into an issue then points at readable code (esbuild marks every
// module with its source path), and the package has no .map to get stale.
// They must need nothing from node_modules at run time: the build fails when a
// bundle imports anything but Node's own modules, so the package declares no
// dependencies and installs offline. What they bundle is listed, with each
// package's licence text, in THIRD-PARTY-NOTICES.md (the MIT and ISC licences
// ask for their notice in every copy).
//
// Usage: node scripts/package-npm.mjs [--out-dir DIR]   (prints the tarball's path)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const template = path.join(root, 'packages', 'npm');
const outFlag = process.argv.indexOf('--out-dir');
const outDir = path.resolve(outFlag >= 0 ? process.argv[outFlag + 1] : root);

const BUNDLES = [
  { entry: 'server/src/cli/main.ts', file: 'dist/cli.js' },
  { entry: 'server/src/lsp/main.ts', file: 'dist/server.js' },
];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
// The Terraform parser's WebAssembly, read at run time from beside the bundles (server/src/io/tree-sitter.ts),
// and the packages it comes from: their licences go in the notices although no JavaScript of the grammar is bundled.
const WASM = [
  { from: 'node_modules/web-tree-sitter/web-tree-sitter.wasm', file: 'dist/web-tree-sitter.wasm' },
  { from: 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', file: 'dist/tree-sitter-terraform.wasm' },
];
const WASM_PACKAGES = ['node_modules/web-tree-sitter', 'node_modules/@tree-sitter-grammars/tree-sitter-hcl'];

/** Bundles one entry into the stage; returns the esbuild metafile. */
async function bundle(stage, { entry, file }) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: path.join(stage, file),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'inline',
    // web-tree-sitter's ES module build finds itself through import.meta.url, which a CommonJS bundle has not.
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
    metafile: true,
    logLevel: 'warning',
  });
  fs.chmodSync(path.join(stage, file), 0o755);
  return result.metafile;
}

/** What a bundle would still import from node_modules at run time. */
function externals(metafile) {
  return Object.entries(metafile.outputs).flatMap(([file, output]) =>
    output.imports.filter((i) => i.external && !BUILTINS.has(i.path)).map((i) => `${path.relative(root, file)} imports ${i.path}`),
  );
}

/** The folders of the node_modules packages bundled, e.g. node_modules/yaml. */
function bundledPackages(metafiles) {
  const dirs = metafiles.flatMap((m) => Object.keys(m.inputs)).map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]);
  return [...new Set(dirs.filter((d) => d !== undefined))].sort();
}

function writeNotices(stage, packageDirs) {
  const sections = packageDirs.map((dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const licenceFile = fs.readdirSync(path.join(root, dir)).find((f) => /^licen[cs]e/i.test(f));
    if (!licenceFile) throw new Error(`${dir} has no licence file to copy into the notices`);
    const text = fs.readFileSync(path.join(root, dir, licenceFile), 'utf8').trim();
    return `## ${pkg.name} ${pkg.version} (${pkg.license})\n\n\`\`\`\n${text}\n\`\`\`\n`;
  });
  const intro = '# Third-party notices\n\nThe bundles in dist/ include these packages, under their own licences:\n\n';
  fs.writeFileSync(path.join(stage, 'THIRD-PARTY-NOTICES.md'), intro + sections.join('\n'));
}

function writeManifest(stage) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { name, ...rest } = JSON.parse(fs.readFileSync(path.join(template, 'package.json'), 'utf8'));
  // name, then version: the order npm and readers expect.
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ name, version, ...rest }, null, 2) + '\n');
  fs.copyFileSync(path.join(template, 'README.md'), path.join(stage, 'README.md'));
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-npm-stage-'));
try {
  writeManifest(stage);
  const metafiles = await Promise.all(BUNDLES.map((b) => bundle(stage, b)));
  for (const w of WASM) fs.copyFileSync(path.join(root, w.from), path.join(stage, w.file));
  writeNotices(stage, [...new Set([...bundledPackages(metafiles), ...WASM_PACKAGES])].sort());
  const outside = metafiles.flatMap(externals);
  if (outside.length > 0) {
    console.error(`package-npm: the bundles must run without node_modules, but ${outside.join('; ')}. Bundle it, or declare it as a dependency.`);
    process.exitCode = 1;
  } else {
    fs.mkdirSync(outDir, { recursive: true });
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    console.log(path.join(outDir, packed[0].filename));
  }
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
