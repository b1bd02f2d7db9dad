/**
 * The workspace report and the overview over the real protocol: the server
 * builds the report `srm report` builds (same builder, same environments),
 * exports it in every format, lists every workload for the overview, and
 * keeps both current as a document is edited or a file changes on disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  ExportReportRequest,
  OverviewRequest,
  REPORT_FORMATS,
  WorkspaceReportRequest,
  type OverviewChangedParams,
  type OverviewFile,
} from '../../protocol/report';
import { buildReport, formatReport } from '../../server/src/core/report';
import { fileUri, removeTempWorkspaces, tempWorkspace, useServer, withoutTool, writeFile, type LspClient } from './client';

const PAYMENTS = `workload: payments-api
model: paas
provider: azure
layers:
  data-classification:
    owner: data-governance
  endpoint-devices:
    owner: workplace-it
  applications:
    owner: payments-team
  runtime-middleware:
    owner: platform-team
    handoff: The provider patches the runtime; we pin it
`;

const BATCH = `workload: legacy-batch
model: iaas
provider: aws
layers:
  data-classification:
    owner: data-governance
  operating-system:
    owner: provider
  runtime-middleware:
    owner: ops
    responsibility: provider
    reason: A managed runtime image that the provider patches
`;

const FILES = {
  'apps/payments.srm.yaml': PAYMENTS,
  'batch.srm.yaml': BATCH,
  'broken.srm.yaml': 'workload: [unclosed\n',
};

/** What `srm report` builds for the same files (built-in environment: the workspace has no srm.config.yaml). */
function expectedReport(files: Record<string, string>) {
  return buildReport(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { toolVersion: 'ignored' },
  );
}

function overviewChangesSince(client: LspClient, mark: number): OverviewChangedParams['changes'][number][] {
  return client.since(mark).flatMap((r) => (r.kind === 'overview' ? r.params.changes : []));
}

