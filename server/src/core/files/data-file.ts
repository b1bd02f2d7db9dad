import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { DEFAULT_STRUCTURE_LIMITS } from '../parse/structure';
import { nodeSpan, readFields, keyIsEditable, type Field } from '../parse/declaration';
import { parseSegment } from '../parse/parse-segment';
import { closest } from '../text/similarity';
import { normalizeLineBreaks } from '../text/line-index';
import type { Rule } from '../rules/rule';
import type { Diagnostic, Fix, Severity, Span } from '../types';

/**
 * Reading a YAML file of ours that is data, not a declaration (a matrix file,
 * the configuration): every problem a finding with a precise range, nothing
 * thrown, and what could be read returned.
 */
export class FileFindings {
  readonly diagnostics: Diagnostic[] = [];

  report(rule: Rule, message: string, span: Span, options: { fixes?: readonly Fix[]; severity?: Severity } = {}): void {
    this.diagnostics.push({ code: rule.code, severity: options.severity ?? rule.severity, message, span, fixes: options.fixes ?? [] });
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

export interface DataDocument {
  readonly doc: Document.Parsed;
  readonly root: YAMLMap;
  readonly fields: readonly Field[];
  /** The text as parsed (lone CRs read as line breaks; same offsets). */
  readonly text: string;
}

/**
 * Parses a one-document YAML file whose top level must be a mapping. Parser
 * errors become findings of `syntax`; a second document or another top level
 * is a finding of `invalid`. Returns undefined when nothing can be read.
 */
export function parseDataFile(original: string, findings: FileFindings, rules: { syntax: Rule; invalid: Rule }, what: string, options: { allowEmpty?: boolean } = {}): DataDocument | undefined {
  const text = normalizeLineBreaks(original);
  const parsed = parseSegment(text, { maxAliases: 100, ...DEFAULT_STRUCTURE_LIMITS });
  for (const d of parsed.refused) findings.diagnostics.push(d);
  const documents = parsed.documents.filter((d) => !d.empty);
  for (const d of parsed.documents) for (const p of d.problems) findings.diagnostics.push(p);
  const first = documents[0];
  for (const extra of documents.slice(1)) {
    findings.report(rules.invalid, `A ${what} holds one YAML document; this second one is ignored.`, { start: extra.declaration.span.start, end: extra.declaration.span.start + 3 });
  }
  if (!first) {
    if (parsed.refused.length === 0 && !options.allowEmpty) findings.report(rules.invalid, `This ${what} is empty.`, { start: 0, end: 0 });
    return undefined;
  }
  const root = first.declaration.root;
  if (!root) {
    const span = nodeSpan(first.declaration.doc.contents) ?? { start: 0, end: 0 };
    findings.report(rules.invalid, `A ${what} is a mapping of keys, not ${kindOf(first.declaration.doc.contents)}.`, span);
    return undefined;
  }
  return { doc: first.declaration.doc, root, fields: first.declaration.fields, text };
}

/** The fields of a mapping value, or undefined (reported) when the value is something else. */
export function mapOf(file: DataDocument, field: Field, findings: FileFindings, invalid: Rule, label: string): readonly Field[] | undefined {
  if (isMap(field.value)) return readFields(file.doc, field.value, file.text);
  findings.report(invalid, `${label} must be a mapping, not ${kindOf(field.value)}.`, field.valueSpan ?? field.keySpan);
  return undefined;
}

/** The fields of a mapping node (a list item), or undefined (reported). */
export function mapNode(file: DataDocument, node: Node | null, span: Span, findings: FileFindings, invalid: Rule, label: string): readonly Field[] | undefined {
  if (isMap(node)) return readFields(file.doc, node, file.text);
  findings.report(invalid, `${label} must be a mapping, not ${kindOf(node)}.`, span);
  return undefined;
}

/** The items of a list value with their spans, or undefined (reported). */
export function listOf(_file: DataDocument, field: Field, findings: FileFindings, invalid: Rule, label: string): { node: Node | null; span: Span }[] | undefined {
  if (!isSeq(field.value)) {
    findings.report(invalid, `${label} must be a list, not ${kindOf(field.value)}.`, field.valueSpan ?? field.keySpan);
    return undefined;
  }
  return field.value.items.map((item) => {
    const node = item as Node | null;
    return { node, span: nodeSpan(node) ?? field.keySpan };
  });
}

/** A text (or number) value, trimmed; undefined (reported) when it is something else or empty. */
export function textOf(field: Field, findings: FileFindings, invalid: Rule, label: string): string | undefined {
  const v = field.value;
  if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') && String(v.value).trim() !== '') return String(v.value).trim();
  findings.report(invalid, `${label} must be text, not ${kindOf(v)}.`, field.valueSpan ?? field.keySpan);
  return undefined;
}

/** A list of texts, or one text; each with its span. Undefined (reported) for anything else. */
export function textsOf(file: DataDocument, field: Field, findings: FileFindings, invalid: Rule, label: string): { value: string; span: Span }[] | undefined {
  const v = field.value;
  if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number')) return [{ value: String(v.value).trim(), span: field.valueSpan ?? field.keySpan }];
  const items = listOf(file, field, findings, invalid, label);
  if (!items) return undefined;
  const out: { value: string; span: Span }[] = [];
  for (const item of items) {
    if (isScalar(item.node) && (typeof item.node.value === 'string' || typeof item.node.value === 'number')) out.push({ value: String(item.node.value).trim(), span: item.span });
    else findings.report(invalid, `Each item of ${label} must be text, not ${kindOf(item.node)}.`, item.span);
  }
  return out;
}

/** Reports the keys of `fields` that are not in `known`, with a rename to the closest known key. */
export function reportUnknownKeys(fields: readonly Field[], known: readonly string[], findings: FileFindings, rule: Rule, where: string): void {
  for (const field of fields) {
    if (!field.keyIsScalar || known.includes(field.key)) continue;
    const [guess] = closest(field.key, known, (k) => [k], 1);
    findings.report(
      rule,
      guess ? `"${field.key}" is not a key of ${where}. Did you mean ${guess}:?` : `"${field.key}" is not a key of ${where}; it is ignored. Known keys: ${known.join(', ')}.`,
      field.keySpan,
      { fixes: guess && keyIsEditable(field) ? [{ title: `Change to ${guess}`, edits: [{ ...field.keySpan, text: guess }], safe: false, preferred: true }] : [] },
    );
  }
}

export function fieldOfKey(fields: readonly Field[], key: string): Field | undefined {
  return fields.find((f) => f.keyIsScalar && f.key === key);
}

export function kindOf(node: Node | null | undefined): string {
  if (node === null || node === undefined) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'empty';
    if (typeof node.value === 'boolean') return 'true/false';
    if (typeof node.value === 'number') return 'a number';
    return 'text';
  }
  return 'that value';
}
