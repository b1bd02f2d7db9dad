/**
 * `npm run bench`: the engine and the language server against a baseline measured
 * in the same invocation (this machine is shared and noisy, so ratios are the
 * figures to read; absolute ms are for reference). Nothing here asserts a time.
 *
 *   npm run bench                      full run (3-4 minutes on 2 cores, build included)
 *   npm run bench -- --quick           fewer iterations
 *   npm run bench -- --sizes=50,3000   only these files
 *   npm run bench -- --no-baseline     skip yaml-language-server
 *   npm run bench -- --only-discovery  only srm discover against parsing the same Terraform alone
 *   npm run bench -- --only-lsp        only the language-server tables (edits, hover, code actions; no engine, discovery, IaC or configured rows)
 *   npm run bench -- --only-features   only the feature on/off rows (sizes 50 and 3,000 of --sizes)
 *   npm run bench -- --profile         CPU profiles of the engine and of our server instead (--cpu-prof), summarised
 *   npm run bench -- --runs=5          the whole measurement five times in a row, then how often each target was met
 *   npm run bench -- --scale-files=N   the workspace, CLI and report-page rows on N declarations (10,000); --no-scale skips them
 *
 * Tables go to stdout and to .artifacts/bench/results.md (profile.md for --profile).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { ConfigurationItem } from 'vscode-languageserver-protocol/node';
import type { DiscoveryResult } from './discovery-worker';
import { benchIacEdit } from './iac-edit';
import type { EngineResult } from './engine-worker';
import { generateFile } from './generate';
import { benchCliScale } from './cli-scale';
import { benchReportPage } from './report-page';
import { benchWorkspaceScale } from './workspace-scale';
import { benchFeatures, featuresSection, type FeatureRun } from './features';
import { benchServer, type LspPlan, type LspResult } from './lsp-bench';
import { srmServer, type ServerSpec } from './lsp-client';
import { summariseProfile, type ProfileSummary } from './profile';
import { mib, ms, percentile, ratio, table } from './stats';
import { fromTriple, serverTargets, tallyTable, targetTable, type ServerPair, type TargetRow } from './targets';

const ROOT = path.resolve(__dirname, '../../..');
const OUT_DIR = path.join(ROOT, '.artifacts/bench');
// Not under .artifacts/: yaml-language-server's fileMatch globs (picomatch) skip paths with a dot directory.
// One folder per bench process: two benches at once (other worktrees) must not delete each other's files.
const WORK_DIR = mkdtempSync(path.join(os.tmpdir(), 'srm-bench-'));
process.on('exit', () => rmSync(WORK_DIR, { recursive: true, force: true }));
const SCHEMA = path.join(ROOT, 'schemas/srm.schema.json');
const YAML_LS = path.join(ROOT, '.tools/bench/node_modules/yaml-language-server');
/** yaml-language-server waits this long after a change before it validates (yamlSettings.validationDelayMs; not a setting). */
const YAML_LS_DEBOUNCE_MS = 200;
const ENGINE_TARGET = 1.5;
const DISCOVERY_TARGET = 1.5;
const DISCOVERY_FILES = 2000;

interface Options {
  readonly quick: boolean;
  readonly profile: boolean;
  readonly baseline: boolean;
  readonly sizes: readonly number[];
  readonly onlyDiscovery: boolean;
  readonly runs: number;
  /** Declarations in the generated workspace of the scale rows; 0 = none. */
  readonly scaleFiles: number;
  readonly onlyLsp: boolean;
  readonly onlyFeatures: boolean;
}

function options(argv: readonly string[]): Options {
  const sizes = argv.find((a) => a.startsWith('--sizes='));
  return {
    quick: argv.includes('--quick'),
    profile: argv.includes('--profile'),
    baseline: !argv.includes('--no-baseline'),
    sizes: sizes ? sizes.slice('--sizes='.length).split(',').map(Number).filter((n) => n > 0) : [1, 50, 500, 3000],
    onlyDiscovery: argv.includes('--only-discovery'),
    runs: Math.max(1, Number(argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 1) || 1),
    scaleFiles: argv.includes('--no-scale') ? 0 : Number(argv.find((a) => a.startsWith('--scale-files='))?.slice('--scale-files='.length) ?? 10_000) || 0,
    onlyLsp: argv.includes('--only-lsp'),
    onlyFeatures: argv.includes('--only-features'),
  };
}

