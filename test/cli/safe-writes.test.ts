/**
 * `srm check --fix` replaces a file only with a complete new version of it:
 * written beside it, then renamed over it. A full disk, a file changed by
 * someone else meanwhile, links and modes must never cost the user a byte.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SPELLING, SPELLING_FIXED, assertBuilt, namesIn, removeTempDirs, sarifValidator, srm, srmInProcess, tempDir } from './helpers';

interface JsonReport {
  files: { path: string; fixed: boolean; notes: { level: string; message: string }[] }[];
  summary: { failedFileCount: number };
}

const isRoot = process.getuid?.() === 0;

/** A declaration file of `count` documents, each with a spelling --fix rewrites (12 characters longer each). */
function manyDocuments(count: number): string {
  return Array.from({ length: count }, (_, i) => SPELLING.replace('workload: crm', `workload: crm-${i}`)).join('---\n');
}

/** Appends to `file` until the disk is full: what is left is less than a page. */
function fillDisk(file: string): void {
  const chunk = Buffer.alloc(1024, 0x2e);
  try {
    for (;;) fs.appendFileSync(file, chunk);
  } catch (err) {
    assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
  }
}

/** Mounts a tmpfs of `size` on a fresh folder for the duration of `body`: a disk that really fills up. */
function withSmallDisk(size: string, body: (dir: string) => void): void {
  const dir = tempDir();
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  assert.equal(mount.status, 0, `this test mounts a ${size} tmpfs, which needs root (CI runs as root): ${mount.stderr}`);
  try {
    body(dir);
  } finally {
    spawnSync('umount', [dir]);
  }
}

