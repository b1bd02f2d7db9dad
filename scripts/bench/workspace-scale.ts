/**
 * `npm run bench` (after main.js), or alone:
 * `node out/scripts/bench/workspace-scale.js [--files=10000] [--server=dist/server.js] [--cpu-prof=DIR]`.
 *
 * The overview and the workspace report on a generated tree of 10,000
 * declaration files (one workload each), measured through our language server
 * over the real protocol:
 *   - overview ready: initialized → srm/overview answered (the index has read every file);
 *   - report ready: srm/workspaceReport, first (every file checked once) and again (assembled from kept pieces);
 *   - one edit: didChange of one open file → its srm/overviewChanged; → its srm/reportChanged patch, applied
 *     to the client's copy (how the report panel updates); and, for comparison, → a whole new report answered;
 *   - the server's peak RSS (VmHWM) with every file indexed and the report built.
 * Beside them, the baseline the report is compared to: reading and parsing
 * every file (yaml) in this process. Measurements, never assertions: the
 * machine is shared and noisy; the targets are printed beside the figures.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import {
  OverviewChangedNotification,
  OverviewRequest,
  ReportChangedNotification,
  WorkspaceReportRequest,
  type OverviewChangedParams,
  type ReportChangedParams,
} from '../../protocol/report';
import { applyReportPatch } from '../../server/src/core/report/apply-patch';
import { generateFile } from './generate';
import { LspSession, srmServer, type ServerSpec } from './lsp-client';
import { mib, ms, ratio, table } from './stats';

const ROOT = path.resolve(__dirname, '../../..');
const OUT_DIR = path.join(ROOT, '.artifacts/bench');

/** `--server=FILE`: another build of the server (e.g. of an older commit, for a before/after on one machine). */
const SERVER_SCRIPT = process.argv.find((a) => a.startsWith('--server='))?.slice('--server='.length);

const SRM: ServerSpec = srmServer(SERVER_SCRIPT ? path.resolve(SERVER_SCRIPT) : path.join(ROOT, 'dist/server.js'));

