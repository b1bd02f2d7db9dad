import { closest, normalizeName } from '../text/similarity';
import { formatMatrixRef, type LayerDefinition, type Matrix, type MatrixCell, type ServiceModelDefinition } from './types';

/**
 * Fast look-ups over one resolved matrix. Built once per matrix and shared by
 * every check, hover and completion of the declarations that use it.
 */
export class MatrixIndex {
  readonly layers: readonly LayerDefinition[];
  readonly models: readonly ServiceModelDefinition[];
  /** `azure@2026-01`. */
  readonly ref: string;
  private readonly layerById = new Map<string, LayerDefinition>();
  private readonly layerPosition = new Map<string, number>();
  private readonly modelById = new Map<string, ServiceModelDefinition>();
  private readonly layerByAlias = new Map<string, LayerDefinition>();
  private readonly layerBySameAs = new Map<string, LayerDefinition>();
  private readonly modelByAlias = new Map<string, ServiceModelDefinition>();

  constructor(readonly matrix: Matrix) {
    this.layers = matrix.layers;
    this.models = matrix.models;
    this.ref = formatMatrixRef(matrix);
    matrix.layers.forEach((layer, i) => {
      this.layerById.set(layer.id, layer);
      this.layerPosition.set(layer.id, i);
      for (const spelling of [layer.id, layer.name, ...layer.aliases]) this.layerByAlias.set(normalizeName(spelling), layer);
      for (const other of layer.sameAs) if (other !== layer.id) this.layerBySameAs.set(other, layer);
    });
    for (const m of matrix.models) {
      this.modelById.set(m.id, m);
      for (const spelling of [m.id, m.name, m.shortName]) this.modelByAlias.set(normalizeName(spelling), m);
    }
  }

  get id(): string {
    return this.matrix.id;
  }

  get version(): string {
    return this.matrix.version;
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

  cell(modelId: string, layerId: string): MatrixCell | undefined {
    return this.modelById.get(modelId)?.cells[layerId];
  }

  /**
   * The layer an entry key documents: the key itself when it is an id, else the
   * layer its spelling stands for, or the layer another matrix's id means here.
   */
  layerIdOf(key: string): string | undefined {
    if (this.layerById.has(key)) return key;
    return this.layerBySameAs.get(key)?.id ?? this.layerByOtherSpelling(key)?.id;
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

  /** The layer here that another matrix calls `id` (its `same-as`), e.g. `customer-data` for `data-classification`. */
  sameAsLayer(id: string): LayerDefinition | undefined {
    return this.layerById.has(id) ? undefined : this.layerBySameAs.get(id);
  }

  /** What this matrix's source says about a layer of other matrices it has no row for. */
  notListed(id: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.matrix.notListed, id) ? this.matrix.notListed[id] : undefined;
  }

  /** A model written as its name or in another case, e.g. `PaaS`. */
  modelByOtherSpelling(text: string): ServiceModelDefinition | undefined {
    const m = this.modelByAlias.get(normalizeName(text));
    return m && m.id !== text ? m : undefined;
  }

  suggestLayers(text: string, max = 3): LayerDefinition[] {
    return closest(text, this.layers, (l) => [l.id, l.name, ...l.aliases, ...l.sameAs], max);
  }

  suggestModels(text: string, max = 3): ServiceModelDefinition[] {
    return closest(text, this.models, (m) => [m.id, m.name], max);
  }
}
