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
 * (the full check) come in a second pass.
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

/** The worker's side: scans its files, posting batches, then ends. */
export function runIndexWorker(): void {
  const job = workerData as Job;
  void scanEach(job.files, job.phase, job.settings, job.folders, (batch) => parentPort!.postMessage(batch), () => false, readDeclarationFileSync);
}

/**
 * Reads `files` and makes what `phase` asks of each, in worker threads when it
 * can start them (in this thread otherwise, where a few files are checked
 * once for both summary and pieces). `onBatch` receives the results as they
 * come; it resolves once every file is done, or soon after `cancelled` turns true.
 */
export async function scanFiles(files: readonly ScanFile[], phase: ScanPhase, settings: SrmSettings, folders: readonly string[], onBatch: (batch: ScanBatch) => void, cancelled: () => boolean): Promise<void> {
  if (files.length === 0) return;
  // A thread costs tens of milliseconds to start: a few files are read sooner here.
  if (files.length <= BATCH) return scanEach(files, phase === 'summaries' ? 'both' : phase, settings, folders, onBatch, cancelled);
  const threads = Math.min(spareProcessors(4), Math.ceil(files.length / BATCH));
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  let workers: Worker[];
  try {
    workers = shares.map((share) => new Worker(entryPoint(), { workerData: { role: ROLE, phase, files: share, settings, folders } satisfies Job }));
  } catch {
    return scanEach(files, phase, settings, folders, onBatch, cancelled);
  }
  await Promise.all(workers.map((worker) => follow(worker, onBatch, cancelled)));
}

/** The script the server runs from (its bundle), which starts as a worker when it finds itself in one. */
function entryPoint(): string {
  return require.main?.filename ?? process.argv[1]!;
}

function follow(worker: Worker, onBatch: (batch: ScanBatch) => void, cancelled: () => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    // Batches come every few dozen files: a cancelled scan stops at the next one.
    worker.on('message', (batch: ScanBatch) => (cancelled() ? void worker.terminate() : onBatch(batch)));
    // A worker that fails loses its share for this scan; the files are read again when they change or are opened.
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve());
  });
}

/** `read`: the disk's promises in the server's thread (which must not block); a worker may read synchronously. */
async function scanEach(
  files: readonly ScanFile[],
  phase: ScanPhase,
  settings: SrmSettings,
  folders: readonly string[],
  post: (batch: ScanBatch) => void,
  cancelled: () => boolean,
  read: (uri: string) => DiskRead | Promise<DiskRead> = readDeclarationFile,
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
