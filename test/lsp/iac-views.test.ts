/**
 * The resources a workload claims through `iac:`, as the layer stack and the
 * overview show them: resolved ones at their file and line, missing ones as
 * missing, and nothing at all for a declaration without entries.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OverviewRequest } from '../../protocol/report';
import { LayerStackRequest, type LayerStackResult } from '../../protocol/requests';
import { fileUri, REPO, removeTempWorkspaces, tempWorkspace, useServer } from './client';

const MAIN_TF = ['resource "aws_s3_bucket" "files" {', '  bucket = "files"', '}', '', 'resource "aws_lambda_function" "api" {', '  function_name = "api"', '}', ''].join('\n');

const TWO_WORKLOADS = [
  'workload: api',
  'model: paas',
  'iac:',
  '  - path: infra/main.tf',
  '    resources: [aws_lambda_function.api, aws_lambda_function.gone]',
  '  - path: infra/nowhere.tf',
  'layers: {}',
  '---',
  'workload: plain',
  'model: saas',
  'layers: {}',
  '',
].join('\n');

/** The line (1-based) where a text's line starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  return text.split(/\r?\n/).findIndex((l) => l.startsWith(prefix)) + 1;
}

describe('LSP: claimed resources in the layer stack and the overview', function () {
  // The Terraform parser is WebAssembly, loaded on the first claim: generous on a loaded machine.
  this.timeout(60_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({ 'infra/main.tf': MAIN_TF, 'api.srm.yaml': TWO_WORKLOADS, 'stack-edit.srm.yaml': TWO_WORKLOADS, 'overview-edit.srm.yaml': TWO_WORKLOADS });
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);

  describe('srm/layerStack', () => {
    it('lists the resource examples/terraform/orders-api.srm.yaml claims, at its line in main.tf', async () => {
      const client = server();
      const file = path.join(REPO, 'examples', 'terraform', 'orders-api.srm.yaml');
      const uri = fileUri(path.dirname(file), path.basename(file));
      await client.open(uri, fs.readFileSync(file, 'utf8'));
      const stack = await client.request<{ uri: string }, LayerStackResult>(LayerStackRequest, { uri });
      const tf = fs.readFileSync(path.join(REPO, 'examples', 'terraform', 'main.tf'), 'utf8');
      const line = lineOf(tf, 'resource "aws_lambda_function" "orders"');
      assert.ok(line > 0);
      const lambda = stack?.workloads[0]?.resources?.find((r) => r.address === 'aws_lambda_function.orders');
      assert.deepEqual(lambda, { address: 'aws_lambda_function.orders', file: 'main.tf', line, status: 'resolved', target: `${fileUri(path.dirname(file), 'main.tf')}#L${line}` });
      assert.deepEqual(
        stack?.workloads[0]?.resources?.map((r) => r.address),
        ['aws_lambda_function.orders', 'aws_s3_bucket.orders_archive'],
      );
    });

    it('marks a missing resource and a missing path, and gives a declaration without iac: no list', async () => {
      const client = server();
      const uri = fileUri(dir, 'api.srm.yaml');
      await client.open(uri, TWO_WORKLOADS);
      const stack = await client.request<{ uri: string }, LayerStackResult>(LayerStackRequest, { uri });
      assert.deepEqual(
        stack?.workloads[0]?.resources?.map((r) => [r.address, r.file, r.line, r.status]),
        [
          ['aws_lambda_function.api', 'infra/main.tf', 5, 'resolved'],
          ['aws_lambda_function.gone', 'infra/main.tf', 0, 'missing'],
          ['infra/nowhere.tf', 'infra/nowhere.tf', 0, 'missing'],
        ],
      );
      assert.equal(stack?.workloads[0]?.resources?.[2]?.target, undefined, 'a missing path opens nothing');
      assert.equal(stack?.workloads[1]?.workload, 'plain');
      assert.equal(stack?.workloads[1]?.resources, undefined);
    });

    it('follows an unsaved edit of the declaration', async () => {
      const client = server();
      const uri = fileUri(dir, 'stack-edit.srm.yaml');
      await client.open(uri, TWO_WORKLOADS);
      const at = TWO_WORKLOADS.indexOf('aws_lambda_function.gone');
      await client.change(uri, { range: client.rangeOf(uri, at, at + 'aws_lambda_function.gone'.length), newText: 'aws_s3_bucket.files' });
      const stack = await client.request<{ uri: string }, LayerStackResult>(LayerStackRequest, { uri });
      assert.deepEqual(
        stack?.workloads[0]?.resources?.filter((r) => r.status === 'resolved').map((r) => [r.address, r.line]),
        [
          ['aws_lambda_function.api', 5],
          ['aws_s3_bucket.files', 1],
        ],
      );
    });
  });

  describe('srm/overview', () => {
    it('lists what each workload\'s iac: entries name, leading to the file, and nothing for a workload without them', async () => {
      const { files } = await server().request(OverviewRequest, {});
      const file = files.find((f) => f.uri === fileUri(dir, 'api.srm.yaml'));
      assert.ok(file, `api.srm.yaml in ${files.map((f) => f.uri).join(', ')}`);
      const main = fileUri(dir, 'infra/main.tf');
      assert.deepEqual(file.workloads[0]?.resources, [
        { label: 'aws_lambda_function.api', path: 'infra/main.tf', target: main },
        { label: 'aws_lambda_function.gone', path: 'infra/main.tf', target: main },
        { label: 'infra/nowhere.tf', path: 'infra/nowhere.tf', target: fileUri(dir, 'infra/nowhere.tf') },
      ]);
      assert.equal(file.workloads[1]?.name, 'plain');
      assert.equal(file.workloads[1]?.resources, undefined);
    });

    it('follows an edit of the entries in an open declaration', async () => {
      const client = server();
      const uri = fileUri(dir, 'overview-edit.srm.yaml');
      await client.open(uri, TWO_WORKLOADS);
      const at = TWO_WORKLOADS.indexOf('aws_lambda_function.gone');
      await client.change(uri, { range: client.rangeOf(uri, at, at + 'aws_lambda_function.gone'.length), newText: 'aws_s3_bucket.files' });
      const labels = async () => (await client.request(OverviewRequest, {})).files.find((f) => f.uri === uri)?.workloads[0]?.resources?.map((r) => r.label);
      const deadline = Date.now() + 20_000;
      let seen = await labels();
      while (!seen?.includes('aws_s3_bucket.files') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen = await labels();
      }
      assert.deepEqual(seen, ['aws_lambda_function.api', 'aws_s3_bucket.files', 'infra/nowhere.tf']);
    });
  });
});
