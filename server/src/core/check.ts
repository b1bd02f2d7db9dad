import type { SeverityLevel } from './config/config';
import { builtInEnvironment, chooseMatrix, type CheckEnvironment, type MatrixChoice } from './environment';
import { EditContext, detectIndentStep } from './fixes/edit-context';
import type { MatrixIndex } from './matrix/matrix-index';
import type { IacView } from './iac/view';
import type { Declaration } from './parse/declaration';
import { parseSegment, type ParseLimits } from './parse/parse-segment';
import { ownCopy, splitDocuments, type Segment } from './parse/split';
import { RULES } from './rules/registry';
import { fileTooLarge, notText, strayByteOrderMark, tooManyProblems, yamlSyntax } from './rules/engine-rules';
import { missingWorkload } from './rules/srm011-missing-workload';
import type { Rule, RuleContext } from './rules/rule';
import { Suppressions } from './suppress';
import { DEFAULT_STRUCTURE_LIMITS } from './parse/structure';
import { lineBreakOf, normalizeLineBreaks } from './text/line-index';
import type { Diagnostic, Fix, Span } from './types';

export interface CheckOptions {
  /** The matrices, configuration and catalogue (default: the built-in ones). */
  readonly environment?: CheckEnvironment;
  /**
   * Honour `# srm-ignore` comments. Default: the configuration's `inline-ignore`;
   * `false` refuses them whatever it says (`--no-inline-ignore`).
   */
  readonly inlineSuppressions?: boolean;
  /** Longest text checked, in UTF-16 code units (default 8 Mi). */
  readonly maxLength?: number;
  /** Aliases one document may use (default 100). */
  readonly maxAliases?: number;
  /** Findings reported for one file (default 20,000; 1,000 per document); past it, one finding says how many more there are. */
  readonly maxFindings?: number;
  /** What the file's `iac:` links resolve to; without it the IaC rules that need the files stay silent. */
  readonly iac?: IacView;
}

/** What the caller knows about a text that the text itself cannot say. */
export interface TextFacts {
  /**
   * The text was decoded from bytes that are not valid UTF-8, the first of
   * them replaced by the U+FFFD at this UTF-16 offset. A U+FFFD alone proves
   * nothing: it may have been written as valid UTF-8.
   */
  readonly invalidUtf8At?: number;
}

export interface CheckedDocument {
  /** The document's position in the file, from 0. */
  readonly index: number;
  /** Where the text the declaration's offsets point into starts in the file: add it to every offset inside. */
  readonly base: number;
  readonly text: string;
  readonly declaration: Declaration;
  /** The matrix the declaration was checked against; undefined when it names one that is unknown or broken. */
  readonly matrix: MatrixIndex | undefined;
  readonly matrixChoice: MatrixChoice;
}

/** A declaration of a segment, with the matrix it was checked against. */
interface CheckedDeclaration {
  readonly declaration: Declaration;
  readonly matrix: MatrixIndex | undefined;
  readonly matrixChoice: MatrixChoice;
}

export interface CheckResult {
  /** Sorted by position; spans and fix edits are offsets into the checked text. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every document with content, in file order. */
  readonly documents: readonly CheckedDocument[];
  /**
   * The findings a check with suppressions off makes of the same text (their
   * fixes aside), set only when `# srm-ignore` comments changed the findings:
   * a report counts every gap, so the check the editor made serves the report
   * too, with no second check. Absent: the same as `diagnostics`.
   */
  readonly unsuppressed?: readonly Diagnostic[];
}

interface SegmentResult {
  readonly declarations: readonly CheckedDeclaration[];
  /** Relative to the segment, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The same with suppressions off, when they changed anything (see CheckResult.unsuppressed). */
  readonly unsuppressed: readonly Diagnostic[] | undefined;
  /** The indentation step the segment shows itself; when it shows none, fixes used the file's. */
  readonly ownIndent: number | undefined;
  /** The file's step the fixes were made with (matters only when `ownIndent` is undefined). */
  readonly fileIndent: number | undefined;
  /** True when a document of the segment was refused as too complex to read. */
  readonly refused: boolean;
  /** The first NUL, relative to the segment. */
  readonly binary: { readonly offset: number; readonly char: string } | undefined;
}

