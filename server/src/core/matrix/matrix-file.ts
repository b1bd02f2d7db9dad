import { isMap, type Node } from 'yaml';
import { FileFindings, fieldOfKey, kindOf, listOf, mapNode, mapOf, parseDataFile, reportUnknownKeys, textOf, textsOf, type DataDocument } from '../files/data-file';
import { nodeSpan, scalarText, type Field } from '../parse/declaration';
import { yamlSyntax } from '../rules/engine-rules';
import { matrixInvalid, matrixMissingSource, matrixUnknownCell, matrixUnknownKey } from '../rules/matrix-file-rules';
import { closest } from '../text/similarity';
import type { Span } from '../types';
import type { KeySpec } from '../files/key-spec';
import { CELL_KEYS as CELL_SPECS, LAYER_KEYS as LAYER_SPECS, MATRIX_KEYS, MODEL_KEYS as MODEL_SPECS, SOURCE_KEYS as SOURCE_SPECS } from './matrix-format';
import { CELLS, isCell, parseMatrixRef, type MatrixCell, type MatrixSource } from './types';

/**
 * A matrix file as written, before `extends` is resolved: what it defines or
 * changes, each with where it is written, so the resolver can report on it.
 */
export interface MatrixDraft {
  readonly uri: string;
  readonly id: string;
  readonly version: string;
  /** The `matrix:` key: where findings about the whole matrix go. */
  readonly headerSpan: Span;
  readonly title?: string;
  readonly source?: MatrixSource;
  readonly extends?: { readonly ref: string; readonly span: Span };
  readonly layers: readonly DraftLayer[];
  readonly models: readonly DraftModel[];
  readonly notListed: Readonly<Record<string, string>>;
  /** Where `service-models:` is written, or the header when absent. */
  readonly modelsSpan: Span;
}

export type DraftLayer =
  | {
      readonly op: 'define';
      readonly id: string;
      readonly idSpan: Span;
      readonly name?: string;
      readonly aliases?: readonly { readonly value: string; readonly span: Span }[];
      readonly sameAs?: readonly { readonly value: string; readonly span: Span }[];
      readonly covers?: string;
      readonly risk?: string;
      readonly ownerDuty?: string;
      readonly place?: { readonly where: 'after' | 'before'; readonly id: string; readonly span: Span };
    }
  | { readonly op: 'remove'; readonly id: string; readonly idSpan: Span };

export interface DraftModel {
  readonly id: string;
  readonly idSpan: Span;
  readonly name?: string;
  readonly shortName?: string;
  readonly description?: string;
  readonly examples?: readonly string[];
  readonly cells: ReadonlyMap<string, { readonly cell: MatrixCell; readonly span: Span }>;
  /** Layers whose cell is written but not readable (already reported): not missing on top of that. */
  readonly unreadable: ReadonlySet<string>;
  /** Where findings about the model's cells go: its `cells:` key, or its id. */
  readonly cellsSpan: Span;
}

const keysOf = (specs: readonly KeySpec[]) => specs.map((s) => s.key);
const TOP_KEYS = keysOf(MATRIX_KEYS);
const SOURCE_KEYS = keysOf(SOURCE_SPECS);
const LAYER_KEYS = keysOf(LAYER_SPECS);
const MODEL_KEYS = keysOf(MODEL_SPECS);
const CELL_KEYS = keysOf(CELL_SPECS);
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Reads one matrix file. The draft is undefined when the file does not say which matrix it is. */
export function readMatrixFile(uri: string, text: string): { draft: MatrixDraft | undefined; findings: FileFindings } {
  const findings = new FileFindings();
  const file = parseDataFile(text, findings, { syntax: yamlSyntax, invalid: matrixInvalid }, 'matrix file');
  if (!file) return { draft: undefined, findings };
  const reader = new MatrixReader(file, findings);
  return { draft: reader.read(uri), findings };
}

class MatrixReader {
  constructor(
    private readonly file: DataDocument,
    private readonly findings: FileFindings,
  ) {}

