/**
 * The web bundles' guard (scripts/no-node-built-ins.mjs, used by
 * scripts/build.mjs for dist/browser-extension.js and dist/browser-server.js):
 * a Node built-in imported anywhere in a web bundle fails the build, and says
 * which module imported it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ROOT } from './worker-host';

type PluginFactory = () => esbuild.Plugin;

describe('the web bundles refuse Node built-ins', function () {
  let noNodeBuiltIns: PluginFactory;
  let dir: string;

  before(async function () {
    ({ noNodeBuiltIns } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'no-node-built-ins.mjs')).href)) as { noNodeBuiltIns: PluginFactory });
    // Inside the repository, so that packages resolve from its node_modules.
    dir = fs.mkdtempSync(path.join(ROOT, 'out', 'web-bundle-'));
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Bundles an entry that imports `helper.ts`, whose text is `helper`, as the web bundles are built. */
  async function bundle(helper: string): Promise<esbuild.BuildResult> {
    fs.writeFileSync(path.join(dir, 'helper.ts'), helper);
    fs.writeFileSync(path.join(dir, 'entry.ts'), "import { value } from './helper';\nconsole.log(value);\n");
    return esbuild.build({ entryPoints: [path.join(dir, 'entry.ts')], bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [noNodeBuiltIns()] });
  }

  for (const builtIn of ['node:fs', 'fs/promises', 'path', 'worker_threads']) {
    it(`fails on ${builtIn}, naming the importer`, async function () {
      await assert.rejects(bundle(`import * as m from '${builtIn}';\nexport const value = Object.keys(m).length;\n`), (error: esbuild.BuildFailure) => {
        assert.equal(error.errors.length, 1);
        assert.match(error.errors[0]!.text, new RegExp(`"${builtIn}" is a Node built-in.*helper\\.ts`));
        return true;
      });
    });
  }

  it('builds code that needs no Node, a package from node_modules included', async function () {
    const result = await bundle("import { URI } from 'vscode-uri';\nexport const value = URI.parse('vscode-vfs://github/a/b').path;\n");
    assert.deepEqual(result.errors, []);
  });
});
