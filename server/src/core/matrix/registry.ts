import { FileFindings } from '../files/data-file';
import { matrixBadExtends, matrixDuplicateId } from '../rules/matrix-file-rules';
import { closest } from '../text/similarity';
import type { Diagnostic, Span } from '../types';
import type { BuiltInMatrix } from './builtin/built-in-matrix';
import { BUILT_IN_MATRICES } from './builtin/generated';
import { MatrixIndex } from './matrix-index';
import { readMatrixFile, type MatrixDraft } from './matrix-file';
import { resolveDraft } from './resolve';
import { formatMatrixRef, parseMatrixRef, type Matrix, type MatrixOrigin } from './types';

/** A matrix file's text, as an adapter read it. */
export interface MatrixFileText {
  readonly uri: string;
  readonly text: string;
}

/** One matrix the registry knows: usable (with its index) or broken (with where). */
export interface RegistryEntry {
  readonly ref: string;
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly origin: MatrixOrigin;
  readonly extends?: string;
  readonly sourceUrl?: string;
  /** Set when the matrix can be used. */
  readonly index?: MatrixIndex;
  /** Set when it cannot: the first error, where it is. */
  readonly broken?: { readonly message: string; readonly uri: string; readonly span: Span };
}

export type MatrixResolution =
  | { readonly kind: 'ok'; readonly entry: RegistryEntry; readonly index: MatrixIndex; readonly pinned: boolean }
  | { readonly kind: 'broken'; readonly entry: RegistryEntry; readonly pinned: boolean }
  | { readonly kind: 'unknown'; readonly written: string; readonly suggestions: readonly string[] };

/** The built-in default, for declarations that name no matrix where no configuration names one. */
export const DEFAULT_MATRIX = 'reference@1';

/** What a matrix says of itself: enough to find it, and what it extends. */
interface Head {
  readonly id: string;
  readonly version: string;
  readonly title?: string;
  readonly sourceUrl?: string;
  readonly extends?: { readonly ref: string; readonly span: Span };
  /** Where a finding about the whole matrix goes. */
  readonly headerSpan: Span;
}

interface Slot {
  /** Undefined when the file does not say which matrix it is. */
  readonly head: Head | undefined;
  /** What is left to resolve: a file's draft (a built-in is resolved already). */
  readonly draft: MatrixDraft | undefined;
  readonly origin: MatrixOrigin;
  readonly uri: string;
  readonly findings: FileFindings;
  state: 'new' | 'visiting' | 'done';
  matrix?: Matrix;
  broken?: RegistryEntry['broken'];
}

/**
 * Every matrix a declaration may name: the built-in ones and those of the
 * matrix files an adapter found. Source texts in; resolved matrices, and the
 * findings about each file, out. Pure and immutable: a new set of files makes
 * a new registry, so a cache keyed by the registry cannot go stale.
 */
export class MatrixRegistry {
  private static builtInRegistry: MatrixRegistry | undefined;
  private readonly byRef = new Map<string, RegistryEntry>();
  private readonly fileFindings = new Map<string, readonly Diagnostic[]>();

  private constructor(readonly entries: readonly RegistryEntry[], findings: ReadonlyMap<string, readonly Diagnostic[]>) {
    for (const e of entries) if (!this.byRef.has(e.ref)) this.byRef.set(e.ref, e);
    for (const [uri, d] of findings) this.fileFindings.set(uri, d);
  }

  /** The built-in matrices alone. */
  static builtIn(): MatrixRegistry {
    return (MatrixRegistry.builtInRegistry ??= MatrixRegistry.from([]));
  }

  static from(files: readonly MatrixFileText[]): MatrixRegistry {
    return MatrixRegistry.build(BUILT_IN_MATRICES.map(compiledSlot), files);
  }

  /**
   * As `from`, with the built-in matrices read from their source texts
   * instead of the compiled ones: what the generator compiles
   * (builtin/generated.ts), and the findings about each text (which must have none).
   */
  static fromBuiltInSources(texts: readonly MatrixFileText[], files: readonly MatrixFileText[] = []): { registry: MatrixRegistry; findings: ReadonlyMap<string, readonly Diagnostic[]> } {
    const slots = texts.map((t) => textSlot(t, { kind: 'built-in' }));
    const registry = MatrixRegistry.build(slots, files);
    return { registry, findings: new Map(slots.map((s) => [s.uri, s.findings.diagnostics])) };
  }

