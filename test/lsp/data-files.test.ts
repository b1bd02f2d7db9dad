/**
 * Matrix files and srm.config.yaml in the editor: their own findings, with
 * precise ranges, as the user types; hover and completion on their keys and
 * values; and completion in declarations from the declaration's matrix.
 */
import * as assert from 'node:assert/strict';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { codes, fileUri, removeTempWorkspaces, tempWorkspace, useServer, writeFile, type LspClient } from './client';

const ACME = `matrix: acme
version: "1"
title: Acme responsibility matrix
source:
  url: https://wiki.acme.example/srm
extends: reference@1
layers:
  - id: security-monitoring
    name: Security Monitoring
    after: identity-access
    covers: Detection and response on the workload's logs.
service-models:
  - id: paas
    cells:
      security-monitoring: third-party
      runtime-middleware: customer
  - id: iaas
    cells:
      security-monitoring: customer
  - id: saas
    cells:
      security-monitoring: not-applicable
`;

const CONFIG = `matrix: acme@1
severity:
  SRM006: off
overrides: no-reduction
`;

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function hoverText(h: Awaited<ReturnType<LspClient['hover']>>): string {
  const c = h?.contents;
  return c && typeof c === 'object' && 'value' in c ? String(c.value) : '';
}

describe('LSP: matrix files and srm.config.yaml', function () {
  this.timeout(10_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({ 'srm.config.yaml': CONFIG, 'governance/acme.srm-matrix.yaml': ACME });
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);
  const matrixUri = () => fileUri(dir, 'governance/acme.srm-matrix.yaml');
  const configUri = () => fileUri(dir, 'srm.config.yaml');

  it('a valid matrix file has no findings, and none of a declaration\'s', async () => {
    const client = server();
    await client.open(matrixUri(), ACME, 1, 'yaml');
    assert.deepEqual(await client.waitForDiagnostics(matrixUri()), []);
  });

  it('a matrix file\'s findings follow the buffer, each on the exact text', async () => {
    const client = server();
    await client.replace(matrixUri(), '    covers:', '    coverz:');
    const found = await client.waitForDiagnostics(matrixUri(), (d) => d.length > 0);
    assert.deepEqual(codes(found), ['SRM049']);
    assert.equal(client.textAt(matrixUri(), found[0]!.range), 'coverz');
    await client.replace(matrixUri(), '    coverz:', '    covers:');
    await client.replace(matrixUri(), 'runtime-middleware: customer', 'runtime-middleware: custmer');
    const cell = await client.waitForDiagnostics(matrixUri(), (d) => d.some((x) => x.code === 'SRM043'));
    assert.deepEqual(codes(cell), ['SRM043']);
    assert.equal(client.textAt(matrixUri(), cell[0]!.range), 'custmer');
    assert.match(messageOf(cell[0]!), /customer/);
    await client.replace(matrixUri(), 'custmer', 'customer');
    assert.deepEqual(await client.waitForDiagnostics(matrixUri(), (d) => d.length === 0), []);
  });

  it('an unknown base in extends: is reported on its value', async () => {
    const client = server();
    await client.replace(matrixUri(), 'extends: reference@1', 'extends: referense@1');
    const found = await client.waitForDiagnostics(matrixUri(), (d) => d.length > 0);
    const onExtends = found.find((d) => client.textAt(matrixUri(), d.range) === 'referense@1');
    assert.ok(onExtends, `a finding on the value, got ${JSON.stringify(found)}`);
    await client.replace(matrixUri(), 'extends: referense@1', 'extends: reference@1');
    await client.waitForDiagnostics(matrixUri(), (d) => d.length === 0);
  });

  it('hover: a key says what it means, a cell what it asks, extends: which matrix it is', async () => {
    const client = server();
    assert.match(hoverText(await client.hover(matrixUri(), client.positionOf(matrixUri(), 'extends', 2))), /Another matrix to start from/);
    const cell = hoverText(await client.hover(matrixUri(), client.positionOf(matrixUri(), 'third-party', 3)));
    assert.match(cell, /third party/);
    const base = hoverText(await client.hover(matrixUri(), client.positionOf(matrixUri(), 'reference@1', 3)));
    assert.match(base, /reference@1/);
    assert.match(base, /Source: https?:\/\//);
    assert.match(base, /Built in/);
    const layer = hoverText(await client.hover(matrixUri(), client.positionOf(matrixUri(), 'runtime-middleware', 2)));
    assert.match(layer, /runtime-middleware/);
  });

  it('completion: keys a mapping still takes, the cell vocabulary, layer ids, matrices for extends:', async () => {
    const client = server();
    const base = client.text(matrixUri());
    await client.setText(matrixUri(), base.replace('    name: Security Monitoring\n', '    name: Security Monitoring\n    ri\n'));
    const layerKeys = (await client.completion(matrixUri(), client.positionOf(matrixUri(), '    ri\n', 6))).map((i) => i.label);
    assert.ok(layerKeys.includes('risk') && layerKeys.includes('owner-duty'), layerKeys.join());
    assert.ok(!layerKeys.includes('name') && !layerKeys.includes('id'), 'keys already present are not offered');

    await client.setText(matrixUri(), base.replace('runtime-middleware: customer', 'runtime-middleware: '));
    const cells = (await client.completion(matrixUri(), client.positionOf(matrixUri(), 'runtime-middleware: ', 20))).map((i) => i.label);
    assert.deepEqual(cells, ['customer', 'shared', 'third-party', 'provider', 'not-applicable']);

    await client.setText(matrixUri(), base.replace('      security-monitoring: customer\n', '      security-monitoring: customer\n      \n'));
    const layers = (await client.completion(matrixUri(), client.positionOf(matrixUri(), 'security-monitoring: customer\n      ', 36))).map((i) => i.label);
    assert.ok(layers.includes('data-classification') && layers.includes('operating-system'), `the base's layers: ${layers.join()}`);
    assert.ok(!layers.includes('security-monitoring'), 'a layer with a cell already is not offered');

    await client.setText(matrixUri(), base.replace('extends: reference@1', 'extends: '));
    const refs = (await client.completion(matrixUri(), client.positionOf(matrixUri(), 'extends: ', 9))).map((i) => i.label);
    assert.ok(refs.includes('reference@1') && refs.includes('azure@2026-01'), refs.join());
    assert.ok(!refs.includes('acme@1'), 'a matrix does not extend itself');
    await client.setText(matrixUri(), base);
  });

  it('srm.config.yaml: findings on the exact text, as typed', async () => {
    const client = server();
    await client.open(configUri(), CONFIG, 1, 'yaml');
    assert.deepEqual(await client.waitForDiagnostics(configUri()), []);
    await client.replace(configUri(), 'SRM006: off', 'SRM006: silent');
    const found = await client.waitForDiagnostics(configUri(), (d) => d.length > 0);
    assert.deepEqual(codes(found), ['SRM051']);
    assert.equal(client.textAt(configUri(), found[0]!.range), 'silent');
    await client.replace(configUri(), 'matrix: acme@1', 'matrix: acme@2');
    const unknown = await client.waitForDiagnostics(configUri(), (d) => d.some((x) => client.textAt(configUri(), x.range).includes('acme@2')));
    assert.ok(unknown.some((d) => /acme@1/.test(messageOf(d))), 'did-you-mean names the matrix that exists');
    await client.setText(configUri(), CONFIG);
    await client.waitForDiagnostics(configUri(), (d) => d.length === 0);
  });

  it('srm.config.yaml: hover on keys, codes, levels and matrix:', async () => {
    const client = server();
    assert.match(hoverText(await client.hover(configUri(), client.positionOf(configUri(), 'overrides', 2))), /per-entry overrides/);
    assert.match(hoverText(await client.hover(configUri(), client.positionOf(configUri(), 'SRM006', 2))), /SRM006 · /);
    assert.match(hoverText(await client.hover(configUri(), client.positionOf(configUri(), 'no-reduction', 2))), /away from the customer/);
    const matrix = hoverText(await client.hover(configUri(), client.positionOf(configUri(), 'acme@1', 2)));
    assert.match(matrix, /Acme responsibility matrix/);
    assert.match(matrix, /wiki\.acme\.example/);
  });

  it('srm.config.yaml: completion of keys, codes for severity:, levels and matrices', async () => {
    const client = server();
    await client.setText(configUri(), `${CONFIG}in`);
    const keys = (await client.completion(configUri(), client.positionOf(configUri(), 'in', 2, 0))).map((i) => i.label);
    assert.ok(keys.includes('inline-ignore') && keys.includes('owners'), keys.join());
    assert.ok(!keys.includes('severity'), 'a key already present is not offered');

    await client.setText(configUri(), CONFIG.replace('  SRM006: off\n', '  SRM006: off\n  \n'));
    const codesOffered = (await client.completion(configUri(), client.positionOf(configUri(), 'off\n  ', 6))).map((i) => i.label);
    assert.ok(codesOffered.includes('SRM001') && codesOffered.includes('SRM049'), codesOffered.slice(0, 5).join());
    assert.ok(!codesOffered.includes('SRM006'));

    await client.setText(configUri(), CONFIG.replace('SRM006: off', 'SRM006: '));
    assert.deepEqual((await client.completion(configUri(), client.positionOf(configUri(), 'SRM006: ', 8))).map((i) => i.label), ['error', 'warning', 'info', 'hint', 'off']);

    await client.setText(configUri(), CONFIG.replace('matrix: acme@1', 'matrix: '));
    const matrices = (await client.completion(configUri(), client.positionOf(configUri(), 'matrix: ', 8))).map((i) => i.label);
    assert.ok(['acme@1', 'reference@1', 'azure@2026-01'].every((m) => matrices.includes(m)), matrices.join());
    await client.setText(configUri(), CONFIG);
  });

  it('completion in a declaration offers the layers of its matrix: azure@2026-01, and the organisation\'s', async () => {
    const client = server();
    const azure = fileUri(dir, 'teams/vm.srm.yaml');
    await client.open(azure, 'workload: vm\nmatrix: azure@2026-01\nmodel: iaas\nlayers:\n  \n');
    const azureLayers = (await client.completion(azure, client.positionOf(azure, 'layers:\n  ', 10))).map((i) => i.label);
    assert.ok(azureLayers.includes('configurations-settings') && azureLayers.includes('client-devices'), azureLayers.join());
    assert.ok(!azureLayers.includes('data-classification'), 'no layer of the reference matrix');

    const acme = fileUri(dir, 'teams/api.srm.yaml');
    await client.open(acme, 'workload: api\nmodel: paas\nlayers:\n  \n');
    const acmeLayers = (await client.completion(acme, client.positionOf(acme, 'layers:\n  ', 10))).map((i) => i.label);
    assert.ok(acmeLayers.includes('security-monitoring'), `the default matrix acme@1 from the configuration: ${acmeLayers.join()}`);
    assert.ok(acmeLayers.includes('data-classification'), 'and the layers it extends');
  });

  it('saving the matrix file rechecks an open declaration that uses it', async () => {
    const client = server();
    const api = fileUri(dir, 'teams/orders.srm.yaml');
    await client.open(api, 'workload: orders\nmodel: paas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n  applications: {owner: app}\n  runtime-middleware: {owner: platform, handoff: we patch}\n');
    const before = await client.waitForDiagnostics(api, (d) => d.some((x) => x.code === 'SRM033'));
    assert.ok(before.some((d) => /security-monitoring|Security Monitoring/.test(messageOf(d))), 'the third-party layer of acme@1 is missing');
    writeFile(dir, 'governance/acme.srm-matrix.yaml', ACME.replace('security-monitoring: third-party', 'security-monitoring: provider'));
    await client.filesChanged({ uri: matrixUri(), type: FileChangeType.Changed });
    const after = await client.waitForDiagnostics(api, (d) => !d.some((x) => x.code === 'SRM033'));
    assert.deepEqual(codes(after), []);
  });
});
