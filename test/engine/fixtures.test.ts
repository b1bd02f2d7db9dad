/**
 * Every fixture under test/fixtures/engine is checked by the engine and must
 * produce exactly the findings its `# expect` comments name (syntax:
 * test/fixtures/engine/README.md). Its fixes, applied, must not throw nor break
 * the YAML.
 */
import * as assert from 'node:assert/strict';
import { Checker, checkText, fixText } from '../../server/src/core';
import { describeExpectation, matchExpectations, parseExpectations, type Expectation } from './expectations';
import {
  AZURE,
  REFERENCE,
  applyFix,
  assertSpanInText,
  assertWellFormedFix,
  describeFindings,
  fixtureFacts,
  lineAt,
  listFixtures,
  ofCode,
  readFixture,
  syntaxErrors,
} from './helpers';
import type { Diagnostic } from '../../server/src/core';

const FIXTURES = listFixtures();
/** Fixtures use the built-in matrices: a finding about a layer names it as its matrix does. */
const LAYER_NAMES = new Map([...AZURE.layers, ...REFERENCE.layers].map((l) => [l.id, l.name]));
const MODEL_LABELS = [...REFERENCE.models, ...AZURE.models].map((m) => m.shortName);
/** The findings about a layer under a model: their messages name the model too. */
const NAMES_THE_MODEL = new Set(['SRM001', 'SRM002', 'SRM003', 'SRM004', 'SRM005', 'SRM006', 'SRM033', 'SRM034', 'SRM035', 'SRM036']);

describe('engine fixtures (inline expectations)', () => {
  it('finds the fixtures', () => {
    assert.ok(FIXTURES.length >= 30, `only ${FIXTURES.length} fixtures found under test/fixtures/engine`);
    assert.ok(FIXTURES.some((f) => f.endsWith('.srm.yml')), 'no .srm.yml fixture');
  });

  for (const rel of FIXTURES) {
    describe(rel, () => {
      const text = readFixture(rel);
      const result = checkText(text, {}, fixtureFacts(rel));

      it('reports exactly the expected findings', () => {
        const expectations = parseExpectations(text);
        const { unexpected, missing } = matchExpectations(text, result.diagnostics, expectations);
        if (unexpected.length || missing.length) {
          assert.fail(
            `${rel}:\nunexpected findings:\n${describeFindings(text, unexpected)}\nexpected but not found:\n${missing.map(describeExpectation).join('\n') || '  (none)'}` +
              `\nall findings:\n${describeFindings(text, result.diagnostics)}`,
          );
        }
      });

      it('reports within the text, with well-formed fixes and messages a user can act on', () => {
        for (const d of result.diagnostics) {
          assertSpanInText(text, d);
          assert.ok(d.message.trim().length > 0, `${d.code} on line ${lineAt(text, d.span.start)} has no message`);
          assert.doesNotMatch(d.message, /Internal error/, `a rule crashed: ${d.message}`);
          for (const fix of d.fixes) assertWellFormedFix(text, fix, `${d.code} on line ${lineAt(text, d.span.start)}`);
          if (d.layerId) {
            const name = LAYER_NAMES.get(d.layerId);
            assert.ok(name, `${d.code} names an unknown layer id ${d.layerId}`);
            assert.ok(d.message.includes(name), `${d.code} about ${d.layerId} does not name "${name}": ${d.message}`);
          }
          if (NAMES_THE_MODEL.has(d.code)) {
            assert.ok(MODEL_LABELS.some((m) => d.message.includes(m)), `${d.code} does not name the model: ${d.message}`);
          }
        }
      });

      it('keeps the YAML parseable when each fix is applied alone', () => {
        const before = syntaxErrors(text);
        for (const d of result.diagnostics) {
          for (const fix of d.fixes) {
            const after = applyFix(text, fix.edits);
            const errors = syntaxErrors(after);
            assert.ok(errors <= before, `${d.code} fix "${fix.title}" on line ${lineAt(text, d.span.start)} breaks the YAML:\n${after}`);
          }
        }
      });

      it('keeps the YAML parseable under fix-all, and closes every missing entry it can', () => {
        const before = syntaxErrors(text);
        const fixed = fixText(text, new Checker());
        assert.ok(fixed.rounds < 10, 'fix-all did not settle');
        const after = checkText(fixed.text).diagnostics;
        assert.ok(ofCode(after, 'SRM018').filter((d) => d.severity === 'error').length <= before, `fix-all breaks the YAML:\n${fixed.text}`);
        if (before === 0 && !result.diagnostics.some((d) => d.code === 'SRM019' || d.code === 'SRM014')) {
          const left = after.filter((d) => d.code === 'SRM001' || d.code === 'SRM002');
          assert.deepEqual(left, [], `fix-all leaves missing entries:\n${describeFindings(fixed.text, left)}\n${fixed.text}`);
        }
      });
    });
  }
});

describe('the expectation syntax of the fixtures', () => {
  const strip = (es: Expectation[]) => es.map(({ line, code, layerId, message }) => ({ line, code, layerId, message }));

  it('reads trailing, standalone, relative and file-level expectations', () => {
    const text = ['a: 1   # expect: SRM001(identity-access) SRM015"not a key"', '# expect: SRM006', '', '# another comment', 'b: 2', '# expect+1: SRM020', '# the comment it means', 'c: 3', '# expect-1: SRM021', '# expect-file: SRM023'].join('\r\n');
    assert.deepEqual(strip(parseExpectations(text)), [
      { line: 1, code: 'SRM001', layerId: 'identity-access', message: undefined },
      { line: 1, code: 'SRM015', layerId: undefined, message: 'not a key' },
      { line: 5, code: 'SRM006', layerId: undefined, message: undefined },
      { line: 7, code: 'SRM020', layerId: undefined, message: undefined },
      { line: 8, code: 'SRM021', layerId: undefined, message: undefined },
      { line: null, code: 'SRM023', layerId: undefined, message: undefined },
    ]);
  });

  it('refuses what it cannot read, instead of expecting nothing', () => {
    for (const bad of ['a: 1 # expect: SRM1', 'a: 1 # expect:', 'a: 1 # expect: SRM001 and more', 'a: 1 # expect: SRM001(Identity)', '# expect-5: SRM001', '# expect: SRM001']) {
      assert.throws(() => parseExpectations(bad), Error, bad);
    }
  });

  it('matches each finding to one expectation, a precise one before a loose one', () => {
    const text = 'layers:\n';
    const d = (layerId: string): Diagnostic => ({ code: 'SRM001', severity: 'error', message: `about ${layerId}`, span: { start: 0, end: 6 }, fixes: [], layerId });
    const findings = [d('applications'), d('identity-access')];
    // The loose expectation comes first, but must not take the finding the precise one needs.
    const expect = parseExpectations('layers:   # expect: SRM001 SRM001(applications)\n');
    assert.deepEqual(matchExpectations(text, findings, expect), { unexpected: [], missing: [] });
    const once = matchExpectations(text, findings, parseExpectations('layers:   # expect: SRM001(applications)\n'));
    assert.deepEqual(once.unexpected.map((x) => x.layerId), ['identity-access']);
    const twice = matchExpectations(text, [findings[0]!], parseExpectations('layers:   # expect: SRM001 SRM001\n'));
    assert.equal(twice.missing.length, 1);
    const message = matchExpectations(text, findings, parseExpectations('layers:   # expect: SRM001"about identity" SRM001"about app"\n'));
    assert.deepEqual(message, { unexpected: [], missing: [] });
  });
});
