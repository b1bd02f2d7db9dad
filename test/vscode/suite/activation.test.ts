/*
 * Activation. Runs first (see index.ts): until a declaration is opened, the
 * window has never seen an `srm` document, so the extension must still be idle.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extension, freshCopy, show, SRM_COMMANDS, waitFor } from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('is not active in a fresh window before an SRM file is opened', async () => {
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.languageId === 'srm'),
      'precondition: no SRM document was opened in this window yet',
    );
    assert.equal(extension().isActive, false, 'the extension activated although no SRM file was opened');
    const commands = await vscode.commands.getCommands(true);
    for (const command of SRM_COMMANDS) assert.ok(!commands.includes(command), `${command} is registered before activation`);
  });

  it('activates when an SRM file is opened and registers its commands', async () => {
    const editor = await show(await freshCopy('payments-api.srm.yaml'));
    assert.equal(editor.document.languageId, 'srm', '*.srm.yaml files get the srm language');
    const ext = extension();
    await waitFor('the extension to activate', () => ext.isActive);
    const api = ext.exports;
    assert.ok(api?.client, 'activate() returns the test API with the language client');
    await waitFor('the language client to run', () => api.client()?.isRunning());
    assert.equal(api.health().state, 'running');
    assert.ok(api.serverPid(), 'the server runs in a process of its own');
    assert.equal(api.layerStackPanel(), undefined, 'no layer-stack panel before the command runs');
    const commands = await waitFor('the SRM commands to be registered', async () => {
      const all = await vscode.commands.getCommands(true);
      return SRM_COMMANDS.every((c) => all.includes(c)) ? all : undefined;
    });
    for (const command of SRM_COMMANDS) assert.ok(commands.includes(command), command);
  });
});
