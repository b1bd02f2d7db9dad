import type { BandStatus, LayerBand, Responsibility, WorkloadStack } from '../../../protocol/layer-stack';

export const RESPONSIBILITY_LABEL: Readonly<Record<Responsibility, string>> = {
  customer: 'Customer',
  shared: 'Shared',
  'third-party': 'Third party',
  provider: 'Provider',
  'not-applicable': 'Not applicable',
};

export const RESPONSIBILITY_SHORT: Readonly<Record<Responsibility, string>> = {
  customer: 'C',
  shared: 'S',
  'third-party': 'T',
  provider: 'P',
  'not-applicable': 'N/A',
};

export const RESPONSIBILITY_HINT: Readonly<Record<Responsibility, string>> = {
  customer: 'the customer owns this layer',
  shared: 'customer and provider share this layer; a handoff says who does what',
  'third-party': 'a third party the customer contracts does this layer; a handoff says what it does',
  provider: 'the provider runs this layer; nothing is required of the customer',
  'not-applicable': 'this layer does not apply under the model',
};

export const STATUS_LABEL: Readonly<Record<BandStatus, string>> = {
  assigned: 'Assigned',
  gap: 'Gap',
  'wrongly-provider': 'Left to provider',
  incomplete: 'Needs attention',
  provider: "Provider's",
  'not-applicable': 'Not applicable',
  unknown: 'Unknown model',
};

/** Statuses that are a hole in the customer's side of the stack. */
export function isProblem(status: BandStatus): boolean {
  return status === 'gap' || status === 'wrongly-provider';
}

export function isKnownResponsibility(who: unknown): who is Responsibility {
  return who === 'customer' || who === 'shared' || who === 'third-party' || who === 'provider' || who === 'not-applicable';
}

export function responsibilityLabel(who: Responsibility | undefined): string {
  return isKnownResponsibility(who) ? RESPONSIBILITY_LABEL[who] : 'Unknown';
}

export function statusLabel(status: BandStatus): string {
  return STATUS_LABEL[status] ?? String(status);
}

/** A workload's name as people read it; documents without a name get their position. */
export function workloadLabel(workload: WorkloadStack): string {
  const name = typeof workload.workload === 'string' ? workload.workload.trim() : '';
  return name !== '' ? name : `Document ${workload.index + 1} (no workload name)`;
}

export function modelLabel(workload: WorkloadStack): string {
  if (!workload.model) {
    return 'no model';
  }
  return workload.modelName ? `${workload.model} (${workload.modelName})` : workload.model;
}

export function summaryText(workload: WorkloadStack): string {
  const { required, assigned } = workload.summary;
  if (!workload.matrix) {
    return 'Its matrix cannot be used, so it cannot be told which layers need a customer owner.';
  }
  if (workload.handoffAfter === undefined && required === 0) {
    return 'The model is missing or unknown, so it cannot be told which layers need a customer owner.';
  }
  if (required === 0) {
    return 'No layer needs a customer owner under this model.';
  }
  const layers = required === 1 ? 'layer' : 'layers';
  if (assigned >= required) {
    return required === 1
      ? 'The 1 layer that needs a customer owner has one.'
      : `All ${required} ${layers} that need a customer owner have one.`;
  }
  return `${assigned} of ${required} ${layers} that need a customer owner ${required === 1 ? 'has' : 'have'} one.`;
}

/**
 * How many layers of the workload are gaps: the core's count (`summary.gaps`,
 * from its one definition of a gap), never one made here from the statuses.
 */
export function gapCount(workload: WorkloadStack): number {
  return workload.summary.gaps;
}

/** Owned layers whose cell asks for a handoff the entry does not give (status `incomplete`). */
export function attentionCount(workload: WorkloadStack): number {
  return workload.bands.filter((band) => band.status === 'incomplete').length;
}

/** "1 gap", "3 gaps". */
export function gapsText(gaps: number): string {
  return `${gaps} ${gaps === 1 ? 'gap' : 'gaps'}`;
}

/** Cells that ask the customer to name someone: its own team, or the third party it contracts. */
export function asksForOwner(who: Responsibility | undefined): boolean {
  return who === 'customer' || who === 'shared' || who === 'third-party';
}

/** `overridden: Shared → Provider` */
export function overrideLabel(override: NonNullable<LayerBand['override']>): string {
  return `Overridden: ${responsibilityLabel(override.from)} → ${responsibilityLabel(override.to)}`;
}

/** `azure@2026-01`, or `reference@1 (default)`. */
export function matrixLabel(workload: WorkloadStack): string {
  const matrix = workload.matrix;
  if (!matrix) {
    return 'no usable matrix';
  }
  return matrix.isDefault ? `${matrix.ref} (default)` : matrix.ref;
}

/**
 * Numbers for the notes on cells (a derived cell's reason, a matrix's note on a
 * cell): the side-by-side table's cells in reading order first, then any band
 * of the workload that says something the table does not.
 */
export function derivedNotes(workload: WorkloadStack | undefined): Map<string, number> {
  const notes = new Map<string, number>();
  const add = (text: string | undefined): void => {
    if (typeof text === 'string' && text !== '' && !notes.has(text)) {
      notes.set(text, notes.size + 1);
    }
  };
  for (const layerId of layerOrder(workload)) {
    for (const model of workload?.models ?? []) {
      const cell = model.cells.find((c) => c.layerId === layerId);
      add(cell?.derived);
      add(cell?.note);
    }
  }
  for (const band of workload?.bands ?? []) {
    add(band.derived);
    add(band.note);
  }
  return notes;
}

/** Layer ids of the workload's matrix, top of the stack first. */
export function layerOrder(workload: WorkloadStack | undefined): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const push = (id: string): void => {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  for (const band of workload?.bands ?? []) {
    push(band.id);
  }
  for (const model of workload?.models ?? []) {
    for (const cell of model.cells) {
      push(cell.layerId);
    }
  }
  return ids;
}

/** The display names of the workload's layers: its own matrix's, which another workload of the file may not share. */
export function layerNames(workload: WorkloadStack | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const band of workload?.bands ?? []) {
    if (!names.has(band.id) && typeof band.name === 'string' && band.name !== '') {
      names.set(band.id, band.name);
    }
  }
  return names;
}

/** Superscript digits for note markers. */
export function superscript(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((d) => digits[Number(d)] ?? d)
    .join('');
}
