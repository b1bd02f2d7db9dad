/**
 * `srm check` across worker threads: the same reports, in the same order, as
 * checkFiles in this thread. Files whose declarations link to IaC are checked
 * here, meanwhile: what their links resolved to was read in this thread.
 */
import { LineIndex } from '../core';
import { checkFiles, type CheckFilesOptions, type FileReport } from './check';
import { WORKER_ROLE, type CheckSetup, type SentReport } from './cli-worker';
import { CliError } from './errors';
import { startPool, WorkerFailedError, type Pool } from './worker-pool';
import { FILES_PER_BATCH } from './threads';

export interface Threads {
  readonly count: number;
  /** The script each thread runs (see cli-worker.ts). */
  readonly script: string;
  /** `--config`, as written: each thread finds the environments as this one did. */
  readonly config?: string;
}

export type CheckPool = Pool<string, SentReport>;

/** Starts the threads of a check, before this thread reads the configurations and the IaC: they load meanwhile. */
export function startCheckThreads(options: Pick<CheckFilesOptions, 'cwd' | 'fix' | 'refuseSuppressions'>, threads: Threads): CheckPool {
  const setup: CheckSetup = {
    role: WORKER_ROLE,
    task: 'check',
    cwd: options.cwd,
    ...(threads.config !== undefined ? { config: threads.config } : {}),
    fix: options.fix,
    refuseSuppressions: options.refuseSuppressions,
  };
  return startPool<CheckSetup, string, SentReport>({ script: threads.script, threads: threads.count, setup, batchSize: FILES_PER_BATCH });
}

export async function checkFilesInThreads(files: readonly string[], options: CheckFilesOptions, pool: CheckPool): Promise<FileReport[]> {
  const isHere = files.map((f) => options.iacOf?.(f) !== undefined);
  const here = files.filter((_, i) => isHere[i]);
  const elsewhere = files.filter((_, i) => !isHere[i]);
  const running = pool.run(elsewhere);
  // Checked while the threads work; their answers wait in this thread's queue meanwhile.
  const checkedHere = checkFiles(here, options);
  let sent: SentReport[];
  try {
    sent = await running;
  } catch (err) {
    if (err instanceof WorkerFailedError) throw new CliError(failureMessage(err.message, options.fix));
    throw err;
  }
  let h = 0;
  let e = 0;
  return isHere.map((local) => {
    if (local) return checkedHere[h++]!;
    const r = sent[e++]!;
    return { ...r, lines: new LineIndex(r.text) };
  });
}

function failureMessage(what: string, fix: boolean): string {
  const fixed = fix ? ' Files fixed before it stopped keep their fixes; the others are unchanged.' : '';
  return `${what}; nothing was reported.${fixed} srm check --jobs 1 checks in one thread.`;
}