  read(uri: string): MatrixDraft | undefined {
    const { fields } = this.file;
    reportUnknownKeys(fields, TOP_KEYS, this.findings, matrixUnknownKey, 'a matrix file');
    const idField = fieldOfKey(fields, 'matrix');
    const start = { start: 0, end: 0 };
    if (!idField) {
      this.findings.report(matrixInvalid, 'A matrix file starts with matrix: and its id (lower-case letters, digits and dashes).', fields[0]?.keySpan ?? start);
      return undefined;
    }
    const id = this.id(idField, 'matrix:');
    const versionField = fieldOfKey(fields, 'version');
    if (!versionField) this.findings.report(matrixInvalid, 'A matrix needs a version: any text, such as 1 or 2026-01; declarations name it as id@version.', idField.keySpan);
    const version = versionField ? textOf(versionField, this.findings, matrixInvalid, 'version:') : undefined;
    if (version !== undefined && /[\s@]/.test(version)) this.findings.report(matrixInvalid, `version: ${version} may not hold spaces or @.`, versionField!.valueSpan ?? versionField!.keySpan);
    const titleField = fieldOfKey(fields, 'title');
    if (!titleField) this.findings.report(matrixInvalid, 'A matrix needs a title: the table\'s name, as its source calls it.', idField.keySpan);
    const title = titleField ? textOf(titleField, this.findings, matrixInvalid, 'title:') : undefined;
    const source = this.source(fieldOfKey(fields, 'source'), idField.keySpan);
    const extendsField = fieldOfKey(fields, 'extends');
    const base = extendsField ? this.extendsRef(extendsField) : undefined;
    const layersField = fieldOfKey(fields, 'layers');
    const modelsField = fieldOfKey(fields, 'service-models');
    if (!layersField && !base) this.findings.report(matrixInvalid, 'A matrix needs layers: the rows of its table, top of the stack first (or extends: another matrix).', idField.keySpan);
    if (!modelsField && !base) this.findings.report(matrixInvalid, 'A matrix needs service-models: the columns of its table, each with its cells (or extends: another matrix).', idField.keySpan);
    const layers = layersField ? this.layers(layersField) : [];
    const models = modelsField ? this.models(modelsField) : [];
    const notListed = this.notListed(fieldOfKey(fields, 'not-listed'));
    if (id === undefined || version === undefined) return undefined;
    return {
      uri,
      id,
      version,
      headerSpan: idField.keySpan,
      ...(title !== undefined ? { title } : {}),
      ...(source ? { source } : {}),
      ...(base ? { extends: base } : {}),
      layers,
      models,
      notListed,
      modelsSpan: modelsField?.keySpan ?? idField.keySpan,
    };
  }

  private id(field: Field, label: string): string | undefined {
    const value = textOf(field, this.findings, matrixInvalid, label);
    if (value === undefined) return undefined;
    if (!ID.test(value)) {
      this.findings.report(matrixInvalid, `${label} ${value} is not an id: use lower-case letters, digits and dashes.`, field.valueSpan ?? field.keySpan);
      return undefined;
    }
    return value;
  }

  private source(field: Field | undefined, header: Span): MatrixSource | undefined {
    if (!field) {
      this.findings.report(matrixMissingSource, 'This matrix names no source: add source: with the url: of the published table its cells come from.', header);
      return undefined;
    }
    const fields = mapOf(this.file, field, this.findings, matrixInvalid, 'source:');
    if (!fields) return undefined;
    reportUnknownKeys(fields, SOURCE_KEYS, this.findings, matrixUnknownKey, 'source:');
    const urlField = fieldOfKey(fields, 'url');
    const url = urlField ? textOf(urlField, this.findings, matrixInvalid, 'source: url:') : undefined;
    if (!url) {
      this.findings.report(matrixMissingSource, 'source: needs a url: where the published table is.', urlField?.keySpan ?? field.keySpan);
      return undefined;
    }
    const published = this.optionalText(fields, 'published', 'source: published:');
    const note = this.optionalText(fields, 'note', 'source: note:');
    return { url, ...(published !== undefined ? { published } : {}), ...(note !== undefined ? { note } : {}) };
  }

