/**
 * `srm check` and `srm report` across worker threads (`--jobs`): on a tree of a
 * few hundred declarations — two configurations (one with an owner file and an
 * organisation matrix), a file that does not parse, files `--fix` changes,
 * CRLF, a byte-order mark, bytes that are not UTF-8, a declaration linked to
 * Terraform — every format gives the same bytes, the same standard error and
 * the same exit code with two threads as in one; `--fix` writes the same
 * files. A thread that fails is one clear line and exit 2, never a wait.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { threadsFor } from '../../server/src/cli/threads';
import { CLEAN, CLI, EXAMPLES, ONE_ERROR, ONE_WARNING, REPO, SPELLING, assertBuilt, removeTempDirs, srm, srmInProcess, tempDir, type CliResult } from './helpers';

const CLI_WORKER = path.join(REPO, 'out', 'server', 'src', 'cli', 'cli-worker.js');

/** A declaration of the organisation matrix with a gap (the security monitoring layer has no owner). */
const ACME = 'workload: NAME\nmatrix: acme@1\nmodel: paas\nlayers:\n  data-classification: {owner: data-office}\n  identity-access: {owner: identity-team}\n  applications: {owner: apps}\n  runtime-middleware: {owner: platform}\n';
const UNKNOWN_OWNER = 'workload: NAME\nmodel: saas\nlayers:\n  data-classification: {owner: data-ofice}\n  endpoint-devices: {owner: workplace-it}\n  identity-access: {owner: iam-team}   # srm-ignore SRM039: the team is being renamed\n';
const BROKEN = 'workload: NAME\nmodel: [paas\nlayers:\n  data-classification: {owner: x}\n';
const TEMPLATES = [CLEAN, ONE_WARNING, ONE_ERROR, SPELLING, UNKNOWN_OWNER];

/** About 320 declarations in three folders with their own configurations, and the odd files. */
function tree(): string {
  const files: Record<string, string | Buffer> = {
    'a/srm.config.yaml': 'severity:\n  SRM003: error\nowners:\n  iam-team:\n    aliases: [identity-team]\n  workplace-it:\n  data-office:\n',
    'b/srm.config.yaml': 'matrices:\n  - "*.srm-matrix.yaml"\nowners: teams.yaml\nunknown-owner: error\n',
    'b/teams.yaml': 'data-office:\n  contact: data@example.com\niam-team:\n  aliases: [identity-team]\napps:\nplatform:\n',
    'b/acme.srm-matrix.yaml': fs.readFileSync(path.join(EXAMPLES, 'acme.srm-matrix.yaml'), 'utf8'),
    'c/broken.srm.yaml': BROKEN.replace('NAME', 'broken'),
    'c/crlf.srm.yaml': SPELLING.replace(/\n/g, '\r\n'),
    'c/bom.srm.yaml': `\uFEFF${ONE_WARNING}`,
    'c/latin1.srm.yaml': Buffer.from(`${ONE_ERROR}  applications: {owner: caf\xe9}\n`, 'latin1'),
    'c/iac/main.tf': fs.readFileSync(path.join(EXAMPLES, 'terraform', 'main.tf'), 'utf8'),
    'c/iac/orders-api.srm.yaml': fs.readFileSync(path.join(EXAMPLES, 'terraform', 'orders-api.srm.yaml'), 'utf8'),
  };
  for (let i = 0; i < 320; i++) {
    const folder = ['a', 'b', 'c'][i % 3]!;
    const text = folder === 'b' && i % 2 === 0 ? ACME : TEMPLATES[i % TEMPLATES.length]!;
    files[`${folder}/team-${i % 7}/w${i}.srm.yaml`] = text.replace(/^workload: .*$/m, `workload: w${i}`).replace('NAME', `w${i}`);
  }
  return tempDir(files);
}

function copyTree(from: string): string {
  const to = tempDir();
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** Every file below `dir`, relative path → bytes. */
function contents(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) out.set(rel, fs.readFileSync(file).toString('base64'));
  }
  return out;
}

