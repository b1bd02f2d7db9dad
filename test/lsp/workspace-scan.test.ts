/**
 * The overview and the report after the background scan of a workspace large
 * enough to be scanned in worker threads (more files than one batch), where
 * each file is checked once and its summary and report pieces both come from
 * that check: the first answers must be complete and equal to what `srm
 * report` and the core say of the same files, including files under their own
 * srm.config.yaml (an owner directory with aliases), broken ones and
 * multi-document ones.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OverviewRequest, WorkspaceReportRequest, type ReportWorkload } from '../../protocol/report';
import { generateFile } from '../../scripts/bench/generate';
import { buildReport } from '../../server/src/core/report';
import { EnvironmentFinder } from '../../server/src/io/environments';
import { removeTempWorkspaces, tempWorkspace, useServer } from './client';

const TEAMS_CONFIG = `owners:
  iam-team:
    contact: iam@example.com
    aliases: [identity-team]
  platform-team:
    contact: "#platform-oncall"
  payments-team: {}
`;

/** 300 declaration files (the worker threads' batches hold 64): generated ones of 1–3 workloads, and the odd ones. */
function workspaceFiles(): Record<string, string> {
  const files: Record<string, string> = { 'teams/srm.config.yaml': TEAMS_CONFIG };
  for (let i = 0; i < 290; i++) {
    const folder = i % 3 === 0 ? 'teams' : `plain/part-${i % 7}`;
    // Under teams/, some owners by alias: the report names them by the directory's name.
    const text = generateFile(1 + (i % 3), i + 1).text.replace(/^workload: (.*)$/gm, `workload: $1-${i}`);
    files[`${folder}/w-${String(i).padStart(3, '0')}.srm.yaml`] = i % 3 === 0 ? text.replace(/owner: iam-team/g, 'owner: identity-team') : text;
  }
  files['plain/broken.srm.yaml'] = 'workload: [unclosed\n';
  files['plain/empty.srm.yaml'] = '';
  files['plain/no-name.srm.yaml'] = 'model: paas\nlayers:\n  applications:\n    owner: payments-team\n';
  files['plain/unknown-matrix.srm.yaml'] = 'workload: odd\nmatrix: nowhere@1\nmodel: paas\n';
  files['teams/crlf.srm.yaml'] = generateFile(2, 999).text.replace(/\n/g, '\r\n');
  // Suppressed in the editor, never in a report: its gaps keep the checker's words.
  for (let i = 0; i < 5; i++) files[`plain/suppressed-${i}.srm.yaml`] = `workload: suppressed-${i}\nmodel: paas\nlayers: # srm-ignore SRM001, SRM012: accepted until the review\n  applications:\n    owner: TODO\n`;
  return files;
}

describe('LSP: the overview and the report after a scan of a few hundred files', function () {
  this.timeout(60_000);
  let dir = '';
  let files: Record<string, string> = {};
  const server = useServer(() => {
    files = workspaceFiles();
    dir = tempWorkspace(files);
    return { folders: [dir], settings: {} };
  });
  after(removeTempWorkspaces);

  /** The answer once the scan is done: each try waits up to the client's timeout, and the scan of 300 files on a busy machine may take longer. */
  function afterTheScan<R>(ask: () => Promise<R>): Promise<R> {
    return server().waitForAnswer('an answer after the scan', () => ask().catch(() => undefined), 50_000);
  }

  /** What `srm report` builds for the same files, each in the environment of its folder. */
  function expectedReport() {
    const finder = new EnvironmentFinder({ stopAt: (d) => path.resolve(d) === path.resolve(dir) });
    const declarations = Object.keys(files).filter((f) => f.endsWith('.srm.yaml'));
    return buildReport(
      declarations.map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8'), environment: finder.forFile(path.join(dir, file)).environment })),
      { toolVersion: 'ignored' },
    );
  }

  it('answers the first report with what srm report builds of every file', async () => {
    const report = await afterTheScan(() => server().request(WorkspaceReportRequest, {}));
    const expected = expectedReport();
    assert.ok(expected.totals.workloads > 500, `a workspace of many workloads (${expected.totals.workloads})`);
    assert.ok(expected.skipped.length >= 4, 'the broken, empty, unnamed and unknown-matrix files are reported as skipped');
    assert.ok(expected.owners.some((o) => o.owner === 'iam-team' && o.contact === 'iam@example.com' && o.duties.some((d) => d.file.startsWith('teams/'))), 'an alias reported under its directory name');
    const suppressed = expected.groups.flatMap((g) => g.workloads).find((w) => w.name === 'suppressed-0');
    assert.match(suppressed?.cells.find((c) => c.layerId === 'applications')?.gapReason ?? '', /placeholder/, 'a suppressed gap keeps its finding’s words');
    assert.deepEqual({ ...report, tool: null }, { ...expected, tool: null });
  });

  it('lists every file and workload in the overview, each with the report’s gap count', async () => {
    const { files: listed } = await afterTheScan(() => server().request(OverviewRequest, {}));
    const declarations = Object.keys(files).filter((f) => f.endsWith('.srm.yaml'));
    // Every declaration file is listed, even those with no workload to report (a click opens them).
    assert.deepEqual(listed.map((f) => f.uri).sort(), declarations.map((f) => pathToFileURL(path.join(dir, f)).toString()).sort());
    const reported = new Map<string, ReportWorkload>(expectedReport().groups.flatMap((g) => g.workloads.map((w) => [`${w.file}#${w.documentIndex}`, w] as const)));
    let compared = 0;
    for (const file of listed) {
      const relative = path.relative(dir, new URL(file.uri).pathname).split(path.sep).join('/');
      for (const w of file.workloads) {
        const expected = reported.get(`${relative}#${w.index}`);
        if (!expected) continue; // not reportable (no name, unknown matrix): listed, not reported
        assert.equal(w.name, expected.name, `${relative} document ${w.index}`);
        assert.equal(w.gaps, expected.gaps, `${relative} document ${w.index}: gaps`);
        compared++;
      }
    }
    assert.equal(compared, reported.size, 'every reported workload is in the overview');
  });
});
