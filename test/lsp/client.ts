/**
 * A small LSP client for the protocol tests: spawns the bundled server
 * (dist/server.js, built by `node scripts/build.mjs`) over stdio and behaves
 * like an editor that supports pulled configuration, work-done progress,
 * workspace folders, versioned diagnostics and workspace edits.
 *
 * Everything the server sends is recorded, in order, so a test can wait for
 * what it expects (`waitFor…`, polling with a timeout, never a fixed sleep) and
 * then look at the sequence that led there.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ShowDocumentRequest,
  type ShowDocumentParams,
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  RequestType,
  RequestType0,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type Command,
  type CompletionItem,
  type CompletionList,
  type ConfigurationItem,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type MessageConnection,
  type Position,
  type ProgressToken,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { FileStatusNotification, type FileStatusParams } from '../../protocol/requests';
import {
  OverviewChangedNotification,
  ReportChangedNotification,
  WorkspaceReportRequest,
  type OverviewChangedParams,
  type ReportChangedParams,
  type ResponsibilityReport,
} from '../../protocol/report';
import { applyReportPatch } from '../../server/src/core/report';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');

/** How long a `waitFor` waits unless told otherwise. Generous: CI machines are slow; a passing wait returns at once. */
export const DEFAULT_TIMEOUT = 5000;
const POLL_MS = 5;

export interface StartOptions {
  /** Workspace folders, as paths on disk. */
  readonly folders?: readonly string[];
  /** The `srm` section the client answers workspace/configuration with (changeable later). */
  readonly settings?: Record<string, unknown>;
  /** Another server command than `node dist/server.js --stdio`, e.g. an installed package's bin. */
  readonly spawn?: { readonly command: string; readonly args: readonly string[]; readonly cwd: string; readonly env?: NodeJS.ProcessEnv };
  /** Flags for node before the server script, e.g. `--expose-gc`. */
  readonly nodeArgs?: readonly string[];
  /** Flags for the server after `--stdio`, e.g. the test hooks' flag. */
  readonly serverArgs?: readonly string[];
  /** Keep every byte the server writes, for `rawMessages` (what it sent, whether or not the connection got to it). */
  readonly keepRawOutput?: boolean;
  /** Changes what the client announces it can do, e.g. an editor without versioned workspace edits. */
  readonly capabilities?: (capabilities: ClientCapabilities) => ClientCapabilities;
}

/** One message the server sent, in arrival order. */
export type Recorded =
  | { readonly kind: 'diagnostics'; readonly params: PublishDiagnosticsParams }
  | { readonly kind: 'status'; readonly params: FileStatusParams }
  | { readonly kind: 'progress'; readonly token: ProgressToken; readonly value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }
  | { readonly kind: 'progress-create'; readonly token: ProgressToken }
  | { readonly kind: 'apply-edit'; readonly params: ApplyWorkspaceEditParams }
  | { readonly kind: 'overview'; readonly params: OverviewChangedParams }
  | { readonly kind: 'report'; readonly params: ReportChangedParams }
  | { readonly kind: 'show-document'; readonly params: ShowDocumentParams };

export class LspClient {
  /** Every notification and request of interest the server sent, in order. */
  readonly log: Recorded[] = [];
  /** window/logMessage and window/showMessage, for failure messages and the "no errors logged" check. */
  readonly messages: LogMessageParams[] = [];
  /** Every workspace/configuration item the server asked for. */
  readonly configurationRequests: ConfigurationItem[] = [];
  /** Requests the client did not expect (answered with an error by the connection). */
  readonly unexpected: string[] = [];
  /** The `srm` settings section as the client would answer it now. */
  settings: Record<string, unknown>;
  /** When set, workspace/configuration is answered only once this settles: a test holds an answer back to order a race. */
  configurationGate: ((items: readonly ConfigurationItem[]) => Promise<void> | void) | undefined;
  /** What workspace/applyEdit answers. */
  applyEditsAccepted = true;
  initializeResult!: InitializeResult;

