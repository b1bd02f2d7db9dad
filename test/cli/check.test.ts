import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLEAN, EXAMPLES, ONE_ERROR, ONE_WARNING, assertBuilt, removeTempDirs, srm, tempDir } from './helpers';

describe('srm check', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  describe('exit codes', () => {
    it('exits 0 with a clean summary when every declaration is clean', () => {
      const dir = tempDir({ 'a.srm.yaml': CLEAN, 'sub/b.srm.yml': CLEAN });
      const r = srm(['check'], { cwd: dir });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(r.stdout.trim(), '✔ 2 files checked, no problems');
      assert.equal(r.stderr, '');
    });

    it('exits 1 when a declaration has an error', () => {
      const dir = tempDir({ 'crm.srm.yaml': ONE_ERROR });
      const r = srm(['check'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^crm\.srm\.yaml$/m);
      assert.match(r.stdout, /^ {2}3:1 {2}error {2}Identity & Access \(identity-access\) has no owner\..* {2}SRM001$/m);
      assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
    });

    it('exits 0 on warnings alone, and 1 when they exceed --max-warnings', () => {
      const dir = tempDir({ 'w.srm.yaml': ONE_WARNING });
      const plain = srm(['check'], { cwd: dir });
      assert.equal(plain.status, 0);
      assert.match(plain.stdout, /12:3 {2}warning .* {2}SRM003/);
      assert.match(plain.stdout, /✖ 1 problem \(0 errors, 1 warning\)/);
      assert.equal(srm(['check', '--max-warnings', '1'], { cwd: dir }).status, 0);
      const over = srm(['check', '--max-warnings=0'], { cwd: dir });
      assert.equal(over.status, 1);
      assert.match(over.stdout, /Too many warnings: 1, the maximum is 0/);
    });

    it('exits 2 with one line on stderr for usage errors', () => {
      for (const args of [['check', '--frmat', 'json'], ['check', '--format', 'xml'], ['check', '--max-warnings', 'lots'], ['chek'], ['check', '--output']]) {
        const r = srm(args, { cwd: tempDir({ 'a.srm.yaml': CLEAN }) });
        assert.equal(r.status, 2, args.join(' '));
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /^srm: [^\n]+\n$/, `${args.join(' ')}: ${r.stderr}`);
      }
      assert.match(srm(['check', '--frmat']).stderr, /did you mean --format\?/);
    });

    it('exits 2 for a path that cannot be read, a folder without declarations and a glob that matches nothing', () => {
      const dir = tempDir({ 'empty/readme.md': '# nothing here\n', 'a.srm.yaml': CLEAN });
      const missing = srm(['check', 'nope.srm.yaml'], { cwd: dir });
      assert.equal(missing.status, 2);
      assert.equal(missing.stderr, 'srm: cannot read nope.srm.yaml: no such file or directory.\n');
      const empty = srm(['check', 'empty'], { cwd: dir });
      assert.equal(empty.status, 2);
      assert.equal(empty.stderr, 'srm: no *.srm.yaml or *.srm.yml files in empty.\n');
      const glob = srm(['check', 'nowhere/*.srm.yaml'], { cwd: dir });
      assert.equal(glob.status, 2);
      assert.match(glob.stderr, /^srm: no files match nowhere\/\*\.srm\.yaml\.\n$/);
      const none = srm(['check'], { cwd: path.join(dir, 'empty') });
      assert.equal(none.status, 2);
      assert.match(none.stderr, /^srm: no \*\.srm\.yaml or \*\.srm\.yml files below /);
      assert.doesNotMatch(missing.stderr + empty.stderr + glob.stderr + none.stderr, /\bat .*\.js:\d+/);
    });

    it('exits 2 when the report cannot be written', () => {
      const dir = tempDir({ 'a.srm.yaml': CLEAN });
      const r = srm(['check', '--output', 'no/such/folder/report.txt'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'srm: cannot write no/such/folder/report.txt: no such file or directory.\n');
    });
  });

  describe('finding files', () => {
    it('walks below the working folder for *.srm.yaml and *.srm.yml, skipping node_modules and .git', () => {
      const dir = tempDir({
        'a.srm.yaml': ONE_ERROR,
        'deep/er/b.srm.yml': ONE_ERROR,
        'node_modules/pkg/c.srm.yaml': ONE_ERROR,
        '.git/d.srm.yaml': ONE_ERROR,
        'other.yaml': 'not: a declaration\n',
      });
      const r = srm(['check', '--format', 'json'], { cwd: dir });
      const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
      assert.deepEqual(paths, ['a.srm.yaml', 'deep/er/b.srm.yml']);
    });

    it('takes files, folders and globs, each file once', () => {
      const dir = tempDir({ 'x/a.srm.yaml': CLEAN, 'x/y/b.srm.yaml': CLEAN, 'z/c.srm.yaml': CLEAN, 'plain.yaml': CLEAN });
      const list = (args: string[]) =>
        (JSON.parse(srm(['check', '--format', 'json', ...args], { cwd: dir }).stdout) as { files: { path: string }[] }).files.map((f) => f.path);
      assert.deepEqual(list(['x']), ['x/a.srm.yaml', 'x/y/b.srm.yaml']);
      assert.deepEqual(list(['x/*.srm.yaml']), ['x/a.srm.yaml']);
      assert.deepEqual(list(['**/*.srm.yaml']), ['x/a.srm.yaml', 'x/y/b.srm.yaml', 'z/c.srm.yaml']);
      assert.deepEqual(list(['{x,z}/?.srm.yaml']), ['x/a.srm.yaml', 'z/c.srm.yaml']);
      assert.deepEqual(list(['plain.yaml', 'x/a.srm.yaml', 'x']), ['plain.yaml', 'x/a.srm.yaml', 'x/y/b.srm.yaml']);
    });
  });

  describe('stylish', () => {
    it('groups findings under their file and hides hints unless --verbose', () => {
      const r = srm(['check', 'examples']);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^examples\/gaps\.srm\.yaml$/m);
      assert.doesNotMatch(r.stdout, /^examples\/payments-api\.srm\.yaml$/m, 'a clean file is not listed');
      assert.doesNotMatch(r.stdout, /\bhint\b/);
      assert.match(r.stdout, /^✖ \d+ problems \(\d+ errors, \d+ warnings\)$/m);
      const verbose = srm(['check', '--verbose', path.join(EXAMPLES, 'reporting-vm.srm.yaml')]);
      assert.equal(verbose.status, 0);
      assert.match(verbose.stdout, /^ {2}\d+:3 {2}hint {2}Physical Security is the provider's under IaaS.* {2}SRM006$/m);
      // examples/srm.config.yaml governs the file: the matrix file it brings in is checked with it.
      assert.match(verbose.stdout, /✔ 2 files checked, no problems \(1 hint\)/);
    });

    it('writes the report to --output instead of standard output', () => {
      const dir = tempDir({ 'a.srm.yaml': ONE_ERROR });
      const r = srm(['check', '-o', 'report.txt'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), /✖ 1 problem/);
    });

    it('uses no colour when standard output is not a terminal, unless forced', () => {
      const dir = tempDir({ 'a.srm.yaml': ONE_ERROR });
      // eslint-disable-next-line no-control-regex
      const ESC = /\u001b\[/;
      assert.doesNotMatch(srm(['check'], { cwd: dir }).stdout, ESC);
      assert.match(srm(['check'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, ESC);
      assert.doesNotMatch(srm(['check'], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout, ESC);
      assert.match(srm(['check', '--color'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout, ESC);
      assert.doesNotMatch(srm(['check', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, ESC);
    });
  });

  describe('--no-inline-ignore', () => {
    const SUPPRESSED = ONE_ERROR.replace('layers:\n', 'layers: # srm-ignore SRM001: identities live in the landing-zone declaration\n');

    it('honours srm-ignore comments by default and reports the findings with --no-inline-ignore', () => {
      const dir = tempDir({ 'a.srm.yaml': SUPPRESSED });
      const honoured = srm(['check'], { cwd: dir });
      assert.equal(honoured.status, 0, honoured.stdout);
      const ignored = srm(['check', '--no-inline-ignore'], { cwd: dir });
      assert.equal(ignored.status, 1);
      assert.match(ignored.stdout, /SRM001/);
    });
  });

  describe('help and version', () => {
    it('prints the usage and the version', () => {
      const help = srm(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /srm check \[files\|folders\|globs\]/);
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
      const version = srm(['--version']);
      assert.equal(version.status, 0);
      assert.equal(version.stdout, `${pkg.version}\n`);
    });
  });
});
