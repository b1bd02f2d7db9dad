/**
 * The CI-sized fuzz run: 100,000 mutations (byte and line level) of generated
 * declarations, from a fixed seed the run prints, bounded by a count, never by
 * a clock. For every mutated file: checking never throws and reports within the
 * text; fix-all never adds a YAML error, settles (a second run changes nothing),
 * and leaves no fix it took behind; and every position the CLI prints is the
 * line and column the editor shows. `FUZZ_SEED` replays a run, `FUZZ_CASES`
 * changes its size (each case is four mutations).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Checker, checkText, fixText } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/text/line-index';
import { fileArb, mutate, mutationArb, render } from './generators';
import { assertSpanInText, assertWellFormedFix, syntaxErrors } from './helpers';

const MUTATIONS_PER_CASE = 4;
const CASES = Number(process.env.FUZZ_CASES ?? 25_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

describe(`fuzz: ${CASES * MUTATIONS_PER_CASE} mutations from seed ${SEED}`, function () {
  // Generous: the run is bounded by its count; this only stops a hang.
  this.timeout(20 * 60_000);

  it('never throws; fix-all re-parses, settles and converges; the CLI and the editor agree on every position', () => {
    console.log(`      fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${CASES} cases of ${MUTATIONS_PER_CASE} mutations`);
    fc.assert(
      fc.property(fileArb, fc.array(mutationArb, { minLength: MUTATIONS_PER_CASE, maxLength: MUTATIONS_PER_CASE }), (spec, mutations) => {
        const text = mutations.reduce(mutate, render(spec));
        const result = checkText(text);
        const lines = new LineIndex(text);
        const editor = TextDocument.create('file:///fuzz.srm.yaml', 'srm', 1, text);
        for (const d of result.diagnostics) {
          assertSpanInText(text, d);
          assert.doesNotMatch(d.message, /Internal error/, d.message);
          for (const f of d.fixes) assertWellFormedFix(text, f, d.code);
          for (const offset of [d.span.start, d.span.end]) {
            const lsp = editor.positionAt(offset);
            assert.deepEqual(lines.position(offset), { line: lsp.line + 1, column: lsp.character + 1 }, `${d.code} at offset ${offset}`);
          }
        }
        const fixed = fixText(text, new Checker());
        assert.ok(syntaxErrors(fixed.text) <= syntaxErrors(text), `fix-all added a YAML error:\n${JSON.stringify(text)}\n->\n${JSON.stringify(fixed.text)}`);
        const again = fixText(fixed.text, new Checker());
        assert.equal(again.text, fixed.text, `a second fix-all changed the text of\n${JSON.stringify(text)}\nfixed once:\n${JSON.stringify(fixed.text)}`);
      }),
      { seed: SEED, numRuns: CASES },
    );
  });
});