  private readonly docs = new Map<string, TextDocument>();
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Set once the server's output streams have closed: everything it wrote has been read. */
  private closed = false;
  private stderr = '';
  private raw: Buffer[] | undefined;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  /** Spawns `node dist/server.js --stdio` (or `options.spawn`) and runs the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!options.spawn && !fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`node scripts/build.mjs\` first.`);
    const { command, args, cwd, env } = options.spawn ?? { command: process.execPath, args: [...(options.nodeArgs ?? []), SERVER, '--stdio', ...(options.serverArgs ?? [])], cwd: REPO };
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, { ...(options.settings ?? {}) });
    if (options.keepRawOutput) {
      const raw: Buffer[] = (client.raw = []);
      child.stdout.on('data', (chunk: Buffer) => void raw.push(chunk));
    }
    client.listen();
    const folders = (options.folders ?? []).map((f) => ({ uri: URI.file(f).toString(), name: path.basename(f) }));
    client.initializeResult = await client.within(
      'initialize',
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'srm-lsp-tests', version: '1.0.0' },
        locale: 'en',
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders.length > 0 ? folders : null,
        capabilities: options.capabilities ? options.capabilities(structuredClone(CLIENT_CAPABILITIES)) : CLIENT_CAPABILITIES,
        initializationOptions: {},
        trace: 'off',
      }),
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.child.on('exit', (code, signal) => (this.exit = { code, signal }));
    this.child.on('close', () => (this.closed = true));
    // A write to a server that died must fail the test that waits, not the process.
    this.child.stdin.on('error', () => undefined);

    c.onNotification(PublishDiagnosticsNotification.type, (params) => void this.log.push({ kind: 'diagnostics', params }));
    c.onNotification(FileStatusNotification, (params) => void this.log.push({ kind: 'status', params }));
    c.onNotification(OverviewChangedNotification, (params) => void this.log.push({ kind: 'overview', params }));
    c.onNotification(ReportChangedNotification, (params) => void this.log.push({ kind: 'report', params }));
    c.onNotification(LogMessageNotification.type, (params) => void this.messages.push(params));
    c.onNotification(ShowMessageNotification.type, (params) => void this.messages.push(params));
    c.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests.push(...params.items);
      await this.configurationGate?.(params.items);
      return params.items.map((item) => this.configuration(item));
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      this.log.push({ kind: 'progress-create', token });
      c.onProgress(WorkDoneProgress.type, token, (value) => void this.log.push({ kind: 'progress', token, value }));
    });
    c.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
      this.log.push({ kind: 'apply-edit', params });
      if (!this.applyEditsAccepted) return { applied: false, failureReason: 'refused by the test' };
      await this.applyWorkspaceEdit(params.edit);
      return { applied: true };
    });
    c.onRequest(ShowDocumentRequest.type, (params) => {
      this.log.push({ kind: 'show-document', params });
      return { success: true };
    });
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(UnregistrationRequest.type, () => undefined);
    // A protocol connection is a JSON-RPC message connection, which also takes a catch-all handler.
    (c as unknown as MessageConnection).onRequest((method: string) => {
      this.unexpected.push(method);
      throw new Error(`the test client does not handle ${method}`);
    });
    c.listen();
  }

  /** What the client answers for one workspace/configuration item: only the `srm` section is known. */
  private configuration(item: ConfigurationItem): unknown {
    if (item.section === 'srm') return this.settings;
    if (item.section?.startsWith('srm.')) return lookup(this.settings, item.section.slice(4));
    return null;
  }

  // ---- documents ------------------------------------------------------------

