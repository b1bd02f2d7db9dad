import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SrmSettings } from '../../../protocol/settings';
import { spareProcessors } from '../io/processors';
import { readDeclarationFile, readDeclarationFileSync, type DiskRead } from './disk';
import { LspEnvironments } from './environments';
import type { PortablePieces } from '../core/report';
import { PassThroughPool, summarizeRead, type FileSummary } from './file-summary';
import { fingerprintOf, piecesOfRead, scanRead } from './index-worker-read';

/**
 * Reading and checking every declaration of a large workspace is the engine's
 * full cost per file (most of it parsing). Worker threads do it: the editor's
 * requests never wait behind the scan, a machine with more cores scans in a
 * fraction of the time, and the garbage of 20,000 checks goes with the
 * worker's heap, leaving the server's holding only the summaries.
 *
 * A summary needs only the parse (about 60% of a full check, measured on the bench's files),
 * so the workspace index's first scan asks for summaries first, and the
 * overview answers after about one parse of every file; the report's pieces
 * (the full check) come in a second pass, in the same threads. A report asked
 * for while the first pass runs need not wait for both: the files the first
 * pass has not read yet are checked once, for summary and pieces together,
 * and the second pass is left with the files read before.
 */

const ROLE = 'srm-index-worker';
/** Summaries posted together: fewer messages, and still a steady flow to the index. */
const BATCH = 64;
/** Files read ahead of the one being checked, so the disk works while the engine does. */
const READ_AHEAD = 8;

/**
 * What a scan does with each file. `summaries`: its summary alone, from a
 * parse without the rules (the overview needs no more); `pieces`: its report
 * pieces (the full check), for a file phase one summarized, or its summary
 * and pieces again when the file changed since; `both`: summary and pieces
 * from one check.
 */
export type ScanPhase = 'summaries' | 'pieces' | 'both';

/** A file to scan; in phase `pieces`, with the fingerprint of what phase one read. */
export interface ScanFile {
  readonly uri: string;
  readonly fingerprint?: string;
}

interface Job {
  readonly role: typeof ROLE;
  readonly phase: ScanPhase;
  readonly files: readonly ScanFile[];
  readonly settings: SrmSettings;
  /** The workspace folders' uris: each file's configuration is found as the server finds it. */
  readonly folders: readonly string[];
}

/** Told to a worker after it started: make pieces too from now on (a report waits), or run phase `pieces` on these files. */
type WorkerOrder = { readonly order: 'both' } | { readonly order: 'pieces'; readonly files: readonly ScanFile[] };

/** A worker's word that the phase it was given is done (every batch of it posted before). */
interface PhaseDone {
  readonly phaseDone: true;
}

export interface ScanBatch {
  /** Files summarized: in phase `pieces`, only those that changed since phase one read them. */
  readonly summaries: readonly FileSummary[];
  /** What each summary was made from (same order), for phase two to tell whether the file changed meanwhile. */
  readonly fingerprints: readonly string[];
  /** Each summary's report pieces (same order) when the same check made them: the report's first build only assembles them. */
  readonly pieces: readonly (PortablePieces | undefined)[];
  /** Phase `pieces`: files unchanged since phase one, whose summary stands: their report pieces alone. */
  readonly piecesOnly: readonly { readonly uri: string; readonly pieces: PortablePieces }[];
  /** Files that could not be read (gone, or not files). */
  readonly unreadable: readonly string[];
}

/** True in a thread started by `scanFiles`: the server's entry point runs the worker instead of a server. */
export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as Partial<Job> | undefined)?.role === ROLE;
}

/**
 * The worker's side: scans its files, posting batches, then says so. A worker
 * of phase `summaries` then waits for its phase `pieces` or for the end; any
 * other ends.
 */
