import type { Cell } from './types';

/**
 * What a cell asks of a declaration's entry for that layer: the one place that
 * says it (the design reference, "What each cell asks of a declaration").
 * - customer: an entry with a real owner;
 * - shared: an entry with a real owner and a `handoff:`;
 * - third-party: an entry whose owner names the third party, with a `handoff:`
 *   saying what the third party does;
 * - provider and not-applicable: nothing (an entry records an assumption).
 */
export interface Duty {
  /** An entry with a real owner is required. */
  readonly owner: boolean;
  /** The entry must say where the handoff is. */
  readonly handoff: boolean;
}

const DUTIES: Readonly<Record<Cell, Duty>> = {
  customer: { owner: true, handoff: false },
  shared: { owner: true, handoff: true },
  'third-party': { owner: true, handoff: true },
  provider: { owner: false, handoff: false },
  'not-applicable': { owner: false, handoff: false },
};

export function dutyOf(cell: Cell): Duty {
  return DUTIES[cell];
}

/** True when the cell asks for an owner: a layer with no real owner there is a gap. */
export function needsOwner(cell: Cell | undefined): boolean {
  return cell !== undefined && DUTIES[cell].owner;
}

/**
 * How much of a layer's duty the customer side carries, for the override
 * policy `no-reduction` (an override may not lower it): all of it, half, what a
 * third party it contracts does, or none.
 */
export function customerShare(cell: Cell): number {
  switch (cell) {
    case 'customer':
      return 3;
    case 'shared':
      return 2;
    case 'third-party':
      return 1;
    case 'provider':
    case 'not-applicable':
      return 0;
  }
}

/** The cell in words: "the customer's", "shared", … for messages. */
export function cellPhrase(cell: Cell): string {
  switch (cell) {
    case 'customer':
      return "the customer's";
    case 'shared':
      return 'shared between the provider and the customer';
    case 'third-party':
      return 'outsourced to a third party';
    case 'provider':
      return "the provider's";
    case 'not-applicable':
      return 'not applicable';
  }
}
