/** Proposed declarations: each passes the checker but for its placeholders, claims what it was made for, and cites its overrides. */
import * as assert from 'node:assert/strict';
import { checkText, type Diagnostic } from '../../server/src/core';
import { buildInventory, proposeDeclarations, readIacLinks, resolveClaims, type IacFileSystem, type Inventory, type Proposal, type TerraformParser } from '../../server/src/core/iac';
import { fieldOf, stringValue } from '../../server/src/core/parse/declaration';
import { REFERENCE as model } from './helpers';
import { fixtureText, memoryFs, terraformParser, first } from './iac-helpers';

/**
 * What a fresh proposal may still show: its placeholder owners (SRM012) and
 * handoffs (SRM003 "placeholder"), an overridden entry on a provider layer as
 * the hint SRM006, and where an option is left open (a "# Choose" comment
 * says so) the service advice SRM038 asking the same.
 */
function unexpected(text: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => {
    if (d.code === 'SRM012' && /placeholder/.test(d.message)) return false;
    if (d.code === 'SRM003' && /placeholder/.test(d.message)) return false;
    if (d.code === 'SRM038' && /^# Choose \(/m.test(text)) return false;
    if (d.code === 'SRM006' && d.severity === 'hint') return false;
    return true;
  });
}

const filled = (text: string) => text.replace(/\bTODO\b/g, 'platform-team');