  private extendsRef(field: Field): { ref: string; span: Span } | undefined {
    const value = textOf(field, this.findings, matrixInvalid, 'extends:');
    if (value === undefined) return undefined;
    if (!parseMatrixRef(value)) {
      this.findings.report(matrixInvalid, `extends: ${value} is not a matrix reference: write id@version, e.g. reference@1.`, field.valueSpan ?? field.keySpan);
      return undefined;
    }
    return { ref: value, span: field.valueSpan ?? field.keySpan };
  }

  private layers(field: Field): DraftLayer[] {
    const items = listOf(this.file, field, this.findings, matrixInvalid, 'layers:');
    const out: DraftLayer[] = [];
    for (const item of items ?? []) {
      const fields = mapNode(this.file, item.node, item.span, this.findings, matrixInvalid, 'Each layer');
      if (!fields) continue;
      reportUnknownKeys(fields, LAYER_KEYS, this.findings, matrixUnknownKey, 'a layer');
      const remove = fieldOfKey(fields, 'remove');
      if (remove) {
        const id = this.id(remove, 'remove:');
        if (fields.length > 1) this.findings.report(matrixInvalid, 'A remove: entry holds nothing else: it drops a layer of the base matrix.', fields.find((f) => f !== remove)!.keySpan);
        if (id !== undefined) out.push({ op: 'remove', id, idSpan: remove.valueSpan ?? remove.keySpan });
        continue;
      }
      const idField = fieldOfKey(fields, 'id');
      if (!idField) {
        this.findings.report(matrixInvalid, 'Each layer needs an id: (or remove: to drop one of the base matrix).', item.span);
        continue;
      }
      const id = this.id(idField, 'id:');
      if (id === undefined) continue;
      const after = fieldOfKey(fields, 'after');
      const before = fieldOfKey(fields, 'before');
      if (after && before) this.findings.report(matrixInvalid, 'A layer is placed after: or before: another, not both.', before.keySpan);
      const placeField = after ?? before;
      const placeId = placeField ? this.id(placeField, placeField === after ? 'after:' : 'before:') : undefined;
      const name = this.optionalText(fields, 'name', 'name:');
      const aliases = this.optionalTexts(fields, 'aliases', 'aliases:');
      const sameAs = this.optionalTexts(fields, 'same-as', 'same-as:');
      const covers = this.optionalText(fields, 'covers', 'covers:');
      const risk = this.optionalText(fields, 'risk', 'risk:');
      const ownerDuty = this.optionalText(fields, 'owner-duty', 'owner-duty:');
      out.push({
        op: 'define',
        id,
        idSpan: idField.valueSpan ?? idField.keySpan,
        ...(name !== undefined ? { name } : {}),
        ...(aliases ? { aliases } : {}),
        ...(sameAs ? { sameAs } : {}),
        ...(covers !== undefined ? { covers } : {}),
        ...(risk !== undefined ? { risk } : {}),
        ...(ownerDuty !== undefined ? { ownerDuty } : {}),
        ...(placeField && placeId !== undefined ? { place: { where: placeField === after ? 'after' : 'before', id: placeId, span: placeField.valueSpan ?? placeField.keySpan } } : {}),
      });
    }
    return out;
  }

