import type { Range } from 'vscode-languageserver';
import type { SrmSettings } from '../../../protocol/settings';
import { fieldOf, gapCount, layerOfEntry, readDeclarations, stringValue, type CheckEnvironment, type CheckedDocument, type OverridePolicy, type Span } from '../core';
import { readIacLinks } from '../core/iac/links';
import { lineCharacterAt, lineStartsOf as coreLineStartsOf } from '../core/text/line-starts';
import { readDeclarationFile, type DiskRead } from './disk';

/*
 * Places are kept as spans (UTF-16 offsets into the file's text) and turned
 * into LSP ranges on demand with the file's line starts (`rangeOf`): a range
 * object per place would make a summary twice as large, and a large workspace
 * holds hundreds of thousands of them.
 */

/** One entry under `layers:`, as the workspace index keeps it. */
export interface EntrySummary {
  /** The key as written. */
  readonly key: string;
  readonly keySpan: Span;
  /** The layer the key stands for (by id or another spelling); undefined for an unknown key. */
  readonly layerId: string | undefined;
  /** The owner as written, when it is text. */
  readonly owner: string | undefined;
  /** Where the owner's value is written. */
  readonly ownerSpan: Span | undefined;
}

/** One `iac:` entry, as written: where it points and the resources it names (none: all the workload resources there). */
export interface IacEntrySummary {
  readonly path: string;
  readonly resources: readonly string[];
}

/** Most declarations have no `iac:` entries: they share one empty list. */
const NO_IAC: readonly IacEntrySummary[] = Object.freeze([]);

/** One declaration (one YAML document) of a file. */
export interface WorkloadSummary {
  /** Its position in the file, from 0. */
  readonly index: number;
  /** The `workload:` value, when it is text. */
  readonly name: string | undefined;
  readonly nameSpan: Span | undefined;
  /** The whole document (from its `---`, when it has one). */
  readonly span: Span;
  /** The `model:` value as written, when it is text. */
  readonly model: string | undefined;
  /** The `matrix:` value as written, when there is one. */
  readonly matrix: string | undefined;
  readonly entries: readonly EntrySummary[];
  /** Its `iac:` entries, as written (resolved only when a view opens them). */
  readonly iac: readonly IacEntrySummary[];
  /** Its gaps: layers whose cell asks for an owner with no real one (the core's one definition). */
  readonly gaps: number;
}

/**
 * What the workspace index keeps of one file: names, owners and where they are
 * written, never the text or the syntax tree.
 */
export interface FileSummary {
  readonly uri: string;
  /** The editor's version it was taken from, or null when it was read from disk. */
  readonly version: number | null;
  readonly workloads: readonly WorkloadSummary[];
  /** Every gap of the file: the sum of its workloads'. */
  readonly gaps: number;
  /** Where each line of the text starts, for `rangeOf` (a typed array: half the size of a plain one). */
  readonly lineStarts: Uint32Array;
}

/** A place in a summarized file as an LSP range (line and UTF-16 column, as `TextDocument.positionAt` counts). */
export function rangeOf(summary: { readonly lineStarts: ArrayLike<number> }, span: Span): Range {
  return { start: lineCharacterAt(summary.lineStarts, span.start), end: lineCharacterAt(summary.lineStarts, span.end) };
}

/** Line starts as LSP counts lines (the core's one reading), typed: half the size of a plain array. */
function lineStartsOf(text: string): Uint32Array {
  return Uint32Array.from(coreLineStartsOf(text));
}

/**
 * Strings in a summary are copies: a value sliced out of the text (as the YAML
 * parser's are) would otherwise keep the whole text alive. Names repeat across
 * a workspace (owners, layer keys, models), so each is kept once, counted by
 * the summaries that use it and dropped with the last (an owner typed letter
 * by letter leaves nothing behind).
 */
export class StringPool {
  private readonly strings = new Map<string, { readonly kept: string; uses: number }>();

  get size(): number {
    return this.strings.size;
  }

  /** The pool's copy of `value`, counted as one more use. */
  intern(value: string): string;
  intern(value: string | undefined): string | undefined;
  intern(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    let entry = this.strings.get(value);
    if (!entry) {
      const kept = freshCopy(value);
      this.strings.set(kept, (entry = { kept, uses: 0 }));
    }
    entry.uses++;
    return entry.kept;
  }

  /** Gives back every string a summary took. */
  release(summary: FileSummary): void {
    for (const w of summary.workloads) this.releaseWorkload(w);
  }

