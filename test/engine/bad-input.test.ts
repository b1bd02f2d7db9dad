/**
 * Inputs too large or too hostile to commit as fixtures: generated here. Every
 * test asserts that the engine finishes and what it reports, never how fast.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Checker, checkText, fixText, ruleByCode, type Diagnostic } from '../../server/src/core';
import { FIXTURE_DIR, assertSpanInText, codes, ofCode, syntaxErrors } from './helpers';

const MiB = 1024 * 1024;
const COMPLETE_SAAS = 'workload: mail\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n';

/** The classic "billion laughs": `levels` anchors, each a list of `width` aliases to the one before. */
function laughs(levels: number, width: number, key = 'bomb'): string {
  const lines = ['l0: &l0 "lol"'];
  for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n${key}: *l${levels}\n`;
}

function assertSane(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    assertSpanInText(text, d);
    assert.doesNotMatch(d.message, /Internal error/);
  }
}

describe('bad input: generated', function () {
  // Generous: these guard against hangs and blow-ups, not against slowness.
  this.timeout(60_000);

  describe('files too large (SRM022)', () => {
    it('reports a file over 8 MiB as too large, and nothing else', () => {
      const text = `${COMPLETE_SAAS}# ${'x'.repeat(8 * MiB)}\n`;
      const result = checkText(text);
      assert.deepEqual(codes(result.diagnostics), ['SRM022']);
      const [d] = result.diagnostics;
      assert.equal(d!.severity, 'error');
      assert.deepEqual(d!.span, { start: 0, end: 0 });
      assert.match(d!.message, /the checker reads at most 8\.0 MB/);
      assert.match(d!.message, /Split it/);
      assert.deepEqual(result.documents, []);
    });

    it('checks a file of exactly the limit, and reports one a unit over (a smaller limit, to stay quick)', () => {
      const atLimit = COMPLETE_SAAS;
      assert.deepEqual(codes(checkText(atLimit, { maxLength: atLimit.length }).diagnostics), []);
      assert.deepEqual(codes(checkText(`${atLimit}#`, { maxLength: atLimit.length }).diagnostics), ['SRM022']);
    });

    it('measures the limit in UTF-16 code units, the editor\'s offsets', () => {
      const text = `${COMPLETE_SAAS}# ${'😀'.repeat(10)}\n`;
      assert.deepEqual(codes(checkText(text, { maxLength: text.length - 1 }).diagnostics), ['SRM022']);
      assert.deepEqual(codes(checkText(text, { maxLength: text.length }).diagnostics), []);
    });

    it('leaves a file over the limit alone under fix-all', () => {
      const text = `workload: a\nmodel: saas\n# ${'x'.repeat(200)}\n`;
      const fixed = fixText(text, new Checker({ maxLength: 100 }));
      assert.equal(fixed.text, text);
    });

    it('checks a file of hundreds of declarations, and fix-all adds every missing entry', () => {
      const one = (i: number) => `workload: w${i}\nmodel: paas\nlayers:\n  data-classification: {owner: dg}\n  runtime-middleware:\n    owner: p${i}\n`;
      const n = 600;
      const text = Array.from({ length: n }, (_, i) => one(i)).join('---\n');
      const result = checkText(text);
      assert.equal(result.documents.length, n);
      assert.equal(ofCode(result.diagnostics, 'SRM001').length, 3 * n);
      assert.equal(ofCode(result.diagnostics, 'SRM003').length, n);
      const fixed = fixText(text, new Checker());
      assert.equal(fixed.rounds, 1);
      const after = checkText(fixed.text).diagnostics;
      const left = after.filter((d) => d.code === 'SRM001' || d.code === 'SRM018' || (d.code === 'SRM003' && !d.message.includes('placeholder')));
      assert.equal(left.length, 0, `${left.length} findings left, e.g. ${left[0]?.message}`);
      assert.equal(fixed.text.split('handoff: TODO').length - 1, n);
    });

    it('copes with a very long line and very deep nesting', () => {
      const long = `workload: ${'a'.repeat(MiB)}\nmodel: saas\n`;
      assertSane(long, checkText(long).diagnostics);
      const depth = 2_000;
      for (const text of [
        `workload: a\nmodel: saas\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
        `workload: a\nmodel: saas\nx: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`,
        `workload: a\nmodel: saas\nx: ${'['.repeat(depth)}\n`,
      ]) {
        const result = checkText(text);
        assertSane(text, result.diagnostics);
        assert.ok(ofCode(result.diagnostics, 'SRM015').length === 1, 'the healthy part is still checked');
      }
    });
  });

  describe('too many findings (SRM024)', () => {
    it('caps the findings of a file, keeping the first ones in order and saying how many more there are', () => {
      const one = (i: number) => `workload: w${i}\nmodel: saas\nbogus${i}: 1\n`;
      const text = Array.from({ length: 40 }, (_, i) => one(i)).join('---\n');
      const all = checkText(text).diagnostics;
      assert.equal(all.length, 40 * 4);
      const capped = checkText(text, { maxFindings: 50 }).diagnostics;
      assert.equal(capped.length, 50);
      assert.deepEqual(capped.slice(0, 49), all.slice(0, 49));
      assert.equal(capped[49]!.code, 'SRM024');
      assert.match(capped[49]!.message, /^111 more problems in this file are not shown: the checker reports at most 50 per file/);
    });
  });

  describe('alias bombs (SRM019)', () => {
    it('checks a billion-laughs document under the alias cap without expanding it', () => {
      // 9 levels of 9 aliases: 81 aliases, 9^9 strings if expanded.
      const text = `workload: a\nmodel: saas\n${laughs(9, 9)}`;
      const result = checkText(text);
      assertSane(text, result.diagnostics);
      assert.ok(!codes(result.diagnostics).includes('SRM019'));
      // The document is checked: its unknown keys and missing layers are reported.
      assert.equal(ofCode(result.diagnostics, 'SRM015').length, 11);
      assert.equal(ofCode(result.diagnostics, 'SRM001').length, 3);
    });

    it('stops at the cap: a document with more aliases is reported and not checked further', () => {
      const text = `workload: a\nmodel: saas\n${laughs(12, 12)}`;
      const result = checkText(text);
      assertSane(text, result.diagnostics);
      assert.deepEqual(codes(result.diagnostics), ['SRM019']);
      assert.match(result.diagnostics[0]!.message, /uses 145 aliases; the checker follows at most 100/);
      assert.equal(result.diagnostics[0]!.span.start, 0);
    });

    it('counts aliases per document: a bomb in one document does not stop the next', () => {
      const text = `${laughs(12, 12)}---\nworkload: b\nmodel: saas\n`;
      const result = checkText(text);
      assertSane(text, result.diagnostics);
      assert.deepEqual(codes(result.diagnostics), ['SRM019', 'SRM001', 'SRM001', 'SRM001']);
    });

    it('honours a custom cap', () => {
      const text = `workload: &w a\nmodel: saas\nx: [*w, *w, *w]\n`;
      assert.ok(codes(checkText(text, { maxAliases: 2 }).diagnostics).includes('SRM019'));
      assert.ok(!codes(checkText(text, { maxAliases: 3 }).diagnostics).includes('SRM019'));
    });

    it('does not expand a bomb used where a value is read (owner, controls, model)', () => {
      const text = `${laughs(9, 9, 'unused')}workload: a\nmodel: *l9\nlayers:\n  data-classification:\n    owner: *l9\n    controls: *l9\n`;
      const result = checkText(text);
      assertSane(text, result.diagnostics);
      const owner = ofCode(result.diagnostics, 'SRM012');
      assert.equal(owner.length, 1);
      assert.match(owner[0]!.message, /must be text/);
      assert.ok(result.diagnostics.every((d) => d.message.length < 500), 'a message printed the expanded value');
      fixText(text, new Checker());
    });

    it('survives a self-referencing alias, and reports an unknown one as a YAML error', () => {
      const recursive = 'workload: a\nmodel: saas\nx: &a [*a, {k: *a}]\nlayers: &l {data-classification: *l}\n';
      assertSane(recursive, checkText(recursive).diagnostics);
      fixText(recursive, new Checker());
      const unknown = 'workload: *nope\nmodel: saas\n';
      assertSane(unknown, checkText(unknown).diagnostics);
      assert.equal(syntaxErrors(unknown), 1);
      assert.match(ofCode(checkText(unknown).diagnostics, 'SRM018')[0]!.message, /\*nope refers to no anchor/);
    });
  });

  describe('broken at the very end', () => {
    it('reports what is missing at the end of the text within the text, and offers no fix outside it', () => {
      for (const text of ['workload: "payments', 'workload: a\nmodel: saas\nlayers: {data-classification: {owner: dg}', '{workload: a', '# c1\n\n{', 'workload: a\nmodel: [iaas\n']) {
        const result = checkText(text);
        assertSane(text, result.diagnostics);
        assert.ok(syntaxErrors(text) >= 1, text);
        assert.ok(ofCode(result.diagnostics, 'SRM018').some((d) => d.span.end === text.length), `${JSON.stringify(text)}: the error is at the end`);
        for (const d of result.diagnostics) for (const f of d.fixes) assert.ok(!f.safe, `${d.code} "${f.title}" would run unattended on a broken document`);
        fixText(text, new Checker());
      }
    });
  });

  describe('empty and odd files', () => {
    it('reports an empty file, or one of white space, as declaring no workload', () => {
      for (const text of ['', '\n', '\r\n', '   \n\t\n', '---\n', '---\n...\n']) {
        const result = checkText(text);
        assert.deepEqual(codes(result.diagnostics), ['SRM011'], JSON.stringify(text));
        assert.match(result.diagnostics[0]!.message, /declares no workload/);
      }
    });

    it('reads a UTF-8 byte-order mark as nothing: the same findings, one offset later', () => {
      const text = 'workload: a\nmodle: saas\nlayers:\n  iam: {owner: x}\n';
      const plain = checkText(text).diagnostics;
      const bom = checkText(`\uFEFF${text}`).diagnostics;
      assert.ok(plain.length > 0);
      assert.deepEqual(
        bom.map((d) => ({ code: d.code, span: d.span, message: d.message })),
        plain.map((d) => ({ code: d.code, span: { start: d.span.start + 1, end: d.span.end + 1 }, message: d.message })),
      );
      const fixed = fixText(`\uFEFF${text}`, new Checker()).text;
      assert.ok(fixed.startsWith('\uFEFFworkload: a\n'), 'fix-all keeps the byte-order mark where it was');
    });

    it('reports a NUL byte once, at the first one, and still checks the declaration', () => {
      const text = 'workload: a\u0000b\u0000\nmodel: saas\n';
      const result = checkText(text);
      const notText = ofCode(result.diagnostics, 'SRM023');
      assert.equal(notText.length, 1);
      assert.deepEqual(notText[0]!.span, { start: 11, end: 12 });
      assert.match(notText[0]!.message, /a NUL byte/);
      assert.equal(ofCode(result.diagnostics, 'SRM001').length, 3);
    });

    it('reports invalid UTF-8 where the caller\'s decoder found it; a U+FFFD alone is text', () => {
      const text = 'workload: a\uFFFDb\uFFFD\nmodel: saas\n';
      assert.deepEqual(ofCode(checkText(text).diagnostics, 'SRM023'), [], 'U+FFFD may have been written as valid UTF-8');
      const invalid = ofCode(checkText(text, {}, { invalidUtf8At: 13 }).diagnostics, 'SRM023');
      assert.deepEqual(invalid.map((d) => d.span), [{ start: 13, end: 14 }]);
      assert.match(invalid[0]!.message, /not valid UTF-8/);
      assert.equal(ofCode(checkText(text, {}, { invalidUtf8At: 13 }).diagnostics, 'SRM001').length, 3, 'the declaration is still checked');
      const nulFirst = ofCode(checkText(`workload: \u0000${text.slice(10)}`, {}, { invalidUtf8At: 14 }).diagnostics, 'SRM023');
      assert.deepEqual(nulFirst.map((d) => d.span.start), [10], 'one finding, at whichever comes first');
    });

    it('does not mistake UTF-16 text read as UTF-8 for a declaration', () => {
      const bytes = Buffer.from(`\uFEFF${COMPLETE_SAAS}`, 'utf16le');
      const text = bytes.toString('utf8');
      const result = checkText(text);
      assertSane(text, result.diagnostics);
      assert.ok(codes(result.diagnostics).includes('SRM023'));
    });

    it('survives lone surrogates and control characters', () => {
      const text = `workload: a\uD800\nmodel: saas\u0001\nlayers:\n  \uDC00: {owner: x}\n\u007F\u0085\u2028: y\n`;
      const result = checkText(text);
      assertSane(text, result.diagnostics);
      fixText(text, new Checker());
    });
  });

  describe('a rule that fails', () => {
    it('is reported as an internal error of that rule, and the other rules still run', () => {
      const rule = ruleByCode('SRM017')! as { check?: (ctx: unknown) => void };
      const original = rule.check;
      rule.check = () => {
        throw new Error('boom');
      };
      try {
        const text = 'workload: a\nmodel: saas\n';
        const result = checkText(text);
        const failed = ofCode(result.diagnostics, 'SRM017');
        assert.equal(failed.length, 1);
        assert.match(failed[0]!.message, /^Internal error in SRM017 \(service-model-mismatch\): boom\. Please report it\.$/);
        assert.equal(ofCode(result.diagnostics, 'SRM001').length, 3);
      } finally {
        rule.check = original;
      }
      assert.deepEqual(ofCode(checkText('workload: a\nmodel: saas\n').diagnostics, 'SRM017'), []);
    });
  });

  describe('committed fixtures hold the bytes they are about', () => {
    const read = (rel: string) => fs.readFileSync(path.join(FIXTURE_DIR, rel));
    it('CRLF fixtures have CRLF line endings only', () => {
      for (const rel of ['bad-input/crlf.srm.yaml', 'bad-input/crlf-broken.srm.yaml', 'bad-input/no-final-newline-crlf.srm.yaml']) {
        const text = read(rel).toString('latin1');
        assert.ok(text.includes('\r\n'), `${rel} has no CRLF`);
        assert.doesNotMatch(text, /[^\r]\n/, `${rel} has a bare LF`);
      }
    });
    it('the no-final-newline fixtures end without one', () => {
      for (const rel of ['bad-input/no-final-newline.srm.yaml', 'bad-input/no-final-newline-crlf.srm.yaml']) {
        assert.ok(!read(rel).toString('latin1').endsWith('\n'), rel);
      }
    });
    it('the BOM, NUL and invalid UTF-8 fixtures hold those bytes', () => {
      assert.deepEqual([...read('bad-input/utf8-bom.srm.yaml').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.ok(read('bad-input/nul-byte.srm.yaml').includes(0));
      assert.ok(read('bad-input/invalid-utf8.srm.yaml').toString('utf8').includes('\uFFFD'));
      assert.ok(read('bad-input/tab-indentation.srm.yaml').toString('utf8').includes('\n\tdata-classification:'));
    });
  });
});
