import { isMap, isScalar } from 'yaml';
import { FileFindings, fieldOfKey, kindOf, parseDataFile, reportUnknownKeys, textOf, textsOf, type DataDocument } from '../files/data-file';
import { readFields, type Field } from '../parse/declaration';
import { configInvalidValue, configUnknownCode, configUnknownKey } from '../rules/config-file-rules';
import { yamlSyntax } from '../rules/engine-rules';
import { closest } from '../text/similarity';
import type { Diagnostic, Span } from '../types';
import { parseMatrixRef } from '../matrix/types';
import { CONFIG_KEYS, OVERRIDE_POLICIES, OWNER_KEYS, SEVERITY_LEVELS, type OverridePolicy, type SeverityLevel } from './config-format';

export type { OverridePolicy, SeverityLevel } from './config-format';

export const CONFIG_FILE_NAME = 'srm.config.yaml';
export const DEFAULT_MATRIX_PATTERNS: readonly string[] = ['**/*.srm-matrix.yaml'];

/** One owner of the directory: a team, role or person that may own layers. */
export interface OwnerEntry {
  readonly name: string;
  readonly contact?: string;
  readonly description?: string;
  readonly aliases: readonly string[];
  /** Layers this owner covers (for quick fixes that offer owners). */
  readonly layers: readonly string[];
  /** Where the entry is written. */
  readonly uri: string;
  readonly span: Span;
}

/** Paths in a configuration are relative to the file that writes them. */
export interface RelativePath {
  readonly path: string;
  /** The configuration file it is relative to. */
  readonly from: string;
  readonly span: Span;
}

/** What one configuration file says, before `extends` is followed: only the keys it writes. */
export interface ConfigDraft {
  readonly uri: string;
  readonly extends?: RelativePath;
  readonly matrix?: { readonly ref: string; readonly span: Span };
  readonly matrices?: readonly RelativePath[];
  readonly severity?: ReadonlyMap<string, { readonly level: SeverityLevel; readonly span: Span }>;
  readonly inlineIgnore?: boolean;
  readonly overrides?: OverridePolicy;
  /** Inline owners, or the file that holds them. */
  readonly owners?: { readonly entries: readonly OwnerEntry[] } | { readonly file: RelativePath };
  readonly unknownOwner?: SeverityLevel;
}

/** The configuration a declaration is checked under: every choice that changes a finding. */
export interface SrmConfig {
  /** The configuration file it was read from (the nearest); undefined for the defaults. */
  readonly uri?: string;
  /** The default matrix for declarations that name none. */
  readonly matrix?: { readonly ref: string; readonly uri: string; readonly span: Span };
  /** Where matrix files are, as patterns relative to the file that gives them. */
  readonly matrices: readonly RelativePath[];
  readonly severity: Readonly<Record<string, SeverityLevel>>;
  readonly inlineIgnore: boolean;
  readonly overrides: OverridePolicy;
  /** The owner directory, when there is one. */
  readonly owners?: readonly OwnerEntry[];
  readonly unknownOwner: SeverityLevel;
}

export const DEFAULT_CONFIG: SrmConfig = { matrices: [], severity: {}, inlineIgnore: true, overrides: 'allow', unknownOwner: 'warning' };

const KEYS = CONFIG_KEYS.map((k) => k.key);
const LEVELS: readonly SeverityLevel[] = SEVERITY_LEVELS.map((l) => l.value);
const POLICIES: readonly OverridePolicy[] = OVERRIDE_POLICIES.map((p) => p.value);
const OWNER_FIELD_KEYS = OWNER_KEYS.map((k) => k.key);