const SRM: ServerSpec = srmServer(path.join(ROOT, 'dist/server.js'));

function yamlLs(schemaUri: string): ServerSpec {
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    schemas: { [schemaUri]: ['*.srm.yaml', '*.srm.yml'] },
    // No network: no SchemaStore catalogue, no Kubernetes CRD store.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    format: { enable: false },
  };
  return {
    name: 'yaml-language-server',
    args: [path.join(YAML_LS, 'bin/yaml-language-server'), '--stdio'],
    languageId: 'yaml',
    configuration: (item: ConfigurationItem) => {
      switch (item.section) {
        case 'yaml':
          return yaml;
        case 'http':
          return { proxy: '', proxyStrictSSL: false };
        default:
          return {};
      }
    },
  };
}

function lspPlan(workloads: number, quick: boolean, nodeFlags: readonly string[] = []): LspPlan {
  // yaml-language-server needs 2-5 s per edit on the largest file: its count there sets most of the run's length.
  const big = workloads >= 3000;
  const edits = quick
    ? big
      ? { max: 20, min: 10, ms: 2_500 }
      : { max: 40, min: 20, ms: 2_500 }
    : big
      ? { max: 60, min: 20, ms: 12_000 }
      : workloads >= 500
        ? { max: 100, min: 30, ms: 10_000 }
        : { max: 200, min: 40, ms: 8_000 };
  const requests = quick ? { max: 30, min: 20, ms: 1_500 } : { max: 100, min: 30, ms: 3_000 };
  return { edits, requests, gapMs: 10, warmupEdits: big ? 2 : 4, nodeFlags };
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function installBaseline(): string | undefined {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/bench/install-baseline.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) return 'scripts/bench/install-baseline.sh failed (see above)';
  if (!existsSync(SCHEMA)) {
    const generator = path.join(ROOT, 'out/scripts/generate-schema.js');
    if (existsSync(generator)) spawnSync(process.execPath, [generator], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (!existsSync(SCHEMA)) return `${path.relative(ROOT, SCHEMA)} is missing (npm run schema)`;
  }
  return undefined;
}

function runEngine(sizes: readonly number[], quick: boolean, extraFlags: readonly string[] = [], only = false): EngineResult[] {
  const out = path.join(OUT_DIR, 'engine.json');
  const args = [...extraFlags, path.join(__dirname, 'engine-worker.js'), out, sizes.join(','), ...(quick ? ['--quick'] : []), ...(only ? ['--only-check'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`the engine benchmark failed (exit ${r.status})`);
  return only ? [] : (JSON.parse(readFileSync(out, 'utf8')) as EngineResult[]);
}

function runDiscovery(quick: boolean): DiscoveryResult {
  const out = path.join(OUT_DIR, 'discovery.json');
  const dir = path.join(WORK_DIR, 'terraform');
  const args = [path.join(__dirname, 'discovery-worker.js'), out, dir, String(DISCOVERY_FILES), ...(quick ? ['--quick'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`the discovery benchmark failed (exit ${r.status})`);
  return JSON.parse(readFileSync(out, 'utf8')) as DiscoveryResult;
}

function discoverySection(r: DiscoveryResult): { text: string; target: string[] } {
  const met = r.cpuRatioMedian <= DISCOVERY_TARGET;
  const text = [
    '## Discovery: srm discover vs. parsing the same Terraform alone',
    '',
    `A generated repository of ${r.files} \`.tf\` files (${(r.bytes / 1024).toFixed(0)} KiB; folders of 20 that call the next as a local module, ` +
      'EC2 instances, Lambda functions, ECS services and buckets beside IAM roles and security groups, with count, dynamic blocks and heredocs). Discovery = walk, read, parse with web-tree-sitter, read the ' +
      'resources, follow the modules, resolve the claims; parse alone = read and parse each file with the same parser and free the tree. Measured back to back ' +
      'in one process, alternating which goes first. The target is judged on process CPU time (a shared machine makes wall time wait for a CPU); wall time beside it.',
    '',
    table(
      ['files', 'resources', 'undeclared', 'parse ms', 'discover ms', 'discover/parse (wall)', 'discover/parse (CPU)', 'samples'],
      [[String(r.files), String(r.resources), String(r.undeclared), ms(r.parseMedian), ms(r.discoverMedian), ratio(r.ratioMedian), ratio(r.cpuRatioMedian), String(r.samples)]],
    ),
    '',
    `Target discover/parse ≤ ${DISCOVERY_TARGET}: **${met ? 'met' : 'NOT met'}** (CPU ${ratio(r.cpuRatioMedian)}, pairs ${ratio(Math.min(...r.cpuRatios))}–${ratio(Math.max(...r.cpuRatios))}; ` +
      `wall ${ratio(r.ratioMedian)}, pairs ${ratio(Math.min(...r.ratios))}–${ratio(Math.max(...r.ratios))}).`,
  ].join('\n');
  return {
    text,
    target: [`discover/parse ≤ ${DISCOVERY_TARGET}, ${r.files} .tf files`, `${ratio(r.cpuRatioMedian)} by CPU time (wall ${ratio(r.ratioMedian)})`, met ? 'met' : '**NOT met**'],
  };
}

/** Each file in a folder of its own, the server's workspace: its background scan then reads only that file, not the other sizes. */
function writeFiles(sizes: readonly number[]): Map<number, { uri: string; rootUri: string; file: ReturnType<typeof generateFile> }> {
  const files = new Map<number, { uri: string; rootUri: string; file: ReturnType<typeof generateFile> }>();
  for (const n of sizes) {
    const file = generateFile(n);
    const dir = path.join(WORK_DIR, `size-${n}`);
    mkdirSync(dir, { recursive: true });
    const p = path.join(dir, `bench-${n}.srm.yaml`);
    writeFileSync(p, file.text);
    files.set(n, { uri: pathToFileURL(p).href, rootUri: pathToFileURL(dir).href, file });
  }
  return files;
}

function machine(quick: boolean): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}, load average ${load}${quick ? ', --quick' : ''}, ${new Date().toISOString()}`;
}

function engineSection(results: readonly EngineResult[]): { text: string; met?: boolean } {
  const rows = results.map((r) => [
    String(r.workloads),
    (r.bytes / 1024).toFixed(0),
    String(r.lines),
    String(r.diagnostics),
    ms(r.parseMedian),
    ms(r.checkMedian),
    ratio(r.ratioMedian),
    ratio(r.cpuRatioMedian),
    `${r.samples}${r.reps > 1 ? ` × ${r.reps}` : ''}`,
    ms(r.recheckMedian),
    ms(percentile(r.recheckMs, 95)),
    ratio(r.recheckMedian / r.parseMedian),
  ]);
  const big = results.find((r) => r.workloads === 3000);
  const met = big ? big.ratioMedian <= ENGINE_TARGET : undefined;
  const text = [
    '## Engine: full check vs. parse',
    '',
    'Fresh `checkText` (no cache) beside `yaml.parseAllDocuments` of the same text, measured back to back in one process; ' +
      'ratio = median over samples of check/parse (each pair measured together; the target is judged on it); CPU check/parse = the same ' +
      'pairs by the process\'s CPU time, which a busy machine disturbs less. Absolute ms are medians, for reference. ' +
      'Re-check: one `Checker` kept across one-character edits in the middle document (what the language server does per keystroke), ' +
      'for reference beside the full parse.',
    '',
    table(['workloads', 'KiB', 'lines', 'diagnostics', 'parse ms', 'check ms', 'check/parse', 'CPU check/parse', 'samples', 're-check p50 ms', 're-check p95 ms', 're-check/parse'], rows),
    '',
    big
      ? `Target check/parse ≤ ${ENGINE_TARGET} on the 3000-workload file: **${met ? 'met' : 'NOT met'}** (${ratio(big.ratioMedian)}; ` +
        `by CPU time ${ratio(big.cpuRatioMedian)}; the pairs ranged ${ratio(Math.min(...big.ratios))}–${ratio(Math.max(...big.ratios))}).`
      : '',
  ].join('\n');
  return { text, met };
}

type Pair = ServerPair;

const p50 = (xs: readonly number[]) => percentile(xs, 50);
const p95 = (xs: readonly number[]) => percentile(xs, 95);

/** `parseMs`: the engine's median full parse of each size's file in this run, for cold open as a ratio to it. */
function lspSections(pairs: readonly Pair[], parseMs: ReadonlyMap<number, number>, baselineNote?: string): { text: string; targets: string[][] } {
  const hasBase = pairs.some((p) => p.base);
  const vs = (ours: number, theirs: number | undefined) => (theirs === undefined ? 'n/a' : ratio(ours / theirs));
  const edits = table(
    ['workloads', 'edits', 'srm p50', 'srm p95', 'yaml-ls p50', 'yaml-ls p95', `yaml-ls p95 − ${YAML_LS_DEBOUNCE_MS} ms debounce`, 'p50 srm/yaml-ls', 'p95 srm/yaml-ls'],
    pairs.map(({ workloads, srm, base }) => [
      String(workloads),
      `${srm.editMs.length}${base ? ` / ${base.editMs.length}` : ''}`,
      ms(p50(srm.editMs)),
      ms(p95(srm.editMs)),
      base ? ms(p50(base.editMs)) : 'n/a',
      base ? ms(p95(base.editMs)) : 'n/a',
      base ? ms(p95(base.editMs) - YAML_LS_DEBOUNCE_MS) : 'n/a',
      vs(p50(srm.editMs), base && p50(base.editMs)),
      vs(p95(srm.editMs), base && p95(base.editMs)),
    ]),
  );
  const pq = (xs: readonly number[]) => `${ms(p50(xs))} / ${ms(p95(xs))}`;
  const cpu = table(
    ['workloads', 'srm wall', 'srm CPU', 'srm waited', 'yaml-ls wall', 'yaml-ls CPU', 'yaml-ls waited', 'CPU p50 srm/yaml-ls'],
    pairs.map(({ workloads, srm, base }) => [
      String(workloads),
      pq(srm.editMs),
      pq(srm.editCpuMs),
      pq(srm.editWaitMs),
      base ? pq(base.editMs) : 'n/a',
      base ? pq(base.editCpuMs) : 'n/a',
      base ? pq(base.editWaitMs) : 'n/a',
      vs(p50(srm.editCpuMs), base && p50(base.editCpuMs)),
    ]),
  );
  const requests = table(
    ['workloads', 'hover srm p50', 'p95', 'hover yaml-ls p50', 'p95', 'p95 srm/yaml-ls', 'action srm p50', 'p95', 'action yaml-ls p50', 'p95', 'p95 srm/yaml-ls'],
    pairs.map(({ workloads, srm, base }) => [
      String(workloads),
      ms(p50(srm.hoverMs)),
      ms(p95(srm.hoverMs)),
      base ? ms(p50(base.hoverMs)) : 'n/a',
      base ? ms(p95(base.hoverMs)) : 'n/a',
      vs(p95(srm.hoverMs), base && p95(base.hoverMs)),
      ms(p50(srm.actionMs)),
      ms(p95(srm.actionMs)),
      base ? ms(p50(base.actionMs)) : 'n/a',
      base ? ms(p95(base.actionMs)) : 'n/a',
      vs(p95(srm.actionMs), base && p95(base.actionMs)),
    ]),
  );
  const startup = table(
    ['workloads', 'srm spawn→diags ms', 'parse ms', 'srm spawn→diags/parse', 'yaml-ls spawn→diags ms', 'srm/yaml-ls', 'srm peak RSS MiB', 'yaml-ls peak RSS MiB', 'srm/yaml-ls', 'diags at open srm / yaml-ls', 'publish KiB srm / yaml-ls', 'hover content srm / yaml-ls', 'actions offered srm / yaml-ls'],
    pairs.map(({ workloads, srm, base }) => [
      String(workloads),
      ms(srm.firstDiagnosticsMs),
      parseMs.has(workloads) ? ms(parseMs.get(workloads)!) : 'n/a',
      parseMs.has(workloads) ? ratio(srm.firstDiagnosticsMs / parseMs.get(workloads)!) : 'n/a',
      base ? ms(base.firstDiagnosticsMs) : 'n/a',
      vs(srm.firstDiagnosticsMs, base?.firstDiagnosticsMs),
      mib(srm.peakRss),
      base ? mib(base.peakRss) : 'n/a',
      vs(srm.peakRss, base?.peakRss),
      `${srm.diagnosticsAtOpen} / ${base ? base.diagnosticsAtOpen : 'n/a'}`,
      `${(srm.publishBytes / 1024).toFixed(0)} / ${base ? (base.publishBytes / 1024).toFixed(0) : 'n/a'}`,
      `${srm.hoverHasContent ? 'yes' : 'no'} / ${base ? (base.hoverHasContent ? 'yes' : 'no') : 'n/a'}`,
      `${srm.actionsOffered} / ${base ? base.actionsOffered : 'n/a'}`,
    ]),
  );
  const targets: string[][] = [];
  if (hasBase) {
    for (const { workloads, srm, base } of pairs) {
      if (!base) continue;
      const ours = p95(srm.editMs);
      const theirs = p95(base.editMs);
      const net = theirs - YAML_LS_DEBOUNCE_MS;
      targets.push([
        `p95 edit→diagnostics faster than yaml-language-server, ${workloads} workloads`,
        `${ms(ours)} vs ${ms(theirs)} ms (${ratio(ours / theirs)}); vs ${ms(net)} ms net of its debounce (${ratio(ours / net)})`,
        ours < theirs ? (ours < net ? 'met' : 'met (not net of the debounce)') : '**NOT met**',
      ]);
    }
  }
  const text = [
    '## Language server: edit → diagnostics',
    '',
    'A one-character edit (incremental didChange) in the middle document, alternately inserted and deleted, timed to the ' +
      'publishDiagnostics of that version, after a few untimed edits; edits = timed edits srm / yaml-ls. One fresh server process per file. yaml-language-server validates ' +
      `${YAML_LS_DEBOUNCE_MS} ms after the last change (a fixed debounce, not a setting); the column net of it is its work alone.`,
    '',
    edits,
    '',
    '## Language server: an edit\'s time in the server process (ms, p50 / p95)',
    '',
    'Per timed edit, from /proc/PID/task/*/schedstat of the server: CPU = time all its threads ran (JS, GC helpers, I/O); ' +
      'waited = time its main thread was runnable but got no CPU (the noise of a shared 2-core machine, which our own client ' +
      'decoding the diagnostics also adds to). Wall = the latency above.',
    '',
    cpu,
    '',
    '## Language server: hover and code actions (ms)',
    '',
    'Hover on a shared layer key; quick fixes on the `layers:` key that reports a missing entry; the file checked and idle.',
    '',
    requests,
    '',
    '## Language server: start-up and memory',
    '',
    'Spawn → first publishDiagnostics (didOpen sent right after `initialized`), also as a ratio to the engine table\'s parse of the same file in this run ' +
      '(`yaml.parseAllDocuments`, another process: the floor a first publish cannot beat); peak RSS = VmHWM of the server process at the end; ' +
      'publish KiB = one publishDiagnostics as JSON (sent on every edit). The last three columns are sanity checks that both servers really did the work.',
    '',
    startup,
    ...(baselineNote ? ['', `Baseline: ${baselineNote}`] : []),
  ].join('\n');
  return { text, targets };
}

function profileSection(title: string, s: ProfileSummary): string {
  const rows = (xs: ProfileSummary['self']) => xs.map((r) => [r.name, r.where, r.percent.toFixed(1), ms(r.ms)]);
  return [
    `### ${title} (${ms(s.busyMs)} ms busy)`,
    '',
    'Self time:',
    '',
    table(['function', 'where', '%', 'ms'], rows(s.self), ['l', 'l', 'r', 'r']),
    '',
    'Inclusive time:',
    '',
    table(['function', 'where', '%', 'ms'], rows(s.inclusive), ['l', 'l', 'r', 'r']),
    '',
    'Self time by file:',
    '',
    table(['file', '%', 'ms'], s.files.map((r) => [r.name, r.percent.toFixed(1), ms(r.ms)]), ['l', 'r', 'r']),
  ].join('\n');
}

function newestProfile(dir: string): string | undefined {
  const all = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  return all.length ? path.join(dir, all.sort().at(-1)!) : undefined;
}

/** A bundle of the server of its own, unminified, so that neither a rebuild meanwhile nor `--minify` can make its profile lie. */
async function profileBuild(dir: string): Promise<ServerSpec> {
  const outfile = path.join(dir, 'server.js');
  await build({ entryPoints: [path.join(ROOT, 'server/src/lsp/main.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' });
  return srmServer(outfile);
}

async function profile(opts: Options): Promise<void> {
  const sizes = opts.sizes.length === 4 ? [3000] : opts.sizes;
  const dir = path.join(OUT_DIR, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const parts = [`# Profiles`, '', machine(opts.quick), ''];

  const engineDir = path.join(dir, 'engine');
  log(`profiling checkText on the ${Math.max(...sizes)}-workload file`);
  runEngine([Math.max(...sizes)], opts.quick, [`--cpu-prof`, `--cpu-prof-dir=${engineDir}`], true);
  const engineProfile = newestProfile(engineDir);
  if (engineProfile) parts.push(profileSection(`Engine: checkText × ${opts.quick ? 5 : 15}, ${Math.max(...sizes)} workloads`, summariseProfile(engineProfile, ROOT)), '');

  const server = await profileBuild(dir);
  const files = writeFiles(sizes);
  for (const n of sizes) {
    const serverDir = path.join(dir, `server-${n}`);
    log(`profiling the language server on the ${n}-workload file`);
    const { uri, rootUri, file } = files.get(n)!;
    const result = await benchServer(server, file, uri, rootUri, lspPlan(n, opts.quick, [`--cpu-prof`, `--cpu-prof-dir=${serverDir}`]));
    const serverProfile = newestProfile(serverDir);
    parts.push(`Edit→diagnostics while profiled: p50 ${ms(p50(result.editMs))} ms, p95 ${ms(p95(result.editMs))} ms (${result.editMs.length} edits).`, '');
    if (serverProfile) {
      parts.push(profileSection(`Language server, the timed edits only (didChange → publishDiagnostics), ${n} workloads`, summariseProfile(serverProfile, ROOT, 20, result.editWindowUs)), '');
    }
  }
  const text = parts.join('\n');
  process.stdout.write(`${text}\n`);
  writeFileSync(path.join(OUT_DIR, 'profile.md'), `${text}\n`);
  log(`profiles in ${path.relative(ROOT, dir)}/, summary in ${path.relative(ROOT, path.join(OUT_DIR, 'profile.md'))}`);
}

interface Baseline {
  readonly spec?: ServerSpec;
  readonly version?: string;
  problem?: string;
}

interface Run {
  readonly md: string;
  readonly targets: readonly TargetRow[];
  readonly samples: unknown;
}

/** One whole measurement: every section, its tables on stdout as they come, and its targets. */
async function measure(opts: Options, baseline: Baseline, header: string): Promise<Run> {
  const started = Date.now();
  const full = !opts.onlyLsp && !opts.onlyFeatures;
  let engine: EngineResult[] = [];
  let engineText: { text: string; met?: boolean } | undefined;
  if (full) {
    log(`engine: sizes ${opts.sizes.join(', ')}`);
    engine = runEngine(opts.sizes, opts.quick);
    engineText = engineSection(engine);
    process.stdout.write(`${engineText.text}\n\n`);
  }

  let discovery: ReturnType<typeof discoverySection> | undefined;
  let iacEdit: Awaited<ReturnType<typeof benchIacEdit>> | undefined;
  let iacEditText = '';
  if (full) {
    log(`discovery: ${DISCOVERY_FILES} .tf files`);
    discovery = discoverySection(runDiscovery(opts.quick));
    process.stdout.write(`${discovery.text}\n\n`);
    log('language server: edits of an open Terraform file');
    iacEdit = await benchIacEdit(opts.quick ? 60 : 200);
    iacEditText = `Terraform edit → diagnostics (examples/terraform/main.tf, ${iacEdit.edits} edits): first publish ${ms(iacEdit.firstMs)} ms, p50 ${ms(iacEdit.p50Ms)} ms, p95 ${ms(iacEdit.p95Ms)} ms; target p95 ≤ 20 ms: **${iacEdit.p95Ms <= 20 ? 'met' : 'missed'}**.`;
    process.stdout.write(`${iacEditText}\n\n`);
  }

  const files = writeFiles(opts.sizes);
  const pairs: Pair[] = [];
  for (const [i, n] of opts.onlyFeatures ? [] : opts.sizes.entries()) {
    const { uri, rootUri, file } = files.get(n)!;
    const plan = lspPlan(n, opts.quick);
    // Alternate which server goes first, so that neither always meets the same moment of the machine's load.
    const order = i % 2 === 0 ? ['srm', 'base'] : ['base', 'srm'];
    let srm: LspResult | undefined;
    let baseResult: LspResult | undefined;
    for (const which of order) {
      if (which === 'srm') {
        log(`language server: srm, ${n} workloads`);
        srm = await benchServer(SRM, file, uri, rootUri, plan);
      } else if (baseline.spec && !baseline.problem) {
        log(`language server: yaml-language-server ${baseline.version}, ${n} workloads`);
        try {
          baseResult = await benchServer(baseline.spec, file, uri, rootUri, plan);
        } catch (err) {
          baseline.problem = `failed on the ${n}-workload file: ${(err as Error).message}`;
          log(baseline.problem);
        }
      }
    }
    pairs.push({ workloads: n, srm: srm!, ...(baseResult ? { base: baseResult } : {}) });
  }
  const note = baseline.version
    ? `yaml-language-server ${baseline.version} with schemas/srm.schema.json mapped to *.srm.yaml (yaml.validate on, SchemaStore off)${baseline.problem ? `; ${baseline.problem}` : ''}.`
    : baseline.problem;
  const lsp = opts.onlyFeatures ? { text: '', targets: [] } : lspSections(pairs, new Map(engine.map((r) => [r.workloads, r.parseMedian])), note);
  process.stdout.write(`${lsp.text}\n\n`);

  const featureRuns: FeatureRun[] = [];
  for (const n of full || opts.onlyFeatures ? opts.sizes.filter((size) => size === 50 || size === 3000) : []) {
    featureRuns.push(await benchFeatures(SRM, files.get(n)!.file, WORK_DIR, lspPlan(n, opts.quick), log));
  }
  const features = featureRuns.length > 0 ? featuresSection(featureRuns) : undefined;
  if (features) process.stdout.write(`${features.text}\n\n`);

  const scale: string[] = [];
  const scaleTargets: TargetRow[] = [];
  if (full && opts.scaleFiles > 0) {
    log(`workspace: overview and report on ${opts.scaleFiles} declarations`);
    const workspace = await benchWorkspaceScale(opts.scaleFiles);
    scale.push(workspace.text);
    scaleTargets.push(...workspace.targets.map((t) => ({ ...fromTriple(t), floor: 'read + parse, same run', target: '' })));
    log(`CLI: srm check and srm report on ${opts.scaleFiles} declarations`);
    const cli = benchCliScale(opts.scaleFiles, opts.quick ? 1 : 3);
    scale.push(
      [`## The CLI on ${opts.scaleFiles} declarations`, '', table(['measure', 'wall', 'wall vs baseline', 'CPU', 'CPU vs baseline', 'peak RSS'], cli.rows), ''].join('\n'),
    );
    scaleTargets.push(...cli.targets.map((t) => ({ ...fromTriple(t), floor: 'read + parse, same run', target: '' })));
    log(`report page: one file's patch on ${opts.scaleFiles} rows, in Chromium`);
    const page = await benchReportPage(opts.scaleFiles, opts.quick ? 3 : 7);
    scale.push([`## Report page: one file's patch vs the whole report (Chromium)`, '', table(['measure', 'ms', 'vs baseline'], page.rows, ['l', 'r', 'r']), ''].join('\n'));
    scaleTargets.push({ ...fromTriple(page.target), floor: 'the whole report drawn, same run', target: '' });
    process.stdout.write(`${scale.join('\n')}\n`);
  }

  const targets: TargetRow[] = [...serverTargets(engine, pairs)];
  if (engineText?.met !== undefined) {
    const big = engine.find((r) => r.workloads === 3000)!;
    targets.push({
      measure: 'engine full check / parse, 3,000 workloads',
      now: `${ratio(big.ratioMedian)} (by CPU ${ratio(big.cpuRatioMedian)}; pairs ${ratio(Math.min(...big.ratios))}–${ratio(Math.max(...big.ratios))})`,
      floor: `parse ${ms(big.parseMedian)} ms`,
      target: `≤ ${ENGINE_TARGET}×`,
      met: engineText.met,
    });
  }
  if (discovery) targets.push({ ...fromTriple(discovery.target), target: `≤ ${DISCOVERY_TARGET}× by CPU`, floor: 'parsing the same files alone' });
  if (iacEdit) {
    targets.push({
      measure: 'Terraform edit → diagnostics p95',
      now: `${ms(iacEdit.p95Ms)} ms (p50 ${ms(iacEdit.p50Ms)})`,
      floor: '',
      target: '≤ 20 ms',
      met: iacEdit.p95Ms <= 20,
    });
  }
  targets.push(...lsp.targets.map((t) => ({ ...fromTriple(t), floor: 'yaml-ls, same run', target: 'faster' })));
  targets.push(...(features?.targets ?? []).map((t) => ({ ...fromTriple(t), floor: 'the same server, feature off', target: '≤ 1.10×' })));
  targets.push(...scaleTargets);

  const targetText = ['## Targets', '', targetTable(targets)].join('\n');
  const footer = `Run time: ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}. Samples per size: engine median of N, LSP p50/p95 over the counts shown.`;
  process.stdout.write(`${targetText}\n\n${footer}\n`);
  const md = ['# Benchmark results', '', header, '', ...(engineText ? [engineText.text, ''] : []), ...(discovery ? [discovery.text, ''] : []), ...(iacEditText ? [iacEditText, ''] : []), lsp.text, '', ...(features ? [features.text, ''] : []), ...scale, targetText, '', footer, ''].join('\n');
  return { md, targets, samples: { header, engine, lsp: pairs, features: featureRuns.map((r) => ({ ...r, on: Object.fromEntries(r.on) })) } };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  mkdirSync(OUT_DIR, { recursive: true });
  if (opts.profile) return profile(opts);
  const header = machine(opts.quick);
  if (opts.onlyDiscovery) {
    log(`discovery: ${DISCOVERY_FILES} .tf files`);
    const only = discoverySection(runDiscovery(opts.quick));
    const md = ['# Benchmark results', '', header, '', only.text, ''].join('\n');
    process.stdout.write(`${only.text}\n`);
    writeFileSync(path.join(OUT_DIR, 'discovery.md'), md);
    return;
  }

  const problem = opts.baseline ? installBaseline() : 'skipped (--no-baseline)';
  if (problem) log(`no baseline: ${problem}`);
  const baseline: Baseline = problem
    ? { problem }
    : { spec: yamlLs(pathToFileURL(SCHEMA).href), version: (JSON.parse(readFileSync(path.join(YAML_LS, 'package.json'), 'utf8')) as { version: string }).version };

  const started = Date.now();
  const runs: Run[] = [];
  for (let i = 1; i <= opts.runs; i++) {
    if (opts.runs > 1) log(`run ${i} of ${opts.runs}`);
    const run = await measure(opts, baseline, opts.runs > 1 ? `${machine(opts.quick)}, run ${i} of ${opts.runs}` : header);
    runs.push(run);
    const suffix = opts.runs > 1 ? `-run${i}` : '';
    writeFileSync(path.join(OUT_DIR, `results${suffix}.md`), run.md);
    writeFileSync(path.join(OUT_DIR, `samples${suffix}.json`), JSON.stringify(run.samples, null, 1));
  }
  if (opts.runs > 1) {
    const tally = [
      `# Targets over ${opts.runs} consecutive runs`,
      '',
      `${header}; whole series ${((Date.now() - started) / 1000).toFixed(0)} s, load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
      '',
      tallyTable(runs.map((r) => r.targets)),
      '',
    ].join('\n');
    process.stdout.write(`\n${tally}`);
    writeFileSync(path.join(OUT_DIR, 'targets.md'), tally);
  }
  log(`written ${path.relative(ROOT, OUT_DIR)}/results${opts.runs > 1 ? '-run*.md and targets.md' : '.md'}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
