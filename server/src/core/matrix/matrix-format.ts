/**
 * The keys of a matrix file (`*.srm-matrix.yaml`) at each level, with what
 * each means: the one description the reader, the JSON Schema, hovers and
 * completion read (design reference: srm-matrix.md, "A matrix file").
 */
import type { KeySpec, ValueSpec } from '../files/key-spec';
import type { Cell } from './types';

export const MATRIX_KEYS: readonly KeySpec[] = [
  { key: 'matrix', description: 'The matrix\'s id: lower-case letters, digits and dashes. Declarations name it as `matrix: id@version`.' },
  { key: 'version', description: 'The matrix\'s version: any text without spaces or `@`, such as `1` or `2026-01`. Each id@version names one matrix.' },
  { key: 'title', description: 'The table\'s name, as its source calls it.' },
  { key: 'source', description: 'Where every cell comes from (required): the published table\'s `url:`, when it was `published:`, and a `note:` on which part of the page it follows.', insert: '\n  url: ' },
  { key: 'extends', description: 'Another matrix to start from, as `id@version` (e.g. `reference@1`): its layers and service models, then the changes this file makes.' },
  { key: 'layers', description: 'The rows of the table, top of the stack first: each with an `id:`. With `extends:`, an entry with a known id changes that layer, `remove: <id>` drops one, and a new one is placed with `after:` or `before:`.', insert: '\n  - id: ' },
  { key: 'service-models', description: 'The columns of the table: each with an `id:` and its `cells:`, one per layer. With `extends:`, an entry with a known id changes only the cells it lists; a new id adds a column.', insert: '\n  - id: ' },
  { key: 'not-listed', description: 'Layer ids of other matrices that have no row here, each with what the source says about them (shown when a declaration uses one).', insert: '\n  ' },
];

export const SOURCE_KEYS: readonly KeySpec[] = [
  { key: 'url', description: 'Where the published table is (required).' },
  { key: 'published', description: 'When the source was published or revised, e.g. `2026-01`.' },
  { key: 'note', description: 'Which part of the page the cells follow (the table, not a diagram, say).' },
];

export const LAYER_KEYS: readonly KeySpec[] = [
  { key: 'id', description: 'The layer\'s id: the key declarations write under `layers:`. Lower-case letters, digits and dashes.' },
  { key: 'name', description: 'How people call the layer (required for a new layer).' },
  { key: 'aliases', description: 'Other spellings users write for this layer (`os`, `iam`); the checker understands them and suggests the id.' },
  { key: 'same-as', description: 'Ids of layers of other matrices that mean this layer: a declaration moving to this matrix may keep them, and a fix renames them.' },
  { key: 'covers', description: 'What the layer covers, in one or two sentences.' },
  { key: 'risk', description: 'What typically goes wrong at this layer\'s handoff.' },
  { key: 'owner-duty', description: 'What the named owner is expected to do.' },
  { key: 'after', description: 'Places a new (or moved) layer after this layer of the base matrix.' },
  { key: 'before', description: 'Places a new (or moved) layer before this layer of the base matrix.' },
  { key: 'remove', description: 'Drops this layer of the base matrix (the entry holds nothing else).' },
];

export const MODEL_KEYS: readonly KeySpec[] = [
  { key: 'id', description: 'The service model\'s id: what declarations write as `model:`, such as `paas`.' },
  { key: 'name', description: 'The model\'s full name, e.g. Platform as a Service.' },
  { key: 'short', description: 'How prose writes it, e.g. PaaS.' },
  { key: 'description', description: 'What the provider runs and what the customer brings under this model.' },
  { key: 'examples', description: 'Services the source names for this model.' },
  { key: 'cells', description: 'One cell per layer id: `customer`, `shared`, `third-party`, `provider` or `not-applicable`, or `{ who: …, note: …, derived: … }`.', insert: '\n      ' },
];

export const CELL_KEYS: readonly KeySpec[] = [
  { key: 'who', description: 'Who carries the layer under this model: `customer`, `shared`, `third-party`, `provider` or `not-applicable`.' },
  { key: 'note', description: 'What the source says about this cell, when it says more than the letter.' },
  { key: 'derived', description: 'Set when the source does not state this cell and it was derived: the text says why.' },
];

/** The cell vocabulary of CSA CCM v4 (STA-04, "SSRM control ownership"), with what each asks of a declaration. */
export const CELL_VALUES: readonly ValueSpec<Cell>[] = [
  { value: 'customer', description: 'CSC-owned: the customer carries the layer. A declaration needs an entry with a real owner.' },
  { value: 'shared', description: 'Shared between the provider and the customer. A declaration needs an entry with a real owner and a `handoff:`.' },
  { value: 'third-party', description: 'Outsourced to a third party. A declaration needs an entry whose owner names the third party, with a `handoff:` saying what it does.' },
  { value: 'provider', description: 'CSP-owned: the provider carries the layer. Nothing is required; an entry records an assumption.' },
  { value: 'not-applicable', description: 'The layer does not apply under this model. Nothing is required.' },
];

/** True for the file name of a matrix file (`*.srm-matrix.yaml`, `*.srm-matrix.yml`). */
export function isMatrixFileName(name: string): boolean {
  return /\.srm-matrix\.ya?ml$/i.test(name);
}
