/**
 * Fix-all as edits of the original text: the editor applies them in one
 * workspace edit, so every round of `fixAll` must compose into edits that give
 * exactly the text `srm check --fix` writes, and no larger than they need be.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, composeEdits, fixAll, type Edit } from '../../server/src/core';
import { fileArb, render } from './generators';

/** Sorted, disjoint edits of a text of `length`. */
function editsArb(length: number): fc.Arbitrary<Edit[]> {
  return fc
    .array(fc.record({ a: fc.nat(length), b: fc.nat(length), text: fc.string({ maxLength: 4 }) }), { maxLength: 6 })
    .map((raw) => {
      const sorted = raw.map(({ a, b, text }) => ({ start: Math.min(a, b), end: Math.max(a, b), text })).sort((x, y) => x.start - y.start || x.end - y.end);
      const out: Edit[] = [];
      for (const e of sorted) if (out.length === 0 || e.start >= out[out.length - 1]!.end) out.push(e);
      return out;
    });
}

describe('fix-all edits', function () {
  this.timeout(120_000);
  it('composes two rounds of edits into edits of the original that give the same text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).chain((text) => fc.tuple(fc.constant(text), editsArb(text.length))).chain(([text, first]) => {
          const middle = applyEdits(text, first);
          return fc.tuple(fc.constant(text), fc.constant(first), editsArb(middle.length));
        }),
        ([text, first, second]) => {
          const middle = applyEdits(text, first);
          const composed = composeEdits(first, second, middle);
          for (let i = 1; i < composed.length; i++) assert.ok(composed[i]!.start >= composed[i - 1]!.end, 'sorted and disjoint');
          assert.equal(applyEdits(text, composed), applyEdits(middle, second));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives edits that turn the file into the fixed text, touching only what changed', () => {
    fc.assert(
      fc.property(fileArb, (spec) => {
        const text = render(spec);
        const fixed = fixAll(text);
        assert.equal(applyEdits(text, fixed.edits), fixed.text);
        // Fixes insert and rename; they never rewrite the whole file.
        const replaced = fixed.edits.reduce((n, e) => n + (e.end - e.start), 0);
        assert.ok(replaced < text.length || text.length === 0 || fixed.edits.length === 0, `${replaced} of ${text.length} characters replaced`);
      }),
      { numRuns: 100 },
    );
  });
});
