type Schedule = (callback: () => void) => void;

/** Node's setImmediate; a web worker has none (the browser server). */
const immediate = (globalThis as { setImmediate?: Schedule }).setImmediate;

/**
 * Resolves on a later turn of the event loop, after what is already queued:
 * in Node after pending I/O (setImmediate), in a web worker after the tasks
 * already queued, such as messages posted to it (a zero timeout).
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
