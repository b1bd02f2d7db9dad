import type { Rule } from './rule';

/**
 * Findings about a matrix file (`*.srm-matrix.yaml`) itself, reported by the
 * matrix reader and the registry rather than per declaration. Each validation
 * error is its own code, reported on the file with a precise range.
 */
export const matrixMissingSource: Rule = {
  code: 'SRM041',
  name: 'matrix-missing-source',
  severity: 'error',
  description: 'A matrix file does not say where its cells come from (`source:` with a `url:`).',
  help: 'Every finding the checker makes rests on a cell of a matrix, and an auditor asks which table a claim rests on. A matrix names its source: the published table (`url:`), when it was published, and a note on which part of the page it follows.',
  fixes: [],
};

export const matrixMissingCell: Rule = {
  code: 'SRM042',
  name: 'matrix-missing-cell',
  severity: 'error',
  description: 'A service model of a matrix has no cell for one of its layers (after `extends` is resolved).',
  help: 'Every layer needs a cell under every service model: `customer`, `shared`, `provider`, `third-party` or `not-applicable`. A missing cell would leave the checker guessing who owns the layer, so the matrix is not used until it is filled in.',
  fixes: [],
};

export const matrixUnknownCell: Rule = {
  code: 'SRM043',
  name: 'matrix-unknown-cell',
  severity: 'error',
  description: 'A cell value that is not one of `customer`, `shared`, `provider`, `third-party`, `not-applicable`.',
  help: 'Cells take the vocabulary of CSA CCM v4 (STA-04): customer (CSC-owned), provider (CSP-owned), shared, third-party (outsourced) and not-applicable. A cell may also be a mapping: `{ who: shared, note: …, derived: … }`.',
  fixes: ['Change to the closest cell value'],
};

export const matrixBadExtends: Rule = {
  code: 'SRM044',
  name: 'matrix-bad-extends',
  severity: 'error',
  description: 'A matrix extends a matrix nobody defines, or matrices extend each other in a cycle.',
  help: '`extends: id@version` starts from another matrix, built in or in a file the configuration finds. The base must exist and must not, through its own bases, extend this one.',
  fixes: [],
};

export const matrixDuplicateLayer: Rule = {
  code: 'SRM045',
  name: 'matrix-duplicate-layer',
  severity: 'error',
  description: 'A layer listed twice in one matrix file.',
  help: 'Each layer id appears once under `layers:`. To change a layer of the base matrix, list it once with the fields that change.',
  fixes: [],
};

export const matrixClaimedTwice: Rule = {
  code: 'SRM046',
  name: 'matrix-claimed-twice',
  severity: 'error',
  description: 'An alias or `same-as` id that two layers of a matrix claim.',
  help: 'An alias (`os`) or another matrix\'s id (`same-as: [data-classification]`) must mean one layer, or a declaration\'s entry would count for two. Keep it on the layer it means.',
  fixes: [],
};

export const matrixDuplicateId: Rule = {
  code: 'SRM047',
  name: 'matrix-duplicate-id',
  severity: 'error',
  description: 'Two matrices with the same id and version.',
  help: 'A declaration names its matrix by id and version (`azure@2026-01`), so each pair must be unique, built-in matrices included. Give one of them another version.',
  fixes: [],
};

export const matrixInvalid: Rule = {
  code: 'SRM048',
  name: 'matrix-invalid',
  severity: 'error',
  description: 'A matrix file whose content is missing or of the wrong kind (an id, a version, a title, a layer, a model).',
  help: 'A matrix file holds one matrix: `matrix:` (its id: lower-case letters, digits and dashes), `version:`, `title:`, `source:`, optionally `extends:`, then `layers:` (a list, top of the stack first) and `service-models:` (a list, each with its `cells:`). See the README, "Matrices".',
  fixes: [],
};

export const matrixUnknownKey: Rule = {
  code: 'SRM049',
  name: 'matrix-unknown-key',
  severity: 'warning',
  description: 'A key that the matrix format does not define.',
  help: 'Unknown keys are ignored, so a typo such as `aliasses:` silently drops what it was meant to say.',
  fixes: ['Rename to the closest known key'],
};
