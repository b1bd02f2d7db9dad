/**
 * Inline suppressions: `# srm-ignore CODE[, CODE]: reason`, on the finding's
 * line or alone on the line(s) directly above it.
 */
import * as assert from 'node:assert/strict';
import { Checker, checkText, fixText } from '../../server/src/core';
import { applyFix, codes, lineAt, ofCode } from './helpers';

/** A complete PaaS declaration with one provider-layer entry (an SRM006 hint) on the last line, preceded by `before`. */
function paas(lastLine: string, before = ''): string {
  return [
    'workload: payments-api',
    'model: paas',
    'layers:',
    '  data-classification: {owner: dg}',
    '  endpoint-devices: {owner: it}',
    '  identity-access: {owner: iam}',
    '  applications: {owner: app}',
    '  runtime-middleware: {owner: platform, handoff: provider patches; we pin}',
    ...(before ? [before] : []),
    lastLine,
    '',
  ].join('\n');
}
const HINT = '  operating-system: {owner: provider}';

describe('inline suppressions', () => {
  it('the baseline has exactly one finding to suppress', () => {
    assert.deepEqual(codes(checkText(paas(HINT)).diagnostics), ['SRM006']);
  });

  it('suppress a finding from the end of its line', () => {
    assert.deepEqual(codes(checkText(paas(`${HINT}   # srm-ignore SRM006: we record the attestation`)).diagnostics), []);
    assert.deepEqual(codes(checkText(paas(`${HINT}\t#srm-ignore SRM006:reason`)).diagnostics), []);
  });

  it('suppress a finding from the line directly above, at any indentation, past other comments', () => {
    for (const above of ['  # srm-ignore SRM006: attestation', '# srm-ignore SRM006: attestation at column 0', '  # srm-ignore SRM006: a\n  # an ordinary comment\n#another']) {
      assert.deepEqual(codes(checkText(paas(HINT, above)).diagnostics), [], above);
    }
  });

  it('do not reach past a blank line, nor to the line after the target', () => {
    const blank = checkText(paas(HINT, '  # srm-ignore SRM006: stale\n'));
    assert.deepEqual(codes(blank.diagnostics).sort(), ['SRM006', 'SRM021']);
    const text = paas(`${HINT}\n  physical-servers: {owner: provider}`, '  # srm-ignore SRM006: only the next line');
    const left = checkText(text).diagnostics;
    assert.deepEqual(codes(left), ['SRM006']);
    assert.equal(left[0]!.layerId, 'physical-servers');
  });

  it('suppress only the codes they name, and every finding of those codes on the line', () => {
    const text = 'workload: a\nmodel: iaas\nlayers:   # srm-ignore SRM001: the landing zone declaration covers these\n  network-config: {owner: net}\n';
    const d = checkText(text).diagnostics;
    assert.deepEqual(codes(d), ['SRM003'], 'the five SRM001 on layers: are suppressed, not the SRM003 elsewhere');
    const both = 'workload: a\nmodel: iaas\nlayers:   # srm-ignore SRM001, srm002: covered by the landing zone\n';
    assert.deepEqual(codes(checkText(both).diagnostics), []);
    const wrong = checkText(paas(`${HINT}   # srm-ignore SRM004: wrong code`)).diagnostics;
    assert.deepEqual(codes(wrong).sort(), ['SRM006', 'SRM021']);
  });

  it('report a suppression without a reason (SRM020), and still honour it', () => {
    for (const comment of ['# srm-ignore SRM006', '# srm-ignore SRM006:', '# srm-ignore SRM006:   ', '# srm-ignore SRM006 because reasons']) {
      const text = paas(`${HINT}   ${comment}`);
      const d = checkText(text).diagnostics;
      assert.deepEqual(codes(d), ['SRM020'], comment);
      assert.equal(d[0]!.severity, 'warning');
      assert.match(d[0]!.message, /Say why SRM006 is suppressed here: # srm-ignore SRM006: <reason>/);
      assert.equal(text.slice(d[0]!.span.start, d[0]!.span.end), comment.trimEnd());
    }
  });

  it('report a suppression that suppresses nothing (SRM021), with a quick fix that removes it, which fix-all never runs', () => {
    const text = paas(HINT, '  # srm-ignore SRM003: nothing shared is missing its handoff');
    const [d] = ofCode(checkText(text).diagnostics, 'SRM021');
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /suppresses nothing: no SRM003 finding/);
    assert.equal(lineAt(text, d!.span.start), 9);
    assert.deepEqual(d!.fixes.map((f) => [f.title, f.safe]), [['Remove the unused srm-ignore comment', false]]);
    // The comment holds a person's reason: removing it is that person's call, never an unattended fix's.
    assert.equal(fixText(text, new Checker()).text, text);
    assert.equal(applyFix(text, d!.fixes[0]!.edits), paas(HINT));
  });

  it('are comments only: the same text inside a string or a block scalar is not a suppression', () => {
    const inString = 'workload: a\nmodel: saas\ndescription: "see # srm-ignore SRM001: no"\n';
    assert.deepEqual(codes(checkText(inString).diagnostics), ['SRM001', 'SRM001', 'SRM001']);
    assert.equal(fixText(inString, new Checker()).text.includes('"see # srm-ignore SRM001: no"'), true);
    const inBlock = 'workload: a\nmodel: saas\ndescription: |\n  # srm-ignore SRM001: not a comment\nlayers:\n';
    assert.deepEqual(codes(checkText(inBlock).diagnostics), ['SRM001', 'SRM001', 'SRM001']);
  });

  it('work per document, with CRLF line endings', () => {
    const text = 'workload: a\r\n# srm-ignore SRM001: covered elsewhere\r\nmodel: saas\r\n---\r\nworkload: b\r\nmodel: saas\r\n';
    const d = checkText(text).diagnostics;
    assert.deepEqual(codes(d), ['SRM001', 'SRM001', 'SRM001']);
    assert.ok(d.every((x) => lineAt(text, x.span.start) === 6));
  });

  it('keep an "unused" suppression in a document that does not parse: the finding may only be hidden', () => {
    const text = 'workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n   endpoint-devices: {owner: it}   # srm-ignore SRM006: hidden by the error\n';
    const d = ofCode(checkText(text).diagnostics, 'SRM021');
    assert.equal(d.length, 1);
    assert.ok(d[0]!.fixes.every((f) => !f.safe));
    assert.ok(fixText(text, new Checker()).text.includes('srm-ignore SRM006'));
  });

  it('can be turned off', () => {
    const text = paas(`${HINT}   # srm-ignore SRM006`);
    assert.deepEqual(codes(checkText(text, { inlineSuppressions: false }).diagnostics), ['SRM006']);
  });

  it('apply to engine findings too (a YAML error on the line), and to nothing when no code is named', () => {
    const broken = 'workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\ndescription: "a" b';
    assert.deepEqual(codes(checkText(broken).diagnostics), ['SRM018']);
    assert.deepEqual(codes(checkText(`${broken}   # srm-ignore SRM018: kept on purpose\n`).diagnostics), []);
    const noCode = paas(`${HINT}   # srm-ignore: no code named`);
    assert.deepEqual(codes(checkText(noCode).diagnostics), ['SRM006']);
  });
});
