/**
 * `srm check` and `srm report` on a generated tree of declaration files (issues 12 and 9), against the floor:
 * reading and parsing the same files (yaml) in a process of its own.
 *
 *   node out/scripts/bench/cli-scale.js [--files=10000] [--samples=3] [--threshold]
 *
 * Every measure is a whole process, as a user runs it (dist/cli.js, built first): wall time from spawn to
 * exit, and the process's CPU time (every thread, read at exit by a small preload). Each round runs every
 * measure once, in an order rotated per round, so a burst of load on the shared machine falls on different
 * measures; ratios are taken within a round, to that round's baseline, then the median over rounds.
 * `--threshold` instead times `srm check --jobs 1` against `--jobs 2` on trees of growing size: the size
 * from which two threads win is where `srm check` starts them by itself (server/src/cli/threads.ts).
 * Measurements, never assertions: the targets are printed beside the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { defaultJobs } from '../../server/src/cli/threads';
import { walkFiles } from '../../server/src/io/walk';
import { generateFile } from './generate';
import { median, ms, ratio, table } from './stats';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const OUT_DIR = path.join(ROOT, '.artifacts/bench');
const REPORT_TARGET = 1.5;

/** Loaded with `node -r` into every measured process: its CPU time (all threads) and wall time at exit, to a file. */
const USAGE_PRELOAD = `
const { writeFileSync } = require('node:fs');
const out = process.env.SRM_BENCH_USAGE;
if (out && require('node:worker_threads').isMainThread) process.on('exit', () => {
  const cpu = process.cpuUsage();
  writeFileSync(out, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakRssKiB: process.resourceUsage().maxRSS }));
});
`;

export interface Measure {
  readonly name: string;
  /** Arguments after `node`: a script and its arguments. */
  readonly args: readonly string[];
  /** The exit codes that mean it ran (srm check exits 1 on the generated gaps). */
  readonly ok: readonly number[];
}

export interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssKiB: number;
}

/** `files` declarations, 100 per folder, each one generated workload (varied owners, models and gaps). */
export function generateTree(dir: string, files: number): void {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, `team-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `workload-${i}.srm.yaml`), generateFile(1, i + 1).text.replace(/^workload: .*$/m, `workload: bench-${i}`));
  }
}

/** The baseline's own work, in its process: find the declarations below `dir` as srm does, read and parse each. */
function readAndParse(dir: string): void {
  let documents = 0;
  for (const file of walkFiles(dir, (rel) => /\.srm\.ya?ml$/i.test(rel))) documents += parseAllDocuments(readFileSync(file, 'utf8')).length;
  if (documents === 0) throw new Error(`nothing parsed below ${dir}`);
}

function run(measure: Measure, cwd: string, preload: string, usageFile: string): Sample {
  rmSync(usageFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', preload, ...measure.args], { cwd, env: { ...process.env, SRM_BENCH_USAGE: usageFile }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  if (r.error) throw r.error;
  if (!measure.ok.includes(r.status ?? -1)) throw new Error(`${measure.name}: exit ${r.status}\n${String(r.stderr)}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Omit<Sample, 'wallMs'>;
  return { wallMs, ...usage };
}

/** Every measure `samples` times, the order rotated each round; the first measure is the baseline of its round. */
export function measureRounds(measures: readonly Measure[], cwd: string, samples: number, work: string): Sample[][] {
  const preload = path.join(work, 'usage-preload.js');
  writeFileSync(preload, USAGE_PRELOAD);
  const out = measures.map((): Sample[] => []);
  for (let round = 0; round < samples; round++) {
    for (let k = 0; k < measures.length; k++) {
      const m = (k + round) % measures.length;
      out[m]!.push(run(measures[m]!, cwd, preload, path.join(work, 'usage.json')));
    }
  }
  return out;
}

const srmMeasure = (name: string, args: readonly string[], ok: readonly number[]): Measure => ({ name, args: [CLI, ...args], ok });

export interface CliScaleResult {
  readonly rows: string[][];
  /** `[target, measured, 'met' | '**NOT met**']`, as main.ts lists them. */
  readonly targets: string[][];
}

