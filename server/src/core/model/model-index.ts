import { closest, normalizeName } from '../text/similarity';
import type { LayerDefinition, ResponsibilityCell, ResponsibilityModel, ServiceModelDefinition } from './types';

/**
 * Fast look-ups over a responsibility model. Built once per model and shared by
 * every check, hover and completion.
 */
export class ModelIndex {
  readonly layers: readonly LayerDefinition[];
  readonly models: readonly ServiceModelDefinition[];
  private readonly layerById = new Map<string, LayerDefinition>();
  private readonly layerPosition = new Map<string, number>();
  private readonly modelById = new Map<string, ServiceModelDefinition>();
  private readonly layerByAlias = new Map<string, LayerDefinition>();
  private readonly modelByAlias = new Map<string, ServiceModelDefinition>();

  constructor(readonly model: ResponsibilityModel) {
    this.layers = model.layers;
    this.models = model.models;
    model.layers.forEach((layer, i) => {
      this.layerById.set(layer.id, layer);
      this.layerPosition.set(layer.id, i);
      for (const spelling of [layer.id, layer.name, ...layer.aliases]) {
        this.layerByAlias.set(normalizeName(spelling), layer);
      }
    });
    for (const m of model.models) {
      this.modelById.set(m.id, m);
      this.modelByAlias.set(normalizeName(m.id), m);
      this.modelByAlias.set(normalizeName(m.name), m);
    }
  }

  layer(id: string): LayerDefinition | undefined {
    return this.layerById.get(id);
  }

  serviceModel(id: string): ServiceModelDefinition | undefined {
    return this.modelById.get(id);
  }

  /** Position of a layer in the stack, top first; -1 when unknown. */
  position(layerId: string): number {
    return this.layerPosition.get(layerId) ?? -1;
  }

  cell(modelId: string, layerId: string): ResponsibilityCell | undefined {
    return this.modelById.get(modelId)?.cells[layerId];
  }

  /** The layer an entry key documents: the key itself when it is an id, else the id its spelling stands for. */
  layerIdOf(key: string): string | undefined {
    return this.layerById.has(key) ? key : this.layerByOtherSpelling(key)?.id;
  }

  /** The layer an entry documents; none for a key that is not text (`? [a, b]`). */
  layerOf(entry: { readonly key: string; readonly keyIsScalar: boolean }): string | undefined {
    return entry.keyIsScalar ? this.layerIdOf(entry.key) : undefined;
  }

  /** A layer written as its display name or a common spelling, e.g. `Operating System` or `os`. */
  layerByOtherSpelling(text: string): LayerDefinition | undefined {
    const layer = this.layerByAlias.get(normalizeName(text));
    return layer && layer.id !== text ? layer : undefined;
  }

  /** A model written as its name or in another case, e.g. `PaaS`. */
  modelByOtherSpelling(text: string): ServiceModelDefinition | undefined {
    const m = this.modelByAlias.get(normalizeName(text));
    return m && m.id !== text ? m : undefined;
  }

  suggestLayers(text: string, max = 3): LayerDefinition[] {
    return closest(text, this.layers, (l) => [l.id, l.name, ...l.aliases], max);
  }

  suggestModels(text: string, max = 3): ServiceModelDefinition[] {
    return closest(text, this.models, (m) => [m.id, m.name], max);
  }
}
