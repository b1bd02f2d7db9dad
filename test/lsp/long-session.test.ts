/**
 * A long editing session: thousands of keystrokes, each checked and published,
 * must leave the server's heap where it was. The server runs with
 * `--expose-gc` and the test hooks, which let the test read its heap after a
 * full collection.
 */
import * as assert from 'node:assert/strict';
import { HeapAfterGcRequest, TEST_HOOKS_FLAG } from '../../server/src/lsp/test-hooks';
import { untitled, useServer, type LspClient } from './client';

/** Three documents, each broken by a stray `}` line: every check meets parser errors. */
const BROKEN = [0, 1, 2]
  .map((i) => `workload: broken-${i}\nmodel: paas\nlayers:\n  data-classification:\n    owner: team-${i}\n}\n  identity-access:\n    owner: iam-${i}\n`)
  .join('---\n');

const EDITS = 5000;
/** Heap growth allowed over the session, after GC: far below what keeping anything per keystroke would cost (5,000 × even 1 KB). */
const MAX_GROWTH = 2 * 1024 * 1024;

/** Documents of the file whose documents are edited in turn, and the growth allowed (one copy of its text is 1 MB). */
const MANY = 40;
const MANY_GROWTH = 8 * 1024 * 1024;

async function heapAfterGc(client: LspClient): Promise<number> {
  return (await client.request0(HeapAfterGcRequest)).heapUsed;
}

/**
 * Types a character at the end of a document's first owner, or deletes it
 * again, going round the three documents: every version is new, and each check
 * re-parses one document and reuses the other two as the checks before left them.
 */
async function keystroke(client: LspClient, uri: string, n: number): Promise<void> {
  const owner = `owner: team-${n % 3}`;
  const at = client.positionOf(uri, owner, owner.length);
  const edit = Math.floor(n / 3) % 2 === 0 ? { range: { start: at, end: at }, newText: 'x' } : { range: { start: at, end: { ...at, character: at.character + 1 } }, newText: '' };
  await client.change(uri, edit);
  await client.waitForDiagnostics(uri);
}

describe('LSP: a long session', function () {
  this.timeout(300_000);
  const server = useServer({ nodeArgs: ['--expose-gc'], serverArgs: [TEST_HOOKS_FLAG] });

  it(`${EDITS} edits in a file with syntax errors leave the heap bounded after GC`, async () => {
    const client = server();
    const uri = untitled('long-session.srm.yaml');
    await client.open(uri, BROKEN);
    const diagnostics = await client.waitForDiagnostics(uri);
    const strayLines = BROKEN.split('\n').flatMap((line, i) => (line === '}' ? [i] : []));
    for (const line of strayLines) assert.ok(diagnostics.some((d) => d.code === 'SRM018' && d.range.start.line === line), `a syntax error on line ${line + 1}`);
    // Warm up: the engine's caches and the JIT settle before the baseline.
    for (let n = 0; n < 300; n++) await keystroke(client, uri, n);
    const before = await heapAfterGc(client);
    for (let n = 0; n < EDITS; n++) await keystroke(client, uri, n);
    const after = await heapAfterGc(client);
    assert.ok(after - before < MAX_GROWTH, `the heap grew by ${((after - before) / 1024).toFixed(0)} KiB over ${EDITS} edits (from ${(before / 1024).toFixed(0)} KiB)`);
    await client.close(uri);
  });

  it('editing each document of a large file in turn keeps no copy of the file per document edited', async () => {
    const client = server();
    const uri = untitled('many-documents.srm.yaml');
    // Long values (the parser slices them out of the text) and a long comment: the file is ~1 MB, its documents small.
    const documents = Array.from({ length: MANY }, (_, i) => `workload: many-${i}\nmodel: paas\ndescription: The workload number ${i} of a file of many\nlayers:\n  data-classification:\n    owner: team-${i}\n`);
    await client.open(uri, `${documents.join('---\n')}# ${'x'.repeat(1_000_000)}\n`);
    await client.waitForDiagnostics(uri);
    // Each edit changes another document: every check re-parses that one and reuses the others.
    const editEach = async (round: number, documents = MANY): Promise<void> => {
      for (let i = 0; i < documents; i++) {
        // Round 0 types an x at the end of the owner, round 1 deletes it again.
        const owner = `owner: team-${i}${round % 2 === 0 ? '' : 'x'}\n`;
        const at = client.positionOf(uri, owner, owner.length - 1);
        const edit = round % 2 === 0 ? { range: { start: at, end: at }, newText: 'x' } : { range: { start: { ...at, character: at.character - 1 }, end: at }, newText: '' };
        await client.change(uri, edit);
        await client.waitForDiagnostics(uri);
      }
    };
    // Warm up on the first document alone (its copy, if any, is taken before the baseline).
    for (let round = 0; round < 10; round++) await editEach(round, 1);
    const before = await heapAfterGc(client);
    await editEach(0);
    await editEach(1);
    const after = await heapAfterGc(client);
    // One copy of the text per document edited would be MANY MB.
    assert.ok(after - before < MANY_GROWTH, `the heap grew by ${((after - before) / 1024).toFixed(0)} KiB over ${2 * MANY} edits of ${MANY} documents (from ${(before / 1024).toFixed(0)} KiB)`);
    await client.close(uri);
  });
});
