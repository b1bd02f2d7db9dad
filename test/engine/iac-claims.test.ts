/** Modules followed into their folders, declarations' claims, and what is left undeclared; the iac: rules over a claim report. */
import * as assert from 'node:assert/strict';
import { Checker, checkText } from '../../server/src/core';
import { buildInventory, createIacView, readIacLinks, resolveClaims, type DeclarationIac, type IacFileSystem, type TerraformParser } from '../../server/src/core/iac';
import { fieldOf, stringValue } from '../../server/src/core/parse/declaration';
import { IAC_RULES } from '../../server/src/core/rules/iac-rules';
import type { Diagnostic } from '../../server/src/core/types';
import { NodeIacFileSystem } from '../../server/src/io/iac-fs';
import { fixturePath, memoryFs, terraformParser, first } from './iac-helpers';

/** The declarations of one file as discovery reads them. */
function declarationsOf(file: string, text: string): DeclarationIac[] {
  return checkText(text).documents.map(({ declaration }) => ({
    file,
    workload: stringValue(fieldOf(declaration.fields, 'workload')),
    model: stringValue(fieldOf(declaration.fields, 'model')),
    links: readIacLinks(declaration).links,
  }));
}

/** The iac: findings (SRM060–SRM067) of a text, as the checker reports them with the adapter's view. */
function runIacRules(text: string, iac?: ReturnType<typeof createIacView>): Diagnostic[] {
  const codes = new Set(IAC_RULES.map((r) => r.code));
  return new Checker(iac ? { iac } : {}).check(text).diagnostics.filter((d) => codes.has(d.code));
}

const DECLARATION = (workload: string, model: string, iac: string) => `workload: ${workload}\nmodel: ${model}\niac:\n${iac}layers: {}\n`;