describe('proposed declarations', function () {
  // WebAssembly parsing on a shared 2-core machine: generous, as the CLI tests are.
  this.timeout(30_000);
  let parser: TerraformParser;
  let fs: IacFileSystem;
  let inventory: Inventory;
  before(async () => {
    parser = await terraformParser();
    fs = memoryFs({ '/repo/main.tf': fixtureText('terraform/options/main.tf'), '/repo/basic/main.tf': fixtureText('terraform/basic/main.tf') });
    inventory = buildInventory({ fs, parser, roots: ['/repo'] });
  });
  const proposals = (grouping: 'resource' | 'folder') => proposeDeclarations(resolveClaims([], inventory, fs).undeclared, model, inventory.files, grouping);

  it('pass the checker except for their placeholders, and with the owners filled in have no error at all', () => {
    const all = proposals('resource');
    assert.ok(all.length >= 15);
    for (const p of all) {
      assert.deepEqual(unexpected(p.text, checkText(p.text).diagnostics).map((d) => `${d.code} ${d.message}`), [], `${p.fileName}:\n${p.text}`);
      const done = checkText(filled(p.text)).diagnostics;
      assert.deepEqual(done.filter((d) => d.severity === 'error').map((d) => d.message), [], p.fileName);
      assert.deepEqual(unexpected(filled(p.text), done), [], p.fileName);
    }
  });

  it('hold the iac: link, the model, the service and the provider, and claim exactly their resources', () => {
    const all = proposals('resource');
    const declarations = all.map((p) => {
      const doc = first(checkText(p.text).documents);
      return { file: `${p.folder}/${p.fileName}`, model: stringValue(fieldOf(doc.declaration.fields, 'model')), workload: p.workload, links: readIacLinks(doc.declaration).links };
    });
    const after = resolveClaims(declarations, inventory, fs);
    assert.deepEqual(after.undeclared, []);
    assert.deepEqual(after.twice, []);
    const web = all.find((p) => p.resources[0]!.instance.address === 'aws_instance.web')!;
    assert.match(web.text, /^model: iaas\b/m);
    assert.match(web.text, /^service: Amazon EC2$/m);
    assert.match(web.text, /^provider: aws$/m);
    assert.match(web.text, /^iac:\n {2}- path: main\.tf\n {4}resources:\n {6}- aws_instance\.web$/m);
  });

  it('write the overrides the options call for, each with a reason that cites its source', () => {
    const by = (address: string) => proposals('resource').find((p) => p.resources[0]!.instance.address === address)!.text;
    const ec2 = by('aws_ecs_service.on_ec2');
    assert.match(ec2, /operating-system:.*\n {4}owner: TODO\n {4}responsibility: customer\n {4}reason: ".*container instances.*\(https:\/\/docs\.aws\.amazon\.com\/AmazonECS\//);
    const fargate = by('aws_ecs_service.on_fargate');
    // Provider under PaaS already: the entry records which launch type applies (SRM038), with nobody to own it.
    assert.match(fargate, /operating-system:.*\n {4}owner: provider\n {4}responsibility: provider\n {4}reason: "ECS on Fargate/);
    assert.match(by('aws_lambda_function.image'), /runtime-middleware:[^\n]*\n(?: {4}.*\n)*? {4}responsibility: customer\n {4}reason: "Lambda container image/);
    const zip = by('aws_lambda_function.zip');
    assert.match(zip, /responsibility: customer\n {4}reason: "Lambda runtime update mode Manual/, 'the separate runtime management resource brings its mode');
    assert.doesNotMatch(zip, /update mode Auto/, 'and the default it replaces goes unsaid');
    const classic = by('aws_eks_cluster.classic');
    assert.match(classic, /operating-system:[^\n]*\n {4}owner: TODO\n(?: {4}handoff: TODO\n)? {4}responsibility: shared\n/, 'the managed node group makes the nodes shared');
    for (const p of proposals('resource')) {
      for (const reason of p.text.matchAll(/reason: "(.*)"/g)) assert.match(reason[1]!, /\(https:\/\/[^ ]+\)$/, `${p.fileName}: ${reason[1]}`);
    }
  });

  it('say what is left to choose when an option is an expression, with every variant and its source', () => {
    const text = proposals('resource').find((p) => p.resources[0]!.instance.address === 'aws_ecs_service.by_variable')!.text;
    assert.match(text, /# Choose \(aws_ecs_service\.by_variable\): launch_type is var\.launch_type/);
    assert.match(text, /# {3}Fargate: operating-system -> provider\..*Source: https/);
    assert.match(text, /# {3}launch type EC2: operating-system -> customer\..*Source: https/);
  });

  it('propose IaaS for "model unknown", and say that it is a starting point', () => {
    const text = proposals('resource').find((p) => p.resources[0]!.instance.address === 'google_cloud_run_v2_service.web')!.text;
    assert.match(text, /^model: iaas .*model unknown: choose/m);
    assert.doesNotMatch(text, /^service:/m);
  });

  it('group by folder on request: one declaration per folder, the model with the most duties, every resource linked', () => {
    const groups = proposals('folder');
    assert.deepEqual(groups.map((p) => `${p.folder}/${p.fileName}`).sort(), ['/repo/basic/basic.srm.yaml', '/repo/repo.srm.yaml']);
    const basic = groups.find((p) => p.folder === '/repo/basic')!;
    assert.equal(basic.model, 'iaas');
    assert.match(basic.text, /different models \(iaas, paas\)/);
    assert.deepEqual(readIacLinks(checkText(basic.text).documents[0]!.declaration).links.flatMap((l) => (l.resources ?? []).map((r) => r.name)), ['aws_instance.web', 'aws_s3_bucket.files', 'aws_lambda_function.api']);
    for (const p of groups) assert.deepEqual(unexpected(p.text, checkText(p.text).diagnostics), [], p.fileName);
  });

  it('give two resources of one name in one folder two file names', () => {
    const twoFs = memoryFs({ '/r/main.tf': 'resource "aws_instance" "web" {}\nresource "aws_lambda_function" "web" {}\n' });
    const inv = buildInventory({ fs: twoFs, parser, roots: ['/r'] });
    const names = proposeDeclarations(resolveClaims([], inv, twoFs).undeclared, model, inv.files, 'resource').map((p: Proposal) => p.fileName);
    assert.deepEqual(names, ['aws-instance-web.srm.yaml', 'aws-lambda-function-web.srm.yaml']);
  });
});
