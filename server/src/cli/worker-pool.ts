import { Worker } from 'node:worker_threads';

/**
 * Runs one task per item across worker threads and gives the results back in
 * the items' order, whichever thread finished first. Items go out in small
 * batches to whichever thread asks: a thread that drew slow files does not
 * leave the others idle at the end. A thread that fails (throws, exits, runs
 * out of memory) fails the whole run at once, with every thread stopped:
 * never a wait for results that cannot come.
 */

/** What a worker thread is sent: the items of one batch, by position in the whole list. */
export interface BatchMessage<T> {
  readonly batch: number;
  readonly items: readonly T[];
}

/** What a worker thread answers: one result per item of the batch, in the batch's order. */
export interface ResultMessage<R> {
  readonly batch: number;
  readonly results: readonly R[];
}

/** A thread stopped before it answered; what it said, or how it ended. */
export class WorkerFailedError extends Error {
  override readonly name = 'WorkerFailedError';
}

export interface PoolOptions<S> {
  /** The script each thread runs: it must answer BatchMessages (see `serveBatches`). */
  readonly script: string;
  readonly threads: number;
  /** Given to every thread as its `workerData`: what stays the same for every item. */
  readonly setup: S;
  /** Items in one message: fewer messages, while batches stay small enough to even out the threads' shares. */
  readonly batchSize: number;
}

/** Threads started ahead of their work: they load while this thread finds what to give them. */
export interface Pool<T, R> {
  /** Runs every item (once per pool); rejects with a WorkerFailedError when a thread fails, then or before. */
  run(items: readonly T[]): Promise<R[]>;
  /** Stops every thread: after `run`, or instead of it when the run stops early. */
  close(): void;
}

/** Batches kept in flight per thread, so that a thread has its next batch while its last answer travels. */
const IN_FLIGHT = 2;

export function startPool<S, T, R>(options: PoolOptions<S>): Pool<T, R> {
  const workers: Worker[] = [];
  const pending = new Map<Worker, number>();
  let batches: T[][] | undefined;
  let results: R[][] = [];
  let next = 0;
  let answered = 0;
  let failure: string | undefined;
  let closed = false;
  let settle: { resolve: (r: R[]) => void; reject: (e: Error) => void } | undefined;

  const close = (): void => {
    closed = true;
    for (const w of workers) void w.terminate();
  };
  const fail = (message: string): void => {
    if (closed || failure !== undefined) return;
    failure = message;
    close();
    settle?.reject(new WorkerFailedError(message));
  };
  const feed = (worker: Worker): void => {
    while (batches && next < batches.length && (pending.get(worker) ?? 0) < IN_FLIGHT) {
      pending.set(worker, (pending.get(worker) ?? 0) + 1);
      worker.postMessage({ batch: next, items: batches[next]! } satisfies BatchMessage<T>);
      next++;
    }
  };
  const receive = (worker: Worker, message: ResultMessage<R>): void => {
    if (closed) return;
    if (!batches || !isResult(message) || results[message.batch] !== undefined || message.results.length !== batches[message.batch]?.length) {
      fail('a worker thread answered with something that is not the results of its batch');
      return;
    }
    results[message.batch] = [...message.results];
    pending.set(worker, pending.get(worker)! - 1);
    if (++answered === batches.length) {
      close();
      settle?.resolve(results.flat());
      return;
    }
    feed(worker);
  };

  for (let t = 0; t < options.threads && failure === undefined; t++) {
    let worker: Worker;
    try {
      worker = new Worker(options.script, { workerData: options.setup });
    } catch (err) {
      fail(`a worker thread could not start: ${messageOf(err)}`);
      break;
    }
    workers.push(worker);
    worker.on('message', (message: ResultMessage<R>) => receive(worker, message));
    worker.on('error', (err) => fail(`a worker thread failed: ${messageOf(err)}`));
    worker.on('messageerror', (err) => fail(`a worker thread sent a message that could not be read: ${messageOf(err)}`));
    worker.on('exit', (code) => fail(`a worker thread stopped (exit code ${code}) before it had answered`));
  }

  return {
    run(items) {
      return new Promise<R[]>((resolve, reject) => {
        if (failure !== undefined) return reject(new WorkerFailedError(failure));
        if (closed || batches) return reject(new Error('a pool runs once'));
        if (items.length === 0) {
          close();
          return resolve([]);
        }
        settle = { resolve, reject };
        batches = [];
        for (let i = 0; i < items.length; i += options.batchSize) batches.push(items.slice(i, i + options.batchSize));
        results = new Array<R[]>(batches.length);
        for (const w of workers) feed(w);
      });
    },
    close,
  };
}

/** Starts a pool and runs `items` in it. */
export function runPool<S, T, R>(items: readonly T[], options: PoolOptions<S>): Promise<R[]> {
  return startPool<S, T, R>(options).run(items);
}

function isResult(message: unknown): message is ResultMessage<unknown> {
  const m = message as Partial<ResultMessage<unknown>> | null;
  return typeof m === 'object' && m !== null && typeof m.batch === 'number' && Array.isArray(m.results);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The worker thread's side: answers each batch with `handle` applied to each
 * item. A throw from `handle` is a failure of the thread (the pool reports
 * it): a task that can fail on one item says so in its result instead.
 */
export function serveBatches<T, R>(port: { on(event: 'message', listener: (message: BatchMessage<T>) => void): void; postMessage(message: ResultMessage<R>): void }, handle: (item: T) => R): void {
  port.on('message', (message) => port.postMessage({ batch: message.batch, results: message.items.map(handle) }));
}
