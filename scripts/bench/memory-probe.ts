/**
 * Where the language server's memory goes on one large file: the bench's
 * session (cold open, edits, hovers, code actions), with the resident set
 * sampled from /proc every few milliseconds and V8's heap after every
 * collection (`--trace-gc`), per phase.
 *
 *   npm run build && npx tsc -p . && node out/scripts/bench/memory-probe.js [--workloads=3000] [--edits=20] [--flags="--max-semi-space-size=1"] [--snapshots=DIR]
 *
 * The server runs over node IPC, as VS Code starts it, so its stdout is free
 * for the GC trace. `--snapshots=DIR` writes heap snapshots after the open and
 * after the edits (SIGUSR2, `--heapsnapshot-signal`). It prints figures, never asserts them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../protocol/server-start';
import { lineCharacterAt, lineStartsOf } from '../../server/src/core/text/line-starts';
import { generateFile } from './generate';
import { delay, LspSession, type ServerSpec } from './lsp-client';

const ROOT = path.resolve(__dirname, '../../..');

/** The server as VS Code's client starts it (TransportKind.ipc); the node flags are the probe's. */
const SERVER: ServerSpec = {
  name: 'srm',
  args: [path.join(ROOT, 'dist/server.js'), '--node-ipc'],
  languageId: 'srm',
  configuration: (item) => (item.section === 'srm' ? {} : null),
};

function arg(name: string, fallback: string): string {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
}

interface Phase {
  readonly name: string;
  /** Highest VmRSS sampled during the phase, bytes. */
  peakRss: number;
  /** Highest heap used before a collection, and committed heap, during the phase (MB, from --trace-gc). */
  heapBefore: number;
  heapCommitted: number;
  /** Heap used after the phase's last mark-compact (MB): what the server holds, garbage aside. */
  heapAfterFullGc: number | undefined;
  scavenges: number;
  markCompacts: number;
}

export interface ProbeResult {
  readonly phases: readonly Phase[];
  readonly vmHwm: number;
  readonly heapAfterEdits: number | undefined;
}

/** Runs the session once with `flags` given to node; prints nothing. */
export async function probe(workloads: number, edits: number, flags: readonly string[], snapshots?: string, signalEdits = false): Promise<ProbeResult> {
  const file = generateFile(workloads);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'srm-memory-'));
  const filePath = path.join(dir, `bench-${workloads}.srm.yaml`);
  writeFileSync(filePath, file.text);
  const uri = pathToFileURL(filePath).href;
  const nodeFlags = ['--trace-gc', ...SERVER_NODE_FLAGS, ...flags, ...(snapshots ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`] : [])];
  const phases: Phase[] = [];
  let phase: Phase | undefined;
  const enter = (name: string): void => {
    phase = { name, peakRss: 0, heapBefore: 0, heapCommitted: 0, heapAfterFullGc: undefined, scavenges: 0, markCompacts: 0 };
    phases.push(phase);
  };
  enter('start');
  let pending = '';
  const onStdout = (chunk: Buffer): void => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (process.env.SRM_PROBE_TRACE) console.log(`${phase!.name}: ${line}`);
      gcLine(line, phase!);
    }
  };
  // Over node IPC, as VS Code starts the server: its stdout is free for the GC trace.
  const session = LspSession.launch(SERVER, { nodeFlags, transport: 'ipc', onStdout, cwd: snapshots ?? dir });
  const sampler = setInterval(() => {
    const rss = statusField(session.pid, 'VmRSS');
    if (phase && rss > phase.peakRss) phase.peakRss = rss;
  }, 2);
  const starts = lineStartsOf(file.text);
  const positionAt = (offset: number) => lineCharacterAt(starts, offset);
  const published = (version: number): Promise<unknown> => session.nextDiagnostics(uri, (p) => p.version === version);
  try {
    await session.initialize(pathToFileURL(dir).href);
    await delay(300);
    enter('cold open');
    const opened = published(1);
    await session.open(uri, file.text, 1);
    await opened;
    enter('after open (idle 1.5 s)');
    await delay(1500);
    if (snapshots) await snapshot(session, snapshots);
    enter('edits');
    // For a preloaded allocation profiler (see the header): it starts and stops on this signal.
    if (signalEdits) session.proc.kill('SIGUSR2');
    const at = positionAt(file.targets.edit);
    for (let v = 2; v < 2 + edits; v++) {
      const insert = v % 2 === 0;
      const done = published(v);
      const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
      await session.change(uri, v, range, insert ? 'x' : '');
      await done;
      await delay(10);
    }
    if (signalEdits) session.proc.kill('SIGUSR2');
    enter('after edits (idle 1.5 s)');
    await delay(1500);
    if (snapshots) await snapshot(session, snapshots);
    enter('hovers');
    const hoverAt = positionAt(file.targets.hover);
    const action = { start: positionAt(file.targets.action.start), end: positionAt(file.targets.action.end) };
    for (let i = 0; i < 20; i++) await session.hover(uri, hoverAt);
    enter('code actions');
    for (let i = 0; i < 20; i++) await session.codeActions(uri, action, []);
    await delay(200);
    const vmHwm = statusField(session.pid, 'VmHWM');
    const last = phases.find((p) => p.name.startsWith('after edits'));
    return { phases, vmHwm, heapAfterEdits: last?.heapBefore };
  } finally {
    clearInterval(sampler);
    await session.stop(5000);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `[pid:0x..]  1234 ms: Scavenge 12.3 (20.1) -> 10.2 (21.0) MB, ...` */
function gcLine(line: string, phase: Phase): void {
  const m = /ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact)[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(line);
  if (!m) return;
  if (m[1] === 'Scavenge' || m[1] === 'Minor Mark-Compact') phase.scavenges++;
  else {
    phase.markCompacts++;
    phase.heapAfterFullGc = Number(m[4]);
  }
  phase.heapBefore = Math.max(phase.heapBefore, Number(m[2]));
  phase.heapCommitted = Math.max(phase.heapCommitted, Number(m[3]), Number(m[5]));
}

async function snapshot(session: LspSession, dir: string): Promise<void> {
  const before = readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot')).length;
  session.proc.kill('SIGUSR2');
  for (let i = 0; i < 600 && readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot')).length === before; i++) await delay(100);
  await delay(2000); // the file appears before it is written in full
}

function statusField(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const MiB = (n: number): string => (n / (1024 * 1024)).toFixed(1);

async function main(): Promise<void> {
  const workloads = Number(arg('workloads', '3000'));
  const edits = Number(arg('edits', '20'));
  const flags = arg('flags', '').split(' ').filter(Boolean);
  const snapshots = arg('snapshots', '') || undefined;
  if (snapshots) mkdirSync(snapshots, { recursive: true });
  const r = await probe(workloads, edits, flags, snapshots, process.argv.includes('--signal-edits'));
  console.log(`flags: ${flags.join(' ') || '(none)'}; ${workloads} workloads, ${edits} edits; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| phase | peak RSS MiB | heap before GC max MB | heap after last full GC MB | heap committed max MB | scavenges | mark-compacts |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of r.phases) console.log(`| ${p.name} | ${MiB(p.peakRss)} | ${p.heapBefore.toFixed(1)} | ${p.heapAfterFullGc?.toFixed(1) ?? '–'} | ${p.heapCommitted.toFixed(1)} | ${p.scavenges} | ${p.markCompacts} |`);
  console.log(`VmHWM ${MiB(r.vmHwm)} MiB`);
}

if (require.main === module) void main();