/** Reads one configuration file. `knownCodes` are the finding codes a severity may name. */
export function readConfigFile(uri: string, text: string, knownCodes: readonly string[]): { draft: ConfigDraft; findings: FileFindings } {
  const findings = new FileFindings();
  // An empty configuration (or one of comments only) is a valid one: every default.
  const file = parseDataFile(text, findings, { syntax: yamlSyntax, invalid: configInvalidValue }, 'configuration file', { allowEmpty: true });
  if (!file) return { draft: { uri }, findings };
  reportUnknownKeys(file.fields, KEYS, findings, configUnknownKey, 'srm.config.yaml');
  const get = (key: string) => fieldOfKey(file.fields, key);
  const draft: Mutable<ConfigDraft> = { uri };
  const extendsField = get('extends');
  if (extendsField) {
    const path = textOf(extendsField, findings, configInvalidValue, 'extends:');
    if (path !== undefined) draft.extends = { path, from: uri, span: extendsField.valueSpan ?? extendsField.keySpan };
  }
  const matrix = get('matrix');
  if (matrix) {
    const ref = textOf(matrix, findings, configInvalidValue, 'matrix:');
    if (ref !== undefined && !parseMatrixRef(ref)) findings.report(configInvalidValue, `matrix: ${ref} is not a matrix reference: write id@version, e.g. azure@2026-01.`, matrix.valueSpan ?? matrix.keySpan);
    else if (ref !== undefined) draft.matrix = { ref, span: matrix.valueSpan ?? matrix.keySpan };
  }
  const matrices = get('matrices');
  if (matrices) {
    const patterns = textsOf(file, matrices, findings, configInvalidValue, 'matrices:');
    if (patterns) draft.matrices = patterns.filter((p) => p.value !== '').map((p) => ({ path: p.value, from: uri, span: p.span }));
  }
  const severity = get('severity');
  if (severity) draft.severity = readSeverities(file, severity, findings, knownCodes);
  const inline = get('inline-ignore');
  if (inline) {
    const v = inline.value;
    if (isScalar(v) && typeof v.value === 'boolean') draft.inlineIgnore = v.value;
    else findings.report(configInvalidValue, `inline-ignore: takes true or false, not ${kindOf(v)}.`, inline.valueSpan ?? inline.keySpan);
  }
  const overrides = get('overrides');
  if (overrides) draft.overrides = oneOf(overrides, POLICIES, findings, 'overrides:');
  const unknownOwner = get('unknown-owner');
  if (unknownOwner) draft.unknownOwner = oneOf(unknownOwner, LEVELS, findings, 'unknown-owner:');
  const owners = get('owners');
  if (owners) {
    if (isMap(owners.value)) draft.owners = { entries: readOwners(file, readFields(file.doc, owners.value, file.text), uri, findings) };
    else {
      const path = textOf(owners, findings, configInvalidValue, 'owners:');
      if (path !== undefined) draft.owners = { file: { path, from: uri, span: owners.valueSpan ?? owners.keySpan } };
    }
  }
  return { draft: stripUndefined(draft), findings };
}

/** An owner file (`owners: teams.yaml`): the same mapping as inline `owners:`. */
export function readOwnersFile(uri: string, text: string): { entries: readonly OwnerEntry[]; findings: FileFindings } {
  const findings = new FileFindings();
  const file = parseDataFile(text, findings, { syntax: yamlSyntax, invalid: configInvalidValue }, 'owner file');
  return { entries: file ? readOwners(file, file.fields, uri, findings) : [], findings };
}

function readOwners(file: DataDocument, fields: readonly Field[], uri: string, findings: FileFindings): OwnerEntry[] {
  const out: OwnerEntry[] = [];
  for (const field of fields) {
    if (!field.keyIsScalar || field.key.trim() === '') continue;
    const entry: Mutable<OwnerEntry> = { name: field.key, aliases: [], layers: [], uri, span: field.keySpan };
    if (field.value !== null) {
      if (!isMap(field.value)) {
        findings.report(configInvalidValue, `The owner ${field.key} takes a mapping (contact:, aliases:, layers:), or nothing; not ${kindOf(field.value)}.`, field.valueSpan ?? field.keySpan);
      } else {
        const details = readFields(file.doc, field.value, file.text);
        reportUnknownKeys(details, OWNER_FIELD_KEYS, findings, configUnknownKey, `the owner ${field.key}`);
        const contact = fieldOfKey(details, 'contact');
        if (contact) {
          const v = textOf(contact, findings, configInvalidValue, 'contact:');
          if (v !== undefined) entry.contact = v;
        }
        const description = fieldOfKey(details, 'description');
        if (description) {
          const v = textOf(description, findings, configInvalidValue, 'description:');
          if (v !== undefined) entry.description = v;
        }
        const aliases = fieldOfKey(details, 'aliases');
        if (aliases) entry.aliases = (textsOf(file, aliases, findings, configInvalidValue, 'aliases:') ?? []).map((a) => a.value).filter((a) => a !== '');
        const layers = fieldOfKey(details, 'layers');
        if (layers) entry.layers = (textsOf(file, layers, findings, configInvalidValue, 'layers:') ?? []).map((a) => a.value).filter((a) => a !== '');
      }
    }
    out.push(entry);
  }
  return out;
}

