/**
 * Changes that pile up are checked once, at their newest version: a burst of
 * didChange notifications that reach the server together gives one check and
 * one publish, never one per change.
 */
import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { CountersRequest, TEST_HOOKS_FLAG } from '../../server/src/lsp/test-hooks';
import { codes, untitled, useServer, type LspClient } from './client';
import { PAAS_WITH_GAPS } from './texts';

/** A request answered only after everything sent before it was handled, so every publish due by then has arrived. */
async function roundTrip(client: LspClient): Promise<void> {
  await client.documentSymbols('untitled:/coalescing-round-trip.srm.yaml');
}

async function checksSoFar(client: LspClient): Promise<number> {
  return (await client.request0(CountersRequest)).checks;
}

/** One character per change typed into the first line's comment, then one paste: 300 changes. */
function burst(client: LspClient, uri: string, paste: TextEdit): TextEdit[][] {
  const column = client.text(uri).indexOf('\n');
  const keystrokes = Array.from({ length: 299 }, (_, i): TextEdit[] => {
    const at = { line: 0, character: column + i };
    return [{ range: { start: at, end: at }, newText: 'x' }];
  });
  return [...keystrokes, [paste]];
}

describe('LSP: coalescing changes', function () {
  this.timeout(20_000);
  const server = useServer({ serverArgs: [TEST_HOOKS_FLAG] });

  it('300 changes sent in one write: one check and one publish, of the newest version', async () => {
    const client = server();
    const uri = untitled('burst.srm.yaml');
    await client.open(uri, PAAS_WITH_GAPS);
    await client.waitForDiagnostics(uri);
    await roundTrip(client);
    const checks = await checksSoFar(client);
    const mark = client.mark();

    // The last change adds the missing entry, so the newest version has a finding less.
    const end = client.positionOf(uri, 'owner: payments-team\n', 'owner: payments-team\n'.length);
    const edits = burst(client, uri, { range: { start: end, end }, newText: '  endpoint-devices:\n    owner: workplace-it\n' });
    assert.equal(edits.length, 300);
    const last = await client.changeInOneWrite(uri, edits);
    assert.equal(last, 301);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['SRM002']);
    await roundTrip(client);

    const published = client.since(mark).flatMap((r) => (r.kind === 'diagnostics' && r.params.uri === uri ? [r.params.version] : []));
    assert.deepEqual(published, [301], 'one publish, for the newest version');
    assert.equal((await checksSoFar(client)) - checks, 1, 'one check');
  });
});
