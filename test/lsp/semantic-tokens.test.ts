/**
 * Layer keys are coloured for any matrix: the server marks, with semantic
 * tokens, the keys that are layers of each declaration's own matrix (and the
 * model it names); a key that is not one of them stays a plain YAML key.
 */
import * as assert from 'node:assert/strict';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { fileUri, removeTempWorkspaces, tempWorkspace, useServer, type LspClient } from './client';

const ORG_MATRIX = `matrix: acme
version: "1"
title: Acme
source: {url: https://wiki.acme.example/srm}
extends: reference@1
layers:
  - {id: security-monitoring, name: Security Monitoring, after: identity-access}
service-models:
  - {id: paas, cells: {security-monitoring: third-party}}
  - {id: iaas, cells: {security-monitoring: customer}}
  - {id: saas, cells: {security-monitoring: not-applicable}}
`;

/** The words the server marked, as `type:text`, in order. */
async function marked(client: LspClient, uri: string): Promise<string[]> {
  const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
  const tokens = (await client.requestMethod('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
  const lines = client.text(uri).split('\n');
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dLine, dChar, length, type] = tokens.data.slice(i, i + 4) as [number, number, number, number];
    line += dLine;
    char = dLine === 0 ? char + dChar : dChar;
    out.push(`${legend.tokenTypes[type]}:${lines[line]!.slice(char, char + length)}`);
  }
  return out;
}

describe('LSP: semantic tokens for layer keys', function () {
  this.timeout(10_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({ 'org/srm.config.yaml': 'matrix: acme@1\n', 'org/acme.srm-matrix.yaml': ORG_MATRIX });
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);

  it('declares a legend with a token type for layer keys', () => {
    const provider = server().initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend; full: unknown };
    assert.ok(provider.legend.tokenTypes.includes('layer'));
    assert.ok(provider.full);
  });

  it('marks the layers of the reference matrix, not unknown keys or another matrix\'s ids', async () => {
    const client = server();
    const uri = fileUri(dir, 'ref.srm.yaml');
    await client.open(uri, 'workload: a\nmodel: paas\nlayers:\n  data-classification: {owner: dg}\n  configurations-settings: {owner: x}\n  made-up-layer: {owner: y}\n  identity-access:\n    owner: iam\n');
    assert.deepEqual(await marked(client, uri), ['model:paas', 'layer:data-classification', 'layer:identity-access']);
  });

  it('marks the layers of azure@2026-01 in a declaration that names it', async () => {
    const client = server();
    const uri = fileUri(dir, 'azure.srm.yaml');
    await client.open(uri, 'workload: a\nmatrix: azure@2026-01\nmodel: iaas\nlayers:\n  configurations-settings: {owner: x}\n  data-classification: {owner: dg}\n  client-devices: {owner: it}\n');
    assert.deepEqual(await marked(client, uri), ['model:iaas', 'layer:configurations-settings', 'layer:client-devices']);
  });

  it('marks the layers of an organisation\'s own matrix, in every document of a file', async () => {
    const client = server();
    const uri = fileUri(dir, 'org/team.srm.yaml');
    await client.open(uri, 'workload: a\nmodel: paas\nlayers:\n  security-monitoring: {owner: mssp, handoff: they watch}\n---\nworkload: b\nmatrix: reference@1\nmodel: saas\nlayers:\n  security-monitoring: {owner: mssp}\n  data-classification: {owner: dg}\n');
    assert.deepEqual(await marked(client, uri), ['model:paas', 'layer:security-monitoring', 'model:saas', 'layer:data-classification']);
  });

  it('marks nothing in a matrix file', async () => {
    const client = server();
    const uri = fileUri(dir, 'org/acme.srm-matrix.yaml');
    await client.open(uri, ORG_MATRIX, 1, 'yaml');
    assert.deepEqual(await marked(client, uri), []);
  });
});
