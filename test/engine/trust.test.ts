/**
 * What an adversarial run of `--fix`, the parser and the checker broke (issue
 * "Trust: no lost bytes, no crash, no silent pass"), one `describe` per item.
 * Each asserts what a user would check: the text fix-all leaves, the findings.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Checker, applyEdits, checkText, fixText, type CheckResult, type Diagnostic, type TextChecker } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/text/line-index';
import { codes, describeFindings, ofCode, syntaxErrors } from './helpers';

const fix = (text: string, options: ConstructorParameters<typeof Checker>[0] = {}) => fixText(text, new Checker(options));

/** The README's example under IaaS, with every entry but endpoint-devices and network-config. */
const README_IAAS = [
  'workload: payments-api',
  'model: iaas',
  'layers:   # srm-ignore SRM001: endpoints are covered by the corporate device declaration',
  '  data-classification:',
  '    owner: data-governance',
  '  identity-access:',
  '    owner: iam-team',
  '  applications:',
  '    owner: payments-team',
  '  runtime-middleware:',
  '    owner: platform-team',
  '  operating-system:',
  '    owner: platform-team',
  '',
].join('\n');

describe('trust: fixes never lose bytes or loop', () => {
  describe('1. a suppressed finding contributes no edits, and its suppression survives', () => {
    it('reports only SRM002, and --fix adds network-config alone, keeping the comment and its reason', () => {
      assert.deepEqual(codes(checkText(README_IAAS).diagnostics), ['SRM002']);
      const once = fix(README_IAAS).text;
      assert.ok(once.includes('# srm-ignore SRM001: endpoints are covered by the corporate device declaration'), once);
      assert.ok(!once.includes('endpoint-devices'), `the suppressed layer was added:\n${once}`);
      assert.ok(once.includes('  network-config:\n    owner: TODO\n    handoff: TODO\n'), once);
      assert.equal(fix(once).text, once, 'a second --fix changes nothing');
    });

    it('keeps the suppression after --fix --no-inline-ignore followed by a plain --fix: an unused one is reported, never deleted', () => {
      const refused = fix(README_IAAS, { inlineSuppressions: false }).text;
      assert.ok(refused.includes('endpoint-devices:'), 'with suppressions refused, the layer is added');
      const plain = fix(refused).text;
      assert.equal(plain, refused);
      const unused = ofCode(checkText(plain).diagnostics, 'SRM021');
      assert.equal(unused.length, 1);
      assert.ok(unused[0]!.fixes.every((f) => !f.safe));
    });

    it('never removes a suppression in a later round that a fix round made look unused', () => {
      // The SRM008 spelling fix renames `os`, which then needs nothing: the comment on it goes unused.
      const text = 'workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n  os: {owner: x}   # srm-ignore SRM008: the team writes os\n';
      assert.equal(fix(text).text, text);
    });
  });

  describe('2. explicit-key entries (`? key` / `: value`)', () => {
    const text = 'workload: a\nmodel: paas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n  applications: {owner: app}\n  ? runtime-middleware\n  : owner: x\n    contact: y\n';

    it('get handoff: inside the entry, once, and the result settles', () => {
      const result = fix(text);
      assert.equal(result.text, `${text}    handoff: TODO\n`);
      assert.equal(syntaxErrors(result.text), 0);
      assert.deepEqual(result.dropped, []);
      assert.equal(fix(result.text).text, result.text);
    });
  });

  describe('3. an empty flow mapping with a comment', () => {
    const text = 'workload: a\nmodel: saas\nlayers: {\n  # none yet\n}\n';

    it('gets valid entries, keeps the comment, and the quick fix is not offered again', () => {
      const result = fix(text);
      assert.equal(syntaxErrors(result.text), 0, result.text);
      assert.ok(result.text.includes('# none yet'));
      assert.deepEqual(codes(checkText(result.text).diagnostics).filter((c) => c !== 'SRM012'), []);
      assert.equal(fix(result.text).text, result.text);
    });
  });

  describe('4. a fix round that breaks the YAML or makes no progress is dropped and reported', () => {
    const base = 'workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n';
    const real = new Checker();

    /** The real checker, plus one more safe fix on every check: what a faulty rule would offer. */
    function withBogusFix(edit: (text: string) => { start: number; end: number; text: string }, title = 'bogus'): TextChecker {
      return {
        check(text: string): CheckResult {
          const result = real.check(text);
          const bogus: Diagnostic = { code: 'SRM999', severity: 'warning', message: 'a bogus finding', span: { start: 0, end: 0 }, fixes: [{ title, edits: [edit(text)], safe: true, preferred: true }] };
          return { ...result, diagnostics: [bogus, ...result.diagnostics] };
        },
      };
    }

    it('drops a fix that breaks the YAML, and still applies the good ones of the round', () => {
      const result = fixText(base, withBogusFix((t) => ({ start: t.length, end: t.length, text: 'x: [unclosed\n' })));
      assert.equal(syntaxErrors(result.text), 0, result.text);
      assert.ok(result.text.includes('identity-access:'), 'the real fix of the same round was applied');
      assert.deepEqual(result.dropped.map((d) => [d.code, d.reason]), [['SRM999', 'breaks-yaml']]);
    });

    it('drops a fix whose finding is still there after it was applied (it would be applied forever)', () => {
      const result = fixText(base, withBogusFix(() => ({ start: 0, end: 0, text: '# again\n' })));
      assert.ok(!result.text.includes('# again'), result.text);
      assert.ok(result.text.includes('identity-access:'));
      assert.deepEqual(result.dropped.map((d) => [d.code, d.reason]), [['SRM999', 'no-progress']]);
    });

    it('stops when fixes undo each other (a text seen before), without applying the loop', () => {
      // Two findings whose fixes flip a word back and forth: each makes "progress" on its own finding.
      const flip: TextChecker = {
        check(text: string): CheckResult {
          const result = real.check(text);
          const at = text.indexOf('dg');
          const other = text.indexOf('gd');
          const word = at >= 0 ? { start: at, text: 'gd', message: 'dg found' } : { start: other, text: 'dg', message: 'gd found' };
          const d: Diagnostic = { code: 'SRM999', severity: 'warning', message: word.message, span: { start: word.start, end: word.start + 2 }, fixes: [{ title: 'flip', edits: [{ start: word.start, end: word.start + 2, text: word.text }], safe: true, preferred: true }] };
          return { ...result, diagnostics: [...result.diagnostics, d] };
        },
      };
      const result = fixText(base, flip);
      assert.ok(result.dropped.some((d) => d.reason === 'cycle'), JSON.stringify(result.dropped));
      assert.ok(result.rounds <= 3, `${result.rounds} rounds`);
    });
  });

  describe('10. a byte-order mark inside the file', () => {
    const text = 'workload: a\nmodel: saas\n\uFEFFlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n';

    it('is an error whose fix removes it; fix-all adds no second layers: block', () => {
      assert.ok(codes(checkText(text).diagnostics).includes('SRM026'));
      const result = fix(text).text;
      assert.equal(result, text.replace('\uFEFF', ''));
      assert.deepEqual(codes(checkText(result).diagnostics), []);
    });
  });

  describe('11. quick fixes applied one by one agree with fix-all', () => {
    const texts = [
      'workload: a\nmodel: saas\nlayers:\n      # deeper comment\n  identity-access: {owner: a}\n',
      'workload: a\nmodel: iaas\nlayers:\n  # about identity\n  identity-access: {owner: a}\n  # about the OS\n  operating-system: {owner: b}\n',
      'workload: a\nmodel: paas\nlayers:\n    # deep\n  applications: {owner: a}\n      # deeper\n  runtime-middleware: {owner: b, handoff: c}\n',
    ];

    /** Applies the preferred single-entry fix of the first missing layer, re-checking each time, until none is left. */
    function oneByOne(text: string): string {
      let current = text;
      for (let i = 0; i < 20; i++) {
        const d = checkText(current).diagnostics.find((x) => (x.code === 'SRM001' || x.code === 'SRM002') && x.fixes.some((f) => f.preferred));
        if (!d) return current;
        current = applyEdits(current, d.fixes.find((f) => f.preferred)!.edits);
      }
      return current;
    }

    for (const text of texts) {
      it(`for ${JSON.stringify(text.split('\n')[3])}`, () => {
        assert.equal(oneByOne(text), fix(text).text);
      });
    }
  });
});

