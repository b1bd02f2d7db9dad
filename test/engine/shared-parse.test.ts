/**
 * The parser shares what equal documents repeat (scalar strings, the schema):
 * a memory saving that must change nothing. Each document as the engine
 * parses it is compared with the same text parsed by the yaml library alone,
 * which shares nothing: same values, sources, ranges, data and printed form.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAllDocuments, visit, type Document } from 'yaml';
import { PARSE_OPTIONS, parseSegment } from '../../server/src/core/parse/parse-segment';
import { SharedStrings } from '../../server/src/core/parse/shared-strings';
import { DEFAULT_STRUCTURE_LIMITS } from '../../server/src/core/parse/structure';
import { fileArb, render } from './generators';

const LIMITS = { ...DEFAULT_STRUCTURE_LIMITS, maxAliases: 100 };

/** Every scalar of a document in tree order: what a rule or a handler can read of it (a merge key's symbol, made per parse, by its name). */
function scalarsOf(doc: Document): unknown[] {
  const out: unknown[] = [];
  const value = (v: unknown): unknown => (typeof v === 'symbol' ? v.description : v);
  visit(doc, { Scalar: (_, s) => void out.push([s.type ?? null, s.source ?? null, typeof s.value, value(s.value), s.range ? [...s.range] : null]) });
  return out;
}

function assertParsedAsAlone(text: string): void {
  const engine = parseSegment(text, LIMITS).documents.map((d) => d.declaration.doc);
  const alone = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  assert.equal(engine.length, alone.length);
  engine.forEach((doc, i) => {
    const own = alone[i]!;
    assert.deepEqual(scalarsOf(doc), scalarsOf(own));
    assert.deepEqual(doc.toJS({ mapAsMap: true }), own.toJS({ mapAsMap: true }));
    // The engine keeps a document's parser errors as findings instead (ParsedDocument.problems); yaml prints only a clean one.
    if (own.errors.length === 0) assert.equal(doc.toString(), own.toString());
    assert.equal(doc.schema.name, own.schema.name);
  });
}

describe('Parsing: what documents share changes nothing', function () {
  this.timeout(120_000);
  it('every generated file parses as the yaml library parses it alone, after other files filled the shared strings', () => {
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 2, maxLength: 4 }), (files) => {
        for (const file of files) assertParsedAsAlone(render(file));
      }),
      { numRuns: 40 },
    );
  });

  it('a %YAML 1.1 document keeps its own schema among 1.2 documents (yes is a boolean there, a string here)', () => {
    const v12 = 'workload: a\nflag: yes\n';
    const v11 = '%YAML 1.1\n---\nworkload: b\nflag: yes\n';
    for (const text of [v12, v11, v12, v11]) assertParsedAsAlone(text);
    const [flag11] = parseSegment(v11, LIMITS).documents.map((d) => d.declaration.doc.get('flag'));
    const [flag12] = parseSegment(v12, LIMITS).documents.map((d) => d.declaration.doc.get('flag'));
    assert.equal(flag11, true);
    assert.equal(flag12, 'yes');
  });
});

describe('SharedStrings', () => {
  it('gives back an equal string, and keeps texts up to its length limit only', () => {
    const strings = new SharedStrings(8, 100);
    assert.equal(strings.share('owner'), 'owner');
    assert.equal(strings.share('owner'), 'owner');
    assert.equal(strings.size, 1);
    assert.equal(strings.share('a longer description'), 'a longer description');
    assert.equal(strings.size, 1);
  });

  it('empties itself when full, so typing every prefix of a word never grows it past its bound', () => {
    const strings = new SharedStrings(64, 50);
    const word = 'x'.repeat(64);
    for (let n = 1; n <= word.length; n++) {
      assert.equal(strings.share(word.slice(0, n)), word.slice(0, n));
      assert.ok(strings.size <= 50);
    }
    assert.equal(strings.size, 64 - 50);
  });
});
