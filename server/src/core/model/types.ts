/** Who carries a layer under a service model. */
export type Responsibility = 'customer' | 'shared' | 'provider';

export interface LayerDefinition {
  /** Stable id used as the key under `layers:`. */
  readonly id: string;
  readonly name: string;
  /** Other spellings users write for this layer; matched case- and punctuation-insensitively. */
  readonly aliases: readonly string[];
  /** What the layer covers, in one or two sentences. */
  readonly covers: string;
  /** What typically goes wrong at this layer's handoff. */
  readonly risk: string;
  /** What the named owner is expected to do. */
  readonly ownerDuty: string;
}

export interface ResponsibilityCell {
  readonly who: Responsibility;
  /**
   * Set when the reference table does not list this cell and the value was derived;
   * the text says why, and hovers and docs show it.
   */
  readonly derived?: string;
}

export interface ServiceModelDefinition {
  readonly id: string;
  /** How people write it in prose, e.g. `PaaS`. */
  readonly shortName: string;
  readonly name: string;
  readonly description: string;
  /** Example services the reference names for this model. */
  readonly examples: readonly string[];
  /** One cell per layer id, for every layer of the model it belongs to. */
  readonly cells: Readonly<Record<string, ResponsibilityCell>>;
}

export interface ResponsibilityModel {
  /** Top of the stack first. */
  readonly layers: readonly LayerDefinition[];
  readonly models: readonly ServiceModelDefinition[];
}
