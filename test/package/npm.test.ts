/**
 * The npm package as a user in another repository gets it: the tarball
 * installed into an empty project with npm cut off from every registry, then
 * its two bins run from there, `srm` through npx and the language server over
 * stdio. What they report must be what the engine finds. Then `npx` without
 * installing, from a registry on localhost serving the tarball.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { checkText } from '../../server/src/core';
import { LspClient } from '../lsp/client';
import { emptyProject, localRegistryEnv, npmTarball, offlineNpmEnv, PACKAGE_NAME, removeTemps, ROOT, run, runAsync, serveTarball, shown, tempDir, VERSION, type LocalRegistry } from './npm-package';

const GAPS = fs.readFileSync(path.join(ROOT, 'examples', 'gaps.srm.yaml'), 'utf8');
const CLEAN = fs.readFileSync(path.join(ROOT, 'examples', 'payments-api.srm.yaml'), 'utf8');
const TEMPLATE = JSON.parse(fs.readFileSync(path.join(ROOT, 'packages', 'npm', 'package.json'), 'utf8'));

/** What the engine finds in the sample with gaps: the codes, sorted, and the counts the CLI's summary gives. */
function expectedFindings() {
  const { diagnostics } = checkText(GAPS);
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  return { codes: diagnostics.map((d) => d.code).sort(), errors: count('error'), warnings: count('warning') };
}

describe('the npm package, installed offline into an empty project', function () {
  this.timeout(60_000);
  let project: string;
  let env: NodeJS.ProcessEnv;
  let install: ReturnType<typeof run>;

  before(function () {
    project = emptyProject({ 'infra/gaps.srm.yaml': GAPS, 'infra/payments.srm.yaml': CLEAN });
    env = offlineNpmEnv();
    install = run('npm', ['install', '--offline', '--save-dev', npmTarball()], { cwd: project, env });
  });
  after(removeTemps);

  it('installs with no registry and an empty cache: it has nothing else to fetch', function () {
    assert.equal(install.status, 0, shown(install));
    const lock = JSON.parse(fs.readFileSync(path.join(project, 'package-lock.json'), 'utf8'));
    assert.deepEqual(Object.keys(lock.packages).sort(), ['', 'node_modules/@srm-tools/srm']);
    assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules', '.bin')).sort(), ['srm', 'srm-language-server']);
  });

  it('npx srm check: exits 1 and prints the findings of the declaration with gaps', function () {
    const r = run('npx', ['srm', 'check'], { cwd: project, env });
    assert.equal(r.status, 1, shown(r));
    const expected = expectedFindings();
    assert.match(r.stdout, /^infra\/gaps\.srm\.yaml$/m);
    assert.doesNotMatch(r.stdout, /payments\.srm\.yaml/, 'the clean declaration has nothing to show');
    const printed = [...r.stdout.matchAll(/ {2}(SRM\d{3})$/gm)].map((m) => m[1]).sort();
    assert.deepEqual(printed, expected.codes);
    assert.match(r.stdout, new RegExp(`✖ ${expected.codes.length} problems \\(${expected.errors} errors, ${expected.warnings} warnings\\)`));
  });

  it('npx srm check on a clean declaration exits 0', function () {
    const r = run('npx', ['srm', 'check', 'infra/payments.srm.yaml'], { cwd: project, env });
    assert.equal(r.status, 0, shown(r));
    assert.match(r.stdout, /1 file checked, no problems/);
  });

  it('finds no problem in the example of its own README', function () {
    const readme = fs.readFileSync(path.join(ROOT, 'packages', 'npm', 'README.md'), 'utf8');
    const example = /```yaml\n# (\S+\.srm\.yaml)\n([\s\S]*?)```/.exec(readme);
    assert.ok(example, 'the README shows a declaration');
    fs.writeFileSync(path.join(project, example[1]!), example[2]!);
    const r = run('npx', ['srm', 'check', example[1]!], { cwd: project, env });
    assert.equal(r.status, 0, shown(r));
    assert.match(r.stdout, /no problems/);
  });

  it('names itself with the package\'s version and homepage (--version, the SARIF driver)', function () {
    const version = run('npx', ['srm', '--version'], { cwd: project, env });
    assert.equal(version.stdout.trim(), VERSION, shown(version));
    const sarif = run('npx', ['srm', 'check', '--format', 'sarif'], { cwd: project, env });
    const driver = JSON.parse(sarif.stdout).runs[0].tool.driver;
    assert.equal(driver.version, VERSION);
    assert.equal(driver.informationUri, TEMPLATE.homepage);
  });

  it('npx srm-language-server --stdio: initialize, open a declaration, get its diagnostics', async function () {
    const client = await LspClient.start({ spawn: { command: 'npx', args: ['srm-language-server', '--stdio'], cwd: project, env } });
    let exitCode: number | null;
    try {
      assert.equal(client.initializeResult.serverInfo?.name, 'srm-language-server');
      const uri = URI.file(path.join(project, 'infra', 'gaps.srm.yaml')).toString();
      await client.open(uri, GAPS);
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0, 15_000);
      assert.deepEqual(diagnostics.map((d) => String(d.code)).sort(), expectedFindings().codes);
      assert.deepEqual(client.errorsLogged(), []);
    } finally {
      exitCode = await client.stop();
    }
    assert.equal(exitCode, 0, 'the server exits cleanly after shutdown and exit');
  });
});

describe('the npm package, run with npx without installing it', function () {
  this.timeout(60_000);
  let registry: LocalRegistry;

  before(async function () {
    registry = await serveTarball(npmTarball());
  });
  after(async function () {
    await registry?.close();
    removeTemps();
  });

  it('npx --yes @srm-tools/srm@<version> check: fetches the package and runs srm, its bin of the same name', async function () {
    const dir = tempDir('npx-only', { 'gaps.srm.yaml': GAPS });
    const r = await runAsync('npx', ['--yes', `${PACKAGE_NAME}@${VERSION}`, 'check'], { cwd: dir, env: localRegistryEnv(registry) });
    assert.equal(r.status, 1, shown(r));
    const expected = expectedFindings();
    assert.match(r.stdout, new RegExp(`✖ ${expected.codes.length} problems \\(${expected.errors} errors, ${expected.warnings} warnings\\)`));
    assert.ok(registry.requests.includes('/tarball.tgz'), 'it came from the registry');
  });
});