describe('LSP: the workspace report and the overview', function () {
  this.timeout(20_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace(FILES);
    return { folders: [dir], settings: {} };
  });
  after(removeTempWorkspaces);

  it('builds the report srm report builds, from every declaration of the workspace', async () => {
    const report = await server().request(WorkspaceReportRequest, {});
    assert.deepEqual(withoutTool(report), withoutTool(expectedReport(FILES)));
    // What a reader checks: both workloads, the gaps, the override and its reason, the broken file skipped.
    const names = report.groups.flatMap((g) => g.workloads.map((w) => `${w.file}:${w.name}`));
    assert.deepEqual(names, ['apps/payments.srm.yaml:payments-api', 'batch.srm.yaml:legacy-batch']);
    const batch = report.groups[0]!.workloads[1]!;
    assert.equal(batch.cells.find((c) => c.layerId === 'operating-system')?.state, 'gap');
    assert.deepEqual(batch.cells.find((c) => c.layerId === 'runtime-middleware')?.override, {
      from: 'customer',
      to: 'provider',
      reason: 'A managed runtime image that the provider patches',
    });
    assert.deepEqual(report.skipped.map((s) => s.file), ['broken.srm.yaml']);
  });

  it('exports the report in every format, and refuses an unknown one', async () => {
    const report = await server().request(WorkspaceReportRequest, {});
    for (const format of REPORT_FORMATS) {
      const answer = await server().request(ExportReportRequest, { format });
      assert.ok('text' in answer, `${format}: ${JSON.stringify(answer)}`);
      assert.match(answer.text, /payments-api/, format);
    }
    const json = await server().request(ExportReportRequest, { format: 'json' });
    assert.ok('text' in json);
    assert.equal(json.text, formatReport(report, 'json'));
    const csv = await server().request(ExportReportRequest, { format: 'csv', by: 'owner' });
    assert.ok('text' in csv);
    const rows: string[][] = parseCsv(csv.text, { bom: true });
    assert.ok(rows.some((row) => row.includes('platform-team')), 'the owner view lists platform-team');
    const ssp = await server().request(ExportReportRequest, { format: 'oscal-ssp' });
    assert.ok('text' in ssp);
    assert.ok((JSON.parse(ssp.text) as { 'system-security-plan'?: unknown })['system-security-plan']);
    const bad = await server().request(ExportReportRequest, { format: 'pdf' as never });
    assert.ok('error' in bad && /unknown report format "pdf"/.test(bad.error));
  });

  it('lists every workload for the overview, with its matrix, owners and the core’s gap count', async () => {
    const { files } = await server().request(OverviewRequest, {});
    const byName = new Map(files.flatMap((f: OverviewFile) => f.workloads.map((w) => [w.name ?? `(unnamed) ${path.basename(f.uri)}`, { ...w, uri: f.uri }] as const)));
    // The broken file is listed too, without a name, so that a click can open it.
    assert.deepEqual([...byName.keys()].sort(), ['(unnamed) broken.srm.yaml', 'legacy-batch', 'payments-api']);
    const report = expectedReport(FILES);
    for (const w of report.groups.flatMap((g) => g.workloads)) {
      assert.equal(byName.get(w.name)?.gaps, w.gaps, `${w.name} gaps`);
    }
    assert.equal(byName.get('payments-api')?.matrix, 'reference@1');
    assert.deepEqual(byName.get('payments-api')?.owners, ['data-governance', 'workplace-it', 'payments-team', 'platform-team']);
    assert.equal(byName.get('payments-api')?.uri, fileUri(dir, 'apps/payments.srm.yaml'));
    assert.equal(byName.get('payments-api')?.line, 0);
  });

  it('follows an edit of an open document: the overview is told, the report rebuilt from the edited text', async () => {
    const uri = fileUri(dir, 'apps/payments.srm.yaml');
    const mark = server().mark();
    await server().open(uri, PAYMENTS.replace('  applications:\n    owner: payments-team\n', ''));
    const change = await server().waitFor('an overview change for the edit', () => overviewChangesSince(server(), mark).find((c) => c.uri === uri && c.workloads?.[0]?.gaps === 2));
    assert.equal(change.workloads?.[0]?.name, 'payments-api');
    const report = await server().request(WorkspaceReportRequest, {});
    const payments = report.groups[0]!.workloads.find((w) => w.name === 'payments-api')!;
    assert.equal(payments.gaps, 2);
    assert.equal(payments.cells.find((c) => c.layerId === 'applications')?.state, 'gap');
    await server().close(uri);
  });

  it('follows changes on disk: a new file, a changed one and a deleted one', async () => {
    const mark = server().mark();
    writeFile(dir, 'new.srm.yaml', PAYMENTS.replace('payments-api', 'new-api'));
    const addedUri = fileUri(dir, 'new.srm.yaml');
    await server().filesChanged({ uri: addedUri, type: FileChangeType.Created });
    await server().waitFor('the new file in the overview', () => overviewChangesSince(server(), mark).find((c) => c.uri === addedUri && c.workloads?.[0]?.name === 'new-api'));
    const report = await server().waitForAnswer('the new file in the report', async () => {
      const r = await server().request(WorkspaceReportRequest, {});
      return r.groups.some((g) => g.workloads.some((w) => w.name === 'new-api')) && r;
    });
    assert.equal(report.totals.workloads, 3);

    const batchUri = fileUri(dir, 'batch.srm.yaml');
    fs.writeFileSync(path.join(dir, 'batch.srm.yaml'), BATCH.replace('owner: provider', 'owner: os-team'));
    await server().filesChanged({ uri: batchUri, type: FileChangeType.Changed });
    await server().waitFor('the fixed batch in the overview', () => overviewChangesSince(server(), mark).find((c) => c.uri === batchUri && c.workloads?.[0]?.gaps === expectedBatchGaps()));

    fs.rmSync(path.join(dir, 'new.srm.yaml'));
    await server().filesChanged({ uri: addedUri, type: FileChangeType.Deleted });
    await server().waitFor('the deleted file leaves the overview', () => overviewChangesSince(server(), mark).find((c) => c.uri === addedUri && c.workloads === undefined));
    const after = await server().request(WorkspaceReportRequest, {});
    assert.equal(after.totals.workloads, 2);
    assert.equal(after.groups[0]!.workloads.find((w) => w.name === 'legacy-batch')?.cells.find((c) => c.layerId === 'operating-system')?.owner, 'os-team');
  });

  it('keeps a client\'s report live with patches of the changed files only: equal to buildReport after edits, creates and deletes, in every format', async () => {
    const mark = server().mark();
    const first = await server().request(WorkspaceReportRequest, {});
    const files: Record<string, string> = { ...FILES, 'batch.srm.yaml': BATCH.replace('owner: provider', 'owner: os-team') };
    assert.deepEqual(withoutTool(first), withoutTool(expectedReport(files)));
    const patches = (): number => server().since(mark).filter((r) => r.kind === 'report' && r.params.patch).length;

    // An edit of an open document, a new file in a new folder, a deleted one.
    const paymentsUri = fileUri(dir, 'apps/payments.srm.yaml');
    await server().open(paymentsUri, PAYMENTS.replace('owner: platform-team', 'owner: TODO'));
    files['apps/payments.srm.yaml'] = PAYMENTS.replace('owner: platform-team', 'owner: TODO');
    await server().waitFor('a patch for the edit', () => patches() >= 1 || undefined);
    writeFile(dir, 'zz/late.srm.yaml', BATCH.replace('legacy-batch', 'late-batch'));
    files['zz/late.srm.yaml'] = BATCH.replace('legacy-batch', 'late-batch');
    await server().filesChanged({ uri: fileUri(dir, 'zz/late.srm.yaml'), type: FileChangeType.Created });
    await server().waitFor('a patch for the new file', () => patches() >= 2 || undefined);
    fs.rmSync(path.join(dir, 'batch.srm.yaml'));
    delete files['batch.srm.yaml'];
    await server().filesChanged({ uri: fileUri(dir, 'batch.srm.yaml'), type: FileChangeType.Deleted });
    await server().waitFor('a patch for the deleted file', () => patches() >= 3 || undefined);

    const patchFiles = server().since(mark).flatMap((r) => (r.kind === 'report' ? (r.params.patch?.files ?? []).map((f) => f.file) : []));
    assert.ok(patchFiles.every((f) => ['apps/payments.srm.yaml', 'zz/late.srm.yaml', 'batch.srm.yaml'].includes(f)), `only the changed files are sent: ${patchFiles.join(', ')}`);
    const live = await server().patchedSince(first, mark);
    const expected = expectedReport(files);
    assert.deepEqual(withoutTool(live), withoutTool(expected));
    assert.deepEqual(withoutTool(await server().request(WorkspaceReportRequest, {})), withoutTool(expected));
    for (const format of REPORT_FORMATS) {
      const answer = await server().request(ExportReportRequest, { format });
      assert.ok('text' in answer, format);
      // The SSP is stamped with the time the server made it: the expectation is made with the same stamp.
      const lastModified = /"last-modified": "([^"]*)"/.exec(answer.text)?.[1] ?? '';
      assert.equal(answer.text, formatReport({ ...expected, tool: live.tool }, format, { oscal: { lastModified } }), format);
    }
    await server().close(paymentsUri);
  });
});

function expectedBatchGaps(): number {
  return expectedReport({ 'batch.srm.yaml': BATCH.replace('owner: provider', 'owner: os-team') }).totals.gaps;
}
