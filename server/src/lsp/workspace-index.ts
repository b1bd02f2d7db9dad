import { Emitter, FileChangeType, type Connection, type Event, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { SrmSettings } from '../../../protocol/settings';
import type { PortablePieces } from '../core/report';
import { findDeclarations, isUnder, type WorkspaceFolders } from './disk';
import type { LspEnvironments } from './environments';
import { adopt, exchangeWorkloads, readSummary, StringPool, summarize, SummaryCache, type FileSummary, type WorkloadSummary } from './file-summary';
import type { CheckedFile, CheckedFiles } from './files';
import { scanFiles, startScan, type Scan, type ScanBatch, type ScanFile } from './index-worker';
import type { ConnectionState } from './lifecycle';
import type { SettingsStore } from './settings';
import { testHooksEnabled } from './test-hooks';

/**
 * How long typing must pause before an open document's summary (and the overview and report after it) is taken again.
 * Short: the overview and the live report must follow an edit within 50 ms (issue 9); long enough that a burst of
 * keystrokes is summarized once, after its diagnostics are out.
 */
const EDIT_PAUSE_MS = 20;

/**
 * For the protocol tests (with the test hooks only): the first scan's second
 * phase waits until a report is asked for, so a test can change files between
 * the phases. Without it, the second phase starts as soon as the first ends.
 */
export const PIECES_ON_DEMAND_FLAG = '--srm-test-pieces-on-demand';

export interface IndexChange {
  readonly uri: string;
  /** The file's new summary; undefined when it left the index (deleted, closed, out of the workspace). */
  readonly summary: FileSummary | undefined;
  /** Set when the scan read the file: its report pieces, from the same check as the summary. */
  readonly pieces?: PortablePieces;
}

/** The scan's second phase checked a file its first phase summarized, unchanged since: its report pieces. */
export interface ScannedPieces {
  readonly uri: string;
  /** The summary they go with (the index's current one). */
  readonly summary: FileSummary;
  readonly pieces: PortablePieces;
}

/**
 * A small summary of every declaration file of the workspace (names, models,
 * layer entries, owners and where they are written, gap counts), for the
 * features that look across files: owner completion, and later workspace
 * symbols, references, renaming an owner, an overview of every declaration.
 *
 * It keeps summaries, never texts or syntax trees, so a workspace of 20,000
 * files costs megabytes, not hundreds. It is kept current as files change:
 * every check of a file (an open document's edit, a file the problems scope
 * read) replaces that file's summary; changes on disk re-read the file unless
 * the editor has it open, whose copy wins; deletions and removed folders drop
 * theirs. The files nobody opened are read by a background scan, started by
 * the first call to `ready()`.
 *
 * The first scan has two phases. Phase one parses every file for its summary
 * alone (no rules: the overview needs no more), and `ready()` settles when it
 * ends. Phase two, right after in the background, checks every file fully for
 * its report pieces (`onDidScanPieces`), in phase one's threads; `piecesReady()`
 * settles when it ends. A report asked for during phase one turns the rest of
 * phase one into one check per file for summary and pieces, so that no file
 * still to be read is parsed twice. A file that changed on disk between the
 * phases is summarized again by phase two. Later scans (folders added,
 * configuration changed) make summary and pieces from one check.
 */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, FileSummary>();
  /** How many entries name each owner, as written. */
  private readonly ownerUses = new Map<string, number>();
  private readonly pool = new StringPool();
  private readonly changed = new Emitter<IndexChange>();
  /** The newest disk read of each file still under way: an older one that finishes late is dropped. */
  private readonly reads = new Map<string, number>();
  private readSequence = 0;
  private started = false;
  /** Scans whose summaries are not all in yet. */
  private jobs = 0;
  /** Every scan, to its end (its report pieces included). */
  private queue: Promise<void> = Promise.resolve();
  /** Settles once the newest scan's summaries are in (scans run one after another). */
  private summariesIn: Promise<void> = Promise.resolve();
  private readonly piecesScanned = new Emitter<ScannedPieces>();
  /** Settles when the first scan's second phase may start: at once, or when a report asks (PIECES_ON_DEMAND_FLAG). */
  private readonly piecesWanted: Promise<void>;
  private askForPieces: (() => void) | undefined;
  /** Set once a report asked for the pieces: the first scan's phase one, if still under way, makes them as it goes. */
  private piecesAsked = false;
  /** The first scan's phase one while it runs: told when a report asks. */
  private readonly phaseOne = new Set<Scan>();
  /** Bumped when a running scan must stop (an environment changed: it starts over). */
  private generation = 0;
  /** For each running scan: the files whose summary changed meanwhile, which the scan's older reading must not replace. */
  private readonly touchedSets = new Set<Set<string>>();
  /** Open documents checked since their summary was taken: summarized once typing pauses, or when the index is read. */
  private readonly edited = new Map<string, { readonly file: CheckedFile; readonly text: string }>();
  private editedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Per open document: its workloads' summaries as last made, so that summarizing it again reads only what the edit changed. */
  private readonly caches = new Map<string, SummaryCache>();

  /** Fires after a file's summary was added, replaced or removed. */
  readonly onDidChange: Event<IndexChange> = this.changed.event;
  /** Fires as the first scan's second phase brings the report pieces of files whose summary it did not change. */
  readonly onDidScanPieces: Event<ScannedPieces> = this.piecesScanned.event;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    files: CheckedFiles,
    private readonly settings: SettingsStore,
    private readonly folders: WorkspaceFolders,
    private readonly state: ConnectionState,
    private readonly environments: LspEnvironments,
  ) {
    files.onDidCheck((file) => this.checked(file));
    const onDemand = testHooksEnabled() && (globalThis.process?.argv ?? []).includes(PIECES_ON_DEMAND_FLAG);
    this.piecesWanted = onDemand ? new Promise<void>((resolve) => (this.askForPieces = resolve)) : Promise.resolve();
  }

  get(uri: string): FileSummary | undefined {
    this.summarizeEdited();
    return this.byUri.get(uri);
  }

  summaries(): IterableIterator<FileSummary> {
    this.summarizeEdited();
    return this.byUri.values();
  }

  get size(): number {
    this.summarizeEdited();
    return this.byUri.size;
  }

  /** Every owner some entry names, as written (distinct). */
  owners(): IterableIterator<string> {
    this.summarizeEdited();
    return this.ownerUses.keys();
  }

  /**
   * Who owns `layerId` across the workspace: each owner as written, and how
   * many workloads give it this layer. A scan over the summaries, run on a
   * quick-fix request, never per keystroke.
   */
  ownersOfLayer(layerId: string): Map<string, number> {
    this.summarizeEdited();
    const out = new Map<string, number>();
    for (const summary of this.byUri.values()) {
      for (const workload of summary.workloads) {
        // One vote per workload, even if it writes the layer twice.
        const owners = new Set(workload.entries.filter((e) => e.layerId === layerId && e.owner !== undefined).map((e) => e.owner!));
        for (const owner of owners) out.set(owner, (out.get(owner) ?? 0) + 1);
      }
    }
    return out;
  }

  /** True once every workspace folder has been scanned and no scan is still reading summaries. */
  get isReady(): boolean {
    return this.started && this.jobs === 0;
  }

  /** Starts the background scan on the first call; settles once the index holds every workspace file. */
  ready(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.enqueue((summariesIn) => this.scan(this.folders.all, false, summariesIn, true));
    }
    return this.summariesIn;
  }

  /**
   * Settles once every scan has ended, its report pieces included: what a
   * scan did not bring (a file changed since) a report makes itself.
   */
  piecesReady(): Promise<void> {
    void this.ready();
    // A report waits: what phase one has not read yet is checked once, for summary and pieces, not parsed twice.
    this.piecesAsked = true;
    for (const scan of this.phaseOne) scan.wantPieces();
    this.askForPieces?.();
    return this.queue;
  }

  /** A document was closed: a workspace file goes back to its text on disk; any other leaves the index. */
  documentClosed(uri: string): void {
    this.edited.delete(uri);
    this.caches.delete(uri);
    if (this.folders.contains(uri) && this.started) void this.reread(uri);
    else this.remove(uri);
  }

  filesChanged(changes: readonly FileEvent[]): void {
    this.summarizeEdited();
    for (const change of changes) {
      if (this.documents.get(change.uri)) continue; // the editor's copy is the truth while it is open
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder may be reported alone: what was below it goes too.
        for (const uri of [...this.byUri.keys()]) if (isUnder(uri, change.uri) && !this.documents.get(uri)) this.remove(uri);
        this.reads.delete(change.uri);
      } else if (this.started && this.folders.contains(change.uri)) {
        void this.reread(change.uri);
      }
    }
  }

  /** Call after the workspace folders changed: files no folder holds leave, added folders are scanned. */
  foldersChanged(added: readonly { uri: string; name: string }[]): void {
    this.summarizeEdited();
    for (const uri of [...this.byUri.keys()]) if (!this.documents.get(uri) && !this.folders.contains(uri)) this.remove(uri);
    if (this.started && added.length > 0) this.enqueue((summariesIn) => this.scan(added, false, summariesIn));
  }

  /**
   * A configuration or matrix file changed: layer ids and gap counts may have
   * changed with it, so every file not open is read again (open ones are
   * re-checked anyway). A running scan stops and starts over.
   */
  environmentsChanged(): void {
    if (!this.started) return;
    const generation = ++this.generation;
    this.enqueue((summariesIn) => this.scan(this.folders.all, true, summariesIn, false, generation));
  }

  private checked(file: CheckedFile): void {
    // A check is as new as anything read before it.
    this.reads.delete(file.uri);
    if (file.version === null) {
      this.edited.delete(file.uri);
      this.put(this.summaryOf(file, file.doc.getText()));
      return;
    }
    // Summarizing reads the whole file: while the user types, once per pause (or when a feature reads the index), not per keystroke.
    this.touch(file.uri);
    // The text as checked: the editor's document object moves on with the next keystroke.
    this.edited.set(file.uri, { file, text: file.doc.getText() });
    if (this.editedTimer !== undefined) clearTimeout(this.editedTimer);
    this.editedTimer = setTimeout(() => this.summarizeEdited(), EDIT_PAUSE_MS);
  }

  private summarizeEdited(): void {
    if (this.editedTimer !== undefined) clearTimeout(this.editedTimer);
    this.editedTimer = undefined;
    if (this.edited.size === 0) return;
    const files = [...this.edited.values()];
    this.edited.clear();
    if (this.state.isShutDown) return;
    for (const { file, text } of files) this.put(this.summaryOf(file, text));
  }

  private summaryOf(file: CheckedFile, text: string): FileSummary {
    let cache: SummaryCache | undefined;
    if (file.version !== null) {
      cache = this.caches.get(file.uri);
      if (!cache) this.caches.set(file.uri, (cache = new SummaryCache()));
    } else {
      this.caches.delete(file.uri);
    }
    return summarize(file.uri, file.version, text, file.result, file.environment.config.overrides, this.pool, cache);
  }

  /** `job` calls `summariesIn` once its summaries are in (it may go on making report pieces). */
  private enqueue(job: (summariesIn: () => void) => Promise<void>): void {
    this.jobs++;
    let settle!: () => void;
    this.summariesIn = new Promise<void>((resolve) => (settle = resolve));
    let counted = false;
    const summariesIn = () => {
      if (counted) return;
      counted = true;
      this.jobs--;
      settle();
    };
    this.queue = this.queue
      .then(() => job(summariesIn))
      .catch((err: unknown) => this.connection.console.error(`srm: indexing the workspace failed: ${(err as Error).stack ?? String(err)}`))
      .then(summariesIn);
  }

  /**
   * Reads the declarations of `folders`: those not yet indexed, or every one
   * not open when `force`. `twoPhase`: summaries first (parsed, not checked),
   * then the report pieces of the files summarized (see the class comment).
   */
  private async scan(folders: readonly { uri: string }[], force: boolean, summariesIn: () => void, twoPhase = false, generation = this.generation): Promise<void> {
    const cancelled = () => generation !== this.generation || this.state.isShutDown;
    const touched = new Set<string>();
    const current = (uri: string) => !touched.has(uri) && !this.reads.has(uri) && !this.documents.get(uri) && this.folders.contains(uri);
    const folderUris = this.folders.all.map((f) => f.uri);
    /** Per folder: its scan (whose threads, warm, run phase two), and the files phase one summarized, with what it read of each. */
    const phaseTwo: { scan: Scan; files: ScanFile[] }[] = [];
    this.touchedSets.add(touched);
    try {
      for (const folder of folders) {
        const settings = await this.settings.get(folder.uri);
        const files = (await findDeclarations(URI.parse(folder.uri).fsPath, cancelled)).map((file) => URI.file(file).toString());
        const wanted = files.filter((uri) => !this.documents.get(uri) && (force || !this.byUri.has(uri))).map((uri): ScanFile => ({ uri }));
        if (cancelled()) return;
        if (!twoPhase) {
          await scanFiles(wanted, 'both', settings, folderUris, (batch) => this.scanned(batch, current, []), cancelled);
          continue;
        }
        const summarized: ScanFile[] = [];
        // One folder's threads wait for phase two, the last one's: every folder's waiting would hold a heap per thread each.
        for (const earlier of phaseTwo) earlier.scan.close();
        const scan = startScan(wanted, 'summaries', settings, folderUris, (batch) => this.scanned(batch, current, summarized), cancelled);
        phaseTwo.push({ scan, files: summarized });
        this.phaseOne.add(scan);
        if (this.piecesAsked) scan.wantPieces();
        try {
          await scan.done;
        } finally {
          this.phaseOne.delete(scan);
        }
      }
      summariesIn();
      if (!twoPhase || cancelled()) return;
      await this.piecesWanted;
      for (const { scan, files } of phaseTwo) {
        if (cancelled()) return;
        // Only the files still as phase one read them (the others were read again since): a file changed on disk unannounced is caught by its fingerprint.
        await scan.pieces(files.filter((f) => current(f.uri)));
      }
    } finally {
      for (const { scan } of phaseTwo) scan.close();
      this.touchedSets.delete(touched);
    }
  }

  /** `summarized` collects the files summarized without their pieces, for the scan's second phase. */
  private scanned(batch: ScanBatch, current: (uri: string) => boolean, summarized: ScanFile[]): void {
    this.summarizeEdited();
    batch.summaries.forEach((summary, i) => {
      if (!current(summary.uri)) return;
      const pieces = batch.pieces[i];
      this.put(adopt(summary, this.pool), false, pieces);
      if (!pieces) summarized.push({ uri: summary.uri, fingerprint: batch.fingerprints[i]! });
    });
    for (const { uri, pieces } of batch.piecesOnly) {
      const summary = this.byUri.get(uri);
      if (summary && current(uri)) this.piecesScanned.fire({ uri, summary, pieces });
    }
    for (const uri of batch.unreadable) if (current(uri)) this.remove(uri, false);
  }

  /** A file's summary changed (or it left): no running scan may put its older reading in place. */
  private touch(uri: string): void {
    for (const touched of this.touchedSets) touched.add(uri);
  }

  private async reread(uri: string): Promise<void> {
    const folder = this.folders.folderOf(uri);
    if (folder) await this.readFromDisk(uri, await this.settings.get(folder.uri));
  }

  /** Summarizes a file from disk, unless something newer took its place while it was read. */
  private async readFromDisk(uri: string, settings: SrmSettings): Promise<void> {
    const token = ++this.readSequence;
    this.reads.set(uri, token);
    const summary = await readSummary(uri, settings, this.environments.environment(uri), this.pool);
    const current = this.reads.get(uri) === token;
    if (current) this.reads.delete(uri);
    if (!current || this.documents.get(uri) || !this.folders.contains(uri) || this.state.isShutDown) {
      if (summary) this.pool.release(summary);
      return;
    }
    if (summary) this.put(summary);
    else this.remove(uri);
  }

  /** `touches` is false for what a scan read: it stands for the file as it was when the scan began. */
  private put(summary: FileSummary, touches = true, pieces?: PortablePieces): void {
    if (touches) this.touch(summary.uri);
    const old = this.byUri.get(summary.uri);
    this.byUri.set(summary.uri, summary);
    // Only the workloads that came or left change the counts (an edited file's others are carried over).
    const { left, came } = exchangeWorkloads(this.pool, old, summary);
    this.countOwners(came, 1);
    this.countOwners(left, -1);
    this.changed.fire({ uri: summary.uri, summary, ...(pieces ? { pieces } : {}) });
  }

  private remove(uri: string, touches = true): void {
    // A check not yet summarized is older than this: it must not bring the file back.
    this.summarizeEdited();
    if (touches) this.touch(uri);
    this.edited.delete(uri);
    this.reads.delete(uri);
    const old = this.byUri.get(uri);
    if (!old) return;
    this.byUri.delete(uri);
    this.drop(old);
    this.changed.fire({ uri, summary: undefined });
  }

  private drop(summary: FileSummary): void {
    this.countOwners(exchangeWorkloads(this.pool, summary, undefined).left, -1);
  }

  private countOwners(workloads: readonly WorkloadSummary[], by: 1 | -1): void {
    for (const workload of workloads) {
      for (const { owner } of workload.entries) {
        if (owner === undefined) continue;
        const uses = (this.ownerUses.get(owner) ?? 0) + by;
        if (uses > 0) this.ownerUses.set(owner, uses);
        else this.ownerUses.delete(owner);
      }
    }
  }
}
