/**
 * Terraform files in the editor: an information diagnostic and a code lens on
 * each undeclared workload, "Create declaration" writing a proposal that
 * claims it (the diagnostic then goes), and nothing of the declaration
 * features on the .tf file itself.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { CreateDeclarationCommand } from '../../protocol/requests';
import { fileUri, removeTempWorkspaces, tempWorkspace, useServer } from './client';

const MAIN_TF = [
  'resource "aws_instance" "web" {',
  '  ami = "ami-123"',
  '}',
  '',
  'resource "aws_lambda_function" "api" {',
  '  function_name = "api"',
  '}',
  '',
  'resource "aws_iam_role" "api" {',
  '  name = "api"',
  '}',
  '',
].join('\n');

const CLAIMS_API = 'workload: api\nmodel: paas\niac:\n  - path: infra/main.tf\n    resources: [aws_lambda_function.api]\nlayers: {}\n';

describe('LSP: Terraform files (srm.iac.enable)', function () {
  // The Terraform parser is WebAssembly, loaded on the first .tf file: generous on a loaded machine.
  this.timeout(60_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({ 'infra/main.tf': MAIN_TF, 'api.srm.yaml': CLAIMS_API });
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);
  const tf = () => fileUri(dir, 'infra/main.tf');

  it('reports each undeclared workload as information on its header, and nothing for the claimed one or IAM', async () => {
    const client = server();
    await client.open(tf(), MAIN_TF, 1, 'terraform');
    const found = await client.waitForDiagnostics(tf(), (d) => d.length > 0, 30_000);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.range.start.line, client.textAt(tf(), d.range)]),
      [['SRM066', 3, 0, 'resource "aws_instance" "web"']],
    );
    const message = found[0]!.message;
    assert.ok(typeof message === 'string');
    assert.match(message, /No responsibility declaration covers aws_instance\.web: Amazon EC2, IaaS/);
    assert.equal(await client.hover(tf(), { line: 0, character: 12 }), null, 'no declaration hover on a .tf file');
  });

  it('updates on an edit: a new workload appears, with a code lens', async () => {
    const client = server();
    await client.open(tf(), MAIN_TF, 1, 'terraform');
    await client.waitForDiagnostics(tf(), (d) => d.length === 1, 30_000);
    const end = client.rangeOf(tf(), MAIN_TF.length, MAIN_TF.length);
    await client.change(tf(), { range: end, newText: 'resource "aws_s3_bucket" "files" {\n}\n' });
    const after = await client.waitForDiagnostics(tf(), (d) => d.length === 2, 30_000);
    assert.deepEqual(after.map((d) => d.range.start.line), [0, 11]);
    const lenses = (await client.requestMethod('textDocument/codeLens', { textDocument: { uri: tf() } })) as CodeLens[];
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [
      [0, 'Create declaration for aws_instance.web', CreateDeclarationCommand],
      [11, 'Create declaration for aws_s3_bucket.files', CreateDeclarationCommand],
    ]);
  });

  it('"Create declaration" creates the proposal with a workspace edit, opens it, and the diagnostic goes', async () => {
    const client = server();
    await client.open(tf(), MAIN_TF, 1, 'terraform');
    const [d] = await client.waitForDiagnostics(tf(), (x) => x.length === 1, 30_000);
    const actions = await client.codeActions(tf(), d!.range, { diagnostics: [d!] });
    const create = actions.find((a) => a.title === 'Create declaration for aws_instance.web');
    assert.ok(create?.command, JSON.stringify(actions));
    await client.executeCommand(create.command.command, ...(create.command.arguments ?? []));
    const proposal = path.join(dir, 'infra', 'web.srm.yaml');
    assert.ok(fs.existsSync(proposal), 'the file is created');
    const text = client.text(fileUri(dir, 'infra/web.srm.yaml'));
    assert.match(text, /^model: iaas\b/m);
    assert.match(text, /^iac:\n {2}- path: main\.tf\n {4}resources:\n {6}- aws_instance\.web$/m);
    assert.ok(client.log.some((r) => r.kind === 'show-document' && r.params.uri === fileUri(dir, 'infra/web.srm.yaml') && r.params.takeFocus === true), 'the new file is opened');
    await client.waitForDiagnostics(tf(), (x) => x.length === 0, 30_000);
  });

  it('in a declaration, a document link and a hover on each iac: entry lead to the resource', async () => {
    const client = server();
    const decl = fileUri(dir, 'api.srm.yaml');
    await client.open(decl, CLAIMS_API);
    const links = await client.documentLinks(decl);
    const byText = links.map((l) => [client.textAt(decl, l.range), l.target]);
    assert.deepEqual(byText, [
      ['infra/main.tf', fileUri(dir, 'infra/main.tf')],
      ['aws_lambda_function.api', `${fileUri(dir, 'infra/main.tf')}#L5`],
    ]);
    const at = CLAIMS_API.indexOf('aws_lambda_function.api') + 3;
    const hover = await client.hover(decl, client.rangeOf(decl, at, at).start);
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /aws_lambda_function\.api \(AWS Lambda, PaaS\), main\.tf:5/);
  });

  it('says nothing with srm.iac.enable off', async () => {
    const client = server();
    await client.configure({ iac: { enable: false } });
    await client.open(tf(), MAIN_TF, 1, 'terraform');
    assert.deepEqual(await client.waitForDiagnostics(tf(), undefined, 30_000), []);
  });
});
