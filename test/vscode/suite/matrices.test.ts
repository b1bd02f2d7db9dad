/*
 * A matrix file and srm.config.yaml in a real VS Code: the matrix file gets its
 * own problems as it is edited, and saving it changes the problems of an open
 * declaration that uses it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, codes, rangeOf, show, srmDiagnostics, waitForDiagnostics, workspaceFolder } from './helpers';

const MATRIX = `matrix: acme
version: "1"
title: Acme responsibility matrix
source: {url: https://wiki.acme.example/srm}
extends: reference@1
layers:
  - id: security-monitoring
    name: Security Monitoring
    after: identity-access
service-models:
  - id: paas
    cells:
      security-monitoring: third-party
  - id: iaas
    cells:
      security-monitoring: customer
  - id: saas
    cells:
      security-monitoring: not-applicable
`;

const DECLARATION = `workload: orders
model: paas
layers:
  data-classification: {owner: dg}
  endpoint-devices: {owner: it}
  identity-access: {owner: iam}
  applications: {owner: app-team}
  runtime-middleware: {owner: platform, handoff: we pin the runtime}
`;

async function write(folder: vscode.Uri, name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function replaceIn(editor: vscode.TextEditor, find: string, replacement: string): Promise<void> {
  assert.ok(await editor.edit((e) => e.replace(rangeOf(editor.document, find), replacement)), `replaced ${find}`);
}

describe('matrices and the configuration file', () => {
  before(api);
  after(closeAllEditors);

  it('editing the matrix file shows its problems, and saving it changes the problems of a declaration that uses it', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder(), `org-${Date.now()}`);
    await write(folder, 'srm.config.yaml', 'matrix: acme@1\n');
    const matrixUri = await write(folder, 'acme.srm-matrix.yaml', MATRIX);
    const declaration = await write(folder, 'orders.srm.yaml', DECLARATION);

    await show(declaration);
    const before = await waitForDiagnostics(declaration, (d) => d.some((x) => codeOf(x) === 'SRM033'), 'the missing third-party layer of acme@1');
    assert.ok(before.some((d) => codeOf(d) === 'SRM033' && d.message.includes('security-monitoring')), codes(before).join());

    const matrix = await show(matrixUri);
    assert.equal(matrix.document.languageId, 'yaml', 'a matrix file stays YAML to VS Code');
    await replaceIn(matrix, 'title:', 'titel:');
    const typo = await waitForDiagnostics(matrixUri, (d) => d.some((x) => codeOf(x) === 'SRM049'), 'the misspelt key in the matrix file');
    assert.equal(matrix.document.getText(typo.find((d) => codeOf(d) === 'SRM049')!.range), 'titel');
    await replaceIn(matrix, 'titel:', 'title:');
    await waitForDiagnostics(matrixUri, (d) => d.length === 0, 'a clean matrix file again');

    await replaceIn(matrix, 'security-monitoring: third-party', 'security-monitoring: provider');
    assert.ok(await matrix.document.save(), 'the matrix file is saved');
    const after = await waitForDiagnostics(declaration, (d) => !d.some((x) => codeOf(x) === 'SRM033'), 'the declaration rechecked under the saved matrix');
    assert.deepEqual(codes(after), []);
    assert.deepEqual(srmDiagnostics(matrixUri), []);
  });
});
