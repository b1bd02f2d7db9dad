/**
 * An LSP client over the worker host (worker-host.ts): the editor's side of
 * the conversation, with the capabilities the protocol tests' client declares.
 * What the server publishes and logs is recorded; tests wait for it by polling.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { LayerStackRequest, type LayerStackResult } from '../../protocol/requests';
import { CLIENT_CAPABILITIES } from '../lsp/client';
import { waitFor } from '../shared/wait';
import { WorkerHost } from './worker-host';

export class WorkerLspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: LogMessageParams[] = [];
  private readonly docs = new Map<string, TextDocument>();

  private constructor(
    readonly host: WorkerHost,
    private readonly connection: ProtocolConnection,
    private readonly settings: Record<string, unknown>,
  ) {}

  static async start(options: { settings?: Record<string, unknown>; folders?: readonly WorkspaceFolder[] } = {}): Promise<WorkerLspClient> {
    const host = await WorkerHost.start();
    const connection = createProtocolConnection(host.reader, host.writer);
    const client = new WorkerLspClient(host, connection, options.settings ?? {});
    client.listen();
    const folders = options.folders ?? [];
    await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      clientInfo: { name: 'srm-browser-tests', version: '1.0.0' },
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length > 0 ? [...folders] : null,
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions: {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (params) => void this.published.push(params));
    c.onNotification(LogMessageNotification.type, (params) => void this.messages.push(params));
    c.onNotification(ShowMessageNotification.type, (params) => void this.messages.push(params));
    c.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'srm' ? this.settings : null)));
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(UnregistrationRequest.type, () => undefined);
    c.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    c.onRequest(ApplyWorkspaceEditRequest.type, () => ({ applied: false, failureReason: 'the browser tests apply edits themselves' }));
    c.listen();
  }

  async open(uri: string, text: string): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, 'srm', 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'srm', version: 1, text } });
  }

  /** Replaces the whole text, as a new version. */
  async setText(uri: string, text: string): Promise<void> {
    const version = this.document(uri).version + 1;
    this.docs.set(uri, TextDocument.create(uri, 'srm', version, text));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  positionOf(uri: string, needle: string, delta = 0): Position {
    const doc = this.document(uri);
    const at = doc.getText().indexOf(needle);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} is not in ${uri}`);
    return doc.positionAt(at + delta);
  }

  /** The diagnostics of the newest publish for the open version that `accept`s them. */
  waitForDiagnostics(uri: string, accept: (d: readonly Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const version = this.document(uri).version;
    return waitFor(`diagnostics for ${uri} v${version}`, () => {
      const latest = this.published.filter((p) => p.uri === uri).at(-1);
      return latest && latest.version === version && accept(latest.diagnostics) ? latest.diagnostics : undefined;
    }, { timeoutMs: 20_000, intervalMs: 20 });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** The code actions for `range`, each resolved (its edit filled in) as an editor would before applying it. */
  async codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[]): Promise<CodeAction[]> {
    const result: (Command | CodeAction)[] | null = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [...diagnostics] } });
    const actions = (result ?? []).filter((a): a is CodeAction => !('command' in a && typeof a.command === 'string'));
    return Promise.all(actions.map(async (a) => (a.edit ? a : await this.connection.sendRequest(CodeActionResolveRequest.type, a))));
  }

  layerStack(uri: string): Promise<LayerStackResult> {
    return this.connection.sendRequest(LayerStackRequest, { uri });
  }

  errorsLogged(): LogMessageParams[] {
    return this.messages.filter((m) => m.type === MessageType.Error);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
    } finally {
      this.connection.dispose();
      await this.host.stop();
    }
  }
}
