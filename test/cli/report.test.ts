import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { CSV_WORKLOAD_COLUMNS } from '../../server/src/core/report/csv';
import type { ResponsibilityReport } from '../../server/src/core/report/model';
import { lastModified } from '../../server/src/cli/report';
import { CLEAN, ONE_ERROR, REPO, assertBuilt, removeTempDirs, srm, tempDir } from './helpers';

const WORKSPACE = 'test/fixtures/report/workspace';

function ok(args: readonly string[], options: Parameters<typeof srm>[1] = {}): string {
  const r = srm(args, options);
  assert.equal(r.status, 0, `srm ${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stderr, '');
  return r.stdout;
}

/** Exit 2 with one line on standard error that matches `message`. */
function usage(args: readonly string[], message: RegExp, options: Parameters<typeof srm>[1] = {}): void {
  const r = srm(args, options);
  assert.equal(r.status, 2, `srm ${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^srm: /);
  assert.match(lines[0]!, message);
}

function records(csv: string): string[][] {
  const parsed: unknown = parseCsv(csv, { bom: true, record_delimiter: '\r\n' });
  return parsed as string[][];
}

describe('srm report', function () {
  this.timeout(60_000);
  let json: ResponsibilityReport;
  before(() => {
    assertBuilt();
    json = JSON.parse(ok(['report', WORKSPACE, '--format', 'json'])) as ResponsibilityReport;
  });
  after(removeTempDirs);

  it('json: the report of the fixture workspace, valid against schemas/srm-report.schema.json, exit 0 despite its gaps', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'srm-report.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
    assert.ok(validate(json), JSON.stringify(validate.errors));
    assert.ok(json.totals.gaps > 0, 'the workspace has gaps, and the exit code is still 0');
    assert.deepEqual(json.groups.flatMap((g) => g.workloads.map((w) => w.file)).filter((f, i, a) => a.indexOf(f) === i), [
      `${WORKSPACE}/owners.srm.yaml`,
      `${WORKSPACE}/shared.srm.yaml`,
      `${WORKSPACE}/teams/crlf.srm.yaml`,
      `${WORKSPACE}/teams/gaps.srm.yaml`,
      `${WORKSPACE}/teams/skipped.srm.yaml`,
    ]);
    assert.ok(json.skipped.some((s) => s.file === `${WORKSPACE}/teams/empty.srm.yaml`));
    assert.equal(json.tool.version, JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  it('csv: parses back into the same cells as the json, field by field', () => {
    const rows = records(ok(['report', WORKSPACE, '-f', 'csv']));
    assert.deepEqual(rows[0], [...CSV_WORKLOAD_COLUMNS]);
    const col = (name: (typeof CSV_WORKLOAD_COLUMNS)[number]) => CSV_WORKLOAD_COLUMNS.indexOf(name);
    const cells = json.groups.flatMap((g) => g.workloads.flatMap((w) => w.cells.map((c) => ({ g, w, c }))));
    assert.equal(rows.length - 1, cells.length);
    cells.forEach(({ g, w, c }, i) => {
      const r = rows[i + 1];
      assert.deepEqual(
        [r![col('matrix')], r![col('matrix_version')], r![col('workload')], r![col('file')], r![col('line')], r![col('model')], r![col('layer')], r![col('cell')], r![col('state')], r![col('owner')], r![col('handoff')], r![col('gap_reason')]],
        [g.id, g.version, w.name, w.file, String(w.line), w.model, c.layerId, c.cell, c.state, c.owner ?? '', c.handoff ?? '', c.gapReason ?? ''],
      );
    });
  });

  it('markdown (the default): a table per matrix group, and --by owner', () => {
    const text = ok(['report', WORKSPACE]);
    assert.match(text, /^# Responsibility report\n/);
    assert.ok(text.includes('## reference\\@1: The shared responsibility reference table (SRM format v1)'));
    assert.ok(text.includes('| **legacy-vm**<br>`test/fixtures/report/workspace/teams/gaps.srm.yaml:4` | IaaS | **GAP** | **GAP** † | **GAP** | **GAP** | **GAP** | **GAP** | **GAP** | provider | provider | provider | 7 / 7 |'));
    const byOwner = ok(['report', WORKSPACE, '--by', 'owner', '--format', 'markdown']);
    assert.ok(byOwner.includes('| **platform-team** |  | 1 | 1 | **payments-api** `test/fixtures/report/workspace/owners.srm.yaml:5` (reference\\@1): Runtime &amp; Middleware (shared) |'));
    assert.ok(byOwner.includes('## Unassigned (gaps)'));
  });

  it('html: one self-contained file, by workload and by owner', () => {
    for (const by of ['workload', 'owner']) {
      const html = ok(['report', WORKSPACE, '--format=html', `--by=${by}`]);
      assert.match(html, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
      assert.ok(html.includes(by === 'owner' ? '<h2>By owner</h2>' : '<h2><bdi>reference@1</bdi>: <bdi>The shared responsibility reference table (SRM format v1)</bdi></h2>'));
      assert.ok(!/<script|<link|src=/.test(html));
    }
  });

  it('oscal-ssp: a valid OSCAL 1.0.6 SSP, the same bytes on every run with SOURCE_DATE_EPOCH', () => {
    const env = { SOURCE_DATE_EPOCH: '1767225600' };
    const first = ok(['report', 'examples', '--format', 'oscal-ssp'], { env });
    assert.equal(ok(['report', 'examples', '--format', 'oscal-ssp'], { env }), first);
    const doc = JSON.parse(first);
    assert.equal(doc['system-security-plan'].metadata['last-modified'], '2026-01-01T00:00:00.000Z');
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'report', 'oscal', 'oscal_ssp_schema-1.0.6.json'), 'utf8')));
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5)));
    const withoutEpoch = JSON.parse(ok(['report', 'examples', '--format', 'oscal-ssp']));
    assert.ok(Date.parse(withoutEpoch['system-security-plan'].metadata['last-modified']) > Date.parse('2025-01-01'), 'now, without SOURCE_DATE_EPOCH');
  });

  it('-o writes the report to a file and nothing to standard output', () => {
    const dir = tempDir({ 'a.srm.yaml': CLEAN, 'b.srm.yaml': ONE_ERROR });
    const r = srm(['report', '--format', 'csv', '-o', 'out/report.csv'], { cwd: dir });
    assert.equal(r.status, 2, 'a folder that does not exist is an I/O error');
    assert.match(r.stderr, /^srm: cannot write out\/report\.csv: no such file or directory\.\n$/);
    assert.equal(ok(['report', '--format', 'csv', '-o', 'report.csv'], { cwd: dir }), '');
    const rows = records(fs.readFileSync(path.join(dir, 'report.csv'), 'utf8'));
    assert.deepEqual([...new Set(rows.slice(1).map((x) => x[2]))], ['payments-api', 'crm']);
    assert.ok(fs.readFileSync(path.join(dir, 'report.csv')).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 with a BOM');
  });

  describe('bad arguments: exit 2, one line', () => {
    it('an unknown format, a --by other than workload or owner, an unknown option', () => {
      usage(['report', WORKSPACE, '--format', 'pdf'], /--format must be one of markdown, csv, html, json, oscal-ssp, not "pdf"/);
      usage(['report', WORKSPACE, '--by', 'team'], /--by takes workload or owner, not "team"/);
      usage(['report', WORKSPACE, '--by'], /--by needs a value/);
      usage(['report', WORKSPACE, '--fix'], /unknown option --fix for srm report/);
      usage(['reprot'], /unknown command "reprot"; did you mean "report"\?/);
    });

    it('--by owner where it has no meaning: json and oscal-ssp', () => {
      usage(['report', WORKSPACE, '--by', 'owner', '--format', 'json'], /--by owner does not apply to --format json/);
      usage(['report', WORKSPACE, '--by', 'owner', '--format', 'oscal-ssp'], /--by owner does not apply to --format oscal-ssp/);
    });

    it('-o pointing at an input, or at a name srm would read as a declaration', () => {
      const dir = tempDir({ 'a.srm.yaml': CLEAN });
      usage(['report', '-o', 'a.srm.yaml'], /--output a\.srm\.yaml is one of the declarations being reported/, { cwd: dir });
      usage(['report', '-o', './sub/../a.srm.yaml'], /is one of the declarations being reported/, { cwd: dir });
      usage(['report', '-o', 'report.srm.yml'], /has a declaration's name/, { cwd: dir });
      usage(['report', '-o', ''], /--output needs a file name/, { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'), CLEAN, 'the declaration is untouched');
    });

    it('a path that does not exist, no declaration at all, an OSCAL export with nothing in it', () => {
      usage(['report', 'nowhere/'], /cannot read nowhere\/: no such file or directory/);
      usage(['report'], /no \*\.srm\.yaml or \*\.srm\.yml files below/, { cwd: tempDir({ 'x.txt': 'hi' }) });
      usage(['report', '-f', 'oscal-ssp'], /cannot export an OSCAL SSP: there is no workload to export/, { cwd: tempDir({ 'x.srm.yaml': '# nothing\n' }) });
      const dir = tempDir({ 'x.srm.yaml': '# nothing\n', 'ssp.json': 'the previous export\n' });
      usage(['report', '-f', 'oscal-ssp', '-o', 'ssp.json'], /cannot export an OSCAL SSP/, { cwd: dir });
      assert.deepEqual(fs.readdirSync(dir).sort(), ['ssp.json', 'x.srm.yaml'], 'no half-written file is left behind');
      assert.equal(fs.readFileSync(path.join(dir, 'ssp.json'), 'utf8'), 'the previous export\n', 'a failed export keeps the previous file');
      usage(['report', '-f', 'oscal-ssp', WORKSPACE], /SOURCE_DATE_EPOCH must be a whole number/, { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    });
  });

  describe('reads each declaration as srm check does: its folder\'s configuration and matrices', () => {
    it('groups workloads by the matrix each one uses, with that matrix\'s rows, sources, overrides and third parties', () => {
      const org = JSON.parse(ok(['report', 'test/fixtures/workspaces/org-matrix', '-f', 'json'])) as ResponsibilityReport;
      assert.deepEqual(org.groups.map((g) => `${g.id}@${g.version}`), ['acme@1', 'reference@1']);
      const acme = org.groups[0]!;
      assert.equal(acme.source.url, 'https://wiki.acme.example/security/srm');
      const layers = acme.layers.map((l) => l.id);
      assert.ok(layers.includes('security-monitoring') && !layers.includes('endpoint-devices'), layers.join(' '));
      const cell = (name: string, layerId: string) => org.groups.flatMap((g) => g.workloads).find((w) => w.name === name)!.cells.find((c) => c.layerId === layerId)!;
      assert.deepEqual([cell('ledger', 'security-monitoring').cell, cell('ledger', 'security-monitoring').state, cell('ledger', 'security-monitoring').owner], ['third-party', 'third-party', 'Contoso MSSP']);
      assert.equal(cell('billing', 'security-monitoring').state, 'gap');
      assert.equal(cell('mail', 'endpoint-devices').owner, 'it', 'the declaration that names reference@1 is reported against it');

      const configured = JSON.parse(ok(['report', 'test/fixtures/report/configured', '-f', 'json'])) as ResponsibilityReport;
      assert.deepEqual(configured.groups.map((g) => `${g.id}@${g.version}`), ['azure@2026-01', 'reference@1'], 'the configuration\'s default matrix, and one named');
      const network = configured.groups[0]!.workloads[0]!.cells.find((c) => c.layerId === 'network-controls')!;
      assert.deepEqual(network.override, { from: 'shared', to: 'provider', reason: "Private endpoints only; the platform team's hub enforces every rule" });
      assert.equal(network.state, 'provider');
      assert.equal(configured.totals.overridden, 1);
    });

    it('names owners as the owner directory does, with its contacts; an alias counts for the name it stands for', () => {
      const configured = JSON.parse(ok(['report', 'test/fixtures/report/configured', '-f', 'json'])) as ResponsibilityReport;
      const owners = new Map(configured.owners.map((o) => [o.owner, o]));
      assert.deepEqual([...owners.keys()], ['app-team', 'data-office', 'iam-team', 'it-desk']);
      assert.equal(owners.get('app-team')!.contact, 'app-team@example.com');
      assert.deepEqual(owners.get('app-team')!.duties.map((d) => d.layerId), ['configurations-settings', 'applications'], '"apps" is an alias of app-team');
      assert.equal(owners.get('it-desk')!.contact, undefined, 'not in the directory: no contact');
      const csv = records(ok(['report', 'test/fixtures/report/configured', '-f', 'csv', '--by', 'owner']));
      assert.ok(csv.some((row) => row.includes('#data-office')), 'the contact is in the CSV too');
    });

    it('stops on a configuration with an error, as srm check does', () => {
      const r = srm(['report', 'test/fixtures/workspaces/config-errors/unknown-key']);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^srm: the configuration has an error; nothing was reported\./);
    });

    it('--config uses one configuration for every declaration', () => {
      const text = ok(['report', 'test/fixtures/report/workspace', '-f', 'json', '--config', 'test/fixtures/report/configured/srm.config.yaml']);
      const report = JSON.parse(text) as ResponsibilityReport;
      assert.ok(report.groups.some((g) => g.id === 'azure'), 'declarations that name no matrix now use the configuration\'s azure@2026-01');
    });
  });

  it('is listed in srm --help', () => {
    const help = ok(['--help']);
    assert.ok(help.includes('srm report [files|folders|globs] [--format <name>] [--by owner] [-o <file>]'));
    assert.ok(help.includes('markdown (default), csv, html, json or oscal-ssp'));
  });

  it('dates an SSP now, or at SOURCE_DATE_EPOCH', () => {
    assert.equal(lastModified({}, () => new Date('2030-05-06T07:08:09.010Z')), '2030-05-06T07:08:09.010Z');
    assert.equal(lastModified({ SOURCE_DATE_EPOCH: '0' }), '1970-01-01T00:00:00.000Z');
  });
});