describe('trust: no crash, no silent pass', () => {
  describe('12. too many findings', () => {
    it('caps the findings of one document, with one finding that says how many more there are', () => {
      const text = `workload: a\nmodel: saas\nx: {${Array.from({ length: 5000 }, () => 'a').join(',')}}\n`;
      const result = checkText(text);
      assert.equal(result.diagnostics.length, 1000);
      const last = result.diagnostics[result.diagnostics.length - 1];
      assert.equal(last!.code, 'SRM024');
      assert.match(last!.message, /^\d+ more problems in this document are not shown/);
    });

    it('reports a single document of 130,000 duplicate keys as too large to check, without overflowing the stack', () => {
      const text = `x: {${Array.from({ length: 130_000 }, () => 'a').join(',')}}\n`;
      const result = checkText(text);
      assert.deepEqual(codes(result.diagnostics), ['SRM025']);
      assert.match(result.diagnostics[0]!.message, /too large to check/);
    });
  });

  describe('20. hollow declarations are errors', () => {
    const complete = 'layers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n';
    const cases: [string, string, string][] = [
      ['workload: empty', `workload:\nmodel: saas\n${complete}`, 'SRM011'],
      ['workload: ""', `workload: ""\nmodel: saas\n${complete}`, 'SRM011'],
      ['model: empty', `workload: a\nmodel:\n${complete}`, 'SRM009'],
      ['model: 1', `workload: a\nmodel: 1\n${complete}`, 'SRM010'],
    ];
    for (const [name, text, code] of cases) {
      it(`${name} is ${code}`, () => {
        const found = checkText(text).diagnostics;
        assert.ok(found.some((d) => d.code === code && d.severity === 'error'), describeFindings(text, found));
      });
    }

    it('a hollow workload:/model:/layers: is an error on each key', () => {
      const text = 'workload:\nmodel:\nlayers:\n';
      assert.deepEqual(codes(checkText(text).diagnostics), ['SRM011', 'SRM009']);
    });
  });

  describe('21. keys that are not text, and alias keys', () => {
    it('a list as a layer key is an error and documents nothing', () => {
      const text = 'workload: a\nmodel: saas\nlayers:\n  ? [data-classification]\n  : {owner: a}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n';
      const found = checkText(text).diagnostics;
      assert.ok(ofCode(found, 'SRM014').some((d) => /A key must be text/.test(d.message)), describeFindings(text, found));
      assert.ok(ofCode(found, 'SRM001').some((d) => d.layerId === 'data-classification'));
    });

    it('an alias key is read as the key it names: a typo is an unknown layer, a real layer counts (and --fix adds no duplicate)', () => {
      const typo = 'workload: a\nmodel: saas\nx: &typo identity-acess\nlayers:\n  *typo : {owner: provider}\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n';
      const found = checkText(typo).diagnostics;
      assert.ok(ofCode(found, 'SRM007').some((d) => /identity-acess/.test(d.message)), describeFindings(typo, found));
      const real = 'workload: a\nmodel: saas\nx: &id identity-access\nlayers:\n  *id : {owner: iam}\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n';
      assert.deepEqual(codes(checkText(real).diagnostics), ['SRM015']);
      assert.equal(fix(real).text, real);
    });
  });

  describe('22. merge keys', () => {
    const text = [
      'workload: a',
      'model: paas',
      'layers:',
      '  data-classification: &team',
      '    owner: platform-team',
      '    contact: platform@example.com',
      '  endpoint-devices:',
      '    <<: *team',
      '  identity-access:',
      '    <<: *team',
      '    owner: iam-team',
      '  applications: {<<: *team}',
      '  runtime-middleware:',
      '    <<: *team',
      '',
    ].join('\n');

    it('bring their owners in: no false "no owner", and the explicit key wins', () => {
      const found = checkText(text).diagnostics;
      assert.deepEqual(codes(found), ['SRM003'], describeFindings(text, found));
    });

    it('get handoff: added beside the merge, never inside the anchor', () => {
      const result = fix(text).text;
      assert.equal(result, text.replace('  runtime-middleware:\n    <<: *team\n', '  runtime-middleware:\n    <<: *team\n    handoff: TODO\n'));
    });

    it('never get an entry inserted that shadows a merged one', () => {
      const merged = 'workload: a\nmodel: saas\nbase: &layers\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\nlayers:\n  <<: *layers\n  identity-access: {owner: iam}\n';
      assert.deepEqual(codes(checkText(merged).diagnostics), ['SRM015']);
      assert.equal(fix(merged).text, merged);
    });
  });

  describe('23. one notion of lines: CR, CRLF and LF', () => {
    const lf = 'workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  bogus: {owner: x}\n';
    const variants: Record<string, string> = {
      CR: lf.replace(/\n/g, '\r'),
      CRLF: lf.replace(/\n/g, '\r\n'),
      mixed: 'workload: a\r\nmodel: saas\rlayers:\n  data-classification: {owner: dg}\r  bogus: {owner: x}\r\n',
    };

    for (const [name, text] of Object.entries(variants)) {
      it(`${name}: the same findings as LF, on the same lines, and the CLI's lines and columns are the editor's`, () => {
        const expected = checkText(lf).diagnostics.map((d) => [d.code, d.layerId, new LineIndex(lf).position(d.span.start).line]);
        const found = checkText(text).diagnostics;
        const lines = new LineIndex(text);
        assert.deepEqual(found.map((d) => [d.code, d.layerId, lines.position(d.span.start).line]), expected);
        const editor = TextDocument.create('file:///x.srm.yaml', 'srm', 1, text);
        for (const d of found) {
          for (const offset of [d.span.start, d.span.end]) {
            const lsp = editor.positionAt(offset);
            assert.deepEqual(lines.position(offset), { line: lsp.line + 1, column: lsp.character + 1 }, `${d.code} at ${offset}`);
          }
        }
      });
    }

    it('CR-only: fixes add lines with CR', () => {
      const text = 'workload: a\rmodel: saas\rlayers:\r  data-classification: {owner: dg}\r';
      const result = fix(text).text;
      assert.ok(!result.includes('\n'), JSON.stringify(result));
      assert.equal(syntaxErrors(result), 0);
      assert.deepEqual(codes(checkText(result).diagnostics), ['SRM012', 'SRM012']);
    });
  });
});
