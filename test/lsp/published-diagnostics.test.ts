/**
 * The publisher turns a keystroke's findings into LSP form reusing the ranges
 * of the findings that did not move. What the editor receives must be exactly
 * what converting every finding afresh gives, whatever the edit: typing in a
 * line, adding or removing line breaks, completing or splitting a CRLF.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../server/src/core';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import type { VisibleFinding } from '../../server/src/lsp/files';
import { commonEnds, lspDiagnosticsOf } from '../../server/src/lsp/published-diagnostics';
import { useServer, type LspClient } from './client';

const finding = (start: number, end: number, code: string): VisibleFinding => ({
  diagnostic: { code, severity: 'warning', message: `${code} at ${start}`, span: { start, end }, fixes: [] } satisfies Diagnostic,
  severity: 'warning',
});

const fresh = (doc: TextDocument, visible: readonly VisibleFinding[]) => visible.map((v) => toLspDiagnostic(doc, v.diagnostic, v.severity));

/** A text of short lines, every kind of line break among them. */
const textOf = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n'), { minLength: 0, maxLength: 60 }).map((xs) => xs.join(''));

/** Findings spread over a text: sorted by start, as the checker gives them. */
function findingsOf(length: number): fc.Arbitrary<VisibleFinding[]> {
  return fc
    .array(fc.tuple(fc.nat(length), fc.nat(4), fc.constantFrom('SRM001', 'SRM040')), { maxLength: 25 })
    .map((xs) => xs.map(([s, n, code]) => finding(s, Math.min(length, s + n), code)).sort((a, b) => a.diagnostic.span.start - b.diagnostic.span.start));
}

/** The same findings after replacing [from, to) of the text with `inserted`: those outside it kept (shifted past it), those across it gone, and a few new ones. */
function afterEdit(visible: readonly VisibleFinding[], from: number, to: number, inserted: string, added: readonly VisibleFinding[]): VisibleFinding[] {
  const delta = inserted.length - (to - from);
  const kept = visible.flatMap((v) => {
    const { start, end } = v.diagnostic.span;
    if (end <= from) return [v];
    if (start >= to) return [finding(start + delta, end + delta, v.diagnostic.code)].map((f) => ({ ...f, diagnostic: { ...f.diagnostic, message: v.diagnostic.message } }));
    return [];
  });
  return [...kept, ...added].sort((a, b) => a.diagnostic.span.start - b.diagnostic.span.start);
}

describe('LSP: findings published after an edit', function () {
  it('are what converting every finding afresh gives, for any edit of any text', () => {
    fc.assert(
      fc.property(
        textOf.chain((text) =>
          fc.record({
            text: fc.constant(text),
            visible: findingsOf(text.length),
            from: fc.nat(text.length),
            length: fc.nat(3),
            inserted: fc.constantFrom('', 'x', 'xy', '\n', '\r', '\r\n', 'a\nb'),
          }),
        ),
        fc.array(fc.tuple(fc.nat(80), fc.nat(3)), { maxLength: 3 }),
        ({ text, visible, from, length, inserted }, extra) => {
          const to = Math.min(text.length, from + length);
          const after = text.slice(0, from) + inserted + text.slice(to);
          const before = TextDocument.create('file:///a.srm.yaml', 'srm', 1, text);
          const previous = { text, visible, diagnostics: fresh(before, visible) };
          const added = extra.map(([s, n]) => finding(Math.min(s, after.length), Math.min(after.length, s + n), 'SRM039'));
          const next = afterEdit(visible, from, to, inserted, added);
          const doc = TextDocument.create('file:///a.srm.yaml', 'srm', 2, after);
          assert.deepEqual(lspDiagnosticsOf(doc, next, previous), fresh(doc, next));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the characters two texts share at each end, in blocks and one by one', () => {
    const long = 'a'.repeat(5000);
    assert.deepEqual(commonEnds(`${long}x${long}`, `${long}yz${long}`), { prefix: 5000, suffix: 5000 });
    assert.deepEqual(commonEnds(long, `${long}a`), { prefix: 5000, suffix: 0 });
    assert.deepEqual(commonEnds('', 'abc'), { prefix: 0, suffix: 0 });
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), (a, b) => {
        const { prefix, suffix } = commonEnds(a, b);
        assert.ok(prefix + suffix <= Math.min(a.length, b.length));
        assert.equal(a.slice(0, prefix), b.slice(0, prefix));
        assert.equal(a.slice(a.length - suffix), b.slice(b.length - suffix));
        if (prefix < Math.min(a.length, b.length) && prefix + suffix < Math.min(a.length, b.length)) assert.notEqual(a[prefix], b[prefix]);
      }),
    );
  });
});

/** A file of many documents, each with findings (a missing model, an alias owner, a gap). */
function manyDocuments(n: number): string {
  return Array.from({ length: n }, (_, i) => `workload: w${i}\nmodel: paas\nlayers:\n  identity-access:\n    owner: iam\n  applications: {owner: app-team}\n`).join('---\n');
}

describe('LSP: findings published while typing in a large file', function () {
  this.timeout(30_000);
  const server = useServer();

  async function sameAsOpenedFresh(client: LspClient, uri: string, n: number): Promise<void> {
    const typed = await client.waitForDiagnostics(uri);
    const fresh = `untitled:/fresh-${n}.srm.yaml`;
    await client.open(fresh, client.text(uri));
    assert.deepEqual(typed, await client.waitForDiagnostics(fresh), `after edit ${n}`);
    await client.close(fresh);
  }

  it('every publish equals that of the same text opened afresh: typing in a line, a new line, CRLF line breaks', async () => {
    const client = server();
    const uri = 'untitled:/typed.srm.yaml';
    await client.open(uri, manyDocuments(40).replace(/\n/g, (m, at: number) => (at % 3 === 0 ? '\r\n' : m)));
    await client.waitForDiagnostics(uri);
    const middle = client.text(uri).indexOf('owner: iam', client.text(uri).length / 2) + 'owner: iam'.length;
    const at = () => client.rangeOf(uri, middle, middle);
    const steps: (() => Promise<number>)[] = [
      () => client.change(uri, { range: at(), newText: 'x' }),
      () => client.change(uri, { range: client.rangeOf(uri, middle, middle + 1), newText: '' }),
      () => client.change(uri, { range: at(), newText: '\n' }),
      () => client.change(uri, { range: client.rangeOf(uri, middle, middle + 1), newText: '' }),
      () => client.change(uri, { range: at(), newText: '\r' }),
      () => client.change(uri, { range: client.rangeOf(uri, middle + 1, middle + 1), newText: '\n' }),
      () => client.change(uri, { range: client.rangeOf(uri, middle, middle + 2), newText: '' }),
      () => client.replace(uri, 'owner: iam\n', 'owner: iam-team\n'),
      () => client.replace(uri, 'workload: w39', '# moved\nworkload: w39'),
    ];
    for (const [i, step] of steps.entries()) {
      await step();
      await sameAsOpenedFresh(client, uri, i);
    }
  });
});
