/* Owners in a real VS Code: the rename F2 runs reaches a declaration no editor has open; code lenses and inlay hints. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, freshCopy, show, waitFor, waitForDiagnostics } from './helpers';

const FIRST = `workload: rename-first
model: iaas
layers:
  applications:
    owner: e2e-rename-team   # the team that will get a new name
  operating-system:
    owner: another-team
`;

const SECOND = `# never opened by the test
workload: rename-second
model: paas
layers:
  identity-access:
    owner: "e2e-rename-team"
  applications: { owner: e2e-rename-team }
`;

describe('owners in the editor', () => {
  const created: vscode.Uri[] = [];

  after(async () => {
    await closeAllEditors();
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('renames an owner (the provider F2 runs) in a second declaration that is not open, quoting and comments kept', async () => {
    await api();
    const second = await freshCopy('owners-second.srm.yaml', SECOND);
    const first = await freshCopy('owners-first.srm.yaml', FIRST);
    created.push(first, second);
    const editor = await show(first);
    await waitForDiagnostics(first, (d) => d.length > 0);
    const position = editor.document.positionAt(FIRST.indexOf('e2e-rename-team') + 3);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === second.toString()), 'the second declaration is not open');
    // The workspace index may not have read the new file yet: ask until the edit reaches it.
    const edit = await waitFor('a rename edit that reaches the second declaration', async () => {
      const e = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', first, position, 'renamed-team');
      return e?.has(second) && e;
    });
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), FIRST.replace('owner: e2e-rename-team', 'owner: renamed-team'));
    const renamed = await vscode.workspace.openTextDocument(second);
    assert.equal(renamed.getText(), SECOND.replace('"e2e-rename-team"', '"renamed-team"').replace('{ owner: e2e-rename-team }', '{ owner: renamed-team }'));
  });

  it('shows the gap count above the workload as a code lens that opens the layer stack, and layer cells as inlay hints', async () => {
    await api();
    const uri = await freshCopy('owners-lens.srm.yaml', FIRST);
    created.push(uri);
    await show(uri);
    await waitForDiagnostics(uri, (d) => d.length > 0);
    const lenses = await waitFor('code lenses', async () => {
      const got = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return got.length > 0 && got;
    });
    assert.equal(lenses.length, 1);
    assert.match(lenses[0]!.command?.title ?? '', /^\d+ gaps? · layer stack$/);
    assert.equal(lenses[0]!.command?.command, 'srm.showLayerStack');
    const doc = await vscode.workspace.openTextDocument(uri);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, doc.lineCount, 0));
    const labels = hints.map((h) => `${h.position.line}:${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`);
    // Under IaaS the applications and the operating system are the customer's.
    assert.deepEqual(labels, ['3:customer', '5:customer']);
  });
});
