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

  it('--fix never rewrites a file it reports as not UTF-8 text (a NUL byte), and says so', () => {
    const bytes = Buffer.from(SPELLING.replace('crm  #', 'crm  # \u0000'), 'utf8');
    const dir = tempDir({ 'nul.srm.yaml': bytes, 'ok.srm.yaml': SPELLING });
    const r = srm(['check', '--fix'], { cwd: dir });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'nul.srm.yaml')), bytes, 'not a byte changed');
    assert.equal(fs.readFileSync(path.join(dir, 'ok.srm.yaml'), 'utf8'), SPELLING.replace('  iam:', '  identity-access:'));
    assert.match(r.stdout, /^nul\.srm\.yaml\n {2}warning {2}not fixed: --fix never rewrites a file that is not UTF-8 text\n.*a NUL byte.* {2}SRM023$/m);
    assert.match(r.stdout, /^Fixed 1 file: ok\.srm\.yaml$/m);
  });

  it('a valid UTF-8 file that holds U+FFFD is text: no SRM023, and --fix fixes it', () => {
    const withReplacementChar = (text: string) => text.replace('crm  #', 'crm  # \uFFFD is a character like any other;');
    const dir = tempDir({ 'fffd.srm.yaml': withReplacementChar(SPELLING), 'clean.srm.yaml': CLEAN.replace('payments-api', 'payments-api  # \uFFFD') });
    const r = srm(['check', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    assert.doesNotMatch(r.stdout, /SRM023/);
    assert.equal(fs.readFileSync(path.join(dir, 'fffd.srm.yaml'), 'utf8'), withReplacementChar(SPELLING).replace('  iam:', '  identity-access:'));
  });

  it('places SRM023 at the first byte that is not valid UTF-8, past a valid U+FFFD, in UTF-16 columns', () => {
    const bytes = Buffer.concat([
      Buffer.from('workload: crm  # \uFFFD\nmodel: saas  # 💳 ', 'utf8'),
      Buffer.from([0xe2, 0x28, 0xa1]),
      Buffer.from(' and \uFFFD\nlayers: {}\n', 'utf8'),
    ]);
    const dir = tempDir({ 'bad.srm.yaml': bytes, 'bom.srm.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) });
    const r = srm(['check', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; line: number; column: number; message: string }[] }[] };
    for (const file of report.files) {
      const notText = file.diagnostics.filter((d) => d.code === 'SRM023');
      assert.deepEqual(notText.map((d) => [d.line, d.column]), [[2, 'model: saas  # 💳 '.length + 1]], file.path);
      assert.match(notText[0]!.message, /not valid UTF-8/);
    }
  });

  it('an odd byte at the end of a UTF-16 file is SRM023, and --fix leaves the file alone', () => {
    const bytes = Buffer.concat([utf16le(SPELLING), Buffer.from([0x41])]);
    const dir = tempDir({ 'odd.srm.yaml': bytes });
    const r = srm(['check', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 1);
    const file = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string; line: number }[] }[] }).files[0];
    assert.deepEqual(file!.diagnostics.filter((d) => d.code === 'SRM023').map((d) => d.line), [SPELLING.split('\n').length]);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'odd.srm.yaml')), bytes);
  });
});