  /** Opens a document at version 1 (or the given version). */
  async open(uri: string, text: string, version = 1, languageId = 'srm'): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /**
   * Applies edits to the client's copy, bumps the version and sends them as
   * ranged (incremental) changes, in the order given, each range relative to
   * the text after the changes before it, as the protocol requires.
   */
  async change(uri: string, ...edits: readonly TextEdit[]): Promise<number> {
    const doc = this.document(uri);
    const changes: TextDocumentContentChangeEvent[] = edits.map((e) => ({ range: e.range, text: e.newText }));
    const updated = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, updated);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: updated.version }, contentChanges: changes });
    return updated.version;
  }

  /**
   * Sends one didChange per element of `changes` (each one version, ranges
   * relative to the text after the ones before it), all in a single write to
   * the server's input: what an editor's burst of keystrokes, or a paste
   * replayed by a slow connection, looks like to the server. Returns the last version.
   */
  async changeInOneWrite(uri: string, changes: readonly (readonly TextEdit[])[]): Promise<number> {
    const frames: Buffer[] = [];
    for (const edits of changes) {
      const contentChanges: TextDocumentContentChangeEvent[] = edits.map((e) => ({ range: e.range, text: e.newText }));
      const updated = TextDocument.update(this.document(uri), contentChanges, this.version(uri) + 1);
      this.docs.set(uri, updated);
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri, version: updated.version }, contentChanges } }), 'utf8');
      frames.push(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body);
    }
    // Every earlier send has been written (each send awaits its write), so this write cannot split one of them.
    await new Promise<void>((resolve, reject) => this.child.stdin.write(Buffer.concat(frames), (err) => (err ? reject(err) : resolve())));
    return this.version(uri);
  }

  /** Replaces the first occurrence of `find` (after `from`, a string that must come before it) with `replacement`. */
  async replace(uri: string, find: string, replacement: string, from?: string): Promise<number> {
    const text = this.text(uri);
    const base = from === undefined ? 0 : text.indexOf(from);
    const at = text.indexOf(find, Math.max(base, 0));
    if (base < 0 || at < 0) throw new Error(`"${find}" is not in ${uri}`);
    return this.change(uri, { range: this.rangeOf(uri, at, at + find.length), newText: replacement });
  }

  /** Replaces the whole text as one ranged change. */
  async setText(uri: string, text: string): Promise<number> {
    const doc = this.document(uri);
    return this.change(uri, { range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: text });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  isOpen(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** The position of the `nth` occurrence (from 0) of `needle` in the client's copy, plus `delta` characters. */
  positionOf(uri: string, needle: string, delta = 0, nth = 0): Position {
    const text = this.text(uri);
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`occurrence ${nth} of "${needle}" is not in ${uri}`);
    }
    return this.document(uri).positionAt(at + delta);
  }

  rangeOf(uri: string, start: number, end: number): Range {
    const doc = this.document(uri);
    return { start: doc.positionAt(start), end: doc.positionAt(end) };
  }

  /** The text a range covers in the client's copy. */
  textAt(uri: string, range: Range): string {
    const doc = this.document(uri);
    return doc.getText(range);
  }

  /** Applies a workspace edit to the open documents, as an editor would: each changed document gets a didChange. */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
    const byUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...edits]);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change && change.kind === 'create') {
        // As an editor does: the file is created on disk, empty, and its document opened for the edits that follow.
        const file = URI.parse(change.uri).fsPath;
        if (fs.existsSync(file) && !change.options?.overwrite) throw new Error(`${file} exists`);
        fs.writeFileSync(file, '');
        await this.open(change.uri, '', 1, 'srm');
        continue;
      }
      if (!('textDocument' in change)) throw new Error('the test client applies text edits and file creations only');
      const version = change.textDocument.version;
      if (version !== null && version !== this.version(change.textDocument.uri)) throw new Error(`edit for version ${version} of ${change.textDocument.uri}, which is at ${this.version(change.textDocument.uri)}`);
      byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...change.edits.filter((e): e is TextEdit => 'range' in e)]);
    }
    for (const [uri, edits] of byUri) await this.applyEdits(uri, edits);
  }

  /**
   * Applies edits that all refer to the current text (as the edits of one LSP
   * text edit array do) and sends them as one didChange of ranged changes,
   * last in the text first so that each range is still valid when applied.
   * Returns the new version.
   */
  async applyEdits(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const doc = this.document(uri);
    const expected = TextDocument.applyEdits(doc, [...edits]);
    // Insertions at one offset keep their order: the later one is applied first, so it ends up after.
    const ordered = edits
      .map((edit, i) => ({ edit, i, at: doc.offsetAt(edit.range.start) }))
      .sort((a, b) => b.at - a.at || b.i - a.i)
      .map((e) => e.edit);
    const version = await this.change(uri, ...ordered);
    if (this.text(uri) !== expected) throw new Error('the client applied the edits differently from TextDocument.applyEdits');
    return version;
  }

  private document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open in the test client`);
    return doc;
  }

  // ---- settings and files -----------------------------------------------------

  /**
   * Changes the `srm` settings and tells the server, the way VS Code's client
   * does: it pushes the section too (`push: false` sends `settings: null`, and
   * the server has to pull).
   */
  async configure(settings: Record<string, unknown>, push = true): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: push ? { srm: settings } : null });
  }

  /** Adds and removes workspace folders (paths on disk), as when a user edits a multi-root workspace. */
  async changeFolders(added: readonly string[], removed: readonly string[] = []): Promise<void> {
    const folder = (f: string) => ({ uri: URI.file(f).toString(), name: path.basename(f) });
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: added.map(folder), removed: removed.map(folder) } });
  }

  async filesChanged(...changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  // ---- requests ---------------------------------------------------------------

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.within('hover', this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
  }

  /** Completion items, whether the server answered with a list or an array. */
  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    return (await this.completionList(uri, position)).items;
  }

  /** The completion answer as a list: an array counts as a complete one. */
  async completionList(uri: string, position: Position): Promise<CompletionList> {
    const result: CompletionList | CompletionItem[] | null = await this.within(
      'completion',
      this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context: { triggerKind: 1 } }),
    );
    return !result ? { isIncomplete: false, items: [] } : Array.isArray(result) ? { isIncomplete: false, items: result } : result;
  }

  /**
   * Code actions for a range, with the context an editor sends (the diagnostics it shows there), each as the
   * editor applies it: an action listed without its edit is resolved first (`codeAction/resolve`).
   */
  async codeActions(uri: string, range: Range, context: Partial<CodeActionContext> = {}): Promise<CodeAction[]> {
    const listed = await this.listedCodeActions(uri, range, context);
    return Promise.all(listed.map((a) => (a.edit || a.data === undefined ? Promise.resolve(a) : this.resolveCodeAction(a))));
  }

  /** Code actions for a range as the server lists them, unresolved. */
  async listedCodeActions(uri: string, range: Range, context: Partial<CodeActionContext> = {}): Promise<CodeAction[]> {
    const diagnostics = context.diagnostics ?? (this.latestDiagnostics(uri)?.diagnostics ?? []).filter((d) => overlaps(d.range, range));
    const result: (Command | CodeAction)[] | null = await this.within(
      'codeAction',
      this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { ...context, diagnostics } }),
    );
    return (result ?? []).map((a) => {
      if (!('title' in a) || typeof (a as CodeAction).kind !== 'string') throw new Error(`expected code action literals, got ${JSON.stringify(a)}`);
      return a as CodeAction;
    });
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.within('codeAction/resolve', this.connection.sendRequest(CodeActionResolveRequest.type, action));
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const result: DocumentSymbol[] | SymbolInformation[] | null = await this.within('documentSymbol', this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
    return (result ?? []) as DocumentSymbol[];
  }

  async documentLinks(uri: string): Promise<DocumentLink[]> {
    return (await this.within('documentLink', this.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } }))) ?? [];
  }

  executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return this.within(command, this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }));
  }

  /** A request without parameters (the test hooks). */
  request0<R>(type: RequestType0<R, void>): Promise<R> {
    return this.within(type.method, this.connection.sendRequest<R>(type.method));
  }

  /** A request by its method name alone, answered or refused as the server decides. */
  requestMethod(method: string, params?: object): Promise<unknown> {
    return this.within(method, params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params));
  }

  /** A notification by its method name, e.g. `exit`. */
  async notify(method: string, params?: object): Promise<void> {
    await (params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params));
  }

  /** Any request, typed by its RequestType (the custom srm/* requests). */
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    return this.within(type.method, this.connection.sendRequest<R>(type.method, params));
  }

  // ---- what the server sent ---------------------------------------------------

  /** Every publishDiagnostics for a uri, in order. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.log.flatMap((r) => (r.kind === 'diagnostics' && r.params.uri === uri ? [r.params] : []));
  }

  latestDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.published(uri).at(-1);
  }

  statuses(uri?: string): FileStatusParams[] {
    return this.log.flatMap((r) => (r.kind === 'status' && (uri === undefined || r.params.uri === uri) ? [r.params] : []));
  }

  /** A mark in the log: `since(mark)` returns what arrived after it. */
  mark(): number {
    return this.log.length;
  }

  since(mark: number): Recorded[] {
    return this.log.slice(mark);
  }

  /**
   * The client's copy of the report: the first answer, patched by every patch
   * sent since `mark` (a notification without one means: ask again).
   */
  async patchedSince(first: ResponsibilityReport, mark: number): Promise<ResponsibilityReport> {
    let report = first;
    for (const r of this.since(mark)) {
      if (r.kind !== 'report') continue;
      report = r.params.patch ? applyReportPatch(report, r.params.patch) : await this.request(WorkspaceReportRequest, {});
    }
    return report;
  }

  /** Polls `probe` until it returns something other than undefined, null or false. */
  async waitFor<T>(what: string, probe: () => T | undefined | null | false, timeout = DEFAULT_TIMEOUT): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== null && value !== false) return value;
      if (this.exit) throw new Error(`the server exited (${JSON.stringify(this.exit)}) while the test waited for ${what}${this.stderrTail()}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${this.stderrTail()}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Like `waitFor`, for a probe that asks the server (a request per poll). */
  async waitForAnswer<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeout = DEFAULT_TIMEOUT): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      if (this.exit) throw new Error(`the server exited (${JSON.stringify(this.exit)}) while the test waited for ${what}${this.stderrTail()}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${this.stderrTail()}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /**
   * Waits until the latest diagnostics published for `uri` are for the
   * client's current version of it (any version for a file that is not open)
   * and satisfy `accept`; returns their diagnostics.
   */
  async waitForDiagnostics(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, timeout?: number): Promise<Diagnostic[]> {
    const published = await this.waitFor(
      `diagnostics for ${uri}${this.isOpen(uri) ? ` at version ${this.version(uri)}` : ''}`,
      () => {
        const latest = this.latestDiagnostics(uri);
        if (!latest) return undefined;
        if (this.isOpen(uri) && latest.version !== this.version(uri)) return undefined;
        return accept(latest.diagnostics) && latest;
      },
      timeout,
    );
    return published.diagnostics;
  }

  /** Waits for a publish after `mark` that satisfies `accept`. */
  async waitForPublishSince(mark: number, uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri} after mark ${mark}`, () => {
      for (const r of this.since(mark)) if (r.kind === 'diagnostics' && r.params.uri === uri && accept(r.params)) return r.params;
      return undefined;
    });
  }

  /** Messages the server logged as errors (a handler that threw, a failed check). */
  errorsLogged(): LogMessageParams[] {
    return this.messages.filter((m) => m.type === MessageType.Error);
  }

  /**
   * Every message the server wrote, parsed from its raw output, in order (needs
   * `keepRawOutput`). Complete once `waitForClose` has returned.
   */
  /** Every byte the server wrote to stdout so far, for a test of the framing itself. */
  rawOutput(): Buffer {
    if (!this.raw) throw new Error('start the client with keepRawOutput');
    return Buffer.concat(this.raw);
  }

  rawMessages(): { id?: number | string | null; method?: string; result?: unknown; error?: unknown }[] {
    if (!this.raw) throw new Error('start the client with keepRawOutput');
    const bytes = Buffer.concat(this.raw);
    const out = [];
    for (let at = 0; at < bytes.length; ) {
      const headerEnd = bytes.indexOf('\r\n\r\n', at);
      if (headerEnd < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(bytes.subarray(at, headerEnd).toString('ascii'))?.[1]);
      const start = headerEnd + 4;
      out.push(JSON.parse(bytes.subarray(start, start + length).toString('utf8')));
      at = start + length;
    }
    return out;
  }

  /** Waits until the server has exited and its output is closed. */
  async waitForClose(timeout = DEFAULT_TIMEOUT): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const deadline = Date.now() + timeout;
    while (!this.closed || !this.exit) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for the server to exit${this.stderrTail()}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return this.exit;
  }

  get alive(): boolean {
    return this.exit === undefined && this.child.exitCode === null;
  }

  /** shutdown + exit, as an editor closes a server; kills it if it does not go. Returns the exit code. */
  async stop(): Promise<number | null> {
    try {
      if (this.alive) {
        await this.within('shutdown', this.connection.sendRequest(ShutdownRequest.type), 3000).catch(() => undefined);
        await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
        await this.waitFor('the server to exit', () => !this.alive, 3000).catch(() => undefined);
      }
    } finally {
      if (this.alive) this.child.kill('SIGKILL');
      this.connection.dispose();
    }
    return this.exit?.code ?? null;
  }

  /** A promise that fails with a useful message instead of hanging when the server does not answer. */
  private within<T>(what: string, promise: Promise<T>, timeout = DEFAULT_TIMEOUT): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${what} after ${timeout} ms${this.stderrTail()}`)), timeout);
      promise.then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
      );
    });
  }

  private stderrTail(): string {
    const tail = this.stderr.trim().split('\n').slice(-10).join('\n');
    const logged = this.errorsLogged().map((m) => m.message).join('\n');
    return [tail && `\nserver stderr:\n${tail}`, logged && `\nserver logged:\n${logged}`].filter(Boolean).join('');
  }
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
  workspace: {
    applyEdit: true,
    configuration: true,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional' },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    executeCommand: { dynamicRegistration: true },
    symbol: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        deprecatedSupport: true,
        preselectSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail'] },
      },
    },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports', 'source.fixAll'] },
      },
      resolveSupport: { properties: ['edit'] },
    },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true, labelSupport: true },
    documentLink: { dynamicRegistration: true, tooltipSupport: true },
  },
};

function lookup(settings: Record<string, unknown>, dotted: string): unknown {
  let at: unknown = settings;
  for (const part of dotted.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at ?? null;
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

// ---- helpers for tests ----------------------------------------------------------

/** A made-up uri for a document that exists only in the editor. */
export function untitled(name: string): string {
  return `untitled:/${name}`;
}

const temps: string[] = [];

/** A fresh folder holding the given files (strings written as UTF-8, buffers as they are). */
export function tempWorkspace(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'srm-lsp-')));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) writeFile(dir, name, content);
  return dir;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return URI.file(file).toString();
}

export function fileUri(dir: string, name: string): string {
  return URI.file(path.join(dir, name)).toString();
}

export function removeTempWorkspaces(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** The report without its tool stamp (the server's package version, which an expectation built in a test cannot know). */
export function withoutTool<T extends { tool: unknown }>(report: T): T {
  return { ...report, tool: null };
}

/** The codes of diagnostics, sorted, for compact assertions. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

/** Starts a client before a suite's tests and stops it (checking it exits cleanly) after them. */
export function useServer(options: StartOptions | (() => StartOptions) = {}): () => LspClient {
  let client: LspClient | undefined;
  before(async function () {
    this.timeout(10_000);
    client = await LspClient.start(typeof options === 'function' ? options() : options);
  });
  after(async function () {
    this.timeout(10_000);
    if (!client) return;
    const c = client;
    client = undefined;
    const wasAlive = c.alive;
    const errors = c.errorsLogged();
    const code = await c.stop();
    if (!wasAlive) throw new Error('the server died during the suite');
    if (code !== 0) throw new Error(`the server exited with ${code} after shutdown/exit`);
    if (errors.length > 0) throw new Error(`the server logged errors:\n${errors.map((e) => e.message).join('\n')}`);
    if (c.unexpected.length > 0) throw new Error(`the server sent requests the client does not handle: ${c.unexpected.join(', ')}`);
  });
  return () => {
    if (!client) throw new Error('the server is not running (is this called outside a test?)');
    return client;
  };
}

/** The text edits a workspace edit makes to one document, in either of the forms LSP allows. */
export function textEditsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const plain = edit?.changes?.[uri] ?? [];
  const versioned = (edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits.filter((e): e is TextEdit => 'range' in e) : []));
  return [...plain, ...versioned];
}

/** The documents a workspace edit touches. */
export function editedUris(edit: WorkspaceEdit | undefined): string[] {
  return [...Object.keys(edit?.changes ?? {}), ...(edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c ? [c.textDocument.uri] : []))];
}