describe('srm check --fix: safe writes', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('on a full disk leaves the file exactly as it was, reports it, fixes the other files and exits 2', () => {
    withSmallDisk('64k', (disk) => {
      const original = manyDocuments(300);
      const big = path.join(disk, 'big.srm.yaml');
      fs.writeFileSync(big, original);
      assert.ok(original.length > 32 * 1024 && original.length < 64 * 1024, `${original.length} bytes: the file fits on the disk`);
      // Full, as disks are when this happens: even the 3.6 KB the fixes add would not fit.
      fillDisk(path.join(disk, 'filler'));
      const work = tempDir({ 'small.srm.yaml': SPELLING });

      const r = srm(['check', '--fix', big, 'small.srm.yaml'], { cwd: work });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.equal(fs.readFileSync(big, 'utf8'), original, 'not a byte of the original is lost');
      assert.deepEqual(namesIn(disk), ['big.srm.yaml', 'filler'], 'no temporary file is left behind');
      assert.equal(fs.readFileSync(path.join(work, 'small.srm.yaml'), 'utf8'), SPELLING_FIXED, 'the other file is fixed');
      const shownBig = path.relative(work, big).split(path.sep).join('/');
      assert.ok(r.stdout.includes(`${shownBig}\n  error  cannot write the fixes: no space left on device; the file is unchanged`), r.stdout);
      assert.match(r.stdout, /^Fixed 1 file: small\.srm\.yaml$/m);
      assert.match(r.stdout, /^✖ 1 file failed: .*big\.srm\.yaml$/m);
      assert.equal(r.stderr, `srm: cannot write ${shownBig}: no space left on device.\n`);

      const json = srm(['check', '--fix', '--format', 'json', big, 'small.srm.yaml'], { cwd: work });
      assert.equal(json.status, 2);
      const report = JSON.parse(json.stdout) as JsonReport;
      assert.deepEqual(report.files.map((f) => [f.fixed, f.notes.map((n) => n.level)]), [[false, ['error']], [false, []]]);
      assert.match(report.files[0]!.notes[0]!.message, /no space left on device/);
      assert.equal(report.summary.failedFileCount, 1);

      const sarif = srm(['check', '--fix', '--format', 'sarif', big, 'small.srm.yaml'], { cwd: work });
      assert.equal(sarif.status, 2);
      const log = JSON.parse(sarif.stdout);
      sarifValidator()(log);
      const invocation = log.runs[0].invocations[0];
      assert.equal(invocation.executionSuccessful, false);
      assert.equal(invocation.toolExecutionNotifications.length, 1);
      const notification = invocation.toolExecutionNotifications[0];
      assert.equal(notification.level, 'error');
      assert.match(notification.message.text, /no space left on device/);
      assert.equal(notification.locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(big).href);
      assert.equal(fs.readFileSync(big, 'utf8'), original);
    });
  });

  it('a clean run reports a successful execution in SARIF, with no notifications', () => {
    const dir = tempDir({ 'a.srm.yaml': SPELLING });
    const log = JSON.parse(srm(['check', '--fix', '--format', 'sarif'], { cwd: dir }).stdout);
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true }]);
  });

  it('keeps the mode (and, as root, the owner) and leaves no temporary file behind', () => {
    const dir = tempDir({ 'a.srm.yaml': SPELLING, 'b.srm.yaml': SPELLING });
    fs.chmodSync(path.join(dir, 'a.srm.yaml'), 0o666); // more than the usual umask lets a new file have
    fs.chmodSync(path.join(dir, 'b.srm.yaml'), 0o604);
    if (isRoot) fs.chownSync(path.join(dir, 'b.srm.yaml'), 65534, 65534);
    const r = srm(['check', '--fix'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    for (const [name, mode] of [['a.srm.yaml', 0o666], ['b.srm.yaml', 0o604]] as const) {
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), SPELLING_FIXED);
      assert.equal(fs.statSync(path.join(dir, name)).mode & 0o7777, mode, name);
    }
    if (isRoot) assert.deepEqual([fs.statSync(path.join(dir, 'b.srm.yaml')).uid, fs.statSync(path.join(dir, 'b.srm.yaml')).gid], [65534, 65534]);
    assert.deepEqual(namesIn(dir), ['a.srm.yaml', 'b.srm.yaml']);
  });

  it('writes through a symbolic link to its target: the link stays a link', () => {
    const dir = tempDir({ 'real/target.srm.yaml': SPELLING });
    fs.symlinkSync(path.join('real', 'target.srm.yaml'), path.join(dir, 'link.srm.yaml'));
    const r = srm(['check', '--fix', 'link.srm.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'link.srm.yaml')).isSymbolicLink());
    assert.equal(fs.readlinkSync(path.join(dir, 'link.srm.yaml')), path.join('real', 'target.srm.yaml'));
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'target.srm.yaml'), 'utf8'), SPELLING_FIXED);
    assert.deepEqual(namesIn(path.join(dir, 'real')), ['target.srm.yaml'], 'the new version is written beside the target');
    assert.match(r.stdout, /^Fixed 1 file: link\.srm\.yaml$/m);
  });

  it('replaces the file by a new one: its other hard links keep the old content, and the report says so (README)', () => {
    const dir = tempDir({ 'a.srm.yaml': SPELLING });
    fs.linkSync(path.join(dir, 'a.srm.yaml'), path.join(dir, 'a-backup.txt'));
    const r = srm(['check', '--fix', 'a.srm.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'), SPELLING_FIXED);
    assert.equal(fs.readFileSync(path.join(dir, 'a-backup.txt'), 'utf8'), SPELLING, 'the other name still holds the old content');
    assert.equal(fs.statSync(path.join(dir, 'a.srm.yaml')).nlink, 1);
    assert.match(r.stdout, /^a\.srm\.yaml\n {2}warning {2}it had 1 other hard link, which keeps the old content$/m);
  });

  describe('a file changed by someone else while --fix works on it', () => {
    const APPENDED = '# a line another program appended\n';

    it('is not replaced: the other change stays, the report says so, the other files are fixed, exit 2', async () => {
      const dir = tempDir({ 'a.srm.yaml': SPELLING, 'b.srm.yaml': SPELLING });
      const r = await srmInProcess(['check', '--fix'], dir, {
        afterRead: (file) => {
          if (path.basename(file) === 'a.srm.yaml') fs.appendFileSync(file, APPENDED);
        },
      });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'), SPELLING + APPENDED, 'the appended line is not lost');
      assert.equal(fs.readFileSync(path.join(dir, 'b.srm.yaml'), 'utf8'), SPELLING_FIXED);
      assert.ok(r.stdout.includes('a.srm.yaml\n  error  fix skipped: the file changed while srm was fixing it; run srm check --fix again'), r.stdout);
      assert.match(r.stdout, /^Fixed 1 file: b\.srm\.yaml$/m);
      assert.deepEqual(namesIn(dir), ['a.srm.yaml', 'b.srm.yaml']);
      assert.equal(r.stderr, 'srm: fix skipped for a.srm.yaml: the file changed while srm was fixing it.\n');
    });

    it('is noticed even when the change keeps its size and modification time', async () => {
      const dir = tempDir({ 'a.srm.yaml': SPELLING });
      // A time in whole seconds, which setting it again reproduces exactly.
      const time = 1_700_000_000;
      fs.utimesSync(path.join(dir, 'a.srm.yaml'), time, time);
      const sameSize = SPELLING.replace('workload: crm', 'workload: crx');
      const r = await srmInProcess(['check', '--fix'], dir, {
        afterRead: (file) => {
          const before = fs.statSync(file);
          fs.writeFileSync(file, sameSize);
          fs.utimesSync(file, time, time);
          const after = fs.statSync(file);
          assert.deepEqual([after.ino, after.size, after.mtimeMs], [before.ino, before.size, before.mtimeMs], 'the change shows in no file status');
        },
      });
      assert.equal(r.status, 2, r.stdout);
      assert.equal(fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'), sameSize);
      assert.match(r.stdout, /fix skipped: the file changed while srm was fixing it/);
    });
  });
});