/** A segment as last checked, where it stood, and its findings at that place. */
interface CheckedSegment {
  readonly start: number;
  readonly text: string;
  /** The file's line break when it was checked: fixes carry it. */
  readonly eol: string;
  readonly result: SegmentResult;
  /** `result.diagnostics` shifted to `start`. */
  readonly placed: readonly Diagnostic[];
  /** `result.unsuppressed` shifted to `start`. */
  readonly placedUnsuppressed: readonly Diagnostic[] | undefined;
  /** `result.declarations` as placed in the file: kept, so a document that did not move is the same object after an edit. */
  readonly documents: readonly CheckedDocument[];
}

/** The longest file any adapter reads and the engine checks: in UTF-16 code units for a text, in bytes for a file on disk (never fewer than its characters). */
export const MAX_FILE_SIZE = 8 * 1024 * 1024;
const DEFAULT_MAX_LENGTH = MAX_FILE_SIZE;
const DEFAULT_MAX_ALIASES = 100;
const DEFAULT_MAX_FINDINGS = 20_000;
/** A document with more findings than this is not a declaration with mistakes but something else entirely. */
const MAX_FINDINGS_PER_DOCUMENT = 1000;

/**
 * Checks declaration files. Keeps the result of each document from the last
 * check, so that re-checking a file after an edit re-parses only the documents
 * whose text changed. One checker per file being edited; `checkText` for one-offs.
 */
export class Checker {
  readonly environment: CheckEnvironment;
  private readonly suppress: boolean;
  private readonly severity: Readonly<Record<string, SeverityLevel>>;
  private readonly maxLength: number;
  private readonly maxAliases: number;
  private readonly maxFindings: number;
  private readonly iac: IacView | undefined;
  private previous: readonly CheckedSegment[] = [];

  constructor(options: CheckOptions = {}) {
    this.environment = options.environment ?? builtInEnvironment();
    this.suppress = options.inlineSuppressions !== false && this.environment.config.inlineIgnore;
    this.severity = this.environment.config.severity;
    this.maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    this.maxAliases = options.maxAliases ?? DEFAULT_MAX_ALIASES;
    this.maxFindings = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
    this.iac = options.iac;
  }

  check(original: string, facts: TextFacts = {}): CheckResult {
    if (original.length > this.maxLength) {
      this.previous = [];
      return { diagnostics: withSeverities([fileTooLargeFinding(original.length, this.maxLength)], this.severity), documents: [] };
    }
    // One notion of lines: a lone CR breaks a line, as in YAML and the editor. Same length, same offsets.
    const text = normalizeLineBreaks(original);
    const eol = lineBreakOf(original);
    const segments = splitDocuments(text);
    const reused = this.reusable(segments, eol);
    // A document that shows no indentation step of its own gets fixes indented like the rest of the file.
    const ownIndents = segments.map((seg, i) => (reused[i] ? reused[i].result.ownIndent : detectIndentStep(seg.text)));
    const fileIndent = segments.length > 1 ? mostCommon(ownIndents) : undefined;
    let diagnostics: Diagnostic[] = [];
    const documents: CheckedDocument[] = [];
    let binary: Diagnostic | undefined;
    let refused = false;
    this.previous = segments.map((segment, i) => {
      let result = reused[i]?.result;
      let checkedText = reused[i]?.text ?? segment.text;
      if (!result || (result.ownIndent === undefined && result.fileIndent !== fileIndent)) {
        checkedText = ownCopy(segment.text);
        result = this.checkSegment(checkedText, ownIndents[i], fileIndent, eol, segment.start === 0);
      }
      const stays = reused[i]?.result === result && reused[i].start === segment.start ? reused[i] : undefined;
      const placed = stays ? stays.placed : result.diagnostics.map((d) => shift(d, segment.start));
      const placedUnsuppressed = stays ? stays.placedUnsuppressed : result.unsuppressed?.map((d) => shift(d, segment.start));
      // The file's own text of the segment (its line breaks as written): the checked text, unless a lone CR was read as LF.
      const written = original === text ? checkedText : original.slice(segment.start, segment.start + segment.text.length);
      const placedDocuments =
        stays && sameDocuments(stays.documents, documents.length, written)
          ? stays.documents
          : placeDocuments(result.declarations, documents.length, segment.start, written === checkedText ? written : ownCopy(written));
      // Never spread a long array into a call: a file can hold more findings than the stack has room for arguments.
      for (const d of placedDocuments) documents.push(d);
      for (const d of placed) diagnostics.push(d);
      if (result.binary && !binary) binary = notTextAt(segment.start + result.binary.offset, result.binary.char);
      refused ||= result.refused;
      // Objects kept from one edit to the next outlive the young generation: an unchanged segment keeps its own.
      return stays && stays.eol === eol && stays.documents === placedDocuments ? stays : { start: segment.start, text: checkedText, eol, result, placed, placedUnsuppressed, documents: placedDocuments };
    });
    if (facts.invalidUtf8At !== undefined && !(binary && binary.span.start < facts.invalidUtf8At)) binary = notTextAt(facts.invalidUtf8At, '\uFFFD');
    const fileLevel = binary ?? (documents.length === 0 && !refused ? noDeclaration() : undefined);
    // Each segment's findings are sorted and segments come in order: only a file-level finding needs placing.
    for (const d of fileLevel ? withSeverities([fileLevel], this.severity) : []) {
      diagnostics.push(d);
      diagnostics.sort(byPosition);
    }
    if (diagnostics.length > this.maxFindings) diagnostics = capped(diagnostics, this.maxFindings, 'file');
    const unsuppressed = this.previous.some((s) => s.placedUnsuppressed) ? this.fileFindings(this.previous.map((s) => s.placedUnsuppressed ?? s.placed), fileLevel) : undefined;
    return { diagnostics, documents, ...(unsuppressed ? { unsuppressed } : {}) };
  }

