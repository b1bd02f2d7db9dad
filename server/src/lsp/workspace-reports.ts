import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { OverviewChangedNotification, ReportChangedNotification, type OverviewFile, type OverviewResource, type OverviewWorkload } from '../../../protocol/report';
import { defaultMatrixOf, type CheckEnvironment } from '../core/environment';
import {
  applyReportPatch,
  assembleReport,
  filePatchOf,
  formatReport,
  partialFilePatchOf,
  OscalExportError,
  piecesOfCheck,
  REPORT_FORMATS,
  reportPiecesOf,
  restorePieces,
  type ReportFormat,
  type ReportInput,
  type ReportPieces,
  type ReportPatch,
  type ResponsibilityReport,
  workspaceDirectoryOf,
} from '../core/report';
import { packageInfo } from '../cli/package-info';
import { readDeclarationFile, type WorkspaceFolders } from './disk';
import type { LspEnvironments } from './environments';
import { rangeOf, type FileSummary, type IacEntrySummary } from './file-summary';
import type { CheckedFile, CheckedFiles } from './files';
import { reportInputOfRead } from './index-worker-read';
import type { WorkspaceIndex } from './workspace-index';

/**
 * The patch of a change goes out as soon as the change is in (the live report
 * follows an edit within 50 ms, issue 9), unless a changed file holds more
 * workloads than this: making its pieces and patch walks every one of them,
 * which costs a fair part of the file's check. Such a patch waits for typing
 * to pause, for twice the recent time between changes (at least
 * MIN_PATCH_PAUSE_MS, at most MAX_PATCH_PAUSE_MS), so steady typing is never
 * slowed by it. A count, not a timing: the same on a loaded machine.
 */
const LARGE_FILE_WORKLOADS = 200;
const MIN_PATCH_PAUSE_MS = 100;
const MAX_PATCH_PAUSE_MS = 1_000;
/** However fast the typing, a pending change is patched in after this long. */
const MAX_PATCH_DEFERRAL_MS = 5_000;

/**
 * The workspace report and overview, kept per file: the index tells which file
 * changed, and only that file's report pieces are made again; the report is
 * then assembled from the pieces of every file, which is cheap next to
 * checking them. An open document's pieces are made from the check the
 * server already made of it for its diagnostics (the core keeps the findings
 * its suppressions removed, and the workloads of unchanged documents), so an
 * edit costs no second check. The overview is read from the index's summaries
 * and sent to the client as changes, batched per turn of the event loop.
 *
 * Once a client has the report, it is kept live: a change re-makes the
 * changed file's pieces, patches the kept report (core/report/patch.ts) and
 * sends the client only that patch, so an edit never re-sends, or re-assembles,
 * the report of every other file; within a file, only the workloads that
 * changed (partialFilePatchOf), when that is the smaller patch. Making a
 * file's pieces still visits each of its documents (an unchanged one's
 * workload is kept from the last check, piecesOfCheck), and the patch is made,
 * applied and sent: at 3,000 workloads about 20 ms of CPU per patch, half the
 * edit's own p50 (bench, reports live row). So the patch of a file of thousands
 * waits for a pause in the typing (see LARGE_FILE_WORKLOADS).
 */
