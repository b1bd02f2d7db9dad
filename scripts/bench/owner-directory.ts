/**
 * What the owner directory costs per keystroke, in server CPU: the features
 * bench's "owner directory" row alone (the same file, the same directory), with
 * more edits, the server's CPU time per edit as well as the wall time, and on
 * request a CPU profile of each side limited to the timed edits.
 *
 *   npm run build && npm run compile && node out/scripts/bench/owner-directory.js [--sizes=50,3000] [--edits=60] [--profile] [--server=dist/server.js]
 *
 * `--server` measures another build of the server (an older commit's dist/server.js) on the same files.
 *
 * Off = the file alone in its folder, measured before and after the run with
 * the directory (samples pooled, as in features.ts). Prints tables; asserts
 * nothing. `benchOwnerDirectory` returns the rows and a target row for main.ts.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { FEATURE_TARGET, OWNER_KEYS_CONFIG, OWNERS_CONFIG } from './features';
import { generateFile } from './generate';
import { benchServer, type LspPlan, type LspResult } from './lsp-bench';
import { srmServer, type ServerSpec } from './lsp-client';
import { summariseProfile, type ProfileSummary } from './profile';
import { ms, percentile, ratio, table } from './stats';

const ROOT = path.resolve(__dirname, '../../..');
const WORK = path.join(os.tmpdir(), 'srm-bench-owner-directory');

const SERVER: ServerSpec = srmServer(path.join(ROOT, 'dist/server.js'));

export interface OwnerDirectoryRun {
  readonly workloads: number;
  readonly off: LspResult;
  readonly on: LspResult;
  /** The directory with every spelling a key: the lookups without the alias findings. */
  readonly keys: LspResult;
  readonly profiles?: { readonly off: ProfileSummary; readonly on: ProfileSummary };
}

function plan(workloads: number, edits: number, nodeFlags: readonly string[]): LspPlan {
  return { edits: { max: edits, min: edits, ms: 0 }, requests: { max: 1, min: 1, ms: 0 }, gapMs: 10, warmupEdits: workloads >= 3000 ? 3 : 6, nodeFlags };
}

function newest(dir: string): string | undefined {
  const all = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  return all.length > 0 ? path.join(dir, all.at(-1)!) : undefined;
}

