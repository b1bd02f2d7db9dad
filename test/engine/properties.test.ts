/**
 * Property tests (fast-check). Seeds are random; a failure prints the seed and
 * the shrunk counterexample. Re-run one with FC_SEED=<seed> (and FC_PATH=<path>).
 * FC_RUNS multiplies the number of runs (default 1, a few seconds; FC_RUNS=40 for a long hunt).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Checker, applyEdits, checkText, fixAllEdits, fixText, ownerKey, readDeclarations, type CheckedDocument, type Diagnostic, type Edit, type Fix } from '../../server/src/core';
import { declarationArb, fileArb, mutate, mutationArb, render, type FileSpec } from './generators';
import { applyFix, assertSpanInText, assertWellFormedFix, commentsOf, describeFindings, fixAllTracked, isSubsequence, lineAt, linesOf, syntaxErrors } from './helpers';

const SCALE = Number(process.env.FC_RUNS ?? '1');
function params<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  return { numRuns: Math.max(1, Math.round(numRuns * SCALE)), ...(seed === undefined ? {} : { seed, path: process.env.FC_PATH }) };
}

/**
 * Every original line is a line of the result, in order. A line holding a flow
 * mapping may have grown inside (an entry or `handoff:` added before its `}`):
 * it only needs its characters, in order, on one line of the result.
 */
function assertLinesKept(before: string, after: string): void {
  const oldLines = linesOf(before);
  const newLines = linesOf(after);
  let j = 0;
  for (const line of oldLines) {
    const flow = line.includes('{');
    while (j < newLines.length && !(newLines[j] === line || (flow && isSubsequence(line, newLines[j]!)))) j++;
    assert.ok(j < newLines.length, `line ${JSON.stringify(line)} is missing or out of order in:\n${after}`);
    j++;
  }
}

function assertIndentation(after: string, step: number): void {
  for (const line of linesOf(after)) {
    const indent = /^ */.exec(line)![0].length;
    assert.equal(indent % step, 0, `line ${JSON.stringify(line)} is not indented in steps of ${step}:\n${after}`);
  }
}

function assertSaneResult(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    assertSpanInText(text, d);
    assert.doesNotMatch(d.message, /Internal error/, d.message);
    for (const f of d.fixes) assertWellFormedFix(text, f, `${d.code} at ${d.span.start}`);
  }
}

/** Diagnostics as plain data, for comparing two checks. */
function plain(result: ReturnType<typeof checkText>) {
  return {
    diagnostics: result.diagnostics,
    documents: result.documents.map((d) => ({ index: d.index, base: d.base, text: d.text, span: d.declaration.span })),
  };
}