function readSeverities(file: DataDocument, field: Field, findings: FileFindings, knownCodes: readonly string[]): Map<string, { level: SeverityLevel; span: Span }> {
  const out = new Map<string, { level: SeverityLevel; span: Span }>();
  if (!isMap(field.value)) {
    findings.report(configInvalidValue, `severity: takes a mapping of codes to levels (SRM006: off), not ${kindOf(field.value)}.`, field.valueSpan ?? field.keySpan);
    return out;
  }
  for (const entry of readFields(file.doc, field.value, file.text)) {
    if (!entry.keyIsScalar) continue;
    const code = entry.key.trim().toUpperCase();
    if (!knownCodes.includes(code)) {
      const [guess] = closest(code, knownCodes, (c) => [c], 1);
      findings.report(configUnknownCode, `${entry.key} is not a finding code${guess ? `; did you mean ${guess}?` : ''} Codes run from ${knownCodes[0]} to ${knownCodes[knownCodes.length - 1]}.`, entry.keySpan, {
        fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ ...entry.keySpan, text: guess }], safe: false, preferred: true }] : [],
      });
      continue;
    }
    const level = oneOf(entry, LEVELS, findings, `severity: ${code}:`);
    if (level !== undefined) out.set(code, { level, span: entry.valueSpan ?? entry.keySpan });
  }
  return out;
}

function oneOf<T extends string>(field: Field, allowed: readonly T[], findings: FileFindings, label: string): T | undefined {
  const v = field.value;
  const written = isScalar(v) && typeof v.value === 'string' ? v.value.trim() : undefined;
  if (written !== undefined && (allowed as readonly string[]).includes(written)) return written as T;
  const [guess] = written === undefined ? [] : closest(written, allowed, (a) => [a], 1);
  const span = field.valueSpan ?? field.keySpan;
  findings.report(configInvalidValue, `${label} takes ${allowed.join(' | ')}, not ${written === undefined ? kindOf(v) : `"${written}"`}.${guess ? ` Did you mean ${guess}?` : ''}`, span, {
    fixes: guess && written !== undefined ? [{ title: `Change to ${guess}`, edits: [{ ...span, text: guess }], safe: false, preferred: true }] : [],
  });
  return undefined;
}

/**
 * The configuration of a chain of files, nearest first (a file, then the file
 * it extends, …): each key from the nearest file that writes it; severities
 * merged code by code, the nearest file winning.
 */
export function mergeConfig(chain: readonly ConfigDraft[], owners?: readonly OwnerEntry[]): SrmConfig {
  const pick = <K extends keyof ConfigDraft>(key: K): ConfigDraft[K] | undefined => chain.find((d) => d[key] !== undefined)?.[key];
  const severity: Record<string, SeverityLevel> = {};
  for (const d of [...chain].reverse()) for (const [code, s] of d.severity ?? []) severity[code] = s.level;
  const matrixDraft = chain.find((d) => d.matrix !== undefined);
  const ownersDraft = pick('owners');
  const inlineOwners = ownersDraft && 'entries' in ownersDraft ? ownersDraft.entries : undefined;
  const directory = owners ?? inlineOwners;
  return {
    ...(chain[0] ? { uri: chain[0].uri } : {}),
    ...(matrixDraft?.matrix ? { matrix: { ...matrixDraft.matrix, uri: matrixDraft.uri } } : {}),
    matrices: pick('matrices') ?? [],
    severity,
    inlineIgnore: pick('inlineIgnore') ?? DEFAULT_CONFIG.inlineIgnore,
    overrides: pick('overrides') ?? DEFAULT_CONFIG.overrides,
    ...(directory ? { owners: directory } : {}),
    unknownOwner: pick('unknownOwner') ?? DEFAULT_CONFIG.unknownOwner,
  };
}

/** A configuration and every file it was read from, each with its findings. */
export interface LoadedConfig {
  readonly config: SrmConfig;
  /** The configuration file, the files it extends and the owner file, each with its findings. */
  readonly files: readonly { readonly uri: string; readonly diagnostics: readonly Diagnostic[] }[];
}

/** True when any file of the configuration has an error: the CLI stops, the editor shows it on the file. */
export function configHasErrors(loaded: LoadedConfig): boolean {
  return loaded.files.some((f) => f.diagnostics.some((d) => d.severity === 'error'));
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
