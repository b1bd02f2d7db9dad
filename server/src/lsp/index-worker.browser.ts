import type { SrmSettings } from '../../../protocol/settings';
import type { Scan, ScanBatch, ScanFile, ScanPhase } from './index-worker';

/*
 * index-worker.ts for the server in a web worker: no worker threads, and no
 * disk to read the files from (disk.browser.ts finds none to scan). The
 * workspace index holds the open documents only.
 */

export type { Scan, ScanBatch, ScanFile, ScanPhase } from './index-worker';

export function isIndexWorker(): boolean {
  return false;
}

export function runIndexWorker(): void {
  // Never called: isIndexWorker() is false.
}

/** Nothing can be read here: every file asked for is reported unreadable, which keeps it out of the index. */
export function scanFiles(files: readonly ScanFile[], _phase: ScanPhase, _settings: SrmSettings, _folders: readonly string[], onBatch: (batch: ScanBatch) => void, _cancelled: () => boolean): Promise<void> {
  if (files.length > 0) onBatch({ summaries: [], fingerprints: [], pieces: [], piecesOnly: [], unreadable: files.map((f) => f.uri) });
  return Promise.resolve();
}

/** `scanFiles`, whose phase `pieces` has nothing to read either. */
export function startScan(files: readonly ScanFile[], phase: ScanPhase, settings: SrmSettings, folders: readonly string[], onBatch: (batch: ScanBatch) => void, cancelled: () => boolean): Scan {
  return {
    done: scanFiles(files, phase, settings, folders, onBatch, cancelled),
    wantPieces: () => undefined,
    pieces: (later) => scanFiles(later, 'pieces', settings, folders, onBatch, cancelled),
    close: () => undefined,
  };
}