  /** Gives back every string one workload summary took. */
  releaseWorkload(workload: WorkloadSummary): void {
    for (const value of stringsOf(workload)) {
      const entry = this.strings.get(value);
      if (entry && --entry.uses === 0) this.strings.delete(value);
    }
  }

  /** Counts again the strings of a workload summary it gave back, which hold the pool's copies still (a cache kept it). */
  retainWorkload(workload: WorkloadSummary): void {
    for (const value of stringsOf(workload)) this.intern(value);
  }
}

/**
 * For summaries made to be posted to another thread and adopted there: the
 * copy the thread boundary makes already shares nothing with the text, and
 * `adopt` interns them where they are kept. Pooling them here too would copy
 * every string twice, and keep every distinct one until the scan ends.
 */
export class PassThroughPool extends StringPool {
  override intern(value: string): string;
  override intern(value: string | undefined): string | undefined;
  override intern(value: string | undefined): string | undefined {
    return value;
  }

  override release(): void {
    // Nothing was kept.
  }

  override releaseWorkload(): void {
    // Nothing was kept.
  }

  override retainWorkload(): void {
    // Nothing is kept.
  }
}

/** Node's Buffer; the server in a web worker has none. */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/**
 * A fresh flat string that shares nothing with the text it came from. Both
 * round trips are lossless, lone surrogates included; Node's is the cheaper.
 */
function freshCopy(value: string): string {
  return NodeBuffer ? NodeBuffer.from(value, 'utf16le').toString('utf16le') : (JSON.parse(JSON.stringify(value)) as string);
}

/** Reads a summary off a check result of `text`. `cache`: for a file summarized again and again as it is edited (see SummaryCache). */
export function summarize(
  uri: string,
  version: number | null,
  text: string,
  result: { readonly documents: Iterable<CheckedDocument> },
  policy: OverridePolicy,
  pool: StringPool,
  cache?: SummaryCache,
): FileSummary {
  if (!cache) {
    const workloads = Array.from(result.documents, (checked) => workloadOf(checked, policy, pool));
    return { uri, version, workloads, gaps: workloads.reduce((n, w) => n + w.gaps, 0), lineStarts: lineStartsOf(text) };
  }
  const documents = Array.isArray(result.documents) ? (result.documents as readonly CheckedDocument[]) : [...result.documents];
  // Line starts first: they are carried by where the last summary had each document.
  const lineStarts = cache.lineStartsOf(text, documents);
  const workloads = documents.map((checked) => cache.workloadOf(checked, policy, pool));
  return { uri, version, workloads, gaps: workloads.reduce((n, w) => n + w.gaps, 0), lineStarts };
}

function workloadOf(checked: CheckedDocument, policy: OverridePolicy, pool: StringPool): WorkloadSummary {
  const at = (s: Span): Span => ({ start: s.start + checked.base, end: s.end + checked.base });
  const decl = checked.declaration;
  const workload = fieldOf(decl.fields, 'workload');
  const name = stringValue(workload);
  const span = at(decl.span);
  const entries = (decl.layers?.entries ?? []).map((entry): EntrySummary => {
    const owner = fieldOf(entry.fields, 'owner');
    const ownerText = stringValue(owner);
    return {
      key: pool.intern(entry.key),
      keySpan: at(entry.keySpan),
      layerId: pool.intern(layerOfEntry(checked, entry)),
      owner: pool.intern(ownerText),
      ownerSpan: ownerText !== undefined && owner?.valueSpan ? at(owner.valueSpan) : undefined,
    };
  });
  const links = readIacLinks(decl).links;
  const iac = links.length === 0 ? NO_IAC : links.map((l): IacEntrySummary => ({ path: pool.intern(l.path), resources: (l.resources ?? []).map((r) => pool.intern(r.name)) }));
  return {
    index: checked.index,
    name: pool.intern(name),
    nameSpan: name !== undefined && workload?.valueSpan ? at(workload.valueSpan) : undefined,
    span,
    model: pool.intern(stringValue(fieldOf(decl.fields, 'model'))),
    matrix: pool.intern(stringValue(fieldOf(decl.fields, 'matrix'))),
    entries,
    iac,
    gaps: gapCount(checked, policy),
  };
}

/**
 * The pool's count of one workload's strings. A workload summary a cache
 * carries from one summary of its file to the next (as it is, or moved) holds
 * the same strings: they are counted once for all its copies, while the index
 * holds one of them (`exchangeWorkloads`).
 */
class CountedStrings {
  /** True while the pool counts them. */
  counted = true;
}

/** Which CountedStrings a workload summary's strings are: a workload made without a cache is its own. */
const countedStrings = new WeakMap<WorkloadSummary, CountedStrings>();