function assertSameRun(one: CliResult, two: CliResult, what: string): void {
  assert.equal(two.status, one.status, `${what}: exit code`);
  assert.equal(two.stderr, one.stderr, `${what}: standard error`);
  assert.ok(two.stdout === one.stdout, `${what}: the report differs with two threads`);
}

/** The worker threads a run of the bundle started, counted from the CPU profiles Node writes for each thread. */
function threadsOfBundleRun(args: readonly string[], cwd: string): { threads: number; result: CliResult } {
  const profiles = tempDir();
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  const threads = fs.readdirSync(profiles).filter((f) => !/^CPU\.\d+\.\d+\.\d+\.0\./.test(f)).length;
  return { threads, result: { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) } };
}

/** A worker script of a test's own, in a folder of its own. */
function workerScript(source: string): string {
  const file = path.join(tempDir(), 'worker.js');
  fs.writeFileSync(file, source);
  return file;
}

describe('srm check and srm report with worker threads (--jobs)', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    assertBuilt();
    dir = tree();
  });
  after(removeTempDirs);

  it('starts threads for a tree this size when asked, and by itself only where they pay', () => {
    assert.equal(threadsFor(320, 2), 2);
    assert.equal(threadsFor(320, 1), 0, '--jobs 1 checks in this thread');
    assert.equal(threadsFor(20, 4), 0, 'one batch of files is not worth a thread');
    assert.equal(threadsFor(20, undefined), 0);
    const jobs = Math.min(8, os.availableParallelism() - 1);
    assert.equal(threadsFor(100_000, undefined), jobs >= 2 ? jobs : 0, 'one thread per processor but one');
    const { threads, result } = threadsOfBundleRun(['check', '--format', 'json', '--jobs', '2'], dir);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(threads, 2, 'the bundle ran two worker threads');
  });

  for (const args of [['--format', 'stylish'], ['--format', 'stylish', '--verbose', '--no-inline-ignore', '--max-warnings', '0'], ['--format', 'json'], ['--format', 'sarif']]) {
    it(`srm check ${args.join(' ')}: the same bytes, standard error and exit code as in one thread`, () => {
      const one = srm(['check', ...args, '--jobs', '1'], { cwd: dir });
      assert.equal(one.status, 1, one.stderr);
      assertSameRun(one, srm(['check', ...args, '--jobs', '2'], { cwd: dir }), args.join(' '));
    });
  }

  it('srm check -o FILE with paths and globs, and with --config: the same file written', () => {
    const config = path.join(dir, 'a', 'srm.config.yaml');
    for (const args of [['a', 'c/**/*.srm.yaml'], ['--config', config]]) {
      const out = tempDir();
      const one = srm(['check', ...args, '--format', 'json', '-o', path.join(out, '1.json'), '--jobs', '1'], { cwd: dir });
      const two = srm(['check', ...args, '--format', 'json', '-o', path.join(out, '2.json'), '--jobs', '2'], { cwd: dir });
      assertSameRun(one, two, args.join(' '));
      const written = fs.readFileSync(path.join(out, '1.json'), 'utf8');
      assert.ok((JSON.parse(written) as { files: unknown[] }).files.length > 100);
      assert.ok(fs.readFileSync(path.join(out, '2.json'), 'utf8') === written, 'the same report file');
    }
  });

  it('srm check --fix: the same files fixed, byte for byte, and the same report', () => {
    const a = copyTree(dir);
    const b = copyTree(dir);
    const one = srm(['check', '--fix', '--jobs', '1'], { cwd: a });
    const two = srm(['check', '--fix', '--jobs', '2'], { cwd: b });
    assertSameRun(one, two, '--fix');
    const fixed = Number(/^Fixed (\d+) files:/m.exec(one.stdout)?.[1]);
    assert.ok(fixed > 50, `fixes were written: ${one.stdout.slice(-400)}`);
    const before = contents(dir);
    const afterOne = contents(a);
    assert.equal([...afterOne].filter(([rel, bytes]) => before.get(rel) !== bytes).length, fixed);
    assert.deepEqual(contents(b), afterOne);
  });

  for (const args of [['--format', 'markdown'], ['--format', 'markdown', '--by', 'owner'], ['--format', 'csv'], ['--format', 'html'], ['--format', 'json'], ['--format', 'oscal-ssp']]) {
    it(`srm report ${args.join(' ')}: the same bytes as in one thread`, () => {
      const env = { SOURCE_DATE_EPOCH: '1767225600' };
      const one = srm(['report', ...args, '--jobs', '1'], { cwd: dir, env });
      assert.equal(one.status, 0, one.stderr);
      assert.ok(one.stdout.includes('w319'));
      assertSameRun(one, srm(['report', ...args, '--jobs', '2'], { cwd: dir, env }), args.join(' '));
    });
  }

  it('in-process runs start the threads too, and give the same report', async () => {
    const log = tempDir();
    const probe = workerScript(`require('node:fs').appendFileSync(${JSON.stringify(path.join(log, 'threads'))}, 'started\\n');\nrequire(${JSON.stringify(CLI_WORKER)});\n`);
    const one = await srmInProcess(['check', '--format', 'json', '--jobs', '1'], dir);
    const two = await srmInProcess(['check', '--format', 'json', '--jobs', '2'], dir, { workerScript: probe });
    assertSameRun(one, two, 'in process');
    const report = await srmInProcess(['report', '--format', 'json', '--jobs', '3'], dir, { workerScript: probe });
    assertSameRun(await srmInProcess(['report', '--format', 'json', '--jobs', '1'], dir), report, 'report in process');
    assert.equal(fs.readFileSync(path.join(log, 'threads'), 'utf8'), 'started\n'.repeat(5));
  });

  describe('a thread that fails', () => {
    const cases: [string, string, RegExp][] = [
      ['throws', 'throw new Error("the disk caught fire");', /a worker thread failed: the disk caught fire;/],
      ['exits', 'process.exit(3);', /a worker thread stopped \(exit code 3\) before it had answered;/],
      ['ends without answering', '', /a worker thread stopped \(exit code 0\) before it had answered;/],
      ['answers nonsense', 'const { parentPort } = require("node:worker_threads"); parentPort.on("message", () => parentPort.postMessage({ hello: 1 }));', /a worker thread answered with something that is not the results of its batch;/],
    ];
    for (const [what, source, message] of cases) {
      it(`${what}: one line on standard error, no report, exit 2`, async () => {
        const script = workerScript(source);
        for (const command of ['check', 'report']) {
          const r = await srmInProcess([command, '--jobs', '2'], dir, { workerScript: script });
          assert.equal(r.status, 2, `${command}: ${r.stdout}${r.stderr}`);
          assert.equal(r.stdout, '');
          assert.match(r.stderr, /^srm: [^\n]+\n$/);
          assert.match(r.stderr, message);
          assert.match(r.stderr, new RegExp(`nothing was reported\\..* srm ${command} --jobs 1 `));
        }
      });
    }

    it('after some files were fixed: says that those keep their fixes', async () => {
      const copy = copyTree(dir);
      // The real worker for the first batch, then a crash.
      const script = workerScript(`const wt = require('node:worker_threads');\nlet batches = 0;\nwt.parentPort.on('message', () => { if (++batches === 2) throw new Error('crashed'); });\nrequire(${JSON.stringify(CLI_WORKER)});\n`);
      const r = await srmInProcess(['check', '--fix', '--jobs', '2'], copy, { workerScript: script });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^srm: a worker thread failed: crashed; nothing was reported\. Files fixed before it stopped keep their fixes; the others are unchanged\. srm check --jobs 1 checks in one thread\.\n$/);
    });
  });

  it('refuses a --jobs that is not a whole number of threads, 1 or more', () => {
    for (const jobs of ['0', '-2', 'many', '1.5']) {
      for (const command of ['check', 'report']) {
        const r = srm([command, '--jobs', jobs], { cwd: dir });
        assert.equal(r.status, 2, `${command} --jobs ${jobs}`);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, `srm: --jobs takes a whole number of threads, 1 or more (1: check in one thread), not "${jobs}".\n`);
      }
    }
    assert.match(srm(['check', '--jobs'], { cwd: dir }).stderr, /^srm: --jobs needs a value\.\n$/);
    assert.match(srm(['--help']).stdout, /-j, --jobs <n> {9}check in at most n worker threads/);
  });
});
