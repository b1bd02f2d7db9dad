import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';

const ROOT = path.resolve(__dirname, '../../..');
const VSIX = path.join(ROOT, 'srm-tools.vsix');

/**
 * What a user downloads. The budget is about twice today's package (≈ 490 KB:
 * four minified bundles, the client and the server each for the desktop and for
 * the browser, the webview page, the grammar, schema and snippets), so normal
 * growth passes and an accidental node_modules or source map does not.
 */
const SIZE_BUDGET_BYTES = 1000 * 1024;

function listVsix(file: string): Promise<{ name: string; size: number }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries: { name: string; size: number }[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ name: e.fileName, size: e.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the packaged .vsix', function () {
  let entries: { name: string; size: number }[];

  before(async function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
    entries = await listVsix(VSIX);
  });

  it('holds exactly what the extension needs at run time', function () {
    const files = entries.map((e) => e.name).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length)).sort();
    assert.deepEqual(files, [
      'LICENSE.txt',
      'changelog.md',
      'dist/browser-extension.js',
      'dist/browser-server.js',
      'dist/extension.js',
      'dist/server.js',
      'dist/tree-sitter-terraform.wasm',
      'dist/web-tree-sitter.wasm',
      'language-configuration.json',
      'media/dist/layer-stack.js',
      'media/dist/report.js',
      'media/icon.png',
      'media/layer-stack.css',
      'media/report.css',
      'package.json',
      'readme.md',
      'schemas/srm-config.schema.json',
      'schemas/srm-matrix.schema.json',
      'schemas/srm.schema.json',
      'snippets/srm.json',
      'syntaxes/srm.tmLanguage.json',
    ]);
  });

  it('holds every schema package.json contributes to YAML validation', function () {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { url: string }[] } };
    const names = new Set(entries.map((e) => e.name));
    const urls = manifest.contributes.yamlValidation.map((v) => v.url.replace(/^\.\//, ''));
    assert.deepEqual(urls.filter((u) => !names.has(`extension/${u}`)), []);
    assert.ok(urls.includes('schemas/srm-matrix.schema.json') && urls.includes('schemas/srm-config.schema.json'));
  });

  it('packages the entry points package.json names: main (desktop) and browser (vscode.dev, github.dev)', function () {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const names = new Set(entries.map((e) => e.name));
    for (const key of ['main', 'browser']) {
      assert.equal(typeof manifest[key], 'string', `package.json declares ${key}`);
      assert.ok(names.has(`extension/${path.posix.normalize(manifest[key])}`), `${manifest[key]} (${key}) is in the package`);
    }
  });

  it('leaks no sources, tests, source maps or node_modules', function () {
    const leaks = entries.map((e) => e.name).filter((n) => /node_modules\/|\.ts$|\.map$|(^|\/)(test|src|server|scripts|out|\.tools|\.artifacts)\//.test(n.replace(/^extension\//, '')));
    assert.deepEqual(leaks, []);
  });

  it(`stays within its size budget (${SIZE_BUDGET_BYTES / 1024} KB)`, function () {
    const size = fs.statSync(VSIX).size;
    assert.ok(size <= SIZE_BUDGET_BYTES, `the .vsix is ${(size / 1024).toFixed(0)} KB, over the ${SIZE_BUDGET_BYTES / 1024} KB budget`);
  });

  it('declares the metadata a marketplace listing needs', function () {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const key of ['displayName', 'description', 'categories', 'keywords', 'icon', 'license', 'repository', 'publisher', 'version']) {
      assert.ok(manifest[key], `package.json lacks ${key}`);
    }
    assert.ok(manifest.capabilities?.untrustedWorkspaces, 'untrustedWorkspaces is declared');
    assert.ok(manifest.capabilities?.virtualWorkspaces, 'virtualWorkspaces is declared');
  });
});
