import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLEAN, assertBuilt, example, removeTempDirs, srm, tempDir } from './helpers';

interface JsonReport {
  files: { path: string; fixed: boolean; diagnostics: { code: string }[] }[];
}

describe('srm check --fix', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('fixes a copy of the gaps example in place, keeping its comments, and is idempotent', () => {
    const original = example('gaps.srm.yaml');
    const dir = tempDir({ 'gaps.srm.yaml': original, 'clean.srm.yaml': CLEAN });
    const file = path.join(dir, 'gaps.srm.yaml');
    const cleanBefore = fs.statSync(path.join(dir, 'clean.srm.yaml')).mtimeMs;

    const first = srm(['check', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(first.status, 1, 'placeholders and judgement calls remain');
    const fixed = fs.readFileSync(file, 'utf8');
    assert.notEqual(fixed, original);
    const report = JSON.parse(first.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => [f.path, f.fixed]), [['clean.srm.yaml', false], ['gaps.srm.yaml', true]]);

    // Every comment line of the original is still there, in order.
    const comments = (text: string) => text.split('\n').filter((l) => l.trimStart().startsWith('#'));
    assert.deepEqual(comments(fixed), comments(original));
    assert.match(fixed, /owner: provider {13}# SRM004/);
    assert.equal(fixed.split('\n---\n').length, original.split('\n---\n').length);

    const codes = report.files[1]!.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('SRM001') && !codes.includes('SRM002'), codes.join(' '));
    assert.ok(!codes.includes('SRM008'), 'spellings were rewritten to ids');
    assert.ok(codes.includes('SRM007') && codes.includes('SRM004'), 'what needs a person stays');
    assert.match(fixed, /^ {2}applications: /m);

    const recheck = srm(['check', '--format', 'json'], { cwd: dir });
    const again = JSON.parse(recheck.stdout) as JsonReport;
    assert.deepEqual(again.files[1]!.diagnostics, report.files[1]!.diagnostics);

    const second = srm(['check', '--fix'], { cwd: dir });
    assert.equal(fs.readFileSync(file, 'utf8'), fixed, 'a second --fix changes nothing');
    assert.doesNotMatch(second.stdout, /^Fixed/m);
    assert.equal(fs.statSync(path.join(dir, 'clean.srm.yaml')).mtimeMs, cleanBefore, 'a file with nothing to fix is not written');
  });

  it('stylish names the files it fixed', () => {
    const dir = tempDir({ 'a.srm.yaml': 'workload: crm\nmodel: saas\nlayers:\n  data: {owner: sales-ops}\n  iam: {owner: iam}\n  endpoints: {owner: it}\n' });
    const r = srm(['check', '--fix'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /^Fixed 1 file: a\.srm\.yaml$/m);
    assert.match(r.stdout, /✔ 1 file checked, no problems/);
    assert.equal(
      fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'),
      'workload: crm\nmodel: saas\nlayers:\n  data-classification: {owner: sales-ops}\n  identity-access: {owner: iam}\n  endpoint-devices: {owner: it}\n',
    );
  });
});