export function runIndexWorker(): void {
  const job = workerData as Job;
  const port = parentPort!;
  let phase = job.phase;
  port.on('message', (message: WorkerOrder) => {
    if (message.order === 'both') {
      if (phase === 'summaries') phase = 'both';
      return;
    }
    void scanEach(message.files, () => 'pieces', job.settings, job.folders, post, () => false, readDeclarationFileSync, true).then(() => {
      port.postMessage({ phaseDone: true } satisfies PhaseDone);
      port.close();
    });
  });
  const post = (batch: ScanBatch) => port.postMessage(batch);
  void scanEach(job.files, () => phase, job.settings, job.folders, post, () => false, readDeclarationFileSync, true).then(() => {
    port.postMessage({ phaseDone: true } satisfies PhaseDone);
    // Only phase one of the first scan has a second phase to wait for.
    if (job.phase !== 'summaries') port.close();
  });
}

/**
 * A scan under way: the first phase's batches go to `onBatch` as they come;
 * `done` settles once the phase is done. The first scan's phase one
 * (`summaries`) then runs phase `pieces` in the same threads: loaded and warm,
 * they start on it at once (a new thread loads the server's bundle and warms
 * the engine's code again first).
 */
export interface Scan {
  /** Settles once every file of the first phase is done (or soon after `cancelled` turned true). */
  readonly done: Promise<void>;
  /** A report waits: the files phase one has not read yet are checked for summary and pieces at once. */
  wantPieces(): void;
  /** Phase `pieces` (after `done`) on files of this scan, in new threads if closed; settles when they are done. The threads end then. */
  pieces(files: readonly ScanFile[]): Promise<void>;
  /** Ends the threads (a scan given no phase `pieces`, cancelled, or one of several folders: see WorkspaceIndex.scan). */
  close(): void;
}

/**
 * Reads `files` and makes what `phase` asks of each, in worker threads when it
 * can start them (in this thread otherwise, where a few files are checked
 * once for both summary and pieces). `onBatch` receives the results as they
 * come; it resolves once every file is done, or soon after `cancelled` turns true.
 */
export async function scanFiles(files: readonly ScanFile[], phase: ScanPhase, settings: SrmSettings, folders: readonly string[], onBatch: (batch: ScanBatch) => void, cancelled: () => boolean): Promise<void> {
  const scan = startScan(files, phase, settings, folders, onBatch, cancelled);
  await scan.done;
  scan.close();
}

/** `scanFiles`, which a scan of phase `summaries` can follow with its phase `pieces` (see Scan). */
export function startScan(files: readonly ScanFile[], phase: ScanPhase, settings: SrmSettings, folders: readonly string[], onBatch: (batch: ScanBatch) => void, cancelled: () => boolean): Scan {
  const inThisThread = (done: Promise<void>): Scan => ({
    done,
    wantPieces: () => undefined,
    pieces: (later) => scanEach(later, () => 'pieces', settings, folders, onBatch, cancelled),
    close: () => undefined,
  });
  if (files.length === 0) return inThisThread(Promise.resolve());
  // A thread costs tens of milliseconds to start: a few files are read sooner here.
  if (files.length <= BATCH) return inThisThread(scanEach(files, () => (phase === 'summaries' ? 'both' : phase), settings, folders, onBatch, cancelled));
  const threads = Math.min(spareProcessors(4), Math.ceil(files.length / BATCH));
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  let workers: Worker[];
  try {
    workers = shares.map((share) => new Worker(entryPoint(), { workerData: { role: ROLE, phase, files: share, settings, folders } satisfies Job }));
  } catch {
    return inThisThread(scanEach(files, () => phase, settings, folders, onBatch, cancelled));
  }
  const followed = workers.map((worker) => follow(worker, onBatch, cancelled));
  const shareOf = new Map(files.map((f, i) => [f.uri, i % threads]));
  let ended = false;
  const close = () => {
    ended = true;
    for (const worker of workers) void worker.terminate();
  };
  return {
    done: Promise.all(followed.map((f) => f.phaseDone())).then(() => undefined),
    wantPieces: () => {
      if (!ended) for (const worker of workers) worker.postMessage({ order: 'both' } satisfies WorkerOrder);
    },
    pieces: async (later) => {
      if (ended) return scanFiles(later, 'pieces', settings, folders, onBatch, cancelled);
      const byWorker = workers.map((): ScanFile[] => []);
      for (const file of later) byWorker[shareOf.get(file.uri) ?? 0]!.push(file);
      workers.forEach((worker, t) => worker.postMessage({ order: 'pieces', files: byWorker[t]! } satisfies WorkerOrder));
      await Promise.all(followed.map((f) => f.phaseDone()));
      close();
    },
    close,
  };
}

