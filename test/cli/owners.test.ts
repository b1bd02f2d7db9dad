/**
 * `srm check` and the owner directory: unknown owners at the configuration's
 * `unknown-owner` severity, aliases as hints, and `--fix` that never picks an
 * owner but writes an alias's canonical name.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertBuilt, removeTempDirs, srm, tempDir } from './helpers';

const CONFIG = 'owners:\n  iam-team:\n    aliases: [identity-team]\n  workplace-it:\n  data-office:\n';
const DECLARATION = 'workload: mail\nmodel: saas\nlayers:\n  data-classification: {owner: data-ofice}   # a typo\n  endpoint-devices: {owner: workplace-it}\n  identity-access: {owner: identity-team}\n';

interface JsonFinding { code: string; severity: string; message: string; line: number; fixes: { title: string; safe: boolean; preferred: boolean }[] }

function findings(dir: string): JsonFinding[] {
  const r = srm(['check', '--format', 'json'], { cwd: dir });
  return (JSON.parse(r.stdout) as { files: { diagnostics: JsonFinding[] }[] }).files.flatMap((f) => f.diagnostics);
}

describe('srm check: the owner directory', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('reports an unknown owner with did-you-mean fixes and an alias as a hint, and exits 0 on warnings', () => {
    const dir = tempDir({ 'srm.config.yaml': CONFIG, 'mail.srm.yaml': DECLARATION });
    const r = srm(['check'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /4:\d+ {2}warning {2}The owner of Data & Classification, "data-ofice", is not in the owner directory\. Did you mean data-office\? {2}SRM039/);
    const all = findings(dir);
    const unknown = all.find((d) => d.code === 'SRM039')!;
    assert.deepEqual(unknown.fixes.map((f) => [f.title, f.safe, f.preferred]), [['Change to data-office', false, true]]);
    assert.deepEqual(all.filter((d) => d.code === 'SRM040').map((d) => [d.line, d.severity]), [[6, 'hint']]);
  });

  it('follows unknown-owner: error makes the run fail, off silences it; without a directory nobody is unknown', () => {
    const strict = tempDir({ 'srm.config.yaml': `${CONFIG}unknown-owner: error\n`, 'mail.srm.yaml': DECLARATION });
    assert.equal(srm(['check'], { cwd: strict }).status, 1);
    assert.deepEqual(findings(strict).filter((d) => d.code === 'SRM039').map((d) => d.severity), ['error']);
    const off = tempDir({ 'srm.config.yaml': `${CONFIG}unknown-owner: off\n`, 'mail.srm.yaml': DECLARATION });
    assert.deepEqual(findings(off).map((d) => d.code), ['SRM040']);
    const none = tempDir({ 'mail.srm.yaml': DECLARATION });
    assert.deepEqual(findings(none), []);
  });

  it('--fix writes the canonical name of an alias and leaves the unknown owner for a person', () => {
    const dir = tempDir({ 'srm.config.yaml': CONFIG, 'mail.srm.yaml': DECLARATION });
    srm(['check', '--fix'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'mail.srm.yaml'), 'utf8'), DECLARATION.replace('{owner: identity-team}', '{owner: iam-team}'));
  });
});
