import type { Range } from 'vscode-languageserver';
import type { SrmSettings } from '../../../protocol/settings';
import { fieldOf, gapCount, layerOfEntry, readDeclarations, stringValue, type CheckEnvironment, type CheckedDocument, type OverridePolicy, type Span } from '../core';
import { readIacLinks } from '../core/iac/links';
import { lineCharacterAt } from '../core/text/line-starts';
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

/** Line starts as LSP counts lines: after each \n, \r\n or lone \r. */
function lineStartsOf(text: string): Uint32Array {
  const starts = [0];
  // Most files have no \r: the engine's own search for \n is several times faster than a loop over every character (profiled in the scan).
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return Uint32Array.from(starts);
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
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
    for (const value of stringsOf(summary)) {
      const entry = this.strings.get(value);
      if (entry && --entry.uses === 0) this.strings.delete(value);
    }
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

/** Reads a summary off a check result of `text`. */
export function summarize(
  uri: string,
  version: number | null,
  text: string,
  result: { readonly documents: Iterable<CheckedDocument> },
  policy: OverridePolicy,
  pool: StringPool,
): FileSummary {
  const workloads = Array.from(result.documents, (checked): WorkloadSummary => {
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
  });
  return { uri, version, workloads, gaps: workloads.reduce((n, w) => n + w.gaps, 0), lineStarts: lineStartsOf(text) };
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

/** Every string a summary holds, as many times as it holds it. */
function* stringsOf(summary: FileSummary): Generator<string> {
  for (const w of summary.workloads) {
    for (const s of [w.name, w.model, w.matrix]) if (s !== undefined) yield s;
    for (const e of w.entries) for (const s of [e.key, e.layerId, e.owner]) if (s !== undefined) yield s;
    for (const l of w.iac) yield* [l.path, ...l.resources];
  }
}
