/**
 * The worker threads of `srm check` and `srm report`. A thread runs the same
 * script as the command (the bundle, dist/cli.js), which starts as a worker
 * when it finds itself in one: there is no second file to ship or to find.
 * Each thread finds its own environments (configuration, matrices, owners)
 * from the same files this thread found them in, and does the same work per
 * file as a run in one thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileReport } from './check';
import { cliEnvironments } from './environment';
import { sendPieces, type SentPieces } from './report-pieces';
import { serveBatches } from './worker-pool';

const ROLE = 'srm-cli-worker';

export interface CheckSetup {
  readonly role: typeof ROLE;
  readonly task: 'check';
  readonly cwd: string;
  readonly config?: string;
  readonly fix: boolean;
  readonly refuseSuppressions: boolean;
}

export interface ReportSetup {
  readonly role: typeof ROLE;
  readonly task: 'report';
  readonly cwd: string;
  readonly config?: string;
}

export type WorkerSetup = CheckSetup | ReportSetup;

/** A file's report as a worker sends it: its line index is made again where it is read. */
export type SentReport = Omit<FileReport, 'lines'>;

export const WORKER_ROLE = ROLE;

/** The script a worker thread runs: this module's file (in the bundle, the bundle itself). */
export function workerScript(): string {
  return __filename;
}

function isCliWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.role === ROLE;
}

function runCliWorker(setup: WorkerSetup): void {
  const environments = cliEnvironments(setup.cwd, setup.config);
  const environmentOf = (file: string) => environments.forFile(file).environment;
  if (setup.task === 'check') {
    const options = { cwd: setup.cwd, fix: setup.fix, refuseSuppressions: setup.refuseSuppressions, environmentOf };
    serveBatches<string, SentReport>(parentPort!, (file) => {
      // The line index travels badly (a class) and is quickly made again from the text.
      const sent: SentReport & { lines?: FileReport['lines'] } = { ...checkFile(file, options) };
      delete sent.lines;
      return sent;
    });
  } else {
    serveBatches<string, SentPieces>(parentPort!, (file) => sendPieces(file, setup.cwd, environmentOf(file)));
  }
}

if (isCliWorker()) runCliWorker(workerData as WorkerSetup);
