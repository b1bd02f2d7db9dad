import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fieldOf, layerOfEntry, stringValue, type CheckResult, type ModelIndex, type Span } from '../core';
import { toRange } from './convert';
import type { VisibleFinding } from './files';

/** One entry under `layers:`, as the workspace index keeps it. */
export interface EntrySummary {
  /** The key as written. */
  readonly key: string;
  readonly keyRange: Range;
  /** The layer the key stands for (by id or another spelling); undefined for an unknown key. */
  readonly layerId: string | undefined;
  /** The owner as written, when it is text. */
  readonly owner: string | undefined;
  /** Where the owner's value is written. */
  readonly ownerRange: Range | undefined;
}

/** One declaration (one YAML document) of a file. */
export interface WorkloadSummary {
  /** Its position in the file, from 0. */
  readonly index: number;
  /** The `workload:` value, when it is text. */
  readonly name: string | undefined;
  readonly nameRange: Range | undefined;
  /** The whole document. */
  readonly range: Range;
  /** The `model:` value as written, when it is text. */
  readonly model: string | undefined;
  /** The `matrix:` value as written, when there is one. */
  readonly matrix: string | undefined;
  readonly entries: readonly EntrySummary[];
  /** Findings marked as gaps inside this document, as the user sees them (codes switched off do not count). */
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
  /** Every gap of the file (the workloads' and any outside them). */
  readonly gaps: number;
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
      // A fresh flat string that shares nothing with the text it came from.
      const kept = Buffer.from(value, 'utf16le').toString('utf16le');
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

/** Reads a summary off a check result. `doc` is the text the result was checked at (for line and column). */
export function summarize(
  doc: TextDocument,
  version: number | null,
  result: CheckResult,
  visible: readonly VisibleFinding[],
  model: ModelIndex,
  pool: StringPool,
): FileSummary {
  const gapSpans = visible.filter((v) => v.diagnostic.gap).map((v) => v.diagnostic.span);
  const workloads = result.documents.map((checked): WorkloadSummary => {
    const range = (s: Span): Range => toRange(doc, { start: s.start + checked.base, end: s.end + checked.base });
    const decl = checked.declaration;
    const workload = fieldOf(decl.fields, 'workload');
    const name = stringValue(workload);
    const whole = { start: decl.span.start + checked.base, end: decl.span.end + checked.base };
    const entries = (decl.layers?.entries ?? []).map((entry): EntrySummary => {
      const owner = fieldOf(entry.fields, 'owner');
      const ownerText = stringValue(owner);
      return {
        key: pool.intern(entry.key),
        keyRange: range(entry.keySpan),
        layerId: pool.intern(layerOfEntry(model, entry)),
        owner: pool.intern(ownerText),
        ownerRange: ownerText !== undefined && owner?.valueSpan ? range(owner.valueSpan) : undefined,
      };
    });
    return {
      index: checked.index,
      name: pool.intern(name),
      nameRange: name !== undefined && workload?.valueSpan ? range(workload.valueSpan) : undefined,
      range: toRange(doc, whole),
      model: pool.intern(stringValue(fieldOf(decl.fields, 'model'))),
      matrix: pool.intern(stringValue(fieldOf(decl.fields, 'matrix'))),
      entries,
      gaps: gapSpans.filter((s) => s.start >= whole.start && s.end <= whole.end).length,
    };
  });
  return { uri: doc.uri, version, workloads, gaps: gapSpans.length };
}

/** Every string a summary holds, as many times as it holds it. */
function* stringsOf(summary: FileSummary): Generator<string> {
  for (const w of summary.workloads) {
    for (const s of [w.name, w.model, w.matrix]) if (s !== undefined) yield s;
    for (const e of w.entries) for (const s of [e.key, e.layerId, e.owner]) if (s !== undefined) yield s;
  }
}
