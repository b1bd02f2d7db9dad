/**
 * The pre-commit hook (.pre-commit-hooks.yaml), run by Debian's pre-commit
 * (scripts/e2e/install-code-server.sh installs it) in a fresh git repository
 * with `pre-commit try-repo`, as a user tries a hook before adding it. The
 * npm registry is replaced by one on localhost serving the package's tarball.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkText } from '../../server/src/core';
import { localRegistryEnv, npmTarball, PACKAGE_NAME, removeTemps, ROOT, run, runAsync, serveTarball, shown, tempDir, VERSION, type LocalRegistry } from './npm-package';

const HOOKS = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
const GAPS = fs.readFileSync(path.join(ROOT, 'examples', 'gaps.srm.yaml'), 'utf8');
const CLEAN = fs.readFileSync(path.join(ROOT, 'examples', 'payments-api.srm.yaml'), 'utf8');
/** Not a declaration: srm would report it (no workload) if the hook were given it. */
const OTHER_YAML = 'name: ci\non: push\n';

describe('the pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(120_000);
  let registry: LocalRegistry;
  let env: NodeJS.ProcessEnv;

  before(async function () {
    assert.equal(spawnSync('pre-commit', ['--version']).status, 0, 'pre-commit is installed (scripts/e2e/install-code-server.sh installs it)');
    registry = await serveTarball(npmTarball());
    const home = tempDir('pre-commit-home');
    env = { ...localRegistryEnv(registry), HOME: home, PRE_COMMIT_HOME: path.join(home, 'cache'), GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  });
  after(async function () {
    await registry?.close();
    removeTemps();
  });

  /** A git repository holding `files`, all added, as a user's repository before a commit. */
  function gitRepo(files: Record<string, string>): string {
    const dir = tempDir('pre-commit-repo', files);
    for (const args of [['init', '-q'], ['add', '-A']]) {
      const r = run('git', args, { cwd: dir, env });
      assert.equal(r.status, 0, shown(r));
    }
    return dir;
  }

  function tryRepo(dir: string) {
    return runAsync('pre-commit', ['try-repo', ROOT, 'srm-check', '--all-files', '--color', 'never'], { cwd: dir, env, timeout: 110_000 });
  }

  it('runs srm check from the npm package of this version, on declarations only', function () {
    const [hook] = HOOKS;
    assert.equal(hook.id, 'srm-check');
    assert.equal(hook.entry, `npx --yes --package=${PACKAGE_NAME}@${VERSION} -- srm check`);
    const files = new RegExp(hook.files);
    assert.deepEqual(['a.srm.yaml', 'infra/b.srm.yml', 'c.yaml', 'd.srm.yaml.bak', 'srm.yaml'].filter((f) => files.test(f)), ['a.srm.yaml', 'infra/b.srm.yml']);
  });

  it('fails a repository with gaps and shows the findings', async function () {
    const dir = gitRepo({ 'infra/gaps.srm.yaml': GAPS, 'infra/payments.srm.yaml': CLEAN, '.github/ci.yaml': OTHER_YAML });
    const r = await tryRepo(dir);
    assert.equal(r.status, 1, shown(r));
    assert.match(r.stdout, /^srm check\.+Failed$/m);
    assert.match(r.stdout, /^infra\/gaps\.srm\.yaml$/m);
    const printed = [...r.stdout.matchAll(/ {2}(SRM\d{3})$/gm)].map((m) => m[1]).sort();
    assert.deepEqual(printed, checkText(GAPS).diagnostics.map((d) => d.code).sort());
    assert.doesNotMatch(r.stdout, /ci\.yaml/, 'other YAML files are not passed to srm');
    assert.ok(registry.requests.includes('/tarball.tgz'), 'npx fetched the package from the registry');
  });

  it('passes a repository whose declarations are clean', async function () {
    const dir = gitRepo({ 'infra/payments.srm.yaml': CLEAN, '.github/ci.yaml': OTHER_YAML });
    const r = await tryRepo(dir);
    assert.equal(r.status, 0, shown(r));
    assert.match(r.stdout, /^srm check\.+Passed$/m);
  });
});