/** The script the server runs from (its bundle), which starts as a worker when it finds itself in one. */
function entryPoint(): string {
  return require.main?.filename ?? process.argv[1]!;
}

/** A worker's batches to `onBatch`; `phaseDone()` settles when it says the phase it runs is done, or when it ends. */
function follow(worker: Worker, onBatch: (batch: ScanBatch) => void, cancelled: () => boolean): { phaseDone(): Promise<void> } {
  let waiting: (() => void)[] = [];
  let exited = false;
  const settle = () => {
    const now = waiting;
    waiting = [];
    for (const resolve of now) resolve();
  };
  // Batches come every few dozen files: a cancelled scan stops at the next one.
  worker.on('message', (message: ScanBatch | PhaseDone) => {
    if (cancelled()) return void worker.terminate();
    if ('phaseDone' in message) settle();
    else onBatch(message);
  });
  // A worker that fails loses its share for this scan; the files are read again when they change or are opened.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    exited = true;
    settle();
  });
  return { phaseDone: () => (exited ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))) };
}

/**
 * `read`: the disk's promises in the server's thread (which must not block); a worker may read synchronously.
 * `phaseOf`: asked per file (a waiting report turns `summaries` into `both`). `yieldEvery`: in a worker, a
 * turn of its event loop after each batch, so that an order posted to it meanwhile is read.
 */
async function scanEach(
  files: readonly ScanFile[],
  phaseOf: () => ScanPhase,
  settings: SrmSettings,
  folders: readonly string[],
  post: (batch: ScanBatch) => void,
  cancelled: () => boolean,
  read: (uri: string) => DiskRead | Promise<DiskRead> = readDeclarationFile,
  yieldEvery = false,
): Promise<void> {
  const environments = new LspEnvironments();
  environments.setFolders(folders);
  // Strings are interned where the summaries are kept (adopt), not here.
  const pool = new PassThroughPool();
  let batch = emptyBatch();
  const reads: (DiskRead | Promise<DiskRead>)[] = [];
  for (let i = 0; i < files.length; i++) {
    if (cancelled()) return;
    while (reads.length < READ_AHEAD && i + reads.length < files.length) reads.push(read(files[i + reads.length]!.uri));
    const { uri, fingerprint } = files[i]!;
    const got = await reads.shift()!;
    const phase = phaseOf();
    if (got.kind === 'unreadable') {
      batch.unreadable.push(uri);
    } else {
      const environment = environments.environment(uri);
      const now = fingerprintOf(got);
      if (phase === 'pieces' && now === fingerprint) {
        batch.piecesOnly.push({ uri, pieces: piecesOfRead(got, environment) });
      } else if (phase === 'summaries') {
        batch.summaries.push(summarizeRead(uri, got, settings, environment, pool)!);
        batch.fingerprints.push(now);
        batch.pieces.push(undefined);
      } else {
        const scanned = scanRead(uri, got, settings, environment, pool)!;
        batch.summaries.push(scanned.summary);
        batch.fingerprints.push(now);
        batch.pieces.push(scanned.pieces);
      }
    }
    if (batch.summaries.length + batch.piecesOnly.length + batch.unreadable.length >= BATCH) {
      post(batch);
      batch = emptyBatch();
      if (yieldEvery) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (batch.summaries.length + batch.piecesOnly.length + batch.unreadable.length > 0) post(batch);
}

interface MutableBatch {
  summaries: FileSummary[];
  fingerprints: string[];
  pieces: (PortablePieces | undefined)[];
  piecesOnly: { uri: string; pieces: PortablePieces }[];
  unreadable: string[];
}

function emptyBatch(): MutableBatch {
  return { summaries: [], fingerprints: [], pieces: [], piecesOnly: [], unreadable: [] };
}
