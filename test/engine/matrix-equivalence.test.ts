/**
 * A matrix file is the table it states, nothing more: restating the reference
 * table under another id gives exactly the built-in's findings, and a matrix
 * that extends another without changing anything is that matrix.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILT_IN_MATRICES } from '../../server/src/core/matrix/builtin/generated';
import { Checker, DEFAULT_CONFIG, MatrixRegistry, builtInEnvironment, type CheckEnvironment, type Diagnostic, type Matrix } from '../../server/src/core';
import { fileArb, render } from './generators';

const SCALE = Number(process.env.FC_RUNS ?? '1');
const RUNS = Math.max(1, Math.round(150 * SCALE));
const REFERENCE_TEXT = BUILT_IN_MATRICES.find((m) => m.uri === 'builtin:reference@1')!.text;

/** An environment whose default matrix is `ref`, from these matrix files. */
function environmentWith(files: readonly { uri: string; text: string }[], ref: string): CheckEnvironment {
  const registry = MatrixRegistry.from(files);
  for (const f of files) assert.deepEqual(registry.diagnosticsFor(f.uri), [], `${f.uri} reads without findings`);
  return { registry, config: { ...DEFAULT_CONFIG, matrix: { ref, uri: 'mem:srm.config.yaml', span: { start: 0, end: 0 } } }, catalogue: builtInEnvironment().catalogue };
}

/**
 * A finding as the user sees it, the matrix's name aside: messages name a
 * matrix other than the default (`Under IaaS (restated@1)`), which is the one
 * difference a renamed table may make.
 */
function seen(d: Diagnostic, ref: string) {
  const named = (text: string) => text.split(ref).join('<matrix>').split(' (<matrix>)').join('');
  return { code: d.code, severity: d.severity, span: d.span, message: named(d.message), fixes: d.fixes.map((f) => ({ title: named(f.title), edits: f.edits })) };
}

/** What a matrix says, without its name and where it comes from. */
function table(m: Matrix) {
  return { layers: m.layers, models: m.models, notListed: m.notListed };
}

describe('matrix files: equivalence with the table they state', function () {
  this.timeout(120_000);

  it('a file restating the reference table under another id gives the built-in\'s findings on generated declarations', () => {
    const restated = REFERENCE_TEXT.replace(/^matrix: reference$/m, 'matrix: restated');
    assert.notEqual(restated, REFERENCE_TEXT);
    const env = environmentWith([{ uri: '/org/restated.srm-matrix.yaml', text: restated }], 'restated@1');
    const builtIn = new Checker();
    const viaFile = new Checker({ environment: env });
    fc.assert(
      fc.property(fileArb, (spec) => {
        const text = render(spec);
        const expected = builtIn.check(text).diagnostics.map((d) => seen(d, 'reference@1'));
        const actual = viaFile.check(text).diagnostics.map((d) => seen(d, 'restated@1'));
        assert.deepEqual(actual, expected, text);
        assert.ok(viaFile.check(text).documents.every((d) => d.matrix?.ref === 'restated@1'), 'every document was checked against the file');
      }),
      { numRuns: RUNS },
    );
  });

  for (const base of ['reference@1', 'azure@2026-01']) {
    it(`extends: ${base} with no changes is ${base}: the same table and the same findings`, () => {
      const file = `matrix: same\nversion: "1"\ntitle: Unchanged\nsource: {url: https://example.com/same}\nextends: ${base}\n`;
      const env = environmentWith([{ uri: '/org/same.srm-matrix.yaml', text: file }], 'same@1');
      const extended = env.registry.get('same@1')!.index!.matrix;
      const original = MatrixRegistry.builtIn().get(base)!.index!.matrix;
      assert.deepEqual(table(extended), table(original));
      const baseEnv = environmentWith([], base);
      const plain = new Checker({ environment: baseEnv });
      const viaFile = new Checker({ environment: env });
      fc.assert(
        fc.property(fileArb, (spec) => {
          const text = render(spec);
          assert.deepEqual(
            viaFile.check(text).diagnostics.map((d) => seen(d, 'same@1')),
            plain.check(text).diagnostics.map((d) => seen(d, base)),
            text,
          );
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    });
  }
});