  private models(field: Field): DraftModel[] {
    const items = listOf(this.file, field, this.findings, matrixInvalid, 'service-models:');
    const out: DraftModel[] = [];
    for (const item of items ?? []) {
      const fields = mapNode(this.file, item.node, item.span, this.findings, matrixInvalid, 'Each service model');
      if (!fields) continue;
      reportUnknownKeys(fields, MODEL_KEYS, this.findings, matrixUnknownKey, 'a service model');
      const idField = fieldOfKey(fields, 'id');
      if (!idField) {
        this.findings.report(matrixInvalid, 'Each service model needs an id:, such as `paas`.', item.span);
        continue;
      }
      const id = this.id(idField, 'id:');
      if (id === undefined) continue;
      const cellsField = fieldOfKey(fields, 'cells');
      const name = this.optionalText(fields, 'name', 'name:');
      const shortName = this.optionalText(fields, 'short', 'short:');
      const description = this.optionalText(fields, 'description', 'description:');
      const examples = this.optionalTexts(fields, 'examples', 'examples:')?.map((e) => e.value);
      out.push({
        id,
        idSpan: idField.valueSpan ?? idField.keySpan,
        ...(name !== undefined ? { name } : {}),
        ...(shortName !== undefined ? { shortName } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(examples ? { examples } : {}),
        ...(cellsField ? this.cells(cellsField) : { cells: new Map(), unreadable: new Set<string>() }),
        cellsSpan: cellsField?.keySpan ?? idField.keySpan,
      });
    }
    return out;
  }

  private cells(field: Field): { cells: Map<string, { cell: MatrixCell; span: Span }>; unreadable: Set<string> } {
    const cells = new Map<string, { cell: MatrixCell; span: Span }>();
    const unreadable = new Set<string>();
    const fields = mapOf(this.file, field, this.findings, matrixInvalid, 'cells:');
    for (const cellField of fields ?? []) {
      if (!cellField.keyIsScalar) continue;
      const cell = this.cell(cellField);
      if (cell) cells.set(cellField.key, { cell, span: cellField.keySpan });
      else unreadable.add(cellField.key);
    }
    return { cells, unreadable };
  }

  /** `customer`, or `{ who: shared, note: …, derived: … }`. */
  private cell(field: Field): MatrixCell | undefined {
    const v = field.value;
    if (isMap(v)) {
      const fields = mapOf(this.file, field, this.findings, matrixInvalid, `The cell of ${field.key}`)!;
      reportUnknownKeys(fields, CELL_KEYS, this.findings, matrixUnknownKey, 'a cell');
      const who = fieldOfKey(fields, 'who');
      if (!who) {
        this.findings.report(matrixUnknownCell, `The cell of ${field.key} needs who: (${CELLS.join(', ')}).`, field.keySpan);
        return undefined;
      }
      const value = this.cellValue(who);
      if (value === undefined) return undefined;
      const note = this.optionalText(fields, 'note', 'note:');
      const derived = this.optionalText(fields, 'derived', 'derived:');
      return { who: value, ...(note !== undefined ? { note } : {}), ...(derived !== undefined ? { derived } : {}) };
    }
    const value = this.cellValue(field);
    return value === undefined ? undefined : { who: value };
  }

  private cellValue(field: Field): MatrixCell['who'] | undefined {
    const v = field.value;
    const written = scalarText(v);
    if (written !== undefined && isCell(written)) return written;
    const span = field.valueSpan ?? field.keySpan;
    const guess = written === undefined ? undefined : closest(written, CELLS, (c) => [c], 1)[0];
    this.findings.report(matrixUnknownCell, `${written === undefined ? kindOf(v) : `"${written}"`} is not a cell: write ${CELLS.join(', ')}.${guess ? ` Did you mean ${guess}?` : ''}`, span, {
      fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ ...span, text: guess }], safe: false, preferred: true }] : [],
    });
    return undefined;
  }

  private notListed(field: Field | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!field) return out;
    for (const entry of mapOf(this.file, field, this.findings, matrixInvalid, 'not-listed:') ?? []) {
      const note = textOf(entry, this.findings, matrixInvalid, `not-listed: ${entry.key}`);
      if (note !== undefined && entry.keyIsScalar) out[entry.key] = note;
    }
    return out;
  }

  private optionalText(fields: readonly Field[], key: string, label: string): string | undefined {
    const field = fieldOfKey(fields, key);
    return field ? textOf(field, this.findings, matrixInvalid, label) : undefined;
  }

  private optionalTexts(fields: readonly Field[], key: string, label: string): { value: string; span: Span }[] | undefined {
    const field = fieldOfKey(fields, key);
    return field ? textsOf(this.file, field, this.findings, matrixInvalid, label) : undefined;
  }
}

/** Where a node is written, for findings (its start when it has no range). */
export function spanOf(node: Node | null, fallback: Span): Span {
  return nodeSpan(node) ?? fallback;
}
