import { availableParallelism } from 'node:os';

/**
 * Worker threads to start by default: one per processor but one, so the
 * thread that hands out the work (the CLI, or the server answering the editor)
 * keeps a processor of its own; at least one, at most `max`.
 */
export function spareProcessors(max: number): number {
  return Math.max(1, Math.min(max, availableParallelism() - 1));
}
