/**
 * What `npm install @srm-tools/srm` puts on a user's disk: the tarball's files
 * against an allowlist, as test/package/vsix.test.ts does for the .vsix, and
 * the manifest npm reads.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { npmTarball, PACKAGE_NAME, removeTemps, ROOT, VERSION } from './npm-package';

/**
 * About twice today's tarball (≈ 590 KB gzipped: two readable bundles, the
 * Terraform parser's two WebAssembly files and the notices), so normal growth
 * passes and an accidental node_modules, source map or second copy of a bundle
 * does not.
 */
const SIZE_BUDGET_BYTES = 1200 * 1024;

describe('the npm package\'s tarball', function () {
  this.timeout(30_000);
  let tarball: string;
  let files: string[];
  let manifest: Record<string, unknown>;

  before(function () {
    tarball = npmTarball();
    files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  });
  after(removeTemps);

  it('holds exactly what the CLI and the language server need at run time', function () {
    assert.deepEqual(files, [
      'package/LICENSE',
      'package/README.md',
      'package/THIRD-PARTY-NOTICES.md',
      'package/dist/cli.js',
      'package/dist/server.js',
      'package/dist/tree-sitter-terraform.wasm',
      'package/dist/web-tree-sitter.wasm',
      'package/package.json',
    ]);
  });

  it('leaks no sources, tests, fixtures, source maps or node_modules', function () {
    const leaks = files.filter((n) => /node_modules\/|\.ts$|\.map$|(^|\/)(test|src|server|scripts|out|fixtures|examples)\//.test(n.replace(/^package\//, '')));
    assert.deepEqual(leaks, []);
  });

  it('has executable bins that start with a node shebang', function () {
    const listing = execFileSync('tar', ['-tvzf', tarball], { encoding: 'utf8' });
    for (const bin of ['dist/cli.js', 'dist/server.js']) {
      assert.match(listing, new RegExp(`^-rwx.* package/${bin.replace('.', '\\.')}$`, 'm'), `${bin} is executable`);
      // A readable bundle is megabytes: room for it, of which only the first line is read.
      const head = execFileSync('tar', ['-xzOf', tarball, `package/${bin}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).slice(0, 40);
      assert.ok(head.startsWith('#!/usr/bin/env node\n'), `${bin} starts with a shebang, not ${JSON.stringify(head)}`);
    }
  });

  it('declares its name, the repository\'s version, the two bins, Node 20 and a licence, and depends on nothing', function () {
    assert.equal(manifest.name, PACKAGE_NAME);
    assert.equal(manifest.version, VERSION);
    assert.deepEqual(manifest.bin, { srm: 'dist/cli.js', 'srm-language-server': 'dist/server.js' });
    assert.deepEqual(manifest.engines, { node: '>=20' });
    assert.equal(manifest.license, 'MIT');
    for (const key of ['repository', 'homepage', 'description']) assert.ok(manifest[key], `package.json has ${key}`);
    assert.deepEqual(manifest.publishConfig, { access: 'public' }, 'a scoped package is published public');
    for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts', 'private']) assert.equal(manifest[key], undefined, `package.json has no ${key}`);
  });

  it('is named with this version wherever the READMEs pin one', function () {
    for (const readme of ['README.md', 'packages/npm/README.md']) {
      const text = fs.readFileSync(path.join(ROOT, readme), 'utf8');
      const pins = [...text.matchAll(/@srm-tools\/srm@([\w.-]+)|srm-tools\/srm-tools@v([\w.-]+)|rev: v([\w.-]+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      assert.ok(pins.length > 0, `${readme} shows a pinned version`);
      assert.deepEqual([...new Set(pins)], [VERSION], `${readme} pins ${pins.join(', ')}`);
    }
  });

  it(`stays within its size budget (${SIZE_BUDGET_BYTES / 1024} KB)`, function () {
    const size = fs.statSync(tarball).size;
    assert.ok(size <= SIZE_BUDGET_BYTES, `the tarball is ${(size / 1024).toFixed(0)} KB, over the ${SIZE_BUDGET_BYTES / 1024} KB budget`);
  });
});