export class WorkspaceReports {
  private readonly pieces = new Map<string, ReportPieces>();
  private pending = new Map<string, FileSummary | undefined>();
  private flushing = false;
  /** The report the client was sent and then patched; undefined until asked for, or after a configuration change. */
  private live: { report: ResponsibilityReport; directory: string; directories: ReturnType<typeof workspaceDirectoryOf> } | undefined;
  private readonly reportPending = new Set<string>();
  private patching: Promise<void> | undefined;
  /** Reports being assembled: a change meanwhile may be missing from them, so it is patched in afterwards. */
  private assembling = 0;
  /** The pieces a change dropped, until the patch compares their owner directories with the new ones. */
  private readonly replaced = new Map<string, ReportPieces>();
  /** The pieces the live report holds, by file: what a patch of only some of a file's workloads is made against. */
  private inLive = new Map<string, ReportPieces>();
  /** Each open document's newest check, with the text it checked (the editor's document object moves on). */
  private readonly checks = new Map<string, { readonly file: CheckedFile; readonly text: string }>();
  /** Changes seen so far, to tell whether typing paused. */
  private changes = 0;
  /** When the last change came, and the recent time between changes (a moving average over typing, ms). */
  private lastChangeAt = 0;
  private changeInterval = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly index: WorkspaceIndex,
    private readonly environments: LspEnvironments,
    private readonly folders: WorkspaceFolders,
    files: CheckedFiles,
  ) {
    files.onDidCheck((file) => {
      if (file.version === null) this.checks.delete(file.uri);
      else this.checks.set(file.uri, { file, text: file.doc.getText() });
    });
    index.onDidChange(({ uri, summary, pieces }) => {
      this.changes++;
      const now = Date.now();
      const interval = now - this.lastChangeAt;
      this.lastChangeAt = now;
      if (interval < MAX_PATCH_PAUSE_MS) this.changeInterval = 0.7 * this.changeInterval + 0.3 * interval;
      if (summary?.version == null) this.checks.delete(uri);
      const old = this.pieces.get(uri);
      if (old && this.live) this.replaced.set(uri, old);
      this.pieces.delete(uri);
      // The scan's check made them: the report's first build need not check the file again.
      const scanned = summary && pieces ? restorePieces(pieces, this.displayPath(uri), this.environmentOf(uri)) : undefined;
      if (scanned) this.pieces.set(uri, scanned);
      if (this.overviewAnswerable) {
        this.pending.set(uri, summary);
        this.scheduleFlush();
      }
      if (this.live || this.assembling > 0) {
        this.reportPending.add(uri);
        this.schedulePatch();
      }
    });
    // The first scan's second phase: pieces for files whose summary stands (kept only while it does).
    index.onDidScanPieces(({ uri, summary, pieces }) => {
      if (this.pieces.has(uri) || this.index.get(uri) !== summary) return;
      const restored = restorePieces(pieces, this.displayPath(uri), this.environmentOf(uri));
      if (restored) this.pieces.set(uri, restored);
    });
  }

  /**
   * True once the index has held every file: only then can a client have an
   * overview (the answer waits for the first scan), so only then is a change
   * worth telling. The first scan of a large workspace is thousands of
   * changes, which the client's first answer holds anyway.
   */
  private get overviewAnswerable(): boolean {
    return (this.firstScanDone ||= this.index.isReady);
  }

  private firstScanDone = false;

  /** A configuration or matrix changed: every piece may be stale (the index re-reads the files as well). */
  environmentsChanged(): void {
    this.pieces.clear();
    this.inLive.clear();
    if (this.live) void this.connection.sendNotification(ReportChangedNotification, {});
    this.live = undefined;
    this.reportPending.clear();
    this.replaced.clear();
  }

  async report(): Promise<ResponsibilityReport> {
    // Said at once: a first scan still summarizing then checks the files it has yet to read once, for both.
    void this.index.piecesReady();
    await this.index.ready();
    // The scan's checks of every file, already under way: what it does not bring is checked here.
    await this.index.piecesReady();
    await this.patching;
    if (this.live && this.reportPending.size === 0) return this.live.report;
    this.assembling++;
    try {
      const inLive = new Map<string, ReportPieces>();
      const report = await this.assembled(inLive);
      const directories = workspaceDirectoryOf(this.pieces.values());
      this.live = { report, directory: directoryKey(directories), directories };
      this.inLive = inLive;
      return report;
    } finally {
      this.assembling--;
      if (this.reportPending.size > 0) this.schedulePatch();
    }
  }

  /** Re-makes the changed files' pieces, patches the live report and sends the patch, one batch at a time. */
  private schedulePatch(): void {
    if (this.patching) return;
    this.patching = (async () => {
      let since = Date.now();
      while (this.live && this.reportPending.size > 0 && this.assembling === 0) {
        const large = [...this.reportPending].some((uri) => (this.index.get(uri)?.workloads.length ?? 0) > LARGE_FILE_WORKLOADS);
        if (large && !(await this.typingPaused(since))) continue;
        if (!large) await new Promise<void>((resolve) => setImmediate(resolve));
        const uris = [...this.reportPending];
        this.reportPending.clear();
        const changed: [string, ReportPieces | undefined, ReportPieces | undefined][] = [];
        let directoriesMoved = false;
        for (const uri of uris) {
          const old = this.replaced.get(uri);
          this.replaced.delete(uri);
          const pieces = await this.piecesOf(uri);
          directoriesMoved ||= !sameDirectories(old, pieces);
          changed.push([this.displayPath(uri), pieces, this.inLive.get(uri)]);
          if (pieces) this.inLive.set(uri, pieces);
          else this.inLive.delete(uri);
        }
        const live = this.live;
        if (!live) return;
        // Only a file that brings, changes or takes away an owner directory can rename another file's owners.
        if (directoriesMoved) live.directories = workspaceDirectoryOf(this.pieces.values());
        const directory = live.directories;
        if (directoryKey(directory) !== live.directory) {
          // Another file's owners may now go by another name: the client asks for the whole report again.
          this.live = undefined;
          void this.connection.sendNotification(ReportChangedNotification, {});
          return;
        }
        const patch: ReportPatch = {
          files: changed.map(([file, pieces, before]) => (pieces && before && partialFilePatchOf(before, pieces, directory)) || filePatchOf(file, pieces, directory)),
        };
        live.report = applyReportPatch(live.report, patch);
        void this.connection.sendNotification(ReportChangedNotification, { patch });
        since = Date.now();
      }
    })().finally(() => (this.patching = undefined));
  }

  /**
   * Waits for a pause in the changes (see LARGE_FILE_WORKLOADS). False when a
   * change came meanwhile (wait again), unless the first pending change has
   * waited too long.
   */
  private async typingPaused(since: number): Promise<boolean> {
    const seen = this.changes;
    const pause = Math.min(Math.max(2 * this.changeInterval, MIN_PATCH_PAUSE_MS), MAX_PATCH_PAUSE_MS);
    await new Promise<void>((resolve) => setTimeout(resolve, pause));
    return this.changes === seen || Date.now() - since >= MAX_PATCH_DEFERRAL_MS;
  }

  /** A file's pieces, made again when it changed; undefined when it left the index. */
  private async piecesOf(uri: string): Promise<ReportPieces | undefined> {
    const summary = this.index.get(uri);
    if (!summary) {
      this.pieces.delete(uri);
      return undefined;
    }
    let pieces = this.pieces.get(uri);
    if (!pieces) {
      pieces = this.piecesOfCheck(summary) ?? reportPiecesOf(await this.input(uri));
      if (this.index.get(uri) === summary) this.pieces.set(uri, pieces);
    }
    return pieces;
  }

  /**
   * An open document's pieces from the check its summary was taken from: the
   * server's own check, with the same text, version and environment. The
   * editor's findings with suppressions on, and the report's with them off,
   * come from that one check (CheckResult.unsuppressed).
   */
  private piecesOfCheck(summary: FileSummary): ReportPieces | undefined {
    const checked = this.checks.get(summary.uri);
    if (!checked || summary.version === null || checked.file.version !== summary.version) return undefined;
    const environment = this.environments.environment(summary.uri);
    if (checked.file.environment !== environment) return undefined;
    return piecesOfCheck(this.displayPath(summary.uri), checked.text, environment, checked.file.result, summary.lineStarts);
  }

  /** The report of every file's pieces; `inLive` gets the pieces it was made of. */
  private async assembled(inLive: Map<string, ReportPieces>): Promise<ResponsibilityReport> {
    const all: ReportPieces[] = [];
    for (const summary of [...this.index.summaries()]) {
      let pieces = this.pieces.get(summary.uri);
      if (!pieces) {
        pieces = this.piecesOfCheck(summary) ?? reportPiecesOf(await this.input(summary.uri));
        // Kept unless the file changed while it was read (the index dropped it meanwhile).
        if (this.index.get(summary.uri) === summary) this.pieces.set(summary.uri, pieces);
      }
      all.push(pieces);
      inLive.set(summary.uri, pieces);
    }
    return assembleReport(all, { toolVersion: packageInfo().version });
  }

  async export(format: ReportFormat, by: 'workload' | 'owner' | undefined): Promise<{ text: string } | { error: string }> {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) return { error: `unknown report format "${String(format)}" (${REPORT_FORMATS.join(', ')}).` };
    const report = await this.report();
    try {
      return { text: formatReport(report, format, { by, oscal: { lastModified: new Date().toISOString() } }) };
    } catch (err) {
      if (err instanceof OscalExportError) return { error: err.message };
      throw err;
    }
  }

  async overview(): Promise<OverviewFile[]> {
    await this.index.ready();
    return [...this.index.summaries()].map((s) => ({ uri: s.uri, workloads: this.workloadsOf(s) })).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  private workloadsOf(summary: FileSummary): OverviewWorkload[] {
    const fallback = defaultMatrixOf(this.environmentOf(summary.uri)).ref;
    return summary.workloads.map((w) => {
      const at = rangeOf(summary, w.nameSpan ?? w.span).start;
      const owners = [...new Set(w.entries.flatMap((e) => (e.owner !== undefined && e.owner.trim() !== '' ? [e.owner] : [])))];
      return {
        index: w.index,
        ...(w.name !== undefined ? { name: w.name } : {}),
        ...(w.model !== undefined ? { model: w.model } : {}),
        matrix: w.matrix ?? fallback,
        owners,
        gaps: w.gaps,
        line: at.line,
        character: at.character,
        ...(w.iac.length > 0 ? { resources: resourcesOf(summary.uri, w.iac) } : {}),
      };
    });
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      const changes = [...this.pending].map(([uri, summary]) => (summary ? { uri, workloads: this.workloadsOf(summary) } : { uri }));
      this.pending = new Map();
      if (changes.length > 0) void this.connection.sendNotification(OverviewChangedNotification, { changes });
    });
  }

  /** The file as the editor has it when open, else as it is on disk; with the environment of its folder. */
  private async input(uri: string): Promise<ReportInput> {
    const file = this.displayPath(uri);
    const environment = this.environments.environment(uri);
    const open = this.documents.get(uri);
    if (open) return { file, text: open.getText(), environment };
    return reportInputOfRead(file, await readDeclarationFile(uri), environment);
  }

  /**
   * The environment of a file, found once per directory: a file's environment
   * is its directory's (the nearest configuration above it), and the scan and
   * the overview ask for it per file, 10,000 times at the workspace's scale.
   */
  private environmentOf(uri: string): CheckEnvironment {
    const slash = uri.lastIndexOf('/');
    // A query or fragment could hold a slash: such a uri is looked up as it is.
    if (slash < 0 || uri.includes('?') || uri.includes('#')) return this.environments.environment(uri);
    if (this.byDirectory.generation !== this.environments.generation) this.byDirectory = { generation: this.environments.generation, environments: new Map() };
    const directory = uri.slice(0, slash);
    let environment = this.byDirectory.environments.get(directory);
    if (!environment) this.byDirectory.environments.set(directory, (environment = this.environments.environment(uri)));
    return environment;
  }

  private byDirectory: { generation: number; environments: Map<string, CheckEnvironment> } = { generation: -1, environments: new Map() };

  /** Relative to its workspace folder (with the folder's name first when there are several), with forward slashes. */
  private displayPath(uri: string): string {
    const folder = this.folders.folderOf(uri);
    const filePath = URI.parse(uri).path;
    if (!folder) return URI.parse(uri).fsPath;
    // URI paths use forward slashes on every platform, and a file of a folder lies below the folder's path.
    const folderPath = URI.parse(folder.uri).path.replace(/\/$/, '');
    const relative = filePath.startsWith(`${folderPath}/`) ? filePath.slice(folderPath.length + 1) : filePath;
    return this.folders.all.length > 1 ? `${folder.name}/${relative}` : relative;
  }
}

/** The overview's view of `iac:` entries: one node per named resource, or the path itself when it names none. */
function resourcesOf(uri: string, entries: readonly IacEntrySummary[]): OverviewResource[] {
  const base = Utils.dirname(URI.parse(uri));
  return entries.flatMap((e) => {
    const target = Utils.joinPath(base, e.path).toString();
    return e.resources.length === 0 ? [{ label: e.path, path: e.path, target }] : e.resources.map((label) => ({ label, path: e.path, target }));
  });
}

/** The owner directories' spellings, names and contacts in one string, to see whether an edit changed them. */
function directoryKey(directory: ReadonlyMap<string, { readonly name: string; readonly contact?: string }>): string {
  return JSON.stringify([...directory].map(([spelling, o]) => [spelling, o.name, o.contact ?? null]));
}

/** True when a file's old and new pieces use the same owner directories (by identity: one per environment). */
function sameDirectories(a: ReportPieces | undefined, b: ReportPieces | undefined): boolean {
  const of = (p: ReportPieces | undefined): Set<unknown> => new Set((p?.built ?? []).flatMap((x) => (x.directory ? [x.directory] : [])));
  const x = of(a);
  const y = of(b);
  return x.size === y.size && [...x].every((d) => y.has(d));
}
