import { keyHover, keyItems, pathKey, valueHover, valueItems, type AssistHover, type AssistItem } from '../files/assist';
import { completionSpotAt } from '../files/completion-spot';
import type { KeySpec } from '../files/key-spec';
import { yamlSpotAt } from '../files/yaml-at';
import type { Span } from '../types';
import { readMatrixFile } from './matrix-file';
import { CELL_KEYS, CELL_VALUES, LAYER_KEYS, MATRIX_KEYS, MODEL_KEYS, SOURCE_KEYS } from './matrix-format';
import type { MatrixIndex } from './matrix-index';
import type { MatrixRegistry, RegistryEntry } from './registry';
import { formatMatrixRef, type LayerDefinition } from './types';

/*
 * Hover and completion in a matrix file (*.srm-matrix.yaml): what each key
 * means, the cell vocabulary, the matrices `extends:` may name and the layers
 * cells and placements may name. `registry` holds this file as the editor has
 * it, beside the matrices around it.
 */

/** The keys each mapping of a matrix file takes, by its path. */
const KEYS_AT: Readonly<Record<string, readonly KeySpec[]>> = {
  '': MATRIX_KEYS,
  source: SOURCE_KEYS,
  'layers/-': LAYER_KEYS,
  'service-models/-': MODEL_KEYS,
  'service-models/-/cells/?': CELL_KEYS,
};

export function matrixFileHover(uri: string, text: string, offset: number, registry: MatrixRegistry): AssistHover | undefined {
  const spot = yamlSpotAt(text, offset);
  if (!spot) return undefined;
  const where = pathKey(spot.path);
  if (spot.kind === 'key') {
    if (/^service-models\/-\/cells\/[^/]+$/.test(where)) return layerHover(layersOf(uri, text, registry), spot.text, spot.span);
    return keyHover(KEYS_AT[pathKey(spot.path.slice(0, -1)).replace(/^(service-models\/-\/cells)\/[^/]+$/, '$1/?')] ?? [], spot.text, spot.span);
  }
  if (/^service-models\/-\/cells\/[^/]+(\/who)?$/.test(where)) return valueHover(CELL_VALUES, spot.text, spot.span);
  if (where === 'extends') return matrixHover(registry, spot.text, spot.span);
  if (/^layers\/-\/(after|before|remove)$/.test(where)) return layerHover(baseLayers(uri, text, registry), spot.text, spot.span);
  return undefined;
}

export function matrixFileCompletions(uri: string, text: string, offset: number, registry: MatrixRegistry): AssistItem[] {
  const spot = completionSpotAt(text, offset);
  if (spot.kind === 'none') return [];
  const where = pathKey(spot.path);
  if (spot.kind === 'key') {
    if (where === 'service-models/-/cells') return layerItems(layersOf(uri, text, registry), spot.present, spot.span);
    return keyItems(KEYS_AT[where.replace(/^(service-models\/-\/cells)\/[^/]+$/, '$1/?')] ?? [], spot.present, spot.span);
  }
  if (/^service-models\/-\/cells\/[^/]+(\/who)?$/.test(where)) return valueItems(CELL_VALUES, spot.span);
  if (where === 'extends') return matrixItems(registry.entries.filter((e) => e.ref !== ownRef(uri, text)), spot.span);
  if (/^layers\/-\/(after|before|remove)$/.test(where)) return layerItems(baseLayers(uri, text, registry), [], spot.span);
  return [];
}

/** The matrices a reference may name, usable ones first, each with its title and source. */
export function matrixItems(entries: readonly RegistryEntry[], span: Span): AssistItem[] {
  return entries.map((e) => ({
    label: e.ref,
    kind: 'matrix',
    detail: e.title,
    documentation: describeEntry(e),
    sortText: `${e.index ? 0 : 1}${e.ref}`,
    span,
  }));
}

/** A matrix reference's hover: id@version, title, source, where it is defined, what it extends. */
export function matrixHover(registry: MatrixRegistry, written: string, span: Span): AssistHover {
  const resolution = registry.resolve(written);
  if (resolution.kind === 'unknown') {
    const guesses = resolution.suggestions.length ? ` Did you mean ${resolution.suggestions.join(', ')}?` : '';
    return { markdown: `**${written.trim()}**: no matrix the checker knows has this id.${guesses}`, span };
  }
  return { markdown: describeEntry(resolution.entry), span };
}

function describeEntry(e: RegistryEntry): string {
  const out = [`**${e.ref}**: ${e.title}`, ''];
  if (e.sourceUrl) out.push(`Source: ${e.sourceUrl}`, '');
  out.push(e.origin.kind === 'built-in' ? 'Built in.' : `Defined in ${e.origin.uri}.`);
  if (e.extends) out.push('', `Extends \`${e.extends}\`.`);
  if (e.broken) out.push('', `Broken: ${e.broken.message}`);
  return out.join('\n');
}

function layerItems(layers: readonly LayerDefinition[], present: readonly string[], span: Span): AssistItem[] {
  return layers
    .filter((l) => !present.includes(l.id))
    .map((l, i) => ({ label: l.id, kind: 'layer', detail: l.name, ...(l.covers ? { documentation: l.covers } : {}), insertText: l.id, sortText: String(i).padStart(3, '0'), span }));
}

function layerHover(layers: readonly LayerDefinition[], id: string, span: Span): AssistHover | undefined {
  const layer = layers.find((l) => l.id === id);
  if (!layer) return undefined;
  return { markdown: [`**${layer.name}** (\`${layer.id}\`)`, ...(layer.covers ? ['', layer.covers] : [])].join('\n'), span };
}

function ownRef(uri: string, text: string): string | undefined {
  const draft = readMatrixFile(uri, text).draft;
  return draft ? formatMatrixRef(draft) : undefined;
}

/** The layers this file's matrix has: as resolved when it resolves, else its base's and its own new ones. */
function layersOf(uri: string, text: string, registry: MatrixRegistry): readonly LayerDefinition[] {
  const draft = readMatrixFile(uri, text).draft;
  const own = draft ? registry.get(formatMatrixRef(draft)) : undefined;
  if (own?.index && own.origin.kind === 'file' && own.origin.uri === uri) return own.index.layers;
  const defined: LayerDefinition[] = (draft?.layers ?? []).flatMap((l) => (l.op === 'define' ? [{ id: l.id, name: l.name ?? l.id, aliases: [], sameAs: [], ...(l.covers ? { covers: l.covers } : {}) }] : []));
  const base = baseLayers(uri, text, registry).filter((b) => !defined.some((d) => d.id === b.id));
  return [...base, ...defined];
}

function baseLayers(uri: string, text: string, registry: MatrixRegistry): readonly LayerDefinition[] {
  const draft = readMatrixFile(uri, text).draft;
  const base: MatrixIndex | undefined = draft?.extends ? resolved(registry, draft.extends.ref) : undefined;
  return base?.layers ?? [];
}

function resolved(registry: MatrixRegistry, ref: string): MatrixIndex | undefined {
  const r = registry.resolve(ref);
  return r.kind === 'ok' ? r.index : undefined;
}
