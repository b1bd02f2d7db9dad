import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what its last full collection
 * kept before it collects again, in percent. V8 picks up to 300 % on a machine
 * with memory to spare; after an edit of a large file, what the edit left
 * (the text it replaced, the diagnostics published, the summaries taken) is
 * garbage that only a full collection frees, so the heap of an editing session
 * grew to 2-3 times what it holds. A third more than it holds is the
 * headroom it gets here: measured at 3,000 workloads (scripts/bench/memory-probe.ts
 * and the bench's peak RSS), a lower value saved little more and cost edits
 * CPU time in collections.
 */
export const HEAP_GROWING_PERCENT = 33;

const FLAG = '--heap-growing-percent';

/** The V8 flags the server sets for itself: none that the command line already sets (a user's own choice wins). */
export function heapFlags(execArgv: readonly string[]): string[] {
  return execArgv.some((a) => a === FLAG || a.startsWith(`${FLAG}=`) || a.startsWith('--heap_growing_percent')) ? [] : [`${FLAG}=${HEAP_GROWING_PERCENT}`];
}

/**
 * Sets them, at the start of the process: the flag is read each time V8 sets
 * its next collection's limit, so it holds from the first full collection on,
 * however the server was started (VS Code over IPC, another editor over stdio,
 * the bench), and in the index's worker threads (V8's flags are the process's).
 */
export function tuneHeap(execArgv: readonly string[] = process.execArgv): void {
  for (const flag of heapFlags(execArgv)) setFlagsFromString(flag);
}