describe('discovery: modules, claims and undeclared workloads', function () {
  // WebAssembly parsing on a shared 2-core machine: generous, as the CLI tests are.
  this.timeout(30_000);
  let parser: TerraformParser;
  before(async () => {
    parser = await terraformParser();
  });

  describe('modules', () => {
    const disk = new NodeIacFileSystem();
    const root = fixturePath('terraform/modules/root');
    const inventory = () => buildInventory({ fs: disk, parser, roots: [root] });

    it('follows local modules into their folders, also outside the roots, and addresses their resources by the calls', () => {
      const addresses = inventory().instances.map((i) => i.address);
      assert.deepEqual(addresses.sort(), [
        'aws_instance.bastion',
        'module.billing.aws_lambda_function.api',
        'module.billing.module.db.aws_db_instance.main',
        'module.loop.aws_instance.a',
        'module.payments.aws_lambda_function.api',
        'module.payments.module.db.aws_db_instance.main',
        'module.shared.aws_s3_bucket.assets',
      ]);
    });

    it('keeps each resource\'s own file and line, and the chain of calls to it', () => {
      const db = inventory().instances.find((i) => i.address === 'module.payments.module.db.aws_db_instance.main')!;
      assert.equal(db.file, fixturePath('terraform/modules/app/db/main.tf'));
      assert.deepEqual(db.modulePath.map((s) => [s.name, s.file]), [['payments', `${root}/main.tf`], ['db', fixturePath('terraform/modules/app/main.tf')]]);
    });

    it('guards cycles, and says so where the cycle closes; a missing module folder is a warning, a registry module is not followed', () => {
      const inv = inventory();
      const notes = [...inv.moduleDiagnostics].flatMap(([file, list]) => list.map((d) => `${file.split('/').slice(-2).join('/')}: ${d.message}`));
      assert.equal(notes.filter((n) => /a cycle/.test(n)).length, 1, notes.join('\n'));
      assert.ok(notes.some((n) => n.startsWith('loop-b/main.tf') && /cycle/.test(n)), notes.join('\n'));
      assert.ok(notes.some((n) => n.startsWith('root/main.tf') && /does-not-exist is not a folder/.test(n)), notes.join('\n'));
      assert.ok(!notes.some((n) => /terraform-aws-modules/.test(n)));
    });

    it('reads a folder that only a cycle calls as a root of its own, so that its resources are never lost', () => {
      const inv = buildInventory({ fs: disk, parser, roots: [fixturePath('terraform/modules/loop-a'), fixturePath('terraform/modules/loop-b')] });
      assert.deepEqual(inv.instances.map((i) => i.address), ['aws_instance.a']);
    });

    it('reports each resource of a module called twice twice, under each call, and a folder walked as a module is not its own root', () => {
      const inv = buildInventory({ fs: disk, parser, roots: [fixturePath('terraform/modules')] });
      const report = resolveClaims([], inv, disk);
      const lambdas = report.undeclared.filter((u) => u.instance.block.type === 'aws_lambda_function').map((u) => u.instance.address);
      assert.deepEqual(lambdas.sort(), ['module.billing.aws_lambda_function.api', 'module.payments.aws_lambda_function.api']);
    });
  });

  describe('claims', () => {
    const files: Record<string, string> = {
      '/repo/infra/main.tf': [
        'resource "aws_instance" "web" {}',
        'resource "aws_lambda_function" "api" {}',
        'resource "aws_iam_role" "api" {}',
        'module "jobs" {',
        '  source = "./jobs"',
        '}',
        'resource "aws_eks_cluster" "k8s" {}',
        'resource "aws_eks_node_group" "nodes" {',
        '  cluster_name = aws_eks_cluster.k8s.name',
        '}',
        'resource "aws_s3_bucket" "files" {}',
      ].join('\n'),
      '/repo/infra/jobs/main.tf': 'resource "aws_ecs_service" "worker" {\n  launch_type = "EC2"\n}\n',
      '/repo/other/template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n',
      '/repo/docs/readme.md': '# nothing here',
    };
    const fs: IacFileSystem = memoryFs(files);
    const run = (declarationFiles: Record<string, string>, scope?: string[]) => {
      const declarations = Object.entries(declarationFiles).flatMap(([file, text]) => declarationsOf(file, text));
      const targets = declarations.flatMap((d) => d.links.map((l) => `${d.file.slice(0, d.file.lastIndexOf('/'))}/${l.path}`));
      const inventory = buildInventory({ fs, parser, roots: ['/repo', ...targets] });
      return { report: resolveClaims(declarations, inventory, fs, scope), inventory };
    };
    const undeclared = (r: ReturnType<typeof run>) => r.report.undeclared.map((u) => u.instance.address).sort();

    it('leaves every workload undeclared without declarations, and never networking or IAM', () => {
      assert.deepEqual(undeclared(run({})), ['Fn', 'aws_eks_cluster.k8s', 'aws_instance.web', 'aws_lambda_function.api', 'aws_s3_bucket.files', 'module.jobs.aws_ecs_service.worker']);
    });

    it('declares a cluster\'s node group with the cluster', () => {
      const r = run({});
      const cluster = r.report.undeclared.find((u) => u.instance.address === 'aws_eks_cluster.k8s')!;
      assert.deepEqual(cluster.parts.map((p) => p.address), ['aws_eks_node_group.nodes']);
    });

    it('claims every workload of a folder, modules included, when the entry names no resources', () => {
      const r = run({ '/repo/teams/platform.srm.yaml': DECLARATION('platform', 'iaas', '  - path: ../infra\n') });
      assert.deepEqual(undeclared(r), ['Fn']);
      const claims = r.report.declarations[0]!.entries[0]!.claims.map((c) => c.instance.address).sort();
      assert.deepEqual(claims, ['aws_eks_cluster.k8s', 'aws_eks_node_group.nodes', 'aws_instance.web', 'aws_lambda_function.api', 'aws_s3_bucket.files', 'module.jobs.aws_ecs_service.worker']);
    });

    it('claims named resources only, by Terraform address (module. prefix included), by logical id, or a whole module by its name', () => {
      const r = run({
        '/repo/a.srm.yaml': DECLARATION('a', 'paas', '  - path: infra/main.tf\n    resources: [aws_lambda_function.api, module.jobs]\n  - path: other/template.yaml\n    resources: [Fn]\n'),
      });
      assert.deepEqual(undeclared(r), ['aws_eks_cluster.k8s', 'aws_instance.web', 'aws_s3_bucket.files']);
      assert.deepEqual(r.report.declarations[0]!.entries.map((e) => e.missing), [[], []]);
    });

    it('names a module\'s resource from the module\'s own folder without the prefix', () => {
      const r = run({ '/repo/infra/jobs/jobs.srm.yaml': DECLARATION('jobs', 'paas', '  - path: .\n    resources: [aws_ecs_service.worker]\n') });
      assert.ok(!undeclared(r).includes('module.jobs.aws_ecs_service.worker'));
    });

    it('reports a path that does not exist, one without IaC, and a named resource the path does not define', () => {
      const r = run({ '/repo/a.srm.yaml': DECLARATION('a', 'iaas', '  - path: nowhere\n  - path: docs\n  - path: infra\n    resources: [aws_instance.wbe, "aws_instance.web[0]"]\n') });
      const [missing, docs, infra] = r.report.declarations[0]!.entries.map((e) => e);
      assert.ok(missing && docs && infra);
      assert.equal(missing.exists, undefined);
      assert.equal(docs.exists, 'dir');
      assert.equal(docs.holdsIac, false);
      assert.deepEqual(infra.missing.map((m) => m.name), ['aws_instance.wbe']);
      assert.deepEqual(infra.claims.map((c) => c.instance.address), ['aws_instance.web']);
    });

    it('finds a resource claimed twice, with both claims', () => {
      const r = run({
        '/repo/a.srm.yaml': DECLARATION('a', 'iaas', '  - path: infra\n    resources: [aws_instance.web]\n'),
        '/repo/b.srm.yaml': DECLARATION('b', 'iaas', '  - path: infra/main.tf\n'),
      });
      assert.deepEqual(r.report.twice.map((t) => [t.instance.address, t.claims.map((c) => c.declaration)]), [['aws_instance.web', [0, 1]]]);
    });

    it('finds claimed compute whose model contradicts model:, and lets data ride with the compute it serves', () => {
      const saas = run({ '/repo/a.srm.yaml': DECLARATION('a', 'saas', '  - path: infra/main.tf\n    resources: [aws_instance.web, aws_s3_bucket.files]\n') });
      assert.deepEqual(saas.report.declarations[0]!.contradictions.map((c) => [c.instance.address, c.model]), [['aws_instance.web', 'iaas']]);
      const bucketOnly = run({ '/repo/a.srm.yaml': DECLARATION('a', 'iaas', '  - path: infra/main.tf\n    resources: [aws_s3_bucket.files]\n') });
      assert.deepEqual(bucketOnly.report.declarations[0]!.contradictions.map((c) => [c.instance.address, c.model]), [['aws_s3_bucket.files', 'saas']]);
      const agreeing = run({ '/repo/a.srm.yaml': DECLARATION('a', 'paas', '  - path: infra/main.tf\n    resources: [aws_lambda_function.api, aws_s3_bucket.files]\n') });
      assert.deepEqual(agreeing.report.declarations[0]!.contradictions, []);
    });

    it('reports as undeclared only what is rooted inside the scope', () => {
      assert.deepEqual(undeclared(run({}, ['/repo/other'])), ['Fn']);
    });

    describe('the iac: rules (SRM060–SRM065), over the view of one declaration file', () => {
      const check = (file: string, text: string, others: Record<string, string> = {}) => {
        const { report } = run({ [file]: text, ...others });
        return runIacRules(text, createIacView(report, file));
      };
      const summary = (ds: ReturnType<typeof check>, text: string) => ds.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`);

      it('SRM060 on a path that does not exist, SRM065 on one without IaC', () => {
        const text = DECLARATION('a', 'iaas', '  - path: nowhere\n  - path: docs\n');
        assert.deepEqual(summary(check('/repo/a.srm.yaml', text), text), ['SRM060 nowhere', 'SRM065 docs']);
      });

      it('SRM061 on a named resource the path does not define, with did-you-mean fixes', () => {
        const text = DECLARATION('a', 'iaas', '  - path: infra\n    resources: [aws_instance.wbe]\n');
        const d = first(check('/repo/a.srm.yaml', text));
        assert.equal(d.code, 'SRM061');
        assert.equal(text.slice(d.span.start, d.span.end), 'aws_instance.wbe');
        assert.equal(d.fixes[0]!.edits[0]!.text, 'aws_instance.web');
      });

      it('SRM062 on both claims of a resource claimed twice', () => {
        const a = DECLARATION('a', 'iaas', '  - path: infra\n    resources: [aws_instance.web]\n');
        const b = DECLARATION('b', 'iaas', '  - path: infra/main.tf\n    resources: [aws_instance.web]\n');
        const onA = check('/repo/a.srm.yaml', a, { '/repo/b.srm.yaml': b });
        const onB = check('/repo/b.srm.yaml', b, { '/repo/a.srm.yaml': a });
        assert.deepEqual(summary(onA, a), ['SRM062 aws_instance.web']);
        assert.deepEqual(summary(onB, b), ['SRM062 aws_instance.web']);
        assert.match(onA[0]!.message, /also claimed by b/);
      });

      it('SRM063 on a claimed resource whose model contradicts model:, with a fix that sets the model', () => {
        const text = DECLARATION('a', 'saas', '  - path: infra\n    resources: [aws_instance.web]\n');
        const d = first(check('/repo/a.srm.yaml', text));
        assert.equal(d.code, 'SRM063');
        assert.match(d.message, /Amazon EC2.*IaaS.*saas/);
        const edit = first(first(d.fixes).edits);
        assert.equal(text.slice(edit.start, edit.end), 'saas');
        assert.equal(edit.text, 'iaas');
      });

      it('SRM064 on entries that are not {path, resources?}, even without a view', () => {
        const text = 'workload: a\nmodel: iaas\niac:\n  - resources: [x]\n  - {path: infra, extra: 1}\n  - [nested]\nlayers: {}\n';
        const codes = runIacRules(text).map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`);
        assert.deepEqual(codes, ['SRM064 resources: [x]', 'SRM064 extra', 'SRM064 [nested]']);
      });

      it('say nothing without an IaC view (the editor before the files are read)', () => {
        const text = DECLARATION('a', 'saas', '  - path: nowhere\n');
        assert.deepEqual(runIacRules(text), []);
      });

      it('are numbered SRM060–SRM067, with help, ready for the registry', () => {
        assert.deepEqual(IAC_RULES.map((r) => r.code), ['SRM060', 'SRM061', 'SRM062', 'SRM063', 'SRM064', 'SRM065', 'SRM066', 'SRM067']);
        for (const r of IAC_RULES) assert.ok(r.help.length > 80 && /^[a-z]+(-[a-z0-9]+)*$/.test(r.name), r.code);
      });
    });
  });

  describe('the iac: key in the format', () => {
    it('is a known top-level key (no SRM015), and must be a list (SRM014)', () => {
      const ok = checkText(DECLARATION('a', 'iaas', '  - path: infra\n')).diagnostics.map((d) => d.code);
      assert.ok(!ok.includes('SRM015') && !ok.includes('SRM014'), ok.join(' '));
      const wrong = checkText('workload: a\nmodel: iaas\niac: infra\nlayers: {}\n').diagnostics.filter((d) => d.code === 'SRM014');
      assert.equal(wrong.length, 1);
      assert.match(wrong[0]!.message, /iac must be a list/);
    });
  });
});
