/** `srm discover`, run as a user would: the bundled CLI on throw-away repositories. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv';
import { CLI, assertBuilt, removeTempDirs, srm, tempDir, textOfRegion } from './helpers';

const CLI_DIR = path.dirname(CLI);

/** Three undeclared workloads (an EC2 instance, a Lambda function in a module, an ECS service in a template) and one declared database. */
const REPO: Record<string, string> = {
  'infra/main.tf': [
    '# The web tier and its API.',
    'resource "aws_instance" "web" {',
    '  ami           = "ami-123"',
    '  instance_type = "t3.micro"',
    '}',
    '',
    'module "api" {',
    '  source = "./modules/api"',
    '}',
    '',
    'resource "aws_security_group" "web" {',
    '  name = "web"',
    '}',
    '',
  ].join('\n'),
  'infra/db.tf': 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
  'infra/modules/api/main.tf': 'resource "aws_lambda_function" "fn" {\n  function_name = "api"\n  package_type  = "Image"\n}\n\nresource "aws_iam_role" "fn" {\n  name = "api"\n}\n',
  'stack/template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      LaunchType: FARGATE\n      Cluster: !Ref Cluster\n  Cluster:\n    Type: AWS::ECS::Cluster\n',
  'teams/data.srm.yaml': [
    'workload: orders-db',
    'model: paas',
    'iac:',
    '  - path: ../infra/db.tf',
    '    resources: [aws_db_instance.main]',
    'layers:',
    '  data-classification: {owner: data-team}',
    '  endpoint-devices: {owner: workplace-it}',
    '  identity-access: {owner: iam-team}',
    '  applications: {owner: orders-team}',
    '  runtime-middleware: {owner: dba-team, handoff: AWS patches the engine; we pick the version}',
    '',
  ].join('\n'),
};

interface DiscoverJson {
  undeclared: { path: string; line: number; column: number; endLine: number; endColumn: number; address: string; type: string; service: string | null; model: string | null; variants: string[]; message: string }[];
  problems: { path: string; line: number; code: string; severity: string; message: string }[];
  proposals: { path: string; written: boolean; skipped?: string }[];
  summary: { undeclaredCount: number; claimedCount: number; declarationCount: number };
}

const json = (cwd: string, args: string[] = []) => {
  const r = srm(['discover', '--format', 'json', ...args], { cwd });
  return { status: r.status, report: JSON.parse(r.stdout) as DiscoverJson, stderr: r.stderr };
};

function proposalsIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.srm.yaml') && !path.join(d, e.name).includes(`${path.sep}teams${path.sep}`)) out.push(path.relative(dir, path.join(d, e.name)).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