async function once(server: ServerSpec, workloads: number, config: string | undefined, edits: number, profileDir: string | undefined): Promise<{ result: LspResult; profile?: ProfileSummary }> {
  const file = generateFile(workloads);
  const dir = path.join(WORK, `${workloads}-${config === undefined ? 'off' : config === OWNERS_CONFIG ? 'on' : 'keys'}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (config !== undefined) writeFileSync(path.join(dir, 'srm.config.yaml'), config);
  const p = path.join(dir, `bench-${workloads}.srm.yaml`);
  writeFileSync(p, file.text);
  const flags = profileDir ? [`--cpu-prof`, `--cpu-prof-dir=${profileDir}`] : [];
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  const result = await benchServer(server, file, pathToFileURL(p).href, pathToFileURL(dir).href, plan(workloads, edits, flags));
  const profile = profileDir ? newest(profileDir) : undefined;
  return { result, ...(profile ? { profile: summariseProfile(profile, ROOT, 25, result.editWindowUs) } : {}) };
}

function pooled(a: LspResult, b: LspResult): LspResult {
  return { ...a, editMs: [...a.editMs, ...b.editMs], editCpuMs: [...a.editCpuMs, ...b.editCpuMs] };
}

/** Off, on, off again for each size; with `profile`, the server is an unminified bundle with source maps, profiled. */
export async function benchOwnerDirectory(sizes: readonly number[], edits: number, profile = false, log: (m: string) => void = () => {}, serverScript?: string): Promise<OwnerDirectoryRun[]> {
  let server = serverScript ? srmServer(path.resolve(serverScript)) : SERVER;
  if (profile) {
    const outfile = path.join(WORK, 'server.js');
    await build({ entryPoints: [path.join(ROOT, 'server/src/lsp/main.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' });
    server = srmServer(outfile);
  }
  const runs: OwnerDirectoryRun[] = [];
  for (const n of sizes) {
    log(`owner directory: ${n} workloads, off`);
    const a = await once(server, n, undefined, edits, profile ? path.join(WORK, `prof-${n}-off`) : undefined);
    log(`owner directory: ${n} workloads, on`);
    const on = await once(server, n, OWNERS_CONFIG, edits, profile ? path.join(WORK, `prof-${n}-on`) : undefined);
    log(`owner directory: ${n} workloads, every spelling a key`);
    const keys = await once(server, n, OWNER_KEYS_CONFIG, edits, undefined);
    log(`owner directory: ${n} workloads, off again`);
    const b = await once(server, n, undefined, edits, undefined);
    runs.push({ workloads: n, off: pooled(a.result, b.result), on: on.result, keys: keys.result, ...(a.profile && on.profile ? { profiles: { off: a.profile, on: on.profile } } : {}) });
  }
  return runs;
}

const p50 = (xs: readonly number[]) => percentile(xs, 50);

export function ownerDirectoryRows(runs: readonly OwnerDirectoryRun[]): { rows: string[][]; targets: string[][] } {
  const rows = runs.map((r) => [
    String(r.workloads),
    `${r.off.editMs.length} / ${r.on.editMs.length}`,
    `${ms(p50(r.off.editMs))} / ${ms(p50(r.on.editMs))}`,
    ratio(p50(r.on.editMs) / p50(r.off.editMs)),
    `${ms(p50(r.off.editCpuMs))} / ${ms(p50(r.on.editCpuMs))}`,
    ratio(p50(r.on.editCpuMs) / p50(r.off.editCpuMs)),
    `${r.off.publishBytes} / ${r.on.publishBytes}`,
    `${ms(p50(r.keys.editCpuMs))} (${ratio(p50(r.keys.editCpuMs) / p50(r.off.editCpuMs))}), ${r.keys.diagnosticsAtOpen} / ${r.on.diagnosticsAtOpen} / ${r.off.diagnosticsAtOpen}`,
  ]);
  const targets = runs.map((r) => {
    const x = p50(r.on.editCpuMs) / p50(r.off.editCpuMs);
    return [`owner directory on/off server CPU p50 ≤ ${FEATURE_TARGET}, ${r.workloads} workloads`, ratio(x), x <= FEATURE_TARGET ? 'met' : '**NOT met**'];
  });
  return { rows, targets };
}

function profileTable(title: string, s: ProfileSummary): string {
  const rows = (xs: ProfileSummary['self']) => xs.map((r) => [r.name, r.where, r.percent.toFixed(1), ms(r.ms)]);
  return [`### ${title} (busy ${ms(s.busyMs)} ms)`, '', 'Self:', '', table(['function', 'where', '%', 'ms'], rows(s.self), ['l', 'l', 'r', 'r']), '', 'Inclusive:', '', table(['function', 'where', '%', 'ms'], rows(s.inclusive), ['l', 'l', 'r', 'r'])].join('\n');
}

async function main(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizes = (arg('sizes') ?? '50,3000').split(',').map(Number);
  const edits = Number(arg('edits') ?? 60);
  const profile = process.argv.includes('--profile');
  const server = arg('server');
  const runs = await benchOwnerDirectory(sizes, edits, profile, (m) => process.stderr.write(`bench: ${m}\n`), server);
  const { rows, targets } = ownerDirectoryRows(runs);
  const parts = [
    `# Owner directory, on against off${server ? ` (${server})` : ''} (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`,
    '',
    table(['workloads', 'edits off / on', 'edit p50 off / on, ms', 'p50 on/off', 'server CPU p50 off / on, ms', 'CPU on/off', 'publish bytes off / on', 'every spelling a key: CPU p50 (/off), findings keys / on / off'], rows),
    '',
    table(['measure', 'now', 'target met'], targets, ['l', 'r', 'l']),
  ];
  for (const r of runs) if (r.profiles) parts.push('', profileTable(`${r.workloads} workloads, off`, r.profiles.off), '', profileTable(`${r.workloads} workloads, on`, r.profiles.on));
  process.stdout.write(`${parts.join('\n')}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
