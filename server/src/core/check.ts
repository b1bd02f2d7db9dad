import { ServiceCatalogue } from './catalogue/catalogue';
import { EditContext, detectIndentStep } from './fixes/edit-context';
import { REFERENCE_MODEL } from './model/reference-model';
import { ModelIndex } from './model/model-index';
import type { IacView } from './iac/view';
import type { ResponsibilityModel } from './model/types';
import type { Declaration } from './parse/declaration';
import { parseSegment } from './parse/parse-segment';
import { splitDocuments, type Segment } from './parse/split';
import { RULES } from './rules/registry';
import { fileTooLarge, notText, unusedSuppression, yamlSyntax } from './rules/engine-rules';
import { missingWorkload } from './rules/srm011-missing-workload';
import type { Rule, RuleContext } from './rules/rule';
import { applySuppressions } from './suppress';
import type { Diagnostic, Fix, Span } from './types';

export interface CheckOptions {
  readonly model?: ResponsibilityModel;
  readonly catalogue?: ServiceCatalogue;
  /** Honour `# srm-ignore` comments (default true). */
  readonly inlineSuppressions?: boolean;
  /** Longest text checked, in UTF-16 code units (default 8 Mi). */
  readonly maxLength?: number;
  /** Aliases one document may use (default 100). */
  readonly maxAliases?: number;
  /** What the file's `iac:` links resolve to; without it the IaC rules that need the files stay silent. */
  readonly iac?: IacView;
}

export interface CheckedDocument {
  /** The document's position in the file, from 0. */
  readonly index: number;
  /** Where the text the declaration's offsets point into starts in the file: add it to every offset inside. */
  readonly base: number;
  readonly text: string;
  readonly declaration: Declaration;
}

export interface CheckResult {
  /** Sorted by position; spans and fix edits are offsets into the checked text. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every document with content, in file order. */
  readonly documents: readonly CheckedDocument[];
}

interface SegmentResult {
  readonly declarations: readonly Declaration[];
  /** Relative to the segment, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The indentation step the segment shows itself; when it shows none, fixes used the file's. */
  readonly ownIndent: number | undefined;
  /** The file's step the fixes were made with (matters only when `ownIndent` is undefined). */
  readonly fileIndent: number | undefined;
  /** The first NUL or U+FFFD, relative to the segment. */
  readonly binary: { readonly offset: number; readonly char: string } | undefined;
}

/** A segment as last checked, where it stood, and its findings at that place. */
interface CheckedSegment {
  readonly start: number;
  readonly text: string;
  readonly result: SegmentResult;
  /** `result.diagnostics` shifted to `start`. */
  readonly placed: readonly Diagnostic[];
}

const DEFAULT_MAX_LENGTH = 8 * 1024 * 1024;
const DEFAULT_MAX_ALIASES = 100;

/**
 * Checks declaration files. Keeps the result of each document from the last
 * check, so that re-checking a file after an edit re-parses only the documents
 * whose text changed. One checker per file being edited; `checkText` for one-offs.
 */
export class Checker {
  readonly model: ModelIndex;
  readonly catalogue: ServiceCatalogue;
  private readonly suppress: boolean;
  private readonly maxLength: number;
  private readonly maxAliases: number;
  private readonly iac: IacView | undefined;
  private previous: readonly CheckedSegment[] = [];

  constructor(options: CheckOptions = {}) {
    this.model = modelIndexFor(options.model ?? REFERENCE_MODEL);
    this.catalogue = options.catalogue ?? defaultCatalogue();
    this.suppress = options.inlineSuppressions ?? true;
    this.maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    this.maxAliases = options.maxAliases ?? DEFAULT_MAX_ALIASES;
    this.iac = options.iac;
  }

