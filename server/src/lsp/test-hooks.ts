import { ErrorCodes, RequestType, RequestType0, ResponseError, type Connection } from 'vscode-languageserver';
import type { FileSummary } from './file-summary';

/**
 * Requests for the protocol tests only. They exist only when the server is
 * started with this flag, and are never announced in the capabilities: an
 * editor cannot reach them.
 */
export const TEST_HOOKS_FLAG = '--srm-test-hooks';

export interface HeapAfterGc {
  /** V8's used heap after full collections, bytes. */
  readonly heapUsed: number;
}
/** Collects garbage (the server must run with `node --expose-gc`) and answers the heap left in use. */
export const HeapAfterGcRequest = new RequestType0<HeapAfterGc, void>('srm/test/heapAfterGc');

export interface ServerCounters {
  /** Engine checks run since the server started (each re-check of a file counts). */
  readonly checks: number;
  /** Resources whose settings the server keeps. */
  readonly cachedSettings: number;
  /** The most memory the process has held so far (peak resident set), bytes. */
  readonly peakRss: number;
}
export const CountersRequest = new RequestType0<ServerCounters, void>('srm/test/counters');

/** A summary as JSON carries it: the line starts as a plain array. */
export type SentSummary = Omit<FileSummary, 'lineStarts'> & { readonly lineStarts: readonly number[] };
/** What the workspace index holds for a file, without starting its scan. */
export const IndexSummaryRequest = new RequestType<{ readonly uri: string }, SentSummary | null, void>('srm/test/indexSummary');

export interface TestHookSources {
  readonly counters: () => Omit<ServerCounters, 'peakRss'>;
  readonly summary: (uri: string) => FileSummary | undefined;
}

/** A server in a web worker has no command line: never enabled there. */
export function testHooksEnabled(argv: readonly string[] = globalThis.process?.argv ?? []): boolean {
  return argv.includes(TEST_HOOKS_FLAG);
}

export function registerTestHooks(connection: Connection, sources: TestHookSources): void {
  if (!testHooksEnabled()) return;
  connection.onRequest(HeapAfterGcRequest, () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) return new ResponseError(ErrorCodes.InternalError, 'start the server with node --expose-gc to measure its heap');
    // Twice: objects with finalizers or weak references are freed only by a second collection.
    gc();
    gc();
    return { heapUsed: process.memoryUsage().heapUsed };
  });
  connection.onRequest(CountersRequest, () => ({ ...sources.counters(), peakRss: process.resourceUsage().maxRSS * 1024 }));
  connection.onRequest(IndexSummaryRequest, ({ uri }) => {
    const summary = sources.summary(uri);
    return summary ? { ...summary, lineStarts: [...summary.lineStarts] } : null;
  });
}
