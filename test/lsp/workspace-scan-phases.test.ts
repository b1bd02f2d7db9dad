/**
 * The first scan of a workspace in two phases: phase one parses every file
 * for its summary (the overview answers then), phase two checks every file
 * for its report pieces. Here phase two waits until a report is asked for
 * (a test-only flag), so files can change on disk between the phases, with
 * and without the watcher telling the server: the overview must answer from
 * phase one alone, with the report's gap counts, and the report must then be
 * what `srm report` builds of the files as they are.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { OverviewRequest, WorkspaceReportRequest, type OverviewFile, type ResponsibilityReport } from '../../protocol/report';
import { generateFile } from '../../scripts/bench/generate';
import { buildReport } from '../../server/src/core/report';
import { EnvironmentFinder } from '../../server/src/io/environments';
import { TEST_HOOKS_FLAG } from '../../server/src/lsp/test-hooks';
import { PIECES_ON_DEMAND_FLAG } from '../../server/src/lsp/workspace-index';
import { removeTempWorkspaces, tempWorkspace, useServer } from './client';

const TEAMS_CONFIG = `owners:
  iam-team:
    contact: iam@example.com
    aliases: [identity-team]
  platform-team: {}
`;

/** 200 declaration files (more than the 64 of a batch: worker threads read them), some under an owner directory with aliases. */
function workspaceFiles(): Record<string, string> {
  const files: Record<string, string> = { 'teams/srm.config.yaml': TEAMS_CONFIG };
  for (let i = 0; i < 200; i++) {
    const folder = i % 4 === 0 ? 'teams' : `plain/part-${i % 5}`;
    const text = generateFile(1 + (i % 2), i + 1).text.replace(/^workload: (.*)$/gm, `workload: $1-${i}`);
    files[`${folder}/w-${String(i).padStart(3, '0')}.srm.yaml`] = i % 4 === 0 ? text.replace(/owner: iam-team/g, 'owner: identity-team') : text;
  }
  files['plain/broken.srm.yaml'] = 'workload: [unclosed\n';
  files['teams/crlf.srm.yaml'] = generateFile(2, 777).text.replace(/\n/g, '\r\n');
  return files;
}

/** Every owner of a text made a placeholder: each layer it owned becomes a gap. */
function ownersRemoved(text: string): string {
  return text.replace(/owner: .*$/gm, 'owner: TODO');
}

describe('LSP: the first scan in two phases (summaries, then report pieces), with files changed between them', function () {
  this.timeout(90_000);
  let dir = '';
  let files: Record<string, string> = {};
  const server = useServer(() => {
    files = workspaceFiles();
    dir = tempWorkspace(files);
    return { folders: [dir], settings: {}, serverArgs: [TEST_HOOKS_FLAG, PIECES_ON_DEMAND_FLAG] };
  });
  after(removeTempWorkspaces);

  const declarations = () => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.srm.yaml')).map((f) => f.split(path.sep).join('/'));
  const uriOf = (file: string) => pathToFileURL(path.join(dir, file)).toString();

  /** What `srm report` builds of the files as they are on disk now, each in the environment of its folder. */
  function expectedReport(): ResponsibilityReport {
    const finder = new EnvironmentFinder({ stopAt: (d) => path.resolve(d) === path.resolve(dir) });
    return buildReport(
      declarations().map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8'), environment: finder.forFile(path.join(dir, file)).environment })),
      { toolVersion: 'ignored' },
    );
  }

  /** Each listed workload's gap count beside the report's, by file and document; every reported workload must be listed. */
  function assertGapsAgree(listed: readonly OverviewFile[], report: ResponsibilityReport): void {
    const overview = new Map(listed.flatMap((f) => f.workloads.map((w) => [`${f.uri}#${w.index}`, w.gaps] as const)));
    const reported = report.groups.flatMap((g) => g.workloads);
    assert.ok(reported.length > 250, `a workspace of many workloads (${reported.length})`);
    for (const w of reported) assert.equal(overview.get(`${uriOf(w.file)}#${w.documentIndex}`), w.gaps, `${w.file} document ${w.documentIndex}: gaps`);
  }

  const overview = () => server().waitForAnswer('the overview', () => server().request(OverviewRequest, {}).catch(() => undefined), 60_000);
  const gapsOf = (listed: readonly OverviewFile[], file: string) => listed.find((f) => f.uri === uriOf(file))?.workloads.reduce((n, w) => n + w.gaps, 0);

  it('answers the overview from phase one, then the report of the files as they are, changed ones included', async () => {
    const first = await overview();
    assert.deepEqual(first.files.map((f) => f.uri).sort(), declarations().map(uriOf).sort(), 'every declaration file is listed');
    assertGapsAgree(first.files, expectedReport());

    // Between the phases: one file changed and one deleted with no word from the watcher (yet); one changed and one created, announced.
    const unannounced = 'plain/part-1/w-001.srm.yaml';
    const deleted = 'plain/part-2/w-002.srm.yaml';
    const announced = 'teams/w-004.srm.yaml';
    const created = 'plain/new.srm.yaml';
    const gapsBefore = gapsOf(first.files, unannounced)!;
    fs.writeFileSync(path.join(dir, unannounced), ownersRemoved(files[unannounced]!));
    fs.rmSync(path.join(dir, deleted));
    fs.writeFileSync(path.join(dir, announced), ownersRemoved(files[announced]!));
    fs.writeFileSync(path.join(dir, created), generateFile(1, 4242).text);
    await server().filesChanged({ uri: uriOf(announced), type: FileChangeType.Changed }, { uri: uriOf(created), type: FileChangeType.Created });
    const expected = expectedReport();
    const gapsNow = (file: string) => expected.groups.flatMap((g) => g.workloads).filter((w) => w.file === file).reduce((n, w) => n + w.gaps, 0);
    assert.ok(gapsNow(unannounced) > gapsBefore && gapsNow(announced) > gapsOf(first.files, announced)!, 'the changes add gaps');
    await server().waitForAnswer('the announced changes in the overview', async () => {
      const listed = (await overview()).files;
      return gapsOf(listed, announced) === gapsNow(announced) && gapsOf(listed, created) === gapsNow(created);
    }, 30_000);
    // Nothing has read the unannounced change yet: phase two has not run.
    const between = await overview();
    assert.equal(gapsOf(between.files, unannounced), gapsBefore, 'the overview still holds what phase one read');
    assert.ok(gapsOf(between.files, deleted) !== undefined, 'and the deleted file, which nobody announced');

    const report = await server().waitForAnswer('the report', () => server().request(WorkspaceReportRequest, {}).catch(() => undefined), 60_000);
    assert.deepEqual({ ...report, tool: null }, { ...expected, tool: null });

    // Phase two read the unannounced changes: the overview follows them too.
    const after = await overview();
    assert.deepEqual(after.files.map((f) => f.uri).sort(), declarations().map(uriOf).sort(), 'the deleted file left, the created one came');
    assertGapsAgree(after.files, expected);
  });
});
