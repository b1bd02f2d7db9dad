import { spareProcessors } from '../io/processors';

/**
 * How many worker threads a run over `files` declarations uses; 0: none, the
 * files are checked in this thread. `--jobs N` asks for N threads; without
 * it, a thread costs a start (loading srm again and warming its code) and
 * pays back only its share of the files, so a thread is started for every
 * MIN_FILES_PER_THREAD files at most. One thread alone never pays (this one
 * would wait for it), nor a thread without a batch of files of its own.
 */
export function threadsFor(files: number, jobs: number | undefined): number {
  const threads = jobs !== undefined ? Math.min(jobs, Math.ceil(files / FILES_PER_BATCH)) : Math.min(defaultJobs(), Math.floor(files / MIN_FILES_PER_THREAD));
  return threads >= 2 ? threads : 0;
}

/**
 * Files per thread below which starting it costs more than it saves. Measured
 * with `node out/scripts/bench/cli-scale.js --threshold` on a shared 2-core
 * machine: two threads took 1.5-1.7 × the time of one for 100-400 files,
 * 1.06 × for 800, 0.82 × for 1,600 and 0.73 × for 3,200; so two threads from
 * 1,000 files.
 */
export const MIN_FILES_PER_THREAD = 500;

/** More threads than this gain little for a run of a CLI, and each holds its own copy of the engine. */
export const MAX_DEFAULT_JOBS = 8;

/**
 * `--jobs` when none is given: one thread per processor but one, up to
 * MAX_DEFAULT_JOBS. On a 2-processor machine that is none: measured there
 * (cli-scale.ts, 10,000 files), two threads cost 1.3 × the CPU time of one
 * and finished later, the two threads and this one sharing two processors.
 */
export function defaultJobs(): number {
  return spareProcessors(MAX_DEFAULT_JOBS);
}

/** Files a thread is given at a time: few messages, and shares that even out when some files take longer. */
export const FILES_PER_BATCH = 32;
