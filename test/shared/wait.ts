/**
 * Polling with a timeout: how every tier of tests waits for a condition, never
 * a fixed sleep. Free of dependencies, so the extension-host suite can load it too.
 */

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Thrown by a probe to end a waitFor at once (the condition can no longer come true). */
export class GiveUp extends Error {}

/** Polls `probe` until it returns a value other than undefined/false; throws after the timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