  check(text: string): CheckResult {
    if (text.length > this.maxLength) {
      this.previous = [];
      return { diagnostics: [tooLarge(text.length, this.maxLength)], documents: [] };
    }
    const segments = splitDocuments(text);
    const reused = this.reusable(segments);
    // A document that shows no indentation step of its own gets fixes indented like the rest of the file.
    const ownIndents = segments.map((seg, i) => (reused[i] ? reused[i].result.ownIndent : detectIndentStep(seg.text)));
    const fileIndent = segments.length > 1 ? mostCommon(ownIndents) : undefined;
    const diagnostics: Diagnostic[] = [];
    const documents: CheckedDocument[] = [];
    let binary: Diagnostic | undefined;
    this.previous = segments.map((segment, i) => {
      let result = reused[i]?.result;
      if (!result || (result.ownIndent === undefined && result.fileIndent !== fileIndent)) {
        result = this.checkSegment(segment.text, ownIndents[i], fileIndent);
      }
      const placed = reused[i]?.result === result && reused[i].start === segment.start ? reused[i].placed : result.diagnostics.map((d) => shift(d, segment.start));
      for (const declaration of result.declarations) documents.push({ index: documents.length, base: segment.start, text: segment.text, declaration });
      diagnostics.push(...placed);
      if (result.binary && !binary) binary = notTextAt(segment.start + result.binary.offset, result.binary.char);
      return { start: segment.start, text: segment.text, result, placed };
    });
    const fileLevel = binary ?? (documents.length === 0 ? noDeclaration() : undefined);
    // Each segment's findings are sorted and segments come in order: only a file-level finding needs placing.
    if (fileLevel) {
      diagnostics.push(fileLevel);
      diagnostics.sort(byPosition);
    }
    return { diagnostics, documents };
  }

  /**
   * The previous check of each segment whose text is unchanged: matched from
   * both ends by position (an edit usually leaves every other document where it
   * was), then by text for what moved. Comparing in place avoids hashing the
   * whole file on every keystroke.
   */
  private reusable(segments: readonly Segment[]): (CheckedSegment | undefined)[] {
    const prev = this.previous;
    const out = new Array<CheckedSegment | undefined>(segments.length);
    let front = 0;
    while (front < segments.length && front < prev.length && prev[front].text === segments[front].text) {
      out[front] = prev[front];
      front++;
    }
    let back = 0;
    while (back < segments.length - front && back < prev.length - front && prev[prev.length - 1 - back].text === segments[segments.length - 1 - back].text) {
      out[segments.length - 1 - back] = prev[prev.length - 1 - back];
      back++;
    }
    const moved = new Map(prev.slice(front, prev.length - back).map((p) => [p.text, p]));
    for (let i = front; i < segments.length - back; i++) out[i] = moved.get(segments[i].text);
    return out;
  }

  private checkSegment(text: string, ownIndent: number | undefined, fileIndent: number | undefined): SegmentResult {
    const declarations: Declaration[] = [];
    let diagnostics: Diagnostic[] = [];
    const edits = new EditContext(text, fileIndent);
    const parsedDocs = parseSegment(text, { maxAliases: this.maxAliases });
    for (const parsed of parsedDocs) {
      diagnostics.push(...parsed.problems);
      if (parsed.empty) continue;
      declarations.push(parsed.declaration);
      if (!parsed.checkable) continue;
      const first = diagnostics.length;
      runRules({ declaration: parsed.declaration, text, model: this.model, catalogue: this.catalogue, edits, ...(this.iac ? { iac: this.iac } : {}) }, diagnostics);
      if (hasSyntaxError(parsed.problems)) diagnostics.splice(first, diagnostics.length - first, ...diagnostics.slice(first).map(unattended));
    }
    if (this.suppress) {
      diagnostics = applySuppressions(text, diagnostics, parsedDocs.map((p) => p.declaration.doc));
      // A finding the parser hid makes its suppression look unused: do not remove it unattended.
      if (parsedDocs.some((p) => hasSyntaxError(p.problems))) diagnostics = diagnostics.map((d) => (d.code === unusedSuppression.code ? unattended(d) : d));
    }
    // eslint-disable-next-line no-control-regex -- a NUL is exactly what marks a binary file
    const binary = /[\u0000\uFFFD]/.exec(text);
    return {
      declarations,
      diagnostics: diagnostics.sort(byPosition),
      ownIndent,
      fileIndent,
      binary: binary ? { offset: binary.index, char: binary[0] } : undefined,
    };
  }
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
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return new Checker(options).check(text);
}

/** Runs every rule over one declaration; one context serves them all, as this runs per document per keystroke. */
function runRules(base: Omit<RuleContext, 'report'>, out: Diagnostic[]): void {
  let rule: Rule = RULES[0];
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

function tooLarge(length: number, max: number): Diagnostic {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    code: fileTooLarge.code,
    severity: fileTooLarge.severity,
    message: `This file is ${mb(length)} MB; the checker reads at most ${mb(max)} MB. Split it into smaller declaration files.`,
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

const indexes = new WeakMap<ResponsibilityModel, ModelIndex>();

/** One index per model object, shared by every checker of that model. */
export function modelIndexFor(model: ResponsibilityModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new ModelIndex(model)));
  return index;
}

let catalogue: ServiceCatalogue | undefined;
function defaultCatalogue(): ServiceCatalogue {
  return (catalogue ??= new ServiceCatalogue());
}
