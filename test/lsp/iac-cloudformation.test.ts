/**
 * CloudFormation and SAM templates in the editor, as Terraform files: the
 * client sends every YAML and JSON file by name, and the server answers only
 * for those whose text is a template. A YAML file that is not one gets
 * nothing at all; declarations and data files keep their own handling.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { CreateDeclarationCommand } from '../../protocol/requests';
import { fileUri, removeTempWorkspaces, tempWorkspace, useServer } from './client';

// Every short-form tag a template may carry, around one undeclared function and one claimed.
const SAM_YAML = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Transform: AWS::Serverless-2016-10-31',
  'Conditions:',
  '  IsProd: !Equals [!Ref Stage, prod]',
  '  NotProd: !Not [!Condition IsProd]',
  '  Both: !And [!Condition IsProd, !Or [!Condition NotProd, !Condition IsProd]]',
  'Parameters:',
  '  Stage: { Type: String }',
  'Resources:',
  '  Api:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: !Sub "${Stage}.handler"',
  '      Role: !GetAtt ApiRole.Arn',
  '      CodeUri: !If [IsProd, !Join ["", [!Select [0, !Split [",", "a,b"]], "/x"]], !Base64 "y"]',
  '      Layers: !FindInMap [Map, !Ref "AWS::Region", !GetAZs ""]',
  '      Environment: { Variables: { T: !ImportValue shared, C: !Cidr [!Ref Stage, 6, 5] } }',
  '      Code: !Transform { Name: x }',
  '  ApiRole:',
  '    Type: AWS::IAM::Role',
  '  Worker:',
  '    Type: AWS::Lambda::Function',
  '    Properties:',
  '      FunctionName: !Ref Stage',
  '',
].join('\n');

const JSON_TEMPLATE = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Files: { Type: 'AWS::S3::Bucket' }, Web: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1' } } } }, null, 2) + '\n';

// Mentions AWS:: but is a workflow, not a template.
const NOT_A_TEMPLATE = 'name: deploy\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo AWS::Lambda::Function\n';

const CLAIMS_WORKER = 'workload: worker\nmodel: paas\niac:\n  - path: stack/template.yaml\n    resources: [Worker]\nlayers: {}\n';

describe('LSP: CloudFormation and SAM templates (srm.iac.enable)', function () {
  this.timeout(60_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({
      'stack/template.yaml': SAM_YAML,
      'stack/storage.json': JSON_TEMPLATE,
      '.github/workflows/deploy.yml': NOT_A_TEMPLATE,
      'worker.srm.yaml': CLAIMS_WORKER,
    });
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);
  const yaml = () => fileUri(dir, 'stack/template.yaml');
  const json = () => fileUri(dir, 'stack/storage.json');
  const workflow = () => fileUri(dir, '.github/workflows/deploy.yml');
  // One server for the suite: each test opens what it reads, from its first version.
  afterEach(async () => {
    const client = server();
    for (const uri of [yaml(), json(), workflow()]) if (client.isOpen(uri)) await client.close(uri);
  });

  it('a YAML template with every short-form tag: the undeclared function as information, not the claimed one nor IAM', async () => {
    const client = server();
    await client.open(yaml(), SAM_YAML, 1, 'yaml');
    const found = await client.waitForDiagnostics(yaml(), (d) => d.length > 0, 30_000);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, client.textAt(yaml(), d.range)]),
      [['SRM066', 3, 'Api']],
    );
    const message = found[0]!.message;
    assert.ok(typeof message === 'string');
    assert.match(message, /Api: AWS Lambda, PaaS/);
    const lenses = (await client.requestMethod('textDocument/codeLens', { textDocument: { uri: yaml() } })) as CodeLens[];
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [[9, 'Create declaration for Api', CreateDeclarationCommand]]);
    assert.equal(await client.hover(yaml(), { line: 9, character: 3 }), null, 'no declaration hover on a template');
    assert.equal(await client.requestMethod('textDocument/semanticTokens/full', { textDocument: { uri: yaml() } }), null, 'the YAML extension keeps the highlighting');
  });

  it('a JSON template: each undeclared workload, in order', async () => {
    const client = server();
    await client.open(json(), JSON_TEMPLATE, 1, 'json');
    const found = await client.waitForDiagnostics(json(), (d) => d.length > 0, 30_000);
    assert.deepEqual(
      found.map((d) => [d.code, client.textAt(json(), d.range)]),
      [['SRM066', '"Files"'], ['SRM066', '"Web"']],
    );
  });

  it('a YAML file that is not a template gets nothing: no diagnostics published, no code lens, no tokens', async () => {
    const client = server();
    const mark = client.mark();
    await client.open(workflow(), NOT_A_TEMPLATE, 1, 'yaml');
    // The template opened after it is answered after it: once its findings are in, the workflow's turn is long past.
    await client.open(yaml(), SAM_YAML, 1, 'yaml');
    await client.waitForPublishSince(mark, yaml(), (p) => p.diagnostics.length > 0);
    assert.deepEqual(client.published(workflow()), [], 'nothing is published for the workflow');
    assert.deepEqual(await client.requestMethod('textDocument/codeLens', { textDocument: { uri: workflow() } }), []);
    assert.deepEqual(await client.documentSymbols(workflow()), [], 'no outline of ours');
    assert.equal(await client.requestMethod('textDocument/semanticTokens/full', { textDocument: { uri: workflow() } }), null);
    await client.close(workflow());
    assert.deepEqual(client.published(workflow()), [], 'closing it publishes nothing either');
  });

  it('a template edited into a non-template is cleared once, then left alone', async () => {
    const client = server();
    await client.open(json(), JSON_TEMPLATE, 1, 'json');
    await client.waitForDiagnostics(json(), (d) => d.length === 2, 30_000);
    await client.setText(json(), '{ "name": "not a template" }\n');
    await client.waitForDiagnostics(json(), (d) => d.length === 0, 30_000);
  });

  it('a broken template says why it cannot be read (SRM067)', async () => {
    const client = server();
    const broken = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Web: [\n';
    await client.open(yaml(), broken, 1, 'yaml');
    const found = await client.waitForDiagnostics(yaml(), (d) => d.length > 0 && d.every((x) => x.code === 'SRM067'), 30_000);
    assert.ok(found.some((d) => d.severity === 1), JSON.stringify(found));
  });

  it('"Create declaration" writes a proposal that claims the resource, opens it, and the diagnostic goes', async () => {
    const client = server();
    await client.open(yaml(), SAM_YAML, 1, 'yaml');
    // The previous test's findings may still be the latest until the clearing that closing it brings arrives.
    const [d] = await client.waitForDiagnostics(yaml(), (x) => x.length === 1 && x[0]!.code === 'SRM066', 30_000);
    const actions = await client.codeActions(yaml(), d!.range, { diagnostics: [d!] });
    const create = actions.find((a) => a.title === 'Create declaration for Api');
    assert.ok(create?.command, JSON.stringify(actions));
    await client.executeCommand(create.command.command, ...(create.command.arguments ?? []));
    const created = client.log.find((r) => r.kind === 'show-document');
    assert.ok(created && created.kind === 'show-document', 'the new file is opened');
    const proposal = created.params.uri;
    assert.ok(fs.existsSync(new URL(proposal)), 'the file is created');
    assert.equal(path.dirname(new URL(proposal).pathname), path.join(dir, 'stack'), 'beside the template');
    const text = client.text(proposal);
    assert.match(text, /^model: paas\b/m);
    assert.match(text, /^iac:\n {2}- path: template\.yaml\n {4}resources:\n {6}- Api$/m);
    await client.waitForDiagnostics(yaml(), (x) => x.length === 0, 30_000);
  });

  it('declarations and data files keep their handling', async () => {
    const client = server();
    const decl = fileUri(dir, 'worker.srm.yaml');
    await client.open(decl, CLAIMS_WORKER);
    const links = await client.documentLinks(decl);
    assert.ok(links.some((l) => l.target === `${yaml()}#L21`), JSON.stringify(links));
    const config = fileUri(dir, 'srm.config.yaml');
    await client.open(config, 'severity:\n  SRM999: error\n', 1, 'yaml');
    const found = await client.waitForDiagnostics(config, (x) => x.length > 0, 30_000);
    assert.ok(found.every((x) => x.code !== 'SRM066' && x.code !== 'SRM067'), JSON.stringify(found));
  });
});