  private static build(builtIns: Slot[], files: readonly MatrixFileText[]): MatrixRegistry {
    const slots: Slot[] = [...builtIns, ...files.map((file) => textSlot(file, { kind: 'file', uri: file.uri }))];
    markDuplicates(slots);
    const byId = new Map<string, Slot[]>();
    for (const s of slots) if (s.head && !s.broken) byId.set(s.head.id, [...(byId.get(s.head.id) ?? []), s]);
    for (const s of slots) resolveSlot(s, byId);
    const entries: RegistryEntry[] = [];
    const findings = new Map<string, readonly Diagnostic[]>();
    for (const s of slots) {
      if (s.origin.kind === 'file') findings.set(s.uri, s.findings.diagnostics);
      if (!s.head) continue;
      const broken = s.broken ?? firstError(s);
      entries.push({
        ref: formatMatrixRef(s.head),
        id: s.head.id,
        version: s.head.version,
        title: s.head.title ?? formatMatrixRef(s.head),
        origin: s.origin,
        ...(s.head.extends ? { extends: s.head.extends.ref } : {}),
        ...(s.head.sourceUrl !== undefined ? { sourceUrl: s.head.sourceUrl } : {}),
        ...(broken ? { broken } : s.matrix ? { index: new MatrixIndex(s.matrix) } : {}),
      });
    }
    return new MatrixRegistry(entries, findings);
  }

  /** The findings about one matrix file (empty for a file the registry was not given). */
  diagnosticsFor(uri: string): readonly Diagnostic[] {
    return this.fileFindings.get(uri) ?? [];
  }

  /** The matrix files the registry was built from. */
  get fileUris(): readonly string[] {
    return [...this.fileFindings.keys()];
  }

  get(ref: string): RegistryEntry | undefined {
    return this.byRef.get(ref);
  }

  /**
   * The matrix a declaration's `matrix:` names: `id@version`, or `id` for its
   * newest version (then not `pinned`). Unknown ones come with the closest.
   */
  resolve(written: string): MatrixResolution {
    const ref = parseMatrixRef(written);
    const entry = ref && (ref.version !== undefined ? this.byRef.get(`${ref.id}@${ref.version}`) : this.newest(ref.id));
    if (!entry || !ref) return { kind: 'unknown', written, suggestions: this.suggest(written) };
    const pinned = ref.version !== undefined;
    return entry.index ? { kind: 'ok', entry, index: entry.index, pinned } : { kind: 'broken', entry, pinned };
  }

  /** The newest version of a matrix id (versions compared as people read them: 2026-01 after 2025-10, 10 after 9). */
  newest(id: string): RegistryEntry | undefined {
    return this.entries.filter((e) => e.id === id).sort((a, b) => compareVersions(b.version, a.version))[0];
  }

  /** Every matrix reference, and every id, closest to `written` first. */
  suggest(written: string): string[] {
    const refs = [...new Set(this.entries.map((e) => e.ref))];
    return closest(written, refs, (r) => [r, r.split('@')[0]!], 3);
  }
}

/** A matrix file's text, read: resolved later, with the others. */
function textSlot(file: MatrixFileText, origin: MatrixOrigin): Slot {
  const { draft, findings } = readMatrixFile(file.uri, file.text);
  const head: Head | undefined = draft && {
    id: draft.id,
    version: draft.version,
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    ...(draft.source ? { sourceUrl: draft.source.url } : {}),
    ...(draft.extends ? { extends: draft.extends } : {}),
    headerSpan: draft.headerSpan,
  };
  return { head, draft, origin, uri: file.uri, findings, state: 'new' };
}