/** A workload summary as last made from one declaration, with what it rests on. */
interface CachedWorkload {
  readonly summary: WorkloadSummary;
  readonly counted: CountedStrings;
  readonly matrix: CheckedDocument['matrix'];
  readonly policy: OverridePolicy;
  readonly base: number;
  /** The number of the last summary that read it (SummaryCache.number). */
  seen: number;
}

/**
 * A file's workload summaries as last made, by declaration, and the line
 * starts of each document's text. The checker hands back the same Declaration
 * object for every document whose text did not change since the last check, so
 * summarizing an edited file again reads only the documents that changed: the
 * others' summaries are taken as they were, or moved by as many characters as
 * their document moved (an edit above it). A summary rests only on the
 * declaration (whose places are relative to its document), its matrix, the
 * policy and where its document starts.
 */
export class SummaryCache {
  private readonly workloads = new WeakMap<CheckedDocument['declaration'], CachedWorkload>();
  /** The last summary's line starts, and which summary it was (workloads carry the number of the last that read them). */
  private lastLineStarts: Uint32Array | undefined;
  private number = 0;

  workloadOf(checked: CheckedDocument, policy: OverridePolicy, pool: StringPool): WorkloadSummary {
    const known = this.workloads.get(checked.declaration);
    let summary: WorkloadSummary;
    let counted: CountedStrings;
    if (known && known.matrix === checked.matrix && known.policy === policy) {
      if (known.base === checked.base && known.summary.index === checked.index) {
        known.seen = this.number;
        return known.summary;
      }
      summary = moved(known.summary, checked.index, checked.base - known.base);
      counted = known.counted;
    } else {
      summary = workloadOf(checked, policy, pool);
      counted = new CountedStrings();
    }
    countedStrings.set(summary, counted);
    this.workloads.set(checked.declaration, { summary, counted, matrix: checked.matrix, policy, base: checked.base, seen: this.number });
    return summary;
  }

  /**
   * `lineStartsOf(text)`, with the line starts inside each document's text
   * taken from the last time it was seen: only the text between documents
   * (comments, empty documents) is searched again. A text with a CR anywhere is
   * searched whole (a CR's line may end in the next document).
   */
  lineStartsOf(text: string, documents: readonly CheckedDocument[]): Uint32Array {
    const last = this.lastLineStarts;
    const lastNumber = this.number++;
    const out = text.includes('\r') ? lineStartsOf(text) : this.carriedLineStarts(text, documents, last, lastNumber);
    this.lastLineStarts = out;
    return out;
  }