  /** A file's findings from its segments' (placed) findings, as `check` puts them together. */
  private fileFindings(segments: readonly (readonly Diagnostic[])[], fileLevel: Diagnostic | undefined): Diagnostic[] {
    let out: Diagnostic[] = [];
    for (const placed of segments) for (const d of placed) out.push(d);
    for (const d of fileLevel ? withSeverities([fileLevel], this.severity) : []) {
      out.push(d);
      out.sort(byPosition);
    }
    if (out.length > this.maxFindings) out = capped(out, this.maxFindings, 'file');
    return out;
  }

  /**
   * The previous check of each segment whose text is unchanged: matched from
   * both ends by position (an edit usually leaves every other document where it
   * was), then by text for what moved. Comparing in place avoids hashing the
   * whole file on every keystroke.
   */
  private reusable(segments: readonly Segment[], eol: string): (CheckedSegment | undefined)[] {
    // Fixes carry the file's line break: a file whose line breaks changed is checked afresh.
    const prev = this.previous.length > 0 && this.previous[0]!.eol !== eol ? [] : this.previous;
    const out = new Array<CheckedSegment | undefined>(segments.length);
    let front = 0;
    while (front < segments.length && front < prev.length && prev[front]!.text === segments[front]!.text) {
      out[front] = prev[front];
      front++;
    }
    let back = 0;
    while (back < segments.length - front && back < prev.length - front && prev[prev.length - 1 - back]!.text === segments[segments.length - 1 - back]!.text) {
      out[segments.length - 1 - back] = prev[prev.length - 1 - back];
      back++;
    }
    const moved = new Map(prev.slice(front, prev.length - back).map((p) => [p.text, p]));
    for (let i = front; i < segments.length - back; i++) out[i] = moved.get(segments[i]!.text);
    return out;
  }

  private checkSegment(text: string, ownIndent: number | undefined, fileIndent: number | undefined, eol: string, atFileStart: boolean): SegmentResult {
    const declarations: CheckedDeclaration[] = [];
    let diagnostics: Diagnostic[] = [];
    const edits = new EditContext(text, fileIndent, eol);
    const parsed = parseSegment(text, parseLimits(this.maxAliases));
    for (const d of parsed.refused) diagnostics.push(d);
    const boms = strayByteOrderMarks(text, atFileStart);
    const suppressions = this.suppress ? Suppressions.find(text, parsed.documents.map((p) => p.declaration.doc)) : Suppressions.find('');
    for (const doc of parsed.documents) {
      for (const d of doc.problems) diagnostics.push(d);
      if (doc.empty) continue;
      const { matrix, matrixChoice } = declarationOf(doc.declaration, this.environment);
      declarations.push({ declaration: doc.declaration, matrix, matrixChoice });
      if (!doc.checkable) continue;
      const first = diagnostics.length;
      runRules({ declaration: doc.declaration, text, matrix, matrixChoice, environment: this.environment, catalogue: this.environment.catalogue, edits, suppressions, ...(this.iac ? { iac: this.iac } : {}) }, diagnostics);
      // Where the parser had to guess, or an invisible character changed a key, fixes wait for a person.
      if (hasSyntaxError(doc.problems) || boms.length > 0) {
        for (let i = first; i < diagnostics.length; i++) diagnostics[i] = unattended(diagnostics[i]!);
      }
    }
    for (const d of boms) diagnostics.push(d);
    const all = diagnostics;
    const kept = suppressions.apply(all);
    // Only where a suppression changed something does the file keep a second list (for the report).
    const unsuppressed = sameFindings(kept, all) ? undefined : segmentFindings(all, this.severity);
    diagnostics = segmentFindings(kept, this.severity);
    // eslint-disable-next-line no-control-regex -- a NUL is exactly what marks a binary file
    const binary = /\u0000/.exec(text);
    return {
      declarations,
      diagnostics,
      unsuppressed,
      ownIndent,
      fileIndent,
      refused: parsed.wholeRefused,
      binary: binary ? { offset: binary.index, char: binary[0] } : undefined,
    };
  }
}

