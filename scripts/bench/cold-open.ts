/**
 * Cold open, measured alone: spawn the language server, open one generated
 * file, wait for its first diagnostics; beside it, in this process, the full
 * parse of the same text (`yaml.parseAllDocuments`) and a fresh `checkText`.
 * Reports wall time and the server's CPU time (all its threads) at the first
 * publish, each as a ratio to the parse, so a loaded machine disturbs it less.
 *
 *   node out/scripts/bench/cold-open.js [--sizes=3000] [--runs=5] [--server=dist/server.js] [--cpu-prof-dir=DIR] [--node-flags='--flag ...']
 *
 * With --cpu-prof-dir the server runs with --cpu-prof (write its profile there); summarise it with profile.ts.
 * `benchColdOpen` returns the rows and a target row for main.ts to print.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { checkText } from '../../server/src/core';
import { generateFile } from './generate';
import { LspSession, srmServer } from './lsp-client';
import { median, ms, ratio, table } from './stats';

const ROOT = path.resolve(__dirname, '../../..');
const COLD_OPEN_TARGET = 1.3;

export interface ColdOpenRun {
  readonly workloads: number;
  /** Spawn → first publishDiagnostics of the opened file. */
  readonly wallMs: number;
  /** CPU time of the server's threads at the first publish (/proc schedstat). */
  readonly cpuMs: number;
  /** This process's median full parse of the same text, wall and CPU. */
  readonly parseMs: number;
  readonly parseCpuMs: number;
  /** This process's median fresh `checkText`, wall and CPU. */
  readonly checkMs: number;
  readonly checkCpuMs: number;
  readonly diagnostics: number;
  /** Spawn → first publish in µs of the monotonic clock `--cpu-prof` timestamps use (to summarise the profile over it). */
  readonly windowUs: readonly [number, number];
}

const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

function timed(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

function medianOf(fn: () => unknown, n: number): { wall: number; cpu: number } {
  fn();
  fn();
  const runs = Array.from({ length: n }, () => timed(fn));
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

export async function benchColdOpen(sizes: readonly number[], runs: number, serverScript = path.join(ROOT, 'dist/server.js'), profileDir?: string, nodeFlags: readonly string[] = []): Promise<{ rows: ColdOpenRun[]; text: string; target: string[] }> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'srm-cold-'));
  const rows: ColdOpenRun[] = [];
  try {
    for (const n of sizes) {
      const file = generateFile(n);
      const dir = path.join(work, `size-${n}`);
      mkdirSync(dir, { recursive: true });
      const p = path.join(dir, `bench-${n}.srm.yaml`);
      writeFileSync(p, file.text);
      const uri = pathToFileURL(p).href;
      const spec = srmServer(serverScript);
      for (let r = 0; r < runs; r++) {
        const parse = medianOf(() => parseAllDocuments(file.text), 3);
        const check = medianOf(() => checkText(file.text), 3);
        const flags = [...nodeFlags, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
        const from = monotonicUs();
        const session = await LspSession.start(spec, pathToFileURL(dir).href, flags);
        try {
          const first = session.nextDiagnostics(uri);
          await session.open(uri, file.text, 1);
          const opened = await first;
          const cpuMs = session.schedstat().cpuMs;
          const windowUs: [number, number] = [from, monotonicUs()];
          rows.push({ workloads: n, wallMs: opened.at - session.spawnedAt, cpuMs, parseMs: parse.wall, parseCpuMs: parse.cpu, checkMs: check.wall, checkCpuMs: check.cpu, diagnostics: opened.params.diagnostics.length, windowUs });
        } finally {
          await session.stop();
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const text = table(
    ['workloads', 'open wall ms', 'open CPU ms', 'parse ms', 'parse CPU ms', 'check ms', 'check CPU ms', 'open/parse', 'open CPU/parse CPU', 'check CPU/parse CPU', 'diagnostics'],
    rows.map((r) => [String(r.workloads), ms(r.wallMs), ms(r.cpuMs), ms(r.parseMs), ms(r.parseCpuMs), ms(r.checkMs), ms(r.checkCpuMs), ratio(r.wallMs / r.parseMs), ratio(r.cpuMs / r.parseCpuMs), ratio(r.checkCpuMs / r.parseCpuMs), String(r.diagnostics)]),
  );
  const largest = Math.max(...sizes);
  const big = rows.filter((r) => r.workloads === largest);
  const measured = median(big.map((r) => r.wallMs / r.parseMs));
  const target = [`cold open ≤ ${COLD_OPEN_TARGET}× the parse, ${largest} workloads (median of ${big.length})`, `${ratio(measured)} (CPU ${ratio(median(big.map((r) => r.cpuMs / r.parseCpuMs)))})`, measured <= COLD_OPEN_TARGET ? 'met' : '**NOT met**'];
  return { rows, text, target };
}

async function main(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizes = (arg('sizes') ?? '3000').split(',').map(Number);
  const runs = Number(arg('runs') ?? 3);
  const server = arg('server') ? path.resolve(arg('server')!) : undefined;
  const nodeFlags = arg('node-flags')?.split(' ').filter(Boolean) ?? [];
  const { rows, text, target } = await benchColdOpen(sizes, runs, server, arg('cpu-prof-dir'), nodeFlags);
  if (arg('cpu-prof-dir')) process.stdout.write(`windows (µs): ${rows.map((r) => r.windowUs.join('-')).join(' ')}\n`);
  process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n\n${text}\n\n${table(['target', 'measured', 'met'], [target])}\n`);
}

if (require.main === module) void main();
