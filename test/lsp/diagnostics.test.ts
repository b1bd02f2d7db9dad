/**
 * Diagnostics over the protocol: published on open and on ranged (incremental)
 * changes, tagged with the document version, never out of order, and the same
 * after edits to one document of a multi-document file as for a fresh open.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { codes, untitled, useServer } from './client';
import { describe as describeDiagnostics, find, messageOf, MULTI, PAAS_WITH_GAPS, visible } from './texts';

describe('LSP: diagnostics', function () {
  this.timeout(10_000);
  const server = useServer();

  it('publishes the findings of a document when it opens, with its version', async () => {
    const client = server();
    const uri = untitled('open.srm.yaml');
    await client.open(uri, PAAS_WITH_GAPS, 7);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.equal(client.latestDiagnostics(uri)?.version, 7);
    assert.deepEqual(codes(diagnostics), ['SRM001', 'SRM002']);
    const layersLine = PAAS_WITH_GAPS.split('\n').indexOf('layers:');
    for (const d of diagnostics) {
      assert.deepEqual(d.range, { start: { line: layersLine, character: 0 }, end: { line: layersLine, character: 'layers'.length } }, 'reported on the layers: key');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.equal(d.source, 'srm');
    }
    assert.match(messageOf(find(diagnostics, 'SRM001')), /endpoint-devices/);
    assert.match(messageOf(find(diagnostics, 'SRM002')), /runtime-middleware/);
  });

  it('re-checks after ranged changes, each publish carrying the new version', async () => {
    const client = server();
    const uri = untitled('incremental.srm.yaml');
    await client.open(uri, PAAS_WITH_GAPS);
    await client.waitForDiagnostics(uri);

    // Insert an entry at the end: the SRM001 goes.
    const end = client.positionOf(uri, 'owner: payments-team\n', 'owner: payments-team\n'.length);
    const v2 = await client.change(uri, { range: { start: end, end }, newText: '  endpoint-devices:\n    owner: workplace-it\n' });
    assert.equal(v2, 2);
    let diagnostics = await client.waitForDiagnostics(uri);
    assert.equal(client.latestDiagnostics(uri)?.version, 2);
    assert.deepEqual(codes(diagnostics), ['SRM002']);

    // Two ranged changes in one notification: remove the identity-access entry, then rename the workload.
    const doc = client.text(uri);
    const entryStart = doc.indexOf('  identity-access:\n');
    const entryEnd = doc.indexOf('  applications:');
    const workload = doc.indexOf('payments-api');
    const v3 = await client.change(
      uri,
      { range: client.rangeOf(uri, entryStart, entryEnd), newText: '' },
      // Before the first change, so its position is the same in the text after it.
      { range: client.rangeOf(uri, workload, workload + 'payments-api'.length), newText: 'payments' },
    );
    diagnostics = await client.waitForDiagnostics(uri);
    assert.equal(client.latestDiagnostics(uri)?.version, v3);
    assert.match(client.text(uri), /^workload: payments$/m);
    assert.doesNotMatch(client.text(uri), /identity-access/);
    assert.deepEqual(codes(diagnostics), ['SRM001', 'SRM002']);
    assert.match(messageOf(find(diagnostics, 'SRM001')), /identity-access/);
  });

  it('never publishes an older version after a newer one when edits arrive faster than checks', async () => {
    const client = server();
    const uri = untitled('rapid.srm.yaml');
    await client.open(uri, PAAS_WITH_GAPS);
    await client.waitForDiagnostics(uri);
    const mark = client.mark();

    // Type an entry one character at a time without waiting for anything.
    const typed = '  endpoint-devices:\n    owner: workplace-it\n';
    let at = client.positionOf(uri, 'owner: payments-team\n', 'owner: payments-team\n'.length);
    for (const ch of typed) {
      await client.change(uri, { range: { start: at, end: at }, newText: ch });
      at = ch === '\n' ? { line: at.line + 1, character: 0 } : { line: at.line, character: at.character + 1 };
    }
    const last = client.version(uri);
    assert.equal(last, 1 + typed.length);

    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(codes(diagnostics), ['SRM002'], describeDiagnostics(diagnostics));

    // Another document's check is queued behind anything still pending for this one.
    const sentinel = untitled('rapid-sentinel.srm.yaml');
    await client.open(sentinel, PAAS_WITH_GAPS);
    await client.waitForDiagnostics(sentinel);

    const versions = client.since(mark).flatMap((r) => (r.kind === 'diagnostics' && r.params.uri === uri ? [r.params.version] : []));
    assert.equal(versions.at(-1), last, `the last publish is for the latest version: ${versions.join(', ')}`);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! > versions[i - 1]!, `versions published in order: ${versions.join(', ')}`);
    const statuses = client.since(mark).flatMap((r) => (r.kind === 'status' && r.params.uri === uri ? [r.params.version] : []));
    assert.equal(statuses.at(-1), last);
    for (let i = 1; i < statuses.length; i++) assert.ok(statuses[i]! > statuses[i - 1]!, `statuses sent in order: ${statuses.join(', ')}`);
  });

  it('sends srm/fileStatus with the counts of what it published', async () => {
    const client = server();
    const uri = untitled('status.srm.yaml');
    await client.open(uri, MULTI);
    const diagnostics = await client.waitForDiagnostics(uri);
    const status = await client.waitFor('a status for version 1', () => client.statuses(uri).find((s) => s.version === 1));
    assert.deepEqual(status, {
      uri,
      version: 1,
      errors: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length,
      warnings: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length,
      gaps: diagnostics.filter((d) => ['SRM001', 'SRM002', 'SRM004', 'SRM005'].includes(String(d.code))).length,
    });
    assert.deepEqual({ errors: status.errors, warnings: status.warnings, gaps: status.gaps }, { errors: 6, warnings: 1, gaps: 6 });

    await client.replace(uri, 'owner: provider', 'owner: os-team', 'workload: reporting-vm');
    await client.waitForDiagnostics(uri);
    const after = await client.waitFor('a status for version 2', () => client.statuses(uri).find((s) => s.version === 2));
    assert.deepEqual({ errors: after.errors, gaps: after.gaps }, { errors: 5, gaps: 5 });

    // A placeholder owner leaves the layer as unassigned as no entry at all.
    await client.replace(uri, 'owner: os-team', 'owner: TODO', 'workload: reporting-vm');
    await client.waitForDiagnostics(uri);
    const placeholder = await client.waitFor('a status for version 3', () => client.statuses(uri).find((s) => s.version === 3));
    assert.deepEqual({ errors: placeholder.errors, gaps: placeholder.gaps }, { errors: 6, gaps: 6 });
  });

  it('clears a document\'s diagnostics when it closes', async () => {
    const client = server();
    const uri = untitled('closing.srm.yaml');
    await client.open(uri, PAAS_WITH_GAPS);
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
    await client.close(uri);
    await client.waitFor('cleared diagnostics', () => client.latestDiagnostics(uri)?.diagnostics.length === 0);
    await client.waitFor('a zero status', () => client.statuses(uri).at(-1)?.errors === 0);
  });

  describe('a multi-document file edited one document at a time', () => {
    const steps: { readonly name: string; readonly find: string; readonly replace: string; readonly after?: string; readonly expect: (c: string[]) => void }[] = [
      {
        name: 'an owner changed in the second document',
        find: 'owner: provider',
        replace: 'owner: os-team',
        after: 'workload: reporting-vm',
        expect: (c) => assert.ok(!c.includes('SRM004')),
      },
      {
        name: 'lines added to the first document (shifting the others)',
        find: 'layers:\n',
        replace: 'layers:\n  # every layer we own, on the platform\n\n',
        expect: (c) => assert.ok(c.includes('SRM006')),
      },
      {
        name: 'a spelling fixed in the third document',
        find: '  iam:',
        replace: '  identity-access:',
        expect: (c) => assert.ok(!c.includes('SRM008')),
      },
      {
        name: 'a problem introduced in the first document',
        find: 'model: paas',
        replace: 'model: pass',
        expect: (c) => assert.ok(c.includes('SRM010')),
      },
      {
        name: 'the separator between the second and third documents removed',
        find: '---\nworkload: storefront-crm',
        replace: 'workload: storefront-crm',
        expect: (c) => assert.ok(c.includes('SRM013'), 'the merged document has duplicate keys'),
      },
      {
        name: 'a document added at the end',
        find: '    owner: cloud-iam-team\n',
        replace: '    owner: cloud-iam-team\n---\nworkload: late\nmodel: saas\n',
        after: 'workload: storefront-crm',
        expect: (c) => assert.ok(c.filter((x) => x === 'SRM001').length >= 3),
      },
      {
        name: 'an identical copy of the last document appended',
        find: 'workload: late\nmodel: saas\n',
        replace: 'workload: late\nmodel: saas\n---\nworkload: late\nmodel: saas\n',
        expect: (c) => assert.ok(c.filter((x) => x === 'SRM001').length >= 6),
      },
      {
        name: 'one of the two identical documents edited',
        find: 'model: saas\n',
        replace: 'model: saas\nlayers:\n  data-classification: {owner: dg}\n',
        after: '---\nworkload: late\nmodel: saas\n---',
        expect: (c) => assert.ok(c.includes('SRM001')),
      },
    ];

    it('gives the same diagnostics after each edit as a fresh open of the same text', async () => {
      const client = server();
      const uri = untitled('multi.srm.yaml');
      await client.open(uri, MULTI);
      await client.waitForDiagnostics(uri);
      for (const [i, step] of steps.entries()) {
        await client.replace(uri, step.find, step.replace, step.after);
        const edited = await client.waitForDiagnostics(uri);
        const fresh = untitled(`multi-fresh-${i}.srm.yaml`);
        await client.open(fresh, client.text(uri));
        const expected = await client.waitForDiagnostics(fresh);
        assert.deepEqual(visible(edited), visible(expected), `after ${step.name}:\nedited:\n${describeDiagnostics(edited)}\nfresh:\n${describeDiagnostics(expected)}`);
        step.expect(codes(edited));
        await client.close(fresh);
      }
    });
  });
});
