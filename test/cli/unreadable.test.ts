/**
 * A file that cannot be read in the middle of a run: reported with the others,
 * the rest still checked and fixed, and exit 2 once the report is out.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, SPELLING, SPELLING_FIXED, assertBuilt, removeTempDirs, srm, tempDir, type SrmOptions } from './helpers';

const NOBODY = { uid: 65534, gid: 65534 };

/**
 * A folder of files the run may write, and one it may not read. Root reads
 * everything, so as root the CLI runs as `nobody`, from a copy of the bundle
 * that `nobody` can read wherever the repository is.
 */
function folderWithUnreadableFile(files: Record<string, string>, unreadable: string): { dir: string; options: SrmOptions } {
  const dir = tempDir(files);
  fs.chmodSync(path.join(dir, unreadable), 0o000);
  if (process.getuid?.() !== 0) return { dir, options: { cwd: dir } };
  fs.chmodSync(dir, 0o755);
  fs.chownSync(dir, NOBODY.uid, NOBODY.gid);
  for (const name of Object.keys(files)) if (name !== unreadable) fs.chownSync(path.join(dir, name), NOBODY.uid, NOBODY.gid);
  const bin = tempDir();
  fs.chmodSync(bin, 0o755);
  fs.copyFileSync(CLI, path.join(bin, 'cli.js'));
  return { dir, options: { cwd: dir, user: NOBODY, cli: path.join(bin, 'cli.js') } };
}

describe('srm check: a file it cannot read', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('is reported in its place; the files before and after it are checked and fixed; exit 2 at the end', () => {
    const { dir, options } = folderWithUnreadableFile({ 'a.srm.yaml': SPELLING, 'b.srm.yaml': SPELLING, 'c.srm.yaml': SPELLING }, 'b.srm.yaml');
    const r = srm(['check', '--fix'], options);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'), SPELLING_FIXED);
    assert.equal(fs.readFileSync(path.join(dir, 'c.srm.yaml'), 'utf8'), SPELLING_FIXED);
    assert.ok(r.stdout.includes('b.srm.yaml\n  error  cannot read: permission denied\n'), r.stdout);
    assert.match(r.stdout, /^Fixed 2 files: a\.srm\.yaml, c\.srm\.yaml$/m);
    assert.match(r.stdout, /^✖ 1 file failed: b\.srm\.yaml$/m);
    assert.doesNotMatch(r.stdout, /no problems/, 'a file that was not read is not called clean');
    assert.equal(r.stderr, 'srm: cannot read b.srm.yaml: permission denied.\n');
  });

  it('json names the file with its note and counts it as failed', () => {
    const { options } = folderWithUnreadableFile({ 'a.srm.yaml': SPELLING_FIXED, 'b.srm.yaml': SPELLING }, 'b.srm.yaml');
    const r = srm(['check', '--format', 'json'], options);
    assert.equal(r.status, 2, r.stderr);
    const report = JSON.parse(r.stdout) as { files: { path: string; notes: unknown[]; diagnostics: unknown[] }[]; summary: { fileCount: number; failedFileCount: number } };
    assert.deepEqual(report.files.map((f) => [f.path, f.notes, f.diagnostics.length]), [
      ['a.srm.yaml', [], 0],
      ['b.srm.yaml', [{ level: 'error', message: 'cannot read: permission denied' }], 0],
    ]);
    assert.equal(report.summary.failedFileCount, 1);
  });
});