/** A built-in matrix as the generator compiled it: resolved, and without findings (the generator refuses any). */
function compiledSlot(builtIn: BuiltInMatrix): Slot {
  const { matrix } = builtIn;
  const head: Head = {
    id: matrix.id,
    version: matrix.version,
    title: matrix.title,
    ...(builtIn.sourceUrl !== undefined ? { sourceUrl: builtIn.sourceUrl } : {}),
    ...(matrix.extends !== undefined ? { extends: { ref: matrix.extends, span: { start: 0, end: 0 } } } : {}),
    headerSpan: { start: 0, end: 0 },
  };
  return { head, draft: undefined, origin: { kind: 'built-in' }, uri: builtIn.uri, findings: new FileFindings(), state: 'done', matrix };
}

/** Two drafts with the same id and version: every file among them is reported (a built-in keeps its place). */
function markDuplicates(slots: Slot[]): void {
  const byRef = new Map<string, Slot[]>();
  for (const s of slots) if (s.head) byRef.set(formatMatrixRef(s.head), [...(byRef.get(formatMatrixRef(s.head)) ?? []), s]);
  for (const [ref, group] of byRef) {
    if (group.length < 2) continue;
    for (const s of group) {
      if (s.origin.kind === 'built-in') continue;
      const others = group.filter((o) => o !== s).map((o) => (o.origin.kind === 'built-in' ? 'the built-in matrix' : o.uri));
      const message = `${ref} is also defined by ${others.join(' and ')}: each id@version names one matrix. Give this one another version.`;
      s.findings.report(matrixDuplicateId, message, s.head!.headerSpan);
      s.broken = { message, uri: s.uri, span: s.head!.headerSpan };
    }
  }
}

/** Resolves a slot's `extends` first (depth first, a cycle reported on every file in it), then the slot. */
function resolveSlot(slot: Slot, byId: ReadonlyMap<string, readonly Slot[]>): void {
  if (slot.state === 'done' || !slot.draft) return;
  if (slot.state === 'visiting') return;
  slot.state = 'visiting';
  const draft = slot.draft;
  let base: Matrix | undefined;
  if (draft.extends) {
    const ref = parseMatrixRef(draft.extends.ref)!;
    const candidates = byId.get(ref.id) ?? [];
    const target = ref.version !== undefined ? candidates.find((c) => c.head!.version === ref.version) : [...candidates].sort((a, b) => compareVersions(b.head!.version, a.head!.version))[0];
    const span = draft.extends.span;
    if (!target) {
      const known = [...byId.values()].flat().map((s) => formatMatrixRef(s.head!));
      const [guess] = closest(draft.extends.ref, known, (k) => [k, k.split('@')[0]!], 1);
      breakSlot(slot, `extends: ${draft.extends.ref} names no matrix the checker knows.${guess ? ` Did you mean ${guess}?` : ''} Known: ${known.join(', ')}.`, span);
    } else if (target.state === 'visiting') {
      breakSlot(slot, `extends: ${draft.extends.ref} makes a cycle: that matrix extends this one, directly or through others.`, span);
      const other = target;
      if (other.head?.extends && !other.broken) breakSlot(other, `extends: ${other.head.extends.ref} makes a cycle: that matrix extends this one, directly or through others.`, other.head.extends.span);
    } else {
      resolveSlot(target, byId);
      // A cycle found further down has already broken this slot, and said why.
      if (slot.broken) {
        slot.state = 'done';
        return;
      }
      if (target.broken || firstError(target)) breakSlot(slot, `extends: ${draft.extends.ref}, which has errors (${target.uri}): fix them first.`, span);
      else base = target.matrix;
    }
  }
  if (!slot.broken) slot.matrix = resolveDraft(draft, base, slot.origin, slot.findings);
  slot.state = 'done';
}

function breakSlot(slot: Slot, message: string, span: Span): void {
  slot.findings.report(matrixBadExtends, message, span);
  slot.broken ??= { message, uri: slot.uri, span };
}

function firstError(slot: Slot): RegistryEntry['broken'] {
  const e = slot.findings.diagnostics.find((d) => d.severity === 'error');
  return e ? { message: e.message, uri: slot.uri, span: e.span } : undefined;
}

/** Versions compared as people read them: digit runs as numbers, the rest as text. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/(\d+)/).filter((p) => p !== '');
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}
