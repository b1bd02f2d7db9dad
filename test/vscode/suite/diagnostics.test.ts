/* Diagnostics as VS Code holds them (vscode.languages.getDiagnostics), and the srm.* settings that shape them. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  closeAllEditors,
  codeCounts,
  codeOf,
  codes,
  findingsFor,
  freshCopy,
  setWorkspaceSetting,
  show,
  srmDiagnostics,
  waitForDiagnostics,
} from './helpers';

/** What examples/gaps.srm.yaml reports (the same as `srm check examples/gaps.srm.yaml`). */
export const GAPS_COUNTS = { SRM001: 7, SRM002: 1, SRM003: 1, SRM004: 1, SRM005: 1, SRM007: 1, SRM008: 2, SRM017: 1 };

describe('diagnostics', () => {
  before(api);
  after(closeAllEditors);

  it('arrive for an opened declaration, each on its range with its code and severity', async () => {
    const uri = await freshCopy('gaps.srm.yaml');
    const editor = await show(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === 15, '15 findings in gaps.srm.yaml');
    assert.deepEqual(codeCounts(diagnostics), GAPS_COUNTS);

    const [devices] = findingsFor(diagnostics, 'SRM001', 'endpoint-devices');
    assert.ok(devices, 'a missing-layer finding for endpoint-devices');
    assert.equal(devices.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(devices.range), 'layers', 'reported on the layers: key of the first workload');
    assert.equal(devices.range.start.line, 11);
    assert.match(devices.message, /Endpoint Devices \(endpoint-devices\) has no owner\. Under IaaS/);

    const typo = diagnostics.find((d) => codeOf(d) === 'SRM007');
    assert.equal(typo && editor.document.getText(typo.range), 'identity-acess');
    const spellings = diagnostics.filter((d) => codeOf(d) === 'SRM008');
    assert.deepEqual(spellings.map((d) => editor.document.getText(d.range)).sort(), ['Data & Classification', 'apps']);
    assert.ok(spellings.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('follow edits as the user types', async () => {
    const uri = await freshCopy('payments-api.srm.yaml');
    const editor = await show(uri);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'a clean payments-api.srm.yaml');
    const entry = editor.document.getText().indexOf('  endpoint-devices:\n    owner: workplace-it\n');
    assert.ok(entry > 0);
    const doc = editor.document;
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(entry), doc.positionAt(entry + '  endpoint-devices:\n    owner: workplace-it\n'.length)))));
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === 1, 'the gap the edit opened');
    assert.equal(findingsFor(diagnostics, 'SRM001', 'endpoint-devices').length, 1);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the gap to close again after undo');
  });

  describe('settings', () => {
    afterEach(async () => {
      await setWorkspaceSetting('severity', undefined);
      await setWorkspaceSetting('enable', undefined);
    });

    it('srm.severity {"SRM006": "off"} removes the provider-layer hints', async () => {
      const uri = await freshCopy('srm006-provider-layer-entry.srm.yaml');
      await show(uri);
      const before = await waitForDiagnostics(uri, (d) => d.length === 2, 'two SRM006 hints');
      assert.deepEqual(codes(before), ['SRM006', 'SRM006']);
      assert.ok(before.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));

      await setWorkspaceSetting('severity', { SRM006: 'off' });
      await waitForDiagnostics(uri, (d) => d.length === 0, 'the hints to go once SRM006 is off');

      await setWorkspaceSetting('severity', undefined);
      await waitForDiagnostics(uri, (d) => d.length === 2, 'the hints to come back when the setting is removed');
    });

    it('srm.severity {"SRM001": "warning"} turns missing layers into warnings and leaves the rest', async () => {
      const uri = await freshCopy('srm001-missing-customer-layer.srm.yaml');
      await show(uri);
      const before = await waitForDiagnostics(uri, (d) => d.length === 8, '7 SRM001 errors and 1 SRM012');
      assert.deepEqual(codeCounts(before), { SRM001: 7, SRM012: 1 });
      assert.ok(before.every((d) => d.severity === vscode.DiagnosticSeverity.Error));

      await setWorkspaceSetting('severity', { SRM001: 'warning' });
      const after = await waitForDiagnostics(
        uri,
        (d) => d.length === 8 && d.filter((x) => codeOf(x) === 'SRM001').every((x) => x.severity === vscode.DiagnosticSeverity.Warning),
        'SRM001 as warnings',
      );
      assert.equal(after.find((d) => codeOf(d) === 'SRM012')?.severity, vscode.DiagnosticSeverity.Error, 'other codes keep their severity');
    });

    it('srm.enable false clears the diagnostics, and true brings them back', async () => {
      const uri = await freshCopy('gaps.srm.yaml');
      await show(uri);
      await waitForDiagnostics(uri, (d) => d.length === 15, '15 findings');
      await setWorkspaceSetting('enable', false);
      await waitForDiagnostics(uri, (d) => d.length === 0, 'no findings while disabled');
      assert.deepEqual(srmDiagnostics(uri), []);
      await setWorkspaceSetting('enable', true);
      await waitForDiagnostics(uri, (d) => d.length === 15, 'the 15 findings again');
    });
  });
});
