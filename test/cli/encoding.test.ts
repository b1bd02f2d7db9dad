import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLEAN, ONE_ERROR, assertBuilt, removeTempDirs, srm, tempDir } from './helpers';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** A SaaS declaration whose only problem is a spelling (`iam`), which --fix rewrites. */
const SPELLING = 'workload: crm  # ünïcode comment\nmodel: saas\nlayers:\n  data-classification: {owner: sales-ops}\n  iam: {owner: iam-team}\n  endpoint-devices: {owner: it}\n';

describe('srm check: encodings and binary files', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('reads UTF-16 LE and BE files with a byte-order mark, and UTF-8 with one', () => {
    const dir = tempDir({ 'le.srm.yaml': utf16le(CLEAN), 'be.srm.yaml': utf16be(CLEAN), 'bom.srm.yaml': utf8bom(CLEAN) });
    const r = srm(['check'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /✔ 3 files checked, no problems/);
  });

  it('reports positions in the decoded text', () => {
    const dir = tempDir({ 'le.srm.yaml': utf16le(ONE_ERROR), 'bom.srm.yaml': utf8bom(ONE_ERROR) });
    const r = srm(['check'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.stdout.match(/^ {2}3:1 {2}error {2}Identity & Access/gm)?.length, 2, r.stdout);
  });

  it('--fix keeps the UTF-8 byte-order mark and the UTF-16 encoding', () => {
    const dir = tempDir({ 'bom.srm.yaml': utf8bom(SPELLING), 'le.srm.yaml': utf16le(SPELLING), 'be.srm.yaml': utf16be(SPELLING) });
    const r = srm(['check', '--fix'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    const fixedText = SPELLING.replace('  iam:', '  identity-access:');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'bom.srm.yaml')), utf8bom(fixedText));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'le.srm.yaml')), utf16le(fixedText));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'be.srm.yaml')), utf16be(fixedText));
  });

  it('reports invalid UTF-8 as SRM023 and never rewrites such a file', () => {
    const bytes = Buffer.concat([Buffer.from(SPELLING.replace('crm', 'cr'), 'utf8'), Buffer.from([0xc3, 0x28, 0x0a])]);
    const dir = tempDir({ 'bad.srm.yaml': bytes });
    const r = srm(['check', '--fix'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /error +This file holds bytes that are not valid UTF-8.* {2}SRM023/);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'bad.srm.yaml')), bytes);
  });

  it('reports a binary file without crashing', () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const dir = tempDir({ 'image.srm.yaml': binary, 'ok.srm.yaml': CLEAN });
    for (const format of ['stylish', 'json', 'sarif']) {
      const r = srm(['check', '--format', format], { cwd: dir });
      assert.equal(r.status, 1, `${format}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /SRM023/);
    }
  });

  it('reads an empty file and a comments-only file as declaring nothing', () => {
    const dir = tempDir({ 'empty.srm.yaml': '', 'comments.srm.yaml': '# nothing yet\n' });
    const r = srm(['check'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.stdout.match(/This file declares no workload/g)?.length, 2);
  });
});
