/**
 * How many crashes the client forgives: a crashed server is restarted, the
 * first crash of a burst is reported, and once it crashes more than
 * `maxRestarts` times within `windowMs` the client gives up instead of looping.
 * Pure (the clock is passed in), so the policy is one small thing to read.
 */
export type CrashVerdict =
  | { readonly action: 'restart'; readonly tell: boolean; readonly count: number }
  | { readonly action: 'give-up'; readonly count: number };

export class CrashBudget {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now` (ms) and says what to do about it. `count` is the crashes within the window. */
  record(now: number): CrashVerdict {
    this.crashes = this.crashes.filter((at) => now - at <= this.windowMs);
    this.crashes.push(now);
    const count = this.crashes.length;
    if (count > this.maxRestarts) return { action: 'give-up', count };
    // Only the first crash of a burst makes a notification; the rest go to the output.
    return { action: 'restart', tell: count === 1, count };
  }

  /** Forgets past crashes: the user asked for a restart, so the next crash is news again. */
  reset(): void {
    this.crashes = [];
  }
}
