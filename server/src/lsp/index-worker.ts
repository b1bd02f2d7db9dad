import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import type { SrmSettings } from '../../../protocol/settings';
import { decode, textFactsOf } from '../io/encoding';
import { MAX_FILE_BYTES } from '../io/file-size';
import { readDeclarationFile, type DiskRead } from './disk';
import { LspEnvironments } from './environments';
import type { PortablePieces } from '../core/report';
import { StringPool, type FileSummary } from './file-summary';
import { scanRead } from './index-worker-read';

/**
 * Reading and checking every declaration of a large workspace is the engine's
 * full cost per file (most of it parsing). Worker threads do it: the editor's
 * requests never wait behind the scan, a machine with more cores scans in a
 * fraction of the time, and the garbage of 20,000 checks goes with the
 * worker's heap, leaving the server's holding only the summaries.
 */

const ROLE = 'srm-index-worker';
/** Summaries posted together: fewer messages, and still a steady flow to the index. */
const BATCH = 64;
/** Files read ahead of the one being checked, so the disk works while the engine does. */
const READ_AHEAD = 8;

interface Job {
  readonly role: typeof ROLE;
  readonly uris: readonly string[];
  readonly settings: SrmSettings;
  /** The workspace folders' uris: each file's configuration is found as the server finds it. */
  readonly folders: readonly string[];
}

export interface ScanBatch {
  readonly summaries: readonly FileSummary[];
  /** Each summary's file's report pieces (same order), from the same check: the report's first build only assembles them. */
  readonly pieces: readonly PortablePieces[];
  /** Files that could not be read (gone, or not files). */
  readonly unreadable: readonly string[];
}

/** True in a thread started by `summarizeFiles`: the server's entry point runs the worker instead of a server. */
export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as Partial<Job> | undefined)?.role === ROLE;
}

/** The worker's side: summarizes its files, posting batches, then ends. */
export function runIndexWorker(): void {
  const job = workerData as Job;
  void summarizeEach(job.uris, job.settings, job.folders, (batch) => parentPort!.postMessage(batch), () => false, readDeclarationFileSync);
}

/**
 * Reads, checks and summarizes `uris` with `settings`, in worker threads when
 * it can start them (in this thread otherwise). `onBatch` receives the
 * summaries as they come; it resolves once every file is done, or soon after
 * `cancelled` turns true.
 */
export async function summarizeFiles(uris: readonly string[], settings: SrmSettings, folders: readonly string[], onBatch: (batch: ScanBatch) => void, cancelled: () => boolean): Promise<void> {
  if (uris.length === 0) return;
  // A thread costs tens of milliseconds to start: a few files are read sooner here.
  if (uris.length <= BATCH) return summarizeEach(uris, settings, folders, onBatch, cancelled);
  const threads = Math.max(1, Math.min(4, availableParallelism() - 1, Math.ceil(uris.length / BATCH)));
  const shares = Array.from({ length: threads }, (_, t) => uris.filter((_, i) => i % threads === t));
  let workers: Worker[];
  try {
    workers = shares.map((share) => new Worker(entryPoint(), { workerData: { role: ROLE, uris: share, settings, folders } satisfies Job }));
  } catch {
    return summarizeEach(uris, settings, folders, onBatch, cancelled);
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
async function summarizeEach(
  uris: readonly string[],
  settings: SrmSettings,
  folders: readonly string[],
  post: (batch: ScanBatch) => void,
  cancelled: () => boolean,
  read: (uri: string) => DiskRead | Promise<DiskRead> = readDeclarationFile,
): Promise<void> {
  const environments = new LspEnvironments();
  environments.setFolders(folders);
  // Strings are interned again where the summaries are kept; this pool only shares them within a batch.
  const pool = new StringPool();
  let summaries: FileSummary[] = [];
  let pieces: PortablePieces[] = [];
  let unreadable: string[] = [];
  const reads: (DiskRead | Promise<DiskRead>)[] = [];
  for (let i = 0; i < uris.length; i++) {
    if (cancelled()) return;
    while (reads.length < READ_AHEAD && i + reads.length < uris.length) reads.push(read(uris[i + reads.length]!));
    const uri = uris[i]!;
    const scanned = scanRead(uri, await reads.shift()!, settings, environments.environment(uri), pool);
    if (scanned) {
      summaries.push(scanned.summary);
      pieces.push(scanned.pieces);
    } else {
      unreadable.push(uri);
    }
    if (summaries.length + unreadable.length >= BATCH) {
      post({ summaries, pieces, unreadable });
      summaries = [];
      pieces = [];
      unreadable = [];
    }
  }
  if (summaries.length + unreadable.length > 0) post({ summaries, pieces, unreadable });
}

/**
 * readDeclarationFile (disk.ts) without the promises, for a worker thread,
 * where blocking is harmless: a stat and a read cost microseconds from the
 * page cache, where the promise API's four round trips through the thread
 * pool cost a fifth of the scan (profiled). Same answers, same order of
 * checks: a stat first, so a file too large is never read.
 */
function readDeclarationFileSync(uri: string): DiskRead {
  const file = URI.parse(uri).fsPath;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { kind: 'unreadable' };
    if (stat.size > MAX_FILE_BYTES) return { kind: 'too-large', size: stat.size };
    const decoded = decode(readFileSync(file));
    return { kind: 'text', text: decoded.text, facts: textFactsOf(decoded) };
  } catch {
    return { kind: 'unreadable' };
  }
}
