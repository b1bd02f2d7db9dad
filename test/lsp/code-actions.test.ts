/** Quick fixes, source.fixAll.srm and the srm.server.fixAll command, applied the way an editor applies them. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { FixAllCommand } from '../../protocol/requests';
import { codes, editedUris, REPO, textEditsOf, untitled, useServer } from './client';
import { describe as describeDiagnostics, find, MULTI, PAAS_COMPLETE, PAAS_WITH_GAPS, visible } from './texts';

const GAPS_EXAMPLE = path.join(REPO, 'examples', 'gaps.srm.yaml');
/** The example with every kind of finding, or a stand-in when the examples are not there. */
const EVERYTHING = fs.existsSync(GAPS_EXAMPLE) ? fs.readFileSync(GAPS_EXAMPLE, 'utf8') : MULTI;

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return JSON.stringify(visible([a])) === JSON.stringify(visible([b]));
}

function editsOf(action: CodeAction, uri: string) {
  const edits = textEditsOf(action.edit, uri);
  assert.ok(edits.length > 0, `${action.title} edits ${uri}`);
  return edits;
}

describe('LSP: code actions', function () {
  this.timeout(10_000);
  const server = useServer();

  it('attaches every quick fix to the diagnostic it fixes', async () => {
    const client = server();
    const uri = untitled('actions-everything.srm.yaml');
    await client.open(uri, EVERYTHING);
    const diagnostics = await client.waitForDiagnostics(uri);
    let fixable = 0;
    for (const d of diagnostics) {
      const actions = await client.codeActions(uri, d.range, { diagnostics: [d] });
      const quickFixes = actions.filter((a) => a.kind === CodeActionKind.QuickFix);
      for (const action of quickFixes) {
        assert.equal(action.diagnostics?.length, 1, `${action.title} names one diagnostic`);
        const attached = action.diagnostics[0];
        assert.ok(
          diagnostics.some((p) => sameDiagnostic(p, attached!)),
          `"${action.title}" is attached to a diagnostic the server published: ${JSON.stringify(attached)}`,
        );
        editsOf(action, uri);
      }
      if (quickFixes.some((a) => a.diagnostics?.some((x) => sameDiagnostic(x, d)))) fixable++;
    }
    assert.ok(fixable >= diagnostics.length / 2, `most findings have their own quick fix (${fixable} of ${diagnostics.length})`);

    // Asked for the whole file, each fix is offered once.
    const all = (await client.codeActions(uri, WHOLE)).filter((a) => a.kind === CodeActionKind.QuickFix);
    const keys = all.map((a) => `${a.title}|${JSON.stringify(a.edit)}`);
    assert.equal(new Set(keys).size, keys.length, 'no fix is offered twice');
  });

  it('applies a quick fix and the diagnostic goes on re-check', async () => {
    const client = server();
    const uri = untitled('actions-apply.srm.yaml');
    await client.open(uri, PAAS_WITH_GAPS);
    const diagnostics = await client.waitForDiagnostics(uri);
    const missingDevices = find(diagnostics, 'SRM001', 'endpoint-devices');
    const actions = await client.codeActions(uri, missingDevices.range, { diagnostics: [missingDevices] });
    const add = actions.find((a) => a.title === 'Add an entry for Endpoint Devices');
    assert.ok(add, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(add.isPreferred, true);
    assert.ok(sameDiagnostic(add.diagnostics![0]!, missingDevices));

    await client.applyWorkspaceEdit(add.edit!);
    assert.match(client.text(uri), /\n {2}endpoint-devices:\n {4}owner: /);
    const after = await client.waitForDiagnostics(uri);
    // The gap is closed; the placeholder owner waits for a real one (SRM012, on the new entry).
    assert.deepEqual(codes(after), ['SRM002', 'SRM012'], describeDiagnostics(after));
    assert.equal(client.textAt(uri, find(after, 'SRM012', 'Endpoint Devices').range), 'TODO');
  });

  it('applies a did-you-mean fix', async () => {
    const client = server();
    const uri = untitled('actions-typo.srm.yaml');
    await client.open(uri, PAAS_COMPLETE.replace('identity-access:', 'identity-acess:'));
    const typo = find(await client.waitForDiagnostics(uri), 'SRM007');
    const actions = await client.codeActions(uri, typo.range, { diagnostics: [typo] });
    const change = actions.find((a) => a.title.startsWith('Change to identity-access'));
    assert.ok(change, actions.map((a) => a.title).join(' | '));
    await client.applyWorkspaceEdit(change.edit!);
    assert.equal(client.text(uri), PAAS_COMPLETE);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
  });

  it('answers context.only source.fixAll.srm with one action that leaves no missing layer', async () => {
    const client = server();
    const uri = untitled('actions-fixall.srm.yaml');
    await client.open(uri, EVERYTHING);
    const before = await client.waitForDiagnostics(uri);
    assert.ok(before.some((d) => d.code === 'SRM001') && before.some((d) => d.code === 'SRM002'));

    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll.srm'] });
    assert.equal(actions.length, 1, actions.map((a) => `${a.kind}: ${a.title}`).join(' | '));
    const [fixAll] = actions;
    assert.equal(fixAll!.kind, 'source.fixAll.srm');
    assert.equal(fixAll!.diagnostics, undefined);
    // What editor.codeActionsOnSave asks for finds it too; a quick-fix request does not.
    assert.equal((await client.codeActions(uri, WHOLE, { only: [CodeActionKind.SourceFixAll] })).length, 1);
    assert.ok((await client.codeActions(uri, WHOLE, { only: [CodeActionKind.QuickFix] })).every((a) => a.kind === CodeActionKind.QuickFix));

    const edits = editsOf(fixAll!, uri);
    assert.deepEqual(editedUris(fixAll!.edit), [uri], 'it edits this file only');
    assert.ok(edits.length >= 2, 'several fixes in one action');
    await client.applyWorkspaceEdit(fixAll!.edit!);
    const after = await client.waitForDiagnostics(uri);
    assert.deepEqual(after.filter((d) => d.code === 'SRM001' || d.code === 'SRM002'), [], describeDiagnostics(after));
    assert.ok(after.length < before.length);
  });

  it('offers no fix-all action for a file with nothing to fix', async () => {
    const client = server();
    const uri = untitled('actions-clean.srm.yaml');
    await client.open(uri, PAAS_COMPLETE);
    await client.waitForDiagnostics(uri);
    assert.deepEqual(await client.codeActions(uri, WHOLE), []);
  });

  it('runs srm.server.fixAll through workspace/applyEdit', async () => {
    const client = server();
    assert.ok(client.initializeResult.capabilities.executeCommandProvider?.commands.includes(FixAllCommand));
    const uri = untitled('actions-command.srm.yaml');
    await client.open(uri, MULTI);
    await client.waitForDiagnostics(uri);
    const mark = client.mark();
    const applied = await client.executeCommand(FixAllCommand, uri);
    assert.equal(applied, true);
    const requests = client.since(mark).filter((r) => r.kind === 'apply-edit');
    assert.equal(requests.length, 1);
    const params = requests[0]!.kind === 'apply-edit' ? requests[0]!.params : undefined;
    assert.equal(params?.label, 'Fix all SRM problems');
    assert.deepEqual(editedUris(params?.edit), [uri]);

    // The client applied the edit and sent a didChange, as an editor does.
    assert.equal(client.version(uri), 2);
    const after = await client.waitForDiagnostics(uri);
    assert.deepEqual(after.filter((d) => ['SRM001', 'SRM002', 'SRM008'].includes(String(d.code))), [], describeDiagnostics(after));
    assert.ok(after.some((d) => d.code === 'SRM004'), 'owner: provider needs a person: no safe fix');

    // Nothing left to do: no edit is sent.
    const again = client.mark();
    assert.equal(await client.executeCommand(FixAllCommand, uri), false);
    assert.equal(client.since(again).filter((r) => r.kind === 'apply-edit').length, 0);
  });

  it('reports a refused workspace edit and leaves the text alone', async () => {
    const client = server();
    const uri = untitled('actions-refused.srm.yaml');
    await client.open(uri, PAAS_WITH_GAPS);
    await client.waitForDiagnostics(uri);
    client.applyEditsAccepted = false;
    try {
      assert.equal(await client.executeCommand(FixAllCommand, uri), false);
    } finally {
      client.applyEditsAccepted = true;
    }
    assert.equal(client.text(uri), PAAS_WITH_GAPS);
    assert.equal(await client.executeCommand(FixAllCommand, untitled('not-open.srm.yaml')), false);
    assert.equal(await client.executeCommand(FixAllCommand), false);
  });
});
