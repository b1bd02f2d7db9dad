/**
 * Engine benchmark, run in its own process (with `--cpu-prof` when
 * profiling) by main.ts: for each generated file, a full fresh `checkText`
 * beside `yaml.parseAllDocuments` of the same text, measured back to back.
 *
 * Usage: node [--cpu-prof] out/scripts/bench/engine-worker.js <out.json> <size>[,<size>...] [--quick] [--only-check]
 * --only-check times nothing but `checkText` on the largest size (for a clean CPU profile).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { Checker, checkText } from '../../server/src/core';
import { generateFile } from './generate';
import { median } from './stats';

export interface EngineResult {
  readonly workloads: number;
  readonly bytes: number;
  readonly lines: number;
  readonly documents: number;
  readonly diagnostics: number;
  readonly samples: number;
  /** Repetitions inside one sample (small files are timed in batches). */
  readonly reps: number;
  readonly parseMs: readonly number[];
  readonly checkMs: readonly number[];
  /** check/parse of each back-to-back pair. */
  readonly ratios: readonly number[];
  readonly parseMedian: number;
  readonly checkMedian: number;
  readonly ratioMedian: number;
  /** The same pairs by CPU time of the process (process.cpuUsage: all threads, so GC helpers too; no time spent waiting for a CPU). */
  readonly cpuRatios: readonly number[];
  readonly cpuRatioMedian: number;
  /** A Checker kept across edits (as the language server keeps one per file): re-check after a one-character edit in the middle document. */
  readonly recheckMs: readonly number[];
  readonly recheckMedian: number;
}

/**
 * Mean ms of one call, over `reps` calls. No forced collection before it: on 2 cores a forced full GC leaves
 * concurrent sweeping behind that competes with the timed code (it made samples 2-5× slower and noisier).
 */
function time(fn: () => unknown, reps: number): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  const wall = (performance.now() - t0) / reps;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 / reps };
}

function samplesFor(workloads: number, quick: boolean): number {
  if (workloads >= 3000) return quick ? 5 : 9;
  if (workloads >= 500) return quick ? 5 : 11;
  return quick ? 7 : 21;
}

export function benchEngine(workloads: number, quick: boolean): EngineResult {
  const { text } = generateFile(workloads);
  const parse = () => parseAllDocuments(text);
  const check = () => checkText(text);
  // Warm up both (JIT: the first runs are several times slower) for at least ~1.5 s and 8 rounds, the largest file for
  // 3 rounds; then size the batches so that each sample lasts at least ~50 ms.
  const first = check();
  const warmStart = performance.now();
  for (let i = 0; i < 200; i++) {
    parse();
    check();
    const enough = workloads >= 3000 ? i >= 2 : i >= 7 && performance.now() - warmStart > 1500;
    if (enough) break;
  }
  const one = Math.max(time(parse, 1).wall, 0.001);
  const reps = Math.max(1, Math.ceil(50 / one));
  const n = samplesFor(workloads, quick);
  const parseMs: number[] = [];
  const checkMs: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let s = 0; s < n; s++) {
    // Alternate which goes first, so that neither always runs in the other's wake.
    let p: { wall: number; cpu: number };
    let c: { wall: number; cpu: number };
    if (s % 2 === 0) {
      p = time(parse, reps);
      c = time(check, reps);
    } else {
      c = time(check, reps);
      p = time(parse, reps);
    }
    parseMs.push(p.wall);
    checkMs.push(c.wall);
    ratios.push(c.wall / p.wall);
    cpuRatios.push(c.cpu / p.cpu);
  }
  // Incremental: alternately insert and delete one character in the middle document, as the LSP benchmark does.
  // The text is built as a rope (concatenation), as the language server's TextDocument hands it over.
  const { targets } = generateFile(workloads);
  const edited = text.slice(0, targets.edit) + 'x' + text.slice(targets.edit);
  const checker = new Checker();
  checker.check(text);
  const recheckMs: number[] = [];
  const edits = workloads >= 3000 ? (quick ? 15 : 41) : quick ? 21 : 61;
  for (let i = 0; i < edits + 4; i++) {
    const next = i % 2 === 0 ? edited : text;
    const rope = next.slice(0, targets.edit) + next.slice(targets.edit);
    const t0 = performance.now();
    checker.check(rope);
    if (i >= 4) recheckMs.push(performance.now() - t0);
  }
  return {
    workloads,
    bytes: Buffer.byteLength(text),
    lines: text.split('\n').length - 1,
    documents: first.documents.length,
    diagnostics: first.diagnostics.length,
    samples: n,
    reps,
    parseMs,
    checkMs,
    ratios,
    parseMedian: median(parseMs),
    checkMedian: median(checkMs),
    ratioMedian: median(ratios),
    cpuRatios,
    cpuRatioMedian: median(cpuRatios),
    recheckMs,
    recheckMedian: median(recheckMs),
  };
}

function main(): void {
  const [out, sizesArg] = process.argv.slice(2);
  const quick = process.argv.includes('--quick');
  const sizes = sizesArg!.split(',').map(Number);
  if (process.argv.includes('--only-check')) {
    const { text } = generateFile(Math.max(...sizes));
    for (let i = 0; i < (quick ? 5 : 15); i++) checkText(text);
    return;
  }
  const results = sizes.map((n) => benchEngine(n, quick));
  writeFileSync(out!, JSON.stringify(results));
}

if (require.main === module) main();