  private carriedLineStarts(text: string, documents: readonly CheckedDocument[], last: Uint32Array | undefined, lastNumber: number): Uint32Array {
    // Runs of line starts, each `by` characters from where the last summary had them: written into one typed array at the end.
    const runs: { readonly starts: Uint32Array; readonly by: number }[] = [];
    let total = 1;
    let searched = 0;
    const search = (to: number): void => {
      // Documents mostly follow one another: nothing between them to search.
      if (to <= searched) return;
      const starts: number[] = [];
      for (let at = text.indexOf('\n', searched); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      if (starts.length > 0) runs.push({ starts: Uint32Array.from(starts), by: 0 });
      total += starts.length;
      searched = to;
    };
    let lastBase = -1;
    for (const doc of documents) {
      // Documents of one segment share its text: the first of them stands for it.
      if (doc.base === lastBase) continue;
      lastBase = doc.base;
      const known = this.workloads.get(doc.declaration);
      // Only a document the last summary read, as it was then (the same declaration is the same text), at a place that holds it.
      if (!last || !known || known.seen !== lastNumber || doc.base < searched || doc.base + doc.text.length > text.length) continue;
      search(doc.base);
      // Its lines started after each of its line breaks: (base, base + length] in the last text.
      const from = firstAfter(last, known.base);
      const to = firstAfter(last, known.base + doc.text.length);
      runs.push({ starts: last.subarray(from, to), by: doc.base - known.base });
      total += to - from;
      searched = doc.base + doc.text.length;
    }
    search(text.length);
    const out = new Uint32Array(total);
    let n = 1;
    for (const { starts, by } of runs) {
      out.set(starts, n);
      if (by !== 0) for (let i = n, end = n + starts.length; i < end; i++) out[i]! += by;
      n += starts.length;
    }
    return out;
  }
}

/** The index of the first value above `offset` in an ascending array (its length when there is none). */
function firstAfter(sorted: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countedOf(summary: WorkloadSummary): CountedStrings | undefined {
  return countedStrings.get(summary);
}

/** A workload summary `by` characters further on, at position `index` of its file: the same strings. */
function moved(w: WorkloadSummary, index: number, by: number): WorkloadSummary {
  const at = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  // Object literals with every field, in the order `workloadOf` writes them: the same shape, and cheaper than spreading.
  const entries = w.entries.map(
    (e): EntrySummary => ({ key: e.key, keySpan: at(e.keySpan), layerId: e.layerId, owner: e.owner, ownerSpan: e.ownerSpan === undefined ? undefined : at(e.ownerSpan) }),
  );
  return {
    index,
    name: w.name,
    nameSpan: w.nameSpan === undefined ? undefined : at(w.nameSpan),
    span: at(w.span),
    model: w.model,
    matrix: w.matrix,
    entries,
    iac: w.iac,
    gaps: w.gaps,
  };
}

/**
 * A file's summary `next` takes the place of `previous` (either may be absent):
 * the pool counts again the strings of a carried workload it had given
 * back, and gives back those of every workload `next` no longer holds. Returns
 * the workloads that left and those that came (a workload carried over, as it
 * was or moved, is neither), for what counts per workload (owner uses).
 */
export function exchangeWorkloads(
  pool: StringPool,
  previous: FileSummary | undefined,
  next: FileSummary | undefined,
): { readonly left: readonly WorkloadSummary[]; readonly came: readonly WorkloadSummary[] } {
  const keyOf = (w: WorkloadSummary): object => countedOf(w) ?? w;
  const before = new Set((previous?.workloads ?? []).map(keyOf));
  const after = new Set((next?.workloads ?? []).map(keyOf));
  const left: WorkloadSummary[] = [];
  const came: WorkloadSummary[] = [];
  // Counted first: a string both hold is never dropped and copied again.
  for (const w of next?.workloads ?? []) {
    if (before.has(keyOf(w))) continue;
    came.push(w);
    const counted = countedOf(w);
    if (counted && !counted.counted) {
      pool.retainWorkload(w);
      counted.counted = true;
    }
  }
  for (const w of previous?.workloads ?? []) {
    if (after.has(keyOf(w))) continue;
    left.push(w);
    pool.releaseWorkload(w);
    const counted = countedOf(w);
    if (counted) counted.counted = false;
  }
  return { left, came };
}

/** Reads a file from disk and summarizes it (`summarizeRead`). Undefined when the file cannot be read. */
export async function readSummary(uri: string, settings: SrmSettings, environment: CheckEnvironment, pool: StringPool): Promise<FileSummary | undefined> {
  return summarizeRead(uri, await readDeclarationFile(uri), settings, environment, pool);
}

/**
 * Summarizes a file read from disk (nothing of the reading is kept). A file
 * too large to read is summarized from its size alone. Undefined when the file
 * could not be read. `_settings` is unused since a summary needs no findings
 * (only they depend on the settings); callers still pass it.
 */
export function summarizeRead(uri: string, read: DiskRead, _settings: SrmSettings, environment: CheckEnvironment, pool: StringPool): FileSummary | undefined {
  if (read.kind === 'unreadable') return undefined;
  const text = read.kind === 'text' ? read.text : '';
  // A summary reads only the declarations: the rules' findings would be thrown away, and read one document at a
  // time, a large file's syntax trees never all live at once.
  return summarize(uri, null, text, { documents: readDeclarations(text, { environment }) }, environment.config.overrides, pool);
}

/** A summary made elsewhere (a worker thread), with its strings taken from `pool`. */
export function adopt(summary: FileSummary, pool: StringPool): FileSummary {
  return {
    ...summary,
    workloads: summary.workloads.map((w) => ({
      ...w,
      name: pool.intern(w.name),
      model: pool.intern(w.model),
      matrix: pool.intern(w.matrix),
      entries: w.entries.map((e) => ({ ...e, key: pool.intern(e.key), layerId: pool.intern(e.layerId), owner: pool.intern(e.owner) })),
      iac: w.iac.length === 0 ? NO_IAC : w.iac.map((l) => ({ path: pool.intern(l.path), resources: l.resources.map((r) => pool.intern(r)) })),
    })),
  };
}

/** Every string a workload summary holds, as many times as it holds it. */
function* stringsOf(w: WorkloadSummary): Generator<string> {
  for (const s of [w.name, w.model, w.matrix]) if (s !== undefined) yield s;
  for (const e of w.entries) for (const s of [e.key, e.layerId, e.owner]) if (s !== undefined) yield s;
  for (const l of w.iac) yield* [l.path, ...l.resources];
}
