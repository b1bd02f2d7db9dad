/**
 * The language-server half of the benchmark: one fresh server process per file,
 * timed through LSP as an editor would drive it.
 */
import { performance } from 'node:perf_hooks';
import type { Diagnostic, Position, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol/node';
import { lineCharacterAt, lineStartsOf } from '../../server/src/core/text/line-starts';
import { delay, LspSession, type ServerSpec } from './lsp-client';
import type { GeneratedFile } from './generate';

export interface Budget {
  /** At most this many samples... */
  readonly max: number;
  /** ...and at least this many... */
  readonly min: number;
  /** ...stopping between the two once this much time has gone by. */
  readonly ms: number;
}

export interface LspResult {
  readonly server: string;
  readonly workloads: number;
  /** Spawn → initialize answered. */
  readonly initializeMs: number;
  /** Spawn → first publishDiagnostics for the opened file (didOpen sent right after `initialized`). */
  readonly firstDiagnosticsMs: number;
  /** How many diagnostics that first publish held (a sanity check that the server really checked the file). */
  readonly diagnosticsAtOpen: number;
  /** didChange → publishDiagnostics of that version, per edit. */
  readonly editMs: readonly number[];
  /** Per timed edit: CPU time of the server (all its threads), and time its main thread waited for a CPU, ms. */
  readonly editCpuMs: readonly number[];
  readonly editWaitMs: readonly number[];
  readonly hoverMs: readonly number[];
  readonly actionMs: readonly number[];
  /** Whether the hover answered with content; how many code actions the server offered. */
  readonly hoverHasContent: boolean;
  readonly actionsOffered: number;
  /** Peak resident set of the server process (VmHWM), bytes. */
  readonly peakRss: number;
  /** Size of the last publishDiagnostics params as JSON, bytes (what every edit sends and the client parses). */
  readonly publishBytes: number;
  /** When the edits were timed, in µs of the monotonic clock (CLOCK_MONOTONIC, as `--cpu-prof` timestamps are). */
  readonly editWindowUs: readonly [number, number];
}

export interface LspPlan {
  readonly edits: Budget;
  readonly requests: Budget;
  /** Pause between an answer and the next edit or request, like (fast) typing. */
  readonly gapMs: number;
  /** Untimed edits before the timed ones (the same for every server). */
  readonly warmupEdits: number;
  readonly nodeFlags?: readonly string[];
  /** Run once the opened file's first diagnostics are in, before the edits (e.g. a request that turns a feature on). */
  readonly afterOpen?: (session: LspSession) => Promise<void>;
}

export async function benchServer(spec: ServerSpec, file: GeneratedFile, uri: string, rootUri: string, plan: LspPlan): Promise<LspResult> {
  const session = await LspSession.start(spec, rootUri, plan.nodeFlags ?? []);
  try {
    const initializeMs = performance.now() - session.spawnedAt;
    const lines = lineStartsOf(file.text);
    const at = (offset: number): Position => lineCharacterAt(lines, offset);

    const first = session.nextDiagnostics(uri);
    await session.open(uri, file.text, 1);
    const opened = await first;
    const firstDiagnosticsMs = opened.at - session.spawnedAt;
    const diagnosticsAtOpen = opened.params.diagnostics.length;
    if (plan.afterOpen) await plan.afterOpen(session);
    await settle(session, uri);

    // Edits: insert a character at the end of an owner in the middle document, then delete it, and so on:
    // every version differs from the one before it.
    const editMs: number[] = [];
    const editCpuMs: number[] = [];
    const editWaitMs: number[] = [];
    const editAt = at(file.targets.edit);
    const inserted: Range = { start: editAt, end: { line: editAt.line, character: editAt.character + 1 } };
    let version = 1;
    const edit = async (record: boolean): Promise<void> => {
      version++;
      const insert = version % 2 === 0;
      const v = version;
      // Our server says which version it checked; a server that does not (yaml-language-server) publishes once per
      // validation, and we wait for each before the next edit, so its next publish is this edit's.
      const published = session.nextDiagnostics(uri, (p: PublishDiagnosticsParams) => p.version === undefined || p.version === v);
      const before = record ? session.schedstat() : undefined;
      const t0 = performance.now();
      await session.change(uri, v, insert ? { start: editAt, end: editAt } : inserted, insert ? 'x' : '');
      const got = await published;
      if (before) {
        const after = session.schedstat();
        editMs.push(got.at - t0);
        editCpuMs.push(after.cpuMs - before.cpuMs);
        editWaitMs.push(after.waitMs - before.waitMs);
      }
      await delay(plan.gapMs);
    };
    // A few untimed edits first: the first ones run the incremental path's code cold.
    for (let i = 0; i < plan.warmupEdits; i++) await edit(false);
    const editsFrom = monotonicUs();
    await sample(plan.edits, () => edit(true));
    const editWindowUs: [number, number] = [editsFrom, monotonicUs()];
    // Leave the text as it was opened, and let a debouncing server finish before timing requests.
    if (version % 2 === 0) {
      version++;
      const published = session.nextDiagnostics(uri);
      await session.change(uri, version, inserted, '');
      await published;
    }
    await settle(session, uri);

    const hoverMs: number[] = [];
    let hoverHasContent = false;
    const hoverAt = at(file.targets.hover);
    await sample(plan.requests, async () => {
      const t0 = performance.now();
      const h = await session.hover(uri, hoverAt);
      hoverMs.push(performance.now() - t0);
      hoverHasContent ||= h !== null && JSON.stringify(h.contents).length > 2;
      await delay(plan.gapMs);
    });

    const actionMs: number[] = [];
    let actionsOffered = 0;
    const range: Range = { start: at(file.targets.action.start), end: at(file.targets.action.end) };
    const diagnostics = (session.latest.get(uri)?.params.diagnostics ?? []).filter((d) => overlaps(d, range));
    await sample(plan.requests, async () => {
      const t0 = performance.now();
      const actions = await session.codeActions(uri, range, diagnostics);
      actionMs.push(performance.now() - t0);
      actionsOffered = actions?.length ?? 0;
      await delay(plan.gapMs);
    });

    const peakRss = session.peakRss();
    const publishBytes = Buffer.byteLength(JSON.stringify(session.latest.get(uri)?.params ?? {}));
    return { server: spec.name, workloads: file.workloads, initializeMs, firstDiagnosticsMs, diagnosticsAtOpen, editMs, editCpuMs, editWaitMs, hoverMs, actionMs, hoverHasContent, actionsOffered, peakRss, publishBytes, editWindowUs };
  } finally {
    await session.stop();
  }
}

/** Runs `once` at least budget.min and at most budget.max times, stopping in between once budget.ms has gone by. */
async function sample(budget: Budget, once: () => Promise<void>): Promise<void> {
  const t0 = performance.now();
  for (let i = 0; i < budget.max; i++) {
    if (i >= budget.min && performance.now() - t0 > budget.ms) break;
    await once();
  }
}

/** Waits until the server has published nothing for `quietMs` (a debounced re-validation may still be coming). */
async function settle(session: LspSession, uri: string, quietMs = 400): Promise<void> {
  for (;;) {
    const last = session.latest.get(uri)?.at ?? 0;
    await delay(quietMs);
    if ((session.latest.get(uri)?.at ?? 0) === last) return;
  }
}

function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function overlaps(d: Diagnostic, r: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return !before(d.range.end, r.start) && !before(r.end, d.range.start);
}
