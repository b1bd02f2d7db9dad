/** CloudFormation and SAM templates, YAML and JSON: what is a template, every short-form tag, resources and their options. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { CFN_SHORT_FORMS, CFN_TAGS, isTemplateCandidate, parseCloudFormation, recogniseTemplate, wantedOptions } from '../../server/src/core/iac';
import { IAC_FIXTURES, assertWithin, expectedMarkers, fixtureText, foundMarkers, first } from './iac-helpers';

const parse = (rel: string) => parseCloudFormation(`/${rel}`, fixtureText(rel), wantedOptions);
const recognise = (yamlText: string) => {
  const doc = parseDocument(yamlText, { customTags: [...CFN_TAGS] });
  return isMap(doc.contents) ? recogniseTemplate(doc.contents) : undefined;
};
const files = (dir: string) => fs.readdirSync(path.join(IAC_FIXTURES, 'cloudformation', dir)).map((f) => `cloudformation/${dir}/${f}`);

describe('CloudFormation templates', function () {
  // WebAssembly parsing on a shared 2-core machine: generous, as the CLI tests are.
  this.timeout(30_000);
  describe('the YAML fixtures hold exactly what their markers say', () => {
    for (const rel of [...files('templates'), ...files('broken')].filter((f) => !f.endsWith('.json'))) {
      it(rel, () => {
        const file = parse(rel);
        assert.ok(file, `${rel} was not read as a template`);
        assertWithin(file);
        assert.deepEqual(foundMarkers(file), expectedMarkers(fixtureText(rel)));
      });
    }
  });

  it('reads a JSON template with its positions and options', () => {
    const rel = 'cloudformation/templates/app.json';
    const file = parse(rel)!;
    assertWithin(file);
    assert.deepEqual(foundMarkers(file), ['11: resource(Nodes)', '15: resource(Orders)', '19: resource(Queue)', '4: resource(Cluster)']);
    const cluster = file.resources.find((r) => r.name === 'Cluster')!;
    assert.deepEqual(Object.fromEntries(cluster.options), { 'ComputeConfig.Enabled': { kind: 'literal', value: true } });
    const nodes = file.resources.find((r) => r.name === 'Nodes')!;
    assert.deepEqual(nodes.options.get('ClusterName'), { kind: 'expression', text: '{ "Ref": "Cluster" }', refs: ['Cluster'] });
    assert.equal(file.text.slice(cluster.headerSpan.start, cluster.headerSpan.end), '"Cluster"');
  });

  it('declares every short-form tag, so that a template using them all reads without a warning', () => {
    const text = fixtureText('cloudformation/templates/app.yaml');
    const used = new Set([...text.matchAll(/!([A-Za-z0-9]+)/g)].map((m) => m[1]!));
    for (const tag of used) assert.ok(CFN_SHORT_FORMS.includes(tag), `!${tag} is used but not declared`);
    // Without the tags the same text warns once per tag use: the declaration is what silences them.
    assert.ok(parseDocument(text).warnings.length >= used.size);
    const declared = parseDocument(text, { customTags: [...CFN_TAGS] });
    assert.deepEqual([...declared.errors, ...declared.warnings].map((e) => e.message), []);
    assert.deepEqual(parse('cloudformation/templates/app.yaml')!.diagnostics, []);
  });

  it('covers the intrinsic and condition functions CloudFormation documents', () => {
    for (const name of ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'ImportValue', 'If', 'Equals', 'And', 'Or', 'Not', 'Condition', 'Base64', 'Cidr', 'Transform', 'Length', 'ToJsonString']) {
      assert.ok(CFN_SHORT_FORMS.includes(name), name);
    }
  });

  it('keeps a tagged value an expression, never a literal', () => {
    const file = parse('cloudformation/templates/app.yaml')!;
    assert.deepEqual(file.resources.find((r) => r.name === 'Service')!.options.get('LaunchType'), { kind: 'expression', text: '!Ref LaunchType', refs: ['LaunchType'] });
    assert.deepEqual(file.resources.find((r) => r.name === 'Worker')!.options.get('PackageType'), { kind: 'literal', value: 'Image' });
    assert.deepEqual(file.resources.find((r) => r.name === 'Api')!.options.get('RuntimeManagementConfig.UpdateRuntimeOn'), { kind: 'literal', value: 'Manual' });
  });

  describe('recognises a template by one explicit sign', () => {
    it('AWSTemplateFormatVersion, whatever else the file holds', () => {
      assert.equal(recognise('AWSTemplateFormatVersion: "2010-09-09"\nDescription: empty\n'), 'cloudformation');
    });
    it('a SAM Transform, alone or in a list', () => {
      assert.equal(recognise('Transform: AWS::Serverless-2016-10-31\n'), 'sam');
      assert.equal(recognise('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n'), 'sam');
      assert.equal(recognise('Transform: AWS::LanguageExtensions\n'), undefined);
    });
    it('a Resources map whose every entry has a Type of the form Vendor::Service::Thing, one of them AWS::', () => {
      assert.equal(recognise('Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: Custom::Thing\n'), 'cloudformation');
      assert.equal(recognise('Resources:\n  A:\n    Type: Custom::Thing\n'), undefined);
      assert.equal(recognise('Resources:\n  A:\n    Type: AWS::S3::Bucket\n  b: text\n'), undefined);
      assert.equal(recognise('Resources:\n  A:\n    Type: bucket\n'), undefined);
      assert.equal(recognise('Resources: {}\n'), undefined);
      assert.equal(recognise('resources:\n  A:\n    Type: AWS::S3::Bucket\n'), undefined);
    });
  });

  describe('never claims an ordinary YAML or JSON file', () => {
    for (const rel of files('not-templates')) {
      it(rel, () => assert.equal(parse(rel), undefined));
    }
  });

  it('reports a broken template with the range the YAML parser gives, and keeps what it could read', () => {
    const rel = 'cloudformation/broken/broken.yaml';
    const file = parse(rel)!;
    assert.equal(file.diagnostics.length, 1);
    assert.match(file.diagnostics[0]!.message, /not valid YAML/);
    assert.deepEqual(file.resources.map((r) => r.name), ['Fn', 'Other']);
  });

  it('reports a template too broken to show its structure, when it says it is one', () => {
    const file = parseCloudFormation('/t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: [\n  {: : :\n', wantedOptions);
    assert.ok(file && file.diagnostics.length > 0 && file.diagnostics.every((d) => d.severity === 'error'));
  });

  it('looks at YAML, JSON and .template files, never at declarations', () => {
    for (const name of ['a.yaml', 'a.yml', 'a.json', 'a.template', 'A.YAML']) assert.ok(isTemplateCandidate(name), name);
    for (const name of ['a.srm.yaml', 'a.srm.yml', 'a.tf', 'a.txt']) assert.ok(!isTemplateCandidate(name), name);
  });

  it('reads CRLF templates with offsets into the text as it is', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  Vm:\r\n    Type: AWS::EC2::Instance\r\n';
    const vm = first(parseCloudFormation('/t.yaml', text, wantedOptions)!.resources);
    assert.equal(text.slice(vm.headerSpan.start, vm.headerSpan.end), 'Vm');
  });
});
