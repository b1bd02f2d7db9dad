/**
 * What the server keeps between keystrokes (gap counts of unchanged documents,
 * the document under the cursor found by bisection, inlay hints of the asked
 * range only) gives what a fresh reading of the whole text gives.
 */
import * as assert from 'node:assert/strict';
import { InlayHintRequest, MarkupContent, type InlayHint, type Range } from 'vscode-languageserver-protocol';
import { builtInEnvironment, checkText, describeTarget, fileGapCount, targetAt } from '../../server/src/core';
import { untitled, useServer, type LspClient } from './client';
import { MULTI } from './texts';

/** Five documents: the three of MULTI, then two more, so that a bisection has somewhere to go wrong. */
const FIVE = `${MULTI}---\n${MULTI.split('---\n')[0]!.replace('storefront-web', 'storefront-admin')}---\n${MULTI.split('---\n')[1]!.replace('reporting-vm', 'billing-vm')}`;

function hintsIn(client: LspClient, uri: string, range: Range): Promise<InlayHint[]> {
  return client.request(InlayHintRequest.type, { textDocument: { uri }, range }).then((h) => h ?? []);
}

describe('LSP: per-keystroke caches give what a fresh reading gives', function () {
  this.timeout(30_000);
  const server = useServer({ settings: {} });

  it('counts the gaps of a multi-document file as the core counts them, after edits to one document at a time', async () => {
    const client = server();
    const uri = untitled('five.srm.yaml');
    await client.open(uri, FIVE);
    const expected = (text: string) => fileGapCount(checkText(text), builtInEnvironment().config.overrides);
    const statusFor = (version: number) => client.waitFor(`a status for version ${version}`, () => client.statuses(uri).find((s) => s.version === version));
    const counts = [(await statusFor(1)).gaps];
    assert.equal(counts[0], expected(FIVE));
    // Remove an entry of the second document, change the model of the fourth, then put the entry back.
    const edits: [string, string][] = [
      ['  identity-access:\n    owner: cloud-iam-team\n  operating-system:', '  operating-system:'],
      ['workload: storefront-admin\nmodel: paas', 'workload: storefront-admin\nmodel: iaas'],
      ['  operating-system:\n    owner: provider\n  physical-security:\n    owner: provider\n    evidence: https://aws.amazon.com/compliance/soc/\n---\nworkload: storefront-crm', '  identity-access:\n    owner: cloud-iam-team\n  operating-system:\n    owner: provider\n  physical-security:\n    owner: provider\n    evidence: https://aws.amazon.com/compliance/soc/\n---\nworkload: storefront-crm'],
    ];
    for (const [from, to] of edits) {
      const text = client.text(uri);
      const at = text.indexOf(from);
      assert.ok(at >= 0, `the text holds ${JSON.stringify(from)}`);
      const start = client.positionOf(uri, from);
      const endOffset = at + from.length;
      const before = text.slice(0, endOffset).split('\n');
      const version = await client.change(uri, { range: { start, end: { line: before.length - 1, character: before.at(-1)!.length } }, newText: to });
      const gaps = (await statusFor(version)).gaps;
      assert.equal(gaps, expected(client.text(uri)), `after replacing ${JSON.stringify(from)}`);
      counts.push(gaps);
    }
    assert.ok(new Set(counts).size >= 3, `the edits changed the count: ${counts.join(', ')}`);
    await client.close(uri);
  });

  it('hovers each layer key of every document as the core describes it over the whole file', async () => {
    const client = server();
    const uri = untitled('hover-five.srm.yaml');
    await client.open(uri, FIVE);
    const result = checkText(FIVE);
    let compared = 0;
    for (const match of FIVE.matchAll(/^ {2}([a-z-]+):/gm)) {
      const offset = match.index + 3;
      const before = FIVE.slice(0, offset).split('\n');
      const hover = await client.hover(uri, { line: before.length - 1, character: before.at(-1)!.length });
      const target = targetAt(result, offset, builtInEnvironment().config.overrides);
      const markdown = target && describeTarget(target, builtInEnvironment().catalogue);
      assert.equal(hover ? (hover.contents as MarkupContent).value : undefined, markdown ?? undefined, `hover at ${JSON.stringify(match[0])}, offset ${offset}`);
      compared++;
    }
    assert.ok(compared >= 20, `only ${compared} layer keys hovered`);
    await client.close(uri);
  });

  it('gives the hints of a range that are among the hints of the whole file, and all of them', async () => {
    const client = server();
    const uri = untitled('hints-five.srm.yaml');
    await client.open(uri, FIVE);
    const lines = FIVE.split('\n').length;
    const all = await hintsIn(client, uri, { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } });
    assert.ok(all.length >= 15, `only ${all.length} hints in the file`);
    for (const [from, to] of [[0, 5], [10, 30], [29, 31], [40, lines]] as const) {
      const part = await hintsIn(client, uri, { start: { line: from, character: 0 }, end: { line: to, character: 0 } });
      const inside = all.filter((h) => h.position.line >= from && h.position.line <= to && !(h.position.line === to && h.position.character > 0));
      assert.deepEqual(part, inside, `hints of lines ${from}–${to}`);
    }
    await client.close(uri);
  });
});