describe('srm discover', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('from undeclared workloads to declarations that pass srm check', () => {
    const dir = tempDir(REPO);

    // 1. The three undeclared workloads, with file:line, service, model and why; exit 1.
    const listed = srm(['discover'], { cwd: dir });
    assert.equal(listed.status, 1, listed.stderr);
    assert.match(listed.stdout, /infra\/main\.tf\n\s+2:1\s+info\s+No responsibility declaration covers aws_instance\.web: Amazon EC2, IaaS\.\s+SRM066/);
    assert.match(listed.stdout, /infra\/modules\/api\/main\.tf\n\s+1:1\s+info\s+No responsibility declaration covers module\.api\.aws_lambda_function\.fn: AWS Lambda, PaaS \(a container image\)\./);
    assert.match(listed.stdout, /stack\/template\.yaml\n\s+3:3\s+info\s+No responsibility declaration covers Svc: Amazon ECS, PaaS \(Fargate\)\./);
    assert.match(listed.stdout, /✖ 3 undeclared workloads .*1 declaration with iac:; 1 claimed/);
    assert.doesNotMatch(listed.stdout, /aws_security_group|aws_iam_role|aws_db_instance|Cluster:/);

    // 2. --write proposes one declaration per resource, next to the file that deploys it.
    const written = srm(['discover', '--write'], { cwd: dir });
    assert.equal(written.status, 0, written.stdout + written.stderr);
    assert.deepEqual(proposalsIn(dir), ['infra/api-fn.srm.yaml', 'infra/web.srm.yaml', 'stack/svc.srm.yaml']);
    assert.match(written.stdout, /Wrote infra\/web\.srm\.yaml \(aws_instance\.web\): fill in the owners\./);

    // 3. The proposals fail srm check on their placeholders only.
    const checked = JSON.parse(srm(['check', 'infra', 'stack', '--format', 'json'], { cwd: dir }).stdout);
    for (const file of checked.files) {
      for (const d of file.diagnostics) {
        const allowed = ((d.code === 'SRM012' || d.code === 'SRM003') && /placeholder/.test(d.message)) || d.severity === 'hint';
        assert.ok(allowed, `${file.path}:${d.line} ${d.code} ${d.message}`);
      }
      assert.ok(file.errorCount > 0, `${file.path} has placeholders`);
    }

    // 4. The owners filled in: nothing is undeclared, and srm check passes.
    for (const rel of proposalsIn(dir)) {
      const file = path.join(dir, rel);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\bTODO\b/g, 'platform-team'));
    }
    const after = srm(['discover'], { cwd: dir });
    assert.equal(after.status, 0, after.stdout);
    assert.match(after.stdout, /✔ No undeclared workloads .*4 declarations with iac:; 4 claimed/);
    const check = srm(['check'], { cwd: dir });
    assert.equal(check.status, 0, check.stdout);
  });

  it('srm check resolves iac: links: a missing path or resource is an error, a resource claimed twice a warning on both', () => {
    const dir = tempDir({
      ...REPO,
      'teams/web.srm.yaml': 'workload: web\nmodel: iaas\niac:\n  - path: ../infra/nowhere\n  - path: ../infra/main.tf\n    resources: [aws_instance.wbe, aws_db_instance.main]\n',
      'teams/db-too.srm.yaml': 'workload: db-too\nmodel: paas\niac:\n  - path: ../infra/db.tf\n',
    });
    const r = srm(['check', 'teams', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    const found = (JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; line: number; message: string }[] }[] }).files.flatMap((f) =>
      f.diagnostics.filter((d) => /^SRM06/.test(d.code)).map((d) => `${f.path}:${d.line} ${d.code} ${d.severity}`),
    );
    assert.deepEqual(found.sort(), [
      'teams/data.srm.yaml:5 SRM062 warning',
      'teams/db-too.srm.yaml:4 SRM062 warning',
      'teams/web.srm.yaml:4 SRM060 error',
      'teams/web.srm.yaml:6 SRM061 error',
      'teams/web.srm.yaml:6 SRM061 error',
    ]);
  });

  it('never overwrites a file, and says so (exit 1: a workload is left without a proposal)', () => {
    const dir = tempDir({ ...REPO, 'infra/web.srm.yaml': '# mine\n' });
    const r = srm(['discover', '--write'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /Did not write infra\/web\.srm\.yaml \(aws_instance\.web\): the file exists; it was left as it is\./);
    assert.equal(fs.readFileSync(path.join(dir, 'infra/web.srm.yaml'), 'utf8'), '# mine\n');
    assert.ok(fs.existsSync(path.join(dir, 'stack/svc.srm.yaml')));
  });

  it('--group folder writes one declaration per folder', () => {
    const dir = tempDir(REPO);
    const r = srm(['discover', '--write', '--group', 'folder'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(proposalsIn(dir), ['infra/infra.srm.yaml', 'stack/stack.srm.yaml']);
    const infra = fs.readFileSync(path.join(dir, 'infra/infra.srm.yaml'), 'utf8');
    assert.match(infra, /resources:\n {6}- aws_instance\.web\n {6}- module\.api\.aws_lambda_function\.fn\n/);
    assert.equal(srm(['discover'], { cwd: dir }).status, 0);
  });

  it('--format json: each workload with its position, service, model and variants', () => {
    const dir = tempDir(REPO);
    const { status, report } = json(dir);
    assert.equal(status, 1);
    assert.deepEqual(report.undeclared.map((u) => [u.path, u.line, u.address, u.service, u.model, u.variants]), [
      ['infra/main.tf', 2, 'aws_instance.web', 'Amazon EC2', 'iaas', []],
      ['infra/modules/api/main.tf', 1, 'module.api.aws_lambda_function.fn', 'AWS Lambda', 'paas', ['a container image']],
      ['stack/template.yaml', 3, 'Svc', 'Amazon ECS', 'paas', ['Fargate']],
    ]);
    const web = report.undeclared[0];
    assert.ok(web);
    assert.equal(textOfRegion(fs.readFileSync(path.join(dir, web.path), 'utf8'), { startLine: web.line, startColumn: web.column, endLine: web.endLine, endColumn: web.endColumn }), 'resource "aws_instance" "web"');
    assert.deepEqual(report.summary, { ...report.summary, undeclaredCount: 3, claimedCount: 1, declarationCount: 1 });
  });

  it('--format sarif: a valid SARIF 2.1.0 log with a note per undeclared workload', () => {
    const dir = tempDir(REPO);
    const r = srm(['discover', '--format', 'sarif'], { cwd: dir });
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as { runs: { results: [] }[] };
    const file = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0]!.results;
    assert.deepEqual(results.map((x: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri, x.locations[0]!.physicalLocation.region.startLine]), [
      ['SRM066', 'note', 'infra/main.tf', 2],
      ['SRM066', 'note', 'infra/modules/api/main.tf', 1],
      ['SRM066', 'note', 'stack/template.yaml', 3],
    ]);
  });

  it('reports a broken file (SRM067) and still lists the workloads it could read', () => {
    const dir = tempDir({ 'main.tf': 'resource "aws_instance" "a" {\n  ami = "x"\n\nresource "aws_lambda_function" "b" {\n}\n' });
    const { status, report } = json(dir);
    assert.equal(status, 1);
    assert.deepEqual(report.undeclared.map((u) => u.address), ['aws_instance.a', 'aws_lambda_function.b']);
    assert.deepEqual(report.problems.map((p) => [p.path, p.line, p.code, p.severity]), [['main.tf', 1, 'SRM067', 'error']]);
    assert.match(srm(['discover'], { cwd: dir }).stdout, /1:1\s+error\s+This block is never closed/);
  });

  it('exits 0 on a repository whose IaC holds no workload', () => {
    const dir = tempDir({ 'net.tf': 'resource "aws_vpc" "main" {}\nresource "aws_iam_role" "r" {}\n', 'values.yaml': 'replicas: 2\n' });
    const r = srm(['discover'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /✔ No undeclared workloads \(1 IaC file, 2 resources, 0 declarations with iac:; 0 claimed\)/);
  });

  it('looks only below the paths it is given', () => {
    const dir = tempDir(REPO);
    const { report } = json(dir, ['stack']);
    assert.deepEqual(report.undeclared.map((u) => u.address), ['Svc']);
  });

  describe('usage errors exit 2 with one line on stderr', () => {
    for (const [args, message] of [
      [['--group', 'folder'], /--group .* use it with --write/],
      [['--write', '--group', 'file'], /--group must be one of resource, folder/],
      [['--format', 'xml'], /--format must be one of stylish, json, sarif/],
      [['--writ'], /unknown option --writ for srm discover; did you mean --write\?/],
      [['no-such-folder'], /cannot read no-such-folder: no such file or directory/],
    ] as const) {
      it(args.join(' '), () => {
        const r = srm(['discover', ...args], { cwd: tempDir(REPO) });
        assert.equal(r.status, 2);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      });
    }
  });

  it('runs from the bundle alone: the wasm files beside dist/cli.js, no node_modules', () => {
    const lone = tempDir();
    for (const f of ['cli.js', 'web-tree-sitter.wasm', 'tree-sitter-terraform.wasm']) fs.copyFileSync(path.join(CLI_DIR, f), path.join(lone, f));
    const repo = tempDir({ 'main.tf': 'resource "aws_instance" "web" {}\n' });
    const r = spawnSync(process.execPath, [path.join(lone, 'cli.js'), 'discover', '--format', 'json'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as DiscoverJson).undeclared.map((u) => u.address), ['aws_instance.web']);
  });

  it('is in srm --help', () => {
    assert.match(srm(['--help']).stdout, /srm discover \[folders\|files\]/);
  });
});