/** 10,000 files, 100 per folder, each one generated workload (varied owners, models and gaps). */
function generateTree(dir: string, files: number): string[] {
  rmSync(dir, { recursive: true, force: true });
  const out: string[] = [];
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, `team-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `workload-${i}.srm.yaml`);
    writeFileSync(file, generateFile(1, i + 1).text.replace(/^workload: .*$/m, `workload: bench-${i}`));
    out.push(file);
  }
  return out;
}

/** Wall and CPU time (ms) to read and parse every file, in this process. */
function readAndParse(dir: string): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let documents = 0;
  for (const folder of readdirSync(dir)) {
    for (const name of readdirSync(path.join(dir, folder))) documents += parseAllDocuments(readFileSync(path.join(dir, folder, name), 'utf8')).length;
  }
  if (documents === 0) throw new Error('nothing parsed');
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

export interface WorkspaceScaleResult {
  /** The section's markdown: the table of every figure. */
  readonly text: string;
  readonly rows: readonly (readonly string[])[];
  /** One row per target, for the bench's target table: [target, measured, 'met' | '**NOT met**']. */
  readonly targets: readonly (readonly string[])[];
}

export async function benchWorkspaceScale(files: number, nodeFlags: readonly string[] = []): Promise<WorkspaceScaleResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'srm-bench-workspace-'));
  const paths = generateTree(dir, files);
  const { wall: baseline, cpu: baselineCpu } = readAndParse(dir);

  const t0 = performance.now();
  const session = await LspSession.start(SRM, pathToFileURL(dir).toString(), nodeFlags);
  const changes: { at: number; params: OverviewChangedParams }[] = [];
  session.connection.onNotification(OverviewChangedNotification, (params) => void changes.push({ at: performance.now(), params }));
  const reportChanges: { at: number; params: ReportChangedParams }[] = [];
  session.connection.onNotification(ReportChangedNotification, (params) => void reportChanges.push({ at: performance.now(), params }));
  try {
    const overview = await session.connection.sendRequest(OverviewRequest, {});
    const overviewReady = performance.now() - t0;
    const overviewCpu = processCpuMs(session.pid);
    const listed = overview.files.reduce((n, f) => n + f.workloads.length, 0);

    let t = performance.now();
    const first = await session.connection.sendRequest(WorkspaceReportRequest, {});
    const reportFirst = performance.now() - t;
    const reportCpu = processCpuMs(session.pid) - overviewCpu;
    t = performance.now();
    await session.connection.sendRequest(WorkspaceReportRequest, {});
    const reportAgain = performance.now() - t;

    // One edit of one file: open it, then change an owner to a placeholder (a gap more).
    const target = paths[Math.floor(files / 2)]!;
    const uri = pathToFileURL(target).toString();
    const text = readFileSync(target, 'utf8');
    await session.open(uri, text, 1);
    const opened = changes.length;
    await waitUntil(() => changes.slice(opened).some((c) => c.params.changes.some((x) => x.uri === uri)));
    let live = await session.connection.sendRequest(WorkspaceReportRequest, {});
    const ownerAt = text.indexOf('owner: ') + 'owner: '.length;
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    const column = ownerAt - text.lastIndexOf('\n', ownerAt - 1) - 1;
    const lineEnd = text.indexOf('\n', ownerAt);
    const before = changes.length;
    const reportBefore = reportChanges.length;
    t = performance.now();
    await session.change(uri, 2, { start: { line: lineOf(ownerAt), character: column }, end: { line: lineOf(ownerAt), character: column + (lineEnd - ownerAt) } }, 'TODO');
    const notified = await waitUntil(() => changes.slice(before).find((c) => c.params.changes.some((x) => x.uri === uri)));
    const editToOverview = notified.at - t;
    const patched = await waitUntil(() => reportChanges.slice(reportBefore).find((c) => c.params.patch?.files.some((f) => target.endsWith(f.file))));
    if (!patched.params.patch) throw new Error('no patch');
    live = applyReportPatch(live, patched.params.patch);
    const editToPatched = performance.now() - t;
    const patchBytes = JSON.stringify(patched.params).length;
    const edited = await session.connection.sendRequest(WorkspaceReportRequest, {});
    const editToReport = performance.now() - t;
    const rss = session.peakRss();
    if (edited.totals.gaps < first.totals.gaps) throw new Error('the edit did not reach the report');
    if (JSON.stringify(live) !== JSON.stringify(edited)) throw new Error('the patched report differs from the one built again');
    const reportBytes = JSON.stringify(edited).length;

    const rows = [
      ['declaration files', String(files), '', ''],
      ['workloads listed / reported', `${listed} / ${first.totals.workloads}`, '', ''],
      ['baseline: read + parse every file (yaml, in process)', ms(baseline), '1.00×', ''],
      ['  its CPU time', ms(baselineCpu), '1.00×', ''],
      ['overview ready (initialize → srm/overview)', ms(overviewReady), ratio(overviewReady / baseline), '< 2 s'],
      ['  server CPU time until then (every thread: start, scan, answer)', ms(overviewCpu), ratio(overviewCpu / baselineCpu), ''],
      ['report ready, first (srm/workspaceReport after the overview)', ms(reportFirst), ratio(reportFirst / baseline), '< 2 s'],
      ['  server CPU time for it', ms(reportCpu), ratio(reportCpu / baselineCpu), ''],
      ['report again (pieces kept)', ms(reportAgain), ratio(reportAgain / baseline), ''],
      ['one edit → overview notification', ms(editToOverview), '', '< 50 ms'],
      ['one edit → report patch received and applied (live report)', ms(editToPatched), '', '< 50 ms'],
      ['  patch sent / whole report (JSON bytes)', `${patchBytes} / ${reportBytes}`, '', ''],
      ['one edit → whole report asked for again (before)', ms(editToReport), '', ''],
      ['server peak RSS (VmHWM)', mib(rss), '', '≤ 300 MiB'],
    ];
    const status = (met: boolean) => (met ? 'met' : '**NOT met**');
    const vs = (x: number) => `${ms(x)} ms (${ratio(x / baseline)} read + parse, ${ms(baseline)} ms)`;
    const targets = [
      [`overview ready < 2 s, ${files} declarations`, vs(overviewReady), status(overviewReady < 2000)],
      [`report ready < 2 s, ${files} declarations`, vs(reportFirst), status(reportFirst < 2000)],
      [`one edit → overview < 50 ms, ${files} declarations`, `${ms(editToOverview)} ms`, status(editToOverview < 50)],
      [`one edit → report patched < 50 ms, ${files} declarations`, `${ms(editToPatched)} ms`, status(editToPatched < 50)],
      [`server peak RSS ≤ 300 MiB, ${files} declarations`, `${mib(rss)} MiB`, status(rss <= 300 * 1024 * 1024)],
    ];
    const section = [
      '## Workspace overview and report at scale',
      '',
      table(['measure', 'value', 'vs baseline', 'target'], rows, ['l', 'r', 'r', 'l']),
      '',
      'Ratios are against the read + parse baseline of the same run (CPU times against its CPU time). A server CPU time is the process\'s',
      '(/proc/PID/stat: every thread, 10 ms ticks). On a shared machine a wall time also waits for a CPU.',
      '',
      table(['target', 'measured', 'status'], targets, ['l', 'l', 'l']),
      '',
    ].join('\n');
    return { text: section, rows, targets };
  } finally {
    await session.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CPU time (user + system) of a process so far, every thread's, ended ones included: ms. */
function processCpuMs(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th and stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: 100 on every Linux the project runs on (sysconf(_SC_CLK_TCK)). */
const TICKS_PER_SECOND = 100;

async function waitUntil<T>(probe: () => T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

if (require.main === module) {
  const files = Number(process.argv.find((a) => a.startsWith('--files='))?.slice('--files='.length) ?? 10_000);
  // `--cpu-prof=DIR`: the server (and its index workers) write V8 CPU profiles there.
  const profileDir = process.argv.find((a) => a.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);
  benchWorkspaceScale(files, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [])
    .then(({ text }) => {
      process.stdout.write(`${text}\n`);
      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(path.join(OUT_DIR, 'workspace-scale.md'), text);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    });
}
