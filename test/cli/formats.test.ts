import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, assertBuilt, example, removeTempDirs, sarifValidator, srm, tempDir, textOfRegion } from './helpers';

interface JsonDiagnostic {
  code: string;
  rule: string | null;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  span: { start: number; end: number };
  fixes: { title: string; safe: boolean; edits: { start: number; end: number; text: string }[] }[];
}
interface JsonReport {
  files: { path: string; fixed: boolean; errorCount: number; warningCount: number; hintCount: number; diagnostics: JsonDiagnostic[] }[];
  summary: { fileCount: number; errorCount: number; warningCount: number; hintCount: number };
}

describe('srm check --format', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  describe('json', () => {
    it('reports every file and finding, hints included, with positions and offsets', () => {
      const r = srm(['check', 'examples', '--format', 'json']);
      assert.equal(r.status, 1);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(
        report.files.map((f) => f.path),
        // The declarations, then the matrix files examples/srm.config.yaml brings in.
        [/\.srm\.ya?ml$/, /\.srm-matrix\.ya?ml$/].flatMap((kind) =>
          fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => kind.test(f)).map((f) => `examples/${f.split(path.sep).join('/')}`).sort(),
        ),
      );
      const gaps = report.files.find((f) => f.path === 'examples/gaps.srm.yaml')!;
      assert.ok(gaps.errorCount > 0);
      const text = example('gaps.srm.yaml');
      for (const d of gaps.diagnostics) {
        assert.match(d.code, /^SRM\d{3}$/);
        assert.ok(d.rule);
        const region = { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
        assert.equal(textOfRegion(text, region), text.slice(d.span.start, d.span.end), `${d.code} at ${d.line}:${d.column}`);
      }
      const typo = gaps.diagnostics.find((d) => d.code === 'SRM007')!;
      assert.equal(text.slice(typo.span.start, typo.span.end), 'identity-acess');
      assert.ok(typo.fixes.some((f) => f.edits[0]!.text === 'identity-access'));
      const vm = report.files.find((f) => f.path === 'examples/reporting-vm.srm.yaml')!;
      assert.equal(vm.hintCount, 1, 'hints are in the JSON report');
      assert.equal(vm.diagnostics[0]!.severity, 'hint');
      assert.equal(report.summary.fileCount, report.files.length);
      assert.equal(report.summary.errorCount, report.files.reduce((n, f) => n + f.errorCount, 0));
    });
  });

  describe('sarif', () => {
    const assertValidSarif = sarifValidator();

    it('is valid SARIF 2.1.0 with rules, levels, regions and fixes', () => {
      const r = srm(['check', 'examples', '--format', 'sarif']);
      assert.equal(r.status, 1);
      const log = JSON.parse(r.stdout);
      assertValidSarif(log);
      assert.equal(log.version, '2.1.0');
      const run = log.runs[0];
      assert.equal(run.columnKind, 'utf16CodeUnits');
      const driver = run.tool.driver;
      assert.equal(driver.name, 'srm');
      assert.match(driver.version, /^\d+\.\d+\.\d+/);
      assert.match(driver.informationUri, /^https:\/\//);
      const ids = driver.rules.map((rule: { id: string }) => rule.id);
      assert.ok(ids.includes('SRM001') && ids.includes('SRM023'));
      for (const rule of driver.rules) {
        assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.help.markdown);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      }
      assert.equal(driver.rules[ids.indexOf('SRM006')].defaultConfiguration.level, 'note');

      const texts = new Map<string, string>();
      const textOf = (uri: string) => texts.get(uri) ?? texts.set(uri, fs.readFileSync(path.join(EXAMPLES, '..', decodeURIComponent(uri)), 'utf8')).get(uri)!;
      for (const result of run.results) {
        assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(result.level));
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
        assert.match(artifactLocation.uri, /^examples\/[a-z0-9-]+\.srm\.yaml$/);
        const cut = textOfRegion(textOf(artifactLocation.uri), region);
        if (region.snippet) assert.equal(cut, region.snippet.text, `${result.ruleId} at ${region.startLine}:${region.startColumn}`);
      }

      const find = (id: string) => run.results.find((x: { ruleId: string }) => x.ruleId === id);
      const gaps = textOf('examples/gaps.srm.yaml');
      const at = (result: { locations: { physicalLocation: { region: never } }[] }) => textOfRegion(gaps, result.locations[0]!.physicalLocation.region);
      assert.equal(at(find('SRM001')), 'layers');
      assert.equal(at(find('SRM007')), 'identity-acess');
      assert.equal(at(find('SRM008')), 'apps');
      assert.equal(at(find('SRM004')), 'provider');
      assert.equal(at(find('SRM017')), 'saas');
      assert.equal(find('SRM001').level, 'error');
      assert.equal(find('SRM017').level, 'warning');
      assert.equal(find('SRM006').level, 'note');

      const spelling = find('SRM008');
      const change = spelling.fixes[0].artifactChanges[0];
      assert.equal(change.artifactLocation.uri, 'examples/gaps.srm.yaml');
      assert.equal(textOfRegion(gaps, change.replacements[0].deletedRegion), 'apps');
      assert.equal(change.replacements[0].insertedContent.text, 'applications');
    });

    it('counts columns in UTF-16 code units', () => {
      const text = 'workload: payments\nmodel: saas\nlayers:\n  data-classification: {owner: "💳 données-équipe", ower: x}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n';
      const dir = tempDir({ 'u.srm.yaml': text });
      const log = JSON.parse(srm(['check', '--format', 'sarif'], { cwd: dir }).stdout);
      assertValidSarif(log);
      const typo = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'SRM016');
      const region = typo.locations[0].physicalLocation.region;
      assert.equal(region.startColumn, text.split('\n')[3]!.indexOf('ower: x') + 1, 'the emoji counts as two code units');
      assert.equal(textOfRegion(text, region), 'ower');
    });
  });
});