describe('properties', function () {
  this.timeout(120_000);

  describe('generated declarations', () => {
    it('are valid YAML (the generator is sound)', () => {
      fc.assert(
        fc.property(fileArb, (spec) => {
          const text = render(spec);
          assert.equal(syntaxErrors(text), 0, `the generator wrote broken YAML:\n${text}\n${describeFindings(text, checkText(text).diagnostics)}`);
        }),
        params(60),
      );
    });

    it('fix-all gives parseable text that keeps every line and comment in order, closes every missing entry, and settles', () => {
      fc.assert(
        fc.property(fileArb, (spec: FileSpec) => {
          const text = render(spec);
          const { text: fixed, onlyInsertions } = fixAllTracked(text);
          assert.ok(onlyInsertions, 'fix-all replaced or deleted text in a declaration that only lacks entries');
          const after = checkText(fixed).diagnostics;
          assert.equal(after.filter((d) => d.code === 'SRM018').length, 0, `fix-all broke the YAML:\n${fixed}\n${describeFindings(fixed, after)}`);
          const gaps = after.filter((d) => d.code === 'SRM001' || d.code === 'SRM002' || (d.code === 'SRM003' && !d.message.includes('placeholder')));
          assert.deepEqual(gaps, [], `fix-all left gaps:\n${describeFindings(fixed, gaps)}\n${fixed}`);
          assertLinesKept(text, fixed);
          assert.ok(isSubsequence(commentsOf(text), commentsOf(fixed)), 'a comment was lost or moved');
          assert.equal(fixText(fixed, new Checker()).text, fixed, 'a second fix-all changed the text again');
          // New lines look like the old ones: the file's line ending and indentation step.
          if (spec.eol === '\r\n') assert.doesNotMatch(fixed, /[^\r]\n|\r(?!\n)/, 'a bare LF or CR in a CRLF file');
          else if (spec.eol === '\r') assert.ok(!fixed.includes('\n'), 'an LF in a CR file');
          else assert.ok(!fixed.includes('\r'), 'a CR in an LF file');
          assert.equal(fixed.startsWith('\uFEFF'), spec.bom, 'the byte-order mark was lost or added');
          // (When the file shows its step: one without any indented line may get the default, 2.)
          if (linesOf(text).some((l) => /^ +[^ #]/.test(l))) assertIndentation(fixed, spec.indent);
          assert.equal(fixText(text, new Checker()).text, fixed);
        }),
        params(150),
      );
    });

    it('safe fixes applied one at a time, as a user takes quick fixes, give what fix-all gives', () => {
      fc.assert(
        fc.property(fileArb, fc.nat(), (spec, pick) => {
          const text = render(spec);
          let current = text;
          for (let step = 0; step < 60; step++) {
            const fixable = checkText(current).diagnostics.filter((d) => d.fixes.some((f) => f.safe && f.preferred));
            if (fixable.length === 0) break;
            // Any finding, in any order: a user picks them as they come.
            const d = fixable[(pick + step) % fixable.length];
            current = applyEdits(current, d!.fixes.find((f) => f.safe && f.preferred)!.edits);
          }
          assert.equal(current, fixText(text, new Checker()).text, `one at a time differs from fix-all for:\n${text}`);
        }),
        params(100),
      );
    });

    it('each safe fix alone edits only its range, keeps the YAML parseable and closes its finding', () => {
      fc.assert(
        fc.property(fileArb, (spec) => {
          const text = render(spec);
          const result = checkText(text);
          assertSaneResult(text, result.diagnostics);
          for (const d of result.diagnostics) {
            for (const fix of d.fixes.filter((f) => f.safe)) {
              const after = applyFix(text, fix.edits); // asserts the text outside the edits is unchanged
              assert.ok(fix.edits.every((e) => e.start === e.end), `${d.code} "${fix.title}" replaces text`);
              const again = checkText(after).diagnostics;
              assert.equal(syntaxErrors(after), 0, `${d.code} "${fix.title}" broke the YAML:\n${after}`);
              const same = (x: Diagnostic) => x.code === d.code && x.layerId === d.layerId && x.message === d.message;
              assert.ok(again.filter(same).length < result.diagnostics.filter(same).length, `${d.code}(${d.layerId ?? ''}) "${fix.title}" did not close its finding:\n${after}`);
            }
          }
        }),
        params(60),
      );
    });

    it('respellings (display names, aliases, mis-cased models) are all fixed, keeping every comment', () => {
      const respell: Record<string, string> = { 'operating-system': 'Operating System', 'identity-access': 'iam', 'data-classification': 'data', 'network-config': 'network', applications: 'apps' };
      fc.assert(
        fc.property(fileArb, fc.boolean(), (spec, upper) => {
          let text = render(spec);
          for (const [id, other] of Object.entries(respell)) text = text.replace(new RegExp(`(^|[{,] ?| )${id}:`, 'gm'), `$1${other}:`);
          if (upper) text = text.replace(/model: (iaas|paas|saas)/g, (_, m: string) => `model: ${m.slice(0, 1).toUpperCase()}${m.slice(1, -1)}${m.slice(-1).toUpperCase()}`);
          const fixed = fixText(text, new Checker()).text;
          const after = checkText(fixed).diagnostics;
          assert.equal(syntaxErrors(fixed), 0, fixed);
          const left = after.filter((d) => ['SRM001', 'SRM002', 'SRM010'].includes(d.code) || (d.code === 'SRM008' && d.fixes.some((f) => f.safe)));
          assert.deepEqual(left, [], `${describeFindings(fixed, left)}\n${fixed}`);
          assert.ok(isSubsequence(commentsOf(text), commentsOf(fixed)), 'a comment was lost or moved');
        }),
        params(80),
      );
    });
  });

  describe('mutated files', () => {
    it('never throw, and report within the text with well-formed fixes', () => {
      fc.assert(
        fc.property(fileArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (spec, mutations) => {
          const text = mutations.reduce(mutate, render(spec));
          const result = checkText(text);
          assertSaneResult(text, result.diagnostics);
          for (const doc of result.documents) {
            assert.ok(doc.base >= 0 && doc.base + doc.text.length <= text.length && text.startsWith(doc.text, doc.base), 'a document outside the text');
          }
          for (let i = 1; i < result.diagnostics.length; i++) assert.ok(result.diagnostics[i - 1]!.span.start <= result.diagnostics[i]!.span.start, 'diagnostics are not sorted by position');
          const edits = fixAllEdits(result.diagnostics);
          applyEdits(text, edits);
          const fixed = fixText(text, new Checker());
          assert.ok(fixed.rounds <= 10);
          assertSaneResult(fixed.text, checkText(fixed.text).diagnostics);
          assert.ok(syntaxErrors(fixed.text) <= syntaxErrors(text), `fix-all added a YAML error:\n${JSON.stringify(text)}\n->\n${JSON.stringify(fixed.text)}`);
        }),
        params(200),
      );
    });

    it('never throw on arbitrary text either', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
          assertSaneResult(text, checkText(text).diagnostics);
          fixText(text, new Checker());
        }),
        params(200),
      );
    });
  });

  describe('incremental checking', () => {
    it('a Checker re-checking after edits gives exactly what a fresh check gives', () => {
      const docsArb = fc.array(declarationArb, { minLength: 2, maxLength: 4 });
      fc.assert(
        fc.property(
          docsArb,
          fc.constantFrom('\n', '\r\n'),
          fc.array(fc.record({ doc: fc.nat(), replaceWith: fc.option(declarationArb, { nil: undefined }), mutation: mutationArb }), { minLength: 1, maxLength: 4 }),
          (docs, eol, edits) => {
            const spec = (d: typeof docs): FileSpec => ({ indent: 2, eol, bom: false, finalNewline: true, leadingComment: false, docs: d });
            const checker = new Checker();
            let current = [...docs];
            let text = render(spec(current));
            assert.deepEqual(plain(checker.check(text)), plain(checkText(text)));
            for (const edit of edits) {
              const i = edit.doc % current.length;
              if (edit.replaceWith) {
                current = current.map((d, j) => (j === i ? edit.replaceWith! : d));
                text = render(spec(current));
              } else {
                // A mutation inside one document: between its marker and the next.
                const starts = [0, ...[...text.matchAll(/^---/gm)].map((m) => m.index)];
                const from = starts[i % starts.length];
                const to = starts[(i % starts.length) + 1] ?? text.length;
                const local = mutate(text.slice(from! + 4, to), edit.mutation);
                text = text.slice(0, from! + 4) + local + text.slice(to);
              }
              assert.deepEqual(plain(checker.check(text)), plain(checkText(text)), `after editing document ${i}:\n${text}`);
            }
          },
        ),
        params(80),
      );
    });

    it('a Checker fed the same text twice gives the same result, and one fed unrelated texts is not confused', () => {
      fc.assert(
        fc.property(fc.array(fileArb, { minLength: 2, maxLength: 4 }), (specs) => {
          const checker = new Checker();
          for (const spec of [...specs, ...specs.slice().reverse()]) {
            const text = render(spec);
            assert.deepEqual(plain(checker.check(text)), plain(checkText(text)));
          }
        }),
        params(40),
      );
    });
  });

  describe('fix-all combination', () => {
    /** The straightforward algorithm fix-all must agree with. */
    function reference(diagnostics: readonly Diagnostic[]): Edit[] {
      const overlaps = (a: Edit, b: Edit): boolean => {
        if (a.start === a.end && b.start === b.end) return false;
        if (a.start === a.end) return a.start > b.start && a.start < b.end;
        if (b.start === b.end) return b.start > a.start && b.start < a.end;
        return a.start < b.end && b.start < a.end;
      };
      const taken: (Edit & { order: number; seq: number })[] = [];
      const seen = new Set<string>();
      let seq = 0;
      for (const d of diagnostics) {
        const safe = d.fixes.filter((f) => f.safe);
        const fix = safe.find((f) => f.batch) ?? safe.find((f) => f.preferred) ?? safe[0];
        if (!fix) continue;
        const key = JSON.stringify(fix.edits);
        if (seen.has(key)) continue;
        seen.add(key);
        if (fix.edits.some((e, i) => taken.some((t) => overlaps(e, t)) || fix.edits.some((o, j) => j < i && overlaps(e, o)))) continue;
        for (const e of fix.edits) taken.push({ ...e, order: fix.order ?? 50, seq: seq++ });
      }
      return taken
        .sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.order - b.order || a.seq - b.seq)
        .map(({ start, end, text }) => ({ start, end, text }));
    }

    const editArb = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('a', 'bb', '')).map(([start, len, text]) => ({ start, end: start + len, text }));
    const fixArb: fc.Arbitrary<Fix> = fc.record({
      title: fc.constant('fix'),
      edits: fc.array(editArb, { minLength: 1, maxLength: 3 }),
      safe: fc.boolean(),
      preferred: fc.boolean(),
      batch: fc.boolean(),
      order: fc.constantFrom(0, 50, 100),
    });
    const diagnosticArb: fc.Arbitrary<Diagnostic> = fc.record({
      code: fc.constant('SRM001'),
      severity: fc.constant('error' as const),
      message: fc.constant('m'),
      span: fc.constant({ start: 0, end: 0 }),
      fixes: fc.array(fixArb, { maxLength: 3 }),
    });

    it('takes the same edits as the straightforward algorithm, never two that conflict', () => {
      fc.assert(
        fc.property(fc.array(diagnosticArb, { maxLength: 40 }), (diagnostics) => {
          const edits = fixAllEdits(diagnostics);
          assert.deepEqual(edits, reference(diagnostics));
          for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1]!.end <= edits[i]!.start || edits[i]!.start === edits[i]!.end, 'conflicting edits');
        }),
        params(400),
      );
    });
  });

  describe('line numbers of the fixture runner', () => {
    it('count \\n only, so CRLF and LF texts agree', () => {
      fc.assert(
        fc.property(fileArb, fc.nat(), (spec, n) => {
          const lf = render({ ...spec, eol: '\n' });
          const crlfText = render({ ...spec, eol: '\r\n' });
          const offset = n % (lf.length + 1);
          const crlfOffset = offset + (lf.slice(0, offset).match(/\n/g)?.length ?? 0);
          assert.equal(lineAt(lf, offset), lineAt(crlfText, crlfOffset));
        }),
        params(100),
      );
    });
  });
  describe('reading declarations without the rules', () => {
    /** What a reader of a document sees: where it is, its text, its fields and entries as read, and its matrix. */
    const seen = (d: CheckedDocument) => ({
      index: d.index,
      base: d.base,
      text: d.text,
      span: d.declaration.span,
      fields: d.declaration.fields.map((f) => [f.key, f.keySpan, f.valueSpan, f.merged]),
      entries: (d.declaration.layers?.entries ?? []).map((e) => [e.key, e.keySpan, e.fields.map((f) => [f.key, f.valueSpan])]),
      contents: contentsOf(d),
      matrix: d.matrix,
      choice: d.matrixChoice.resolution.kind,
    });

    /** The document's data, or why it has none (an alias to nowhere throws). */
    const contentsOf = (d: CheckedDocument): unknown => {
      try {
        return d.declaration.doc.toJS({ maxAliasCount: -1, mapAsMap: true }) as unknown;
      } catch (err) {
        return (err as Error).message;
      }
    };

    it('gives the documents a check gives, broken files included', () => {
      fc.assert(
        fc.property(fileArb, fc.array(mutationArb, { maxLength: 4 }), (spec, mutations) => {
          const text = mutations.reduce(mutate, render(spec));
          assert.deepEqual([...readDeclarations(text)].map(seen), checkText(text).documents.map(seen), `for:\n${JSON.stringify(text)}`);
        }),
        params(150),
      );
    });
  });
  describe('owner keys', () => {
    it('are NFKC, without invisible characters, trimmed and lower case, ASCII or not', () => {
      const owner = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(' Platform ', 'ＰＬＡＴＦＯＲＭ', 'plat\u200Bform', 'Ｐrovider', '\u00ADops', 'café'));
      fc.assert(
        fc.property(owner, (value) => {
          assert.equal(ownerKey(value), value.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, '').trim().toLowerCase());
        }),
        params(500),
      );
    });
  });
});