/** A segment's findings as kept: with the configured severities, sorted (in place), at most MAX_FINDINGS_PER_DOCUMENT. */
function segmentFindings(found: Diagnostic[], severity: Readonly<Record<string, SeverityLevel>>): Diagnostic[] {
  const out = withSeverities(found, severity).sort(byPosition);
  return out.length > MAX_FINDINGS_PER_DOCUMENT ? capped(out, MAX_FINDINGS_PER_DOCUMENT, 'document') : out;
}

/** True when suppressing left the findings as they were (no comment removed or added one). */
function sameFindings(kept: readonly Diagnostic[], all: readonly Diagnostic[]): boolean {
  return kept.length === all.length && kept.every((d, i) => d === all[i]);
}

/**
 * True when a segment's documents, as placed by the last check, stand as they
 * would be placed now: at the same index in the file, over the same text (a
 * lone CR turned LF leaves the checked text, not the file's, the same).
 */
function sameDocuments(documents: readonly CheckedDocument[], index: number, own: string): boolean {
  const first = documents[0];
  return first === undefined || (first.index === index && first.text === own);
}

function placeDocuments(declarations: readonly CheckedDeclaration[], index: number, base: number, text: string): CheckedDocument[] {
  return declarations.map((d, k) => ({ index: index + k, base, text, ...d }));
}

function parseLimits(maxAliases: number): ParseLimits {
  return { maxAliases, ...DEFAULT_STRUCTURE_LIMITS };
}

/** A declaration with the matrix it is checked against: the one place both `Checker.check` and `readDeclarations` choose it. */
function declarationOf(declaration: Declaration, environment: CheckEnvironment): CheckedDeclaration {
  const matrixChoice = chooseMatrix(declaration, environment);
  return { declaration, matrix: matrixChoice.resolution.kind === 'ok' ? matrixChoice.resolution.index : undefined, matrixChoice };
}

/**
 * The documents of a text exactly as `Checker.check` returns them (same
 * declarations, bases, texts and matrices), without running the rules: for
 * what reads only the declarations, such as the workspace index's summaries,
 * where the rules, their fixes and their findings would be work thrown away.
 * Lazy, one segment at a time: a caller that keeps only facts of each
 * document holds one document's syntax tree at a time, not the whole file's.
 */
export function* readDeclarations(original: string, options: Pick<CheckOptions, 'environment' | 'maxLength' | 'maxAliases'> = {}): Generator<CheckedDocument> {
  if (original.length > (options.maxLength ?? DEFAULT_MAX_LENGTH)) return;
  const environment = options.environment ?? builtInEnvironment();
  const limits = parseLimits(options.maxAliases ?? DEFAULT_MAX_ALIASES);
  let index = 0;
  for (const segment of splitDocuments(normalizeLineBreaks(original))) {
    const own = original.slice(segment.start, segment.start + segment.text.length);
    for (const doc of parseSegment(segment.text, limits).documents) {
      if (doc.empty) continue;
      yield { index: index++, base: segment.start, text: own, ...declarationOf(doc.declaration, environment) };
    }
  }
}

/** Byte-order marks inside the text (one at the very start of the file is the file's own mark, and allowed). */
function strayByteOrderMarks(text: string, atFileStart: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let at = text.indexOf('\uFEFF', atFileStart ? 1 : 0); at >= 0 && out.length < 10; at = text.indexOf('\uFEFF', at + 1)) {
    out.push({
      code: strayByteOrderMark.code,
      severity: strayByteOrderMark.severity,
      message: 'An invisible byte-order mark (U+FEFF) sits here, inside the file: it becomes part of the key or value it touches. Remove it.',
      span: { start: at, end: at + 1 },
      fixes: [{ title: 'Remove the byte-order mark', edits: [{ start: at, end: at + 1, text: '' }], safe: true, preferred: true }],
    });
  }
  return out;
}

