import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AssignOwnerRequest, FixAllCommand, LayerStackRequest } from '../../../protocol/requests';
import { modelIndexFor, REFERENCE_MODEL, ServiceCatalogue, type ModelIndex } from '../core';
import { CheckedFiles, type CheckedFile } from './files';
import type { Lifecycle } from './lifecycle';
import { Publisher } from './publisher';
import { SettingsStore } from './settings';
import { WorkspaceScope } from './workspace-scope';
import { assignOwner } from './handlers/assign-owner';
import { codeActions, FIX_ALL_KIND } from './handlers/code-actions';
import { completion } from './handlers/completion';
import { documentLinks } from './handlers/links';
import { documentSymbols } from './handlers/symbols';
import { executeFixAll } from './handlers/fix-all-command';
import { hover } from './handlers/hover';
import { layerStack } from './handlers/layer-stack';
import { registerTestHooks } from './test-hooks';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly files: CheckedFiles;
  readonly settings: SettingsStore;
  readonly model: ModelIndex;
  readonly catalogue: ServiceCatalogue;
  readonly workspace: WorkspaceScope;
  /** What the client announced it can do, once initialized. */
  readonly client: { versionedEdits: boolean };
  /** The file as it is now: an open document checked at its current version, else the last check from disk. */
  current(uri: string): Promise<CheckedFile | undefined>;
}

export function startServer(connection: Connection, lifecycle: Lifecycle): void {
  const documents = new TextDocuments(TextDocument);
  const files = new CheckedFiles();
  const settings = new SettingsStore(connection);
  const publisher = new Publisher(connection, documents, files, settings, lifecycle);
  const workspace = new WorkspaceScope(connection, documents, files, settings, publisher);
  const ctx: ServerContext = {
    connection,
    documents,
    files,
    settings,
    model: modelIndexFor(REFERENCE_MODEL),
    catalogue: new ServiceCatalogue(),
    workspace,
    client: { versionedEdits: false },
    async current(uri) {
      const doc = documents.get(uri);
      const file = doc ? files.check(doc, await settings.get(uri), doc.version) : files.get(uri);
      // A user who switched the checker off gets no hovers, fixes or outline from it either.
      return file?.settings.enable ? file : undefined;
    },
  };

  let foldersSupported = false;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    foldersSupported = params.capabilities.workspace?.workspaceFolders === true;
    ctx.client.versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    settings.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    workspace.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    workspace.supportsProgress = params.capabilities.window?.workDoneProgress === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [FixAllCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'srm-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (foldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        workspace.changeFolders(e.added, e.removed);
        void workspace.refresh();
      });
    }
    void workspace.refresh();
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed((change.settings as Record<string, unknown> | undefined)?.srm);
    publisher.recheckAll();
    void workspace.refresh();
  });

  documents.onDidOpen((e) => publisher.schedule(e.document.uri));
  documents.onDidChangeContent((e) => publisher.schedule(e.document.uri));
  documents.onDidClose((e) => void workspace.closed(e.document.uri));
  connection.onDidChangeWatchedFiles((e) => void workspace.changedOnDisk(e.changes));

  connection.onHover((p) => hover(ctx, p));
  connection.onCompletion((p) => completion(ctx, p));
  connection.onCodeAction((p) => codeActions(ctx, p));
  connection.onDocumentSymbol((p) => documentSymbols(ctx, p));
  connection.onDocumentLinks((p) => documentLinks(ctx, p));
  connection.onExecuteCommand((p) => executeFixAll(ctx, p));
  connection.onRequest(LayerStackRequest, (p) => layerStack(ctx, p));
  connection.onRequest(AssignOwnerRequest, (p) => assignOwner(ctx, p));

  lifecycle.listen(connection);
  registerTestHooks(connection, () => ({ checks: files.checksRun, cachedSettings: settings.size }));

  documents.listen(connection);
  connection.listen();
}