export function benchCliScale(files: number, samples: number): CliScaleResult {
  const work = mkdtempSync(path.join(os.tmpdir(), 'srm-bench-cli-'));
  const tree = path.join(work, 'tree');
  generateTree(tree, files);
  try {
    const measures: Measure[] = [
      { name: 'baseline: read + parse every file (yaml), its own process', args: [__filename, `--read-parse=${tree}`], ok: [0] },
      srmMeasure('srm check --format json --jobs 1', ['check', '--format', 'json', '--jobs', '1'], [0, 1]),
      srmMeasure('srm check --format json --jobs 2', ['check', '--format', 'json', '--jobs', '2'], [0, 1]),
      srmMeasure('srm report --format json --jobs 1', ['report', '--format', 'json', '--jobs', '1'], [0]),
      srmMeasure('srm report --format json (default --jobs)', ['report', '--format', 'json'], [0]),
    ];
    const results = measureRounds(measures, tree, samples, work);
    const base = results[0]!;
    const wallRatio = (s: readonly Sample[]) => median(s.map((x, i) => x.wallMs / base[i]!.wallMs));
    const cpuRatio = (s: readonly Sample[]) => median(s.map((x, i) => x.cpuMs / base[i]!.cpuMs));
    const rows = measures.map((m, i) => {
      const s = results[i]!;
      return [m.name, ms(median(s.map((x) => x.wallMs))), ratio(wallRatio(s)), ms(median(s.map((x) => x.cpuMs))), ratio(cpuRatio(s)), `${Math.round(median(s.map((x) => x.peakRssKiB)) / 1024)} MiB`];
    });
    const reportDefault = results[4]!;
    const wall = wallRatio(reportDefault);
    const cpu = cpuRatio(reportDefault);
    const targets = [
      [`srm report ≤ ${REPORT_TARGET} × read+parse, ${files} files (wall, default --jobs: ${defaultJobs() >= 2 ? `${defaultJobs()} threads` : 'one thread here'})`, `${ratio(wall)} (CPU ${ratio(cpu)})`, wall <= REPORT_TARGET ? 'met' : '**NOT met**'],
      [`srm check --jobs 2 faster than --jobs 1, ${files} files (wall)`, `${ratio(wallRatio(results[2]!) / wallRatio(results[1]!))} of --jobs 1`, wallRatio(results[2]!) < wallRatio(results[1]!) ? 'met' : '**NOT met**'],
    ];
    return { rows, targets };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `srm check --jobs 1` against `--jobs 2` on growing trees: where two threads start to pay. */
export function benchThreshold(sizes: readonly number[], samples: number): string[][] {
  const work = mkdtempSync(path.join(os.tmpdir(), 'srm-bench-cli-threshold-'));
  const rows: string[][] = [];
  try {
    for (const size of sizes) {
      const tree = path.join(work, 'tree');
      generateTree(tree, size);
      const [one, two] = measureRounds([srmMeasure('--jobs 1', ['check', '--format', 'json', '--jobs', '1'], [0, 1]), srmMeasure('--jobs 2', ['check', '--format', 'json', '--jobs', '2'], [0, 1])], tree, samples, work);
      const wall = median(two!.map((x, i) => x.wallMs / one![i]!.wallMs));
      const cpu = median(two!.map((x, i) => x.cpuMs / one![i]!.cpuMs));
      rows.push([String(size), ms(median(one!.map((x) => x.wallMs))), ms(median(two!.map((x) => x.wallMs))), ratio(wall), ratio(cpu)]);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function main(): void {
  const readParse = option('read-parse');
  if (readParse !== undefined) return void readAndParse(readParse);
  const samples = Number(option('samples') ?? 3);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  let md: string;
  if (process.argv.includes('--threshold')) {
    const rows = benchThreshold([100, 200, 400, 800, 1600, 3200], samples);
    md = `## srm check: one thread or two, by tree size\n\nLoad average before: ${load}; ${os.availableParallelism()} processors; ${samples} rounds, alternating order.\n\n${table(['files', '--jobs 1 wall', '--jobs 2 wall', 'wall 2/1', 'CPU 2/1'], rows, ['r', 'r', 'r', 'r', 'r'])}\n`;
  } else {
    const files = Number(option('files') ?? 10_000);
    const { rows, targets } = benchCliScale(files, samples);
    md = [
      `## The CLI on ${files} declaration files`,
      '',
      `Load average before: ${load}; ${os.availableParallelism()} processors; ${samples} rounds, order rotated each round; ratios to the baseline of the same round, median over rounds.`,
      '',
      table(['measure', 'wall', 'wall vs baseline', 'CPU', 'CPU vs baseline', 'peak RSS'], rows, ['l', 'r', 'r', 'r', 'r', 'r']),
      '',
      table(['target', 'measured', 'status'], targets, ['l', 'l', 'l']),
      `\nLoad average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      '',
    ].join('\n');
  }
  process.stdout.write(`${md}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, process.argv.includes('--threshold') ? 'cli-threshold.md' : 'cli-scale.md'), md);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