/** The first `max - 1` findings, and one that says how many more the document or file has. */
function capped(diagnostics: readonly Diagnostic[], max: number, where: 'document' | 'file'): Diagnostic[] {
  const kept = diagnostics.slice(0, max - 1);
  const next = diagnostics[max - 1];
  kept.push({
    code: tooManyProblems.code,
    severity: tooManyProblems.severity,
    message: `${diagnostics.length - kept.length} more problems in this ${where} are not shown: the checker reports at most ${max} per ${where}. Fix the ones above first (often one mistake, repeated).`,
    span: { start: next!.span.start, end: next!.span.start },
    fixes: [],
  });
  return kept;
}

/** The configuration's severities: a code switched `off` is gone (and its fixes with it), others re-levelled. */
function withSeverities(diagnostics: Diagnostic[], levels: Readonly<Record<string, SeverityLevel>>): Diagnostic[] {
  if (Object.keys(levels).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = levels[d.code];
    if (level === 'off') continue;
    out.push(level === undefined || level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.code.localeCompare(b.code);
}

/** The most common defined value; the first seen wins a tie. */
function mostCommon(values: readonly (number | undefined)[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  for (const v of values) {
    if (v === undefined) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === undefined || n > counts.get(best)!) best = v;
  }
  return best;
}

function hasSyntaxError(problems: readonly Diagnostic[]): boolean {
  return problems.some((p) => p.code === yamlSyntax.code && p.severity === 'error');
}

/**
 * Where the parser had to guess, the structure a fix edits may not be the one
 * the user wrote: the fix stays available, but never runs unattended (fix-all, --fix).
 */
function unattended(d: Diagnostic): Diagnostic {
  return d.fixes.some((f) => f.safe) ? { ...d, fixes: d.fixes.map((f) => ({ ...f, safe: false })) } : d;
}

/** Checks one text with a fresh checker. */
export function checkText(text: string, options: CheckOptions = {}, facts: TextFacts = {}): CheckResult {
  return new Checker(options).check(text, facts);
}

/** Runs every rule over one declaration; one context serves them all, as this runs per document per keystroke. */
function runRules(base: Omit<RuleContext, 'report'>, out: Diagnostic[]): void {
  let rule: Rule = RULES[0]!;
  const ctx: RuleContext = {
    ...base,
    report: (f) =>
      out.push({ code: rule.code, severity: f.severity ?? rule.severity, message: f.message, span: f.span, fixes: f.fixes ?? [], ...(f.layerId ? { layerId: f.layerId } : {}), ...(f.gap ? { gap: true } : {}) }),
  };
  for (rule of RULES) {
    if (!rule.check) continue;
    try {
      rule.check(ctx);
    } catch (err) {
      // A rule that fails must not take the others, or the editor, down with it.
      const at = base.declaration.span.start;
      out.push({ code: rule.code, severity: 'error', message: `Internal error in ${rule.code} (${rule.name}): ${(err as Error).message}. Please report it.`, span: { start: at, end: at }, fixes: [] });
    }
  }
}

function shift(d: Diagnostic, by: number): Diagnostic {
  const span = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  const fix = (f: Fix): Fix => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) });
  return { ...d, span: span(d.span), fixes: d.fixes.map(fix) };
}

/** The one finding for a file too large to check: `size` in characters, or in bytes for a file left unread on disk. */
export function fileTooLargeFinding(size: number, max = MAX_FILE_SIZE): Diagnostic {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    code: fileTooLarge.code,
    severity: fileTooLarge.severity,
    message: `This file is ${mb(size)} MB; the checker reads at most ${mb(max)} MB. Split it into smaller declaration files.`,
    span: { start: 0, end: 0 },
    fixes: [],
  };
}

function notTextAt(offset: number, char: string): Diagnostic {
  const what = char === '\u0000' ? 'a NUL byte' : 'bytes that are not valid UTF-8';
  return {
    code: notText.code,
    severity: notText.severity,
    message: `This file holds ${what}: it is not a UTF-8 text file. Save it as UTF-8.`,
    span: { start: offset, end: offset + 1 },
    fixes: [],
  };
}

function noDeclaration(): Diagnostic {
  return {
    code: missingWorkload.code,
    severity: missingWorkload.severity,
    message: 'This file declares no workload. Start with workload:, model: and layers: (the "New declaration" command writes them for you).',
    span: { start: 0, end: 0 },
    fixes: [],
  };
}
