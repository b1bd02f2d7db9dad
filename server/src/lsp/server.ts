import {
  CodeActionKind,
  CodeLensRefreshRequest,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fieldOf } from '../core';
import { IAC_KEY } from '../core/iac/links';
import { ExportReportRequest, OverviewRequest, WorkspaceReportRequest } from '../../../protocol/report';
import { AssignOwnerRequest, CreateDeclarationCommand, FixAllCommand, LayerStackRequest, MatricesRequest, NewDeclarationRequest } from '../../../protocol/requests';
import type { ServerContext } from './context';
import { dataFileKind, DataFiles } from './data-files';
import { isDeclarationUri, WorkspaceFolders } from './disk';
import { LspEnvironments } from './environments';
import { CheckedFiles } from './files';
import type { Lifecycle } from './lifecycle';
import { Publisher } from './publisher';
import { SettingsStore } from './settings';
import { WorkspaceIndex } from './workspace-index';
import { WorkspaceReports } from './workspace-reports';
import { WorkspaceScope } from './workspace-scope';
import { assignOwner } from './handlers/assign-owner';
import { codeActions, FIX_ALL_KIND, resolveCodeAction } from './handlers/code-actions';
import { completion } from './handlers/completion';
import { dataFileCompletion } from './handlers/data-file-completion';
import { dataFileHover } from './handlers/data-file-hover';
import { documentLinks } from './handlers/links';
import { documentSymbols } from './handlers/symbols';
import { executeFixAll } from './handlers/fix-all-command';
import { hover } from './handlers/hover';
import { codeLenses } from './handlers/code-lens';
import { inlayHints } from './handlers/inlay-hints';
import { references } from './handlers/references';
import { prepareRename, rename } from './handlers/rename';
import { workspaceSymbols } from './handlers/workspace-symbols';
import { layerStack } from './handlers/layer-stack';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './handlers/semantic-tokens';
import { matrices, newDeclaration } from './handlers/new-declaration';
import { registerTestHooks } from './test-hooks';
import { IacDocuments, isIacUri } from './iac-documents';
import { createDeclaration, iacCodeActions, iacCodeLenses } from './handlers/iac-actions';

export function startServer(connection: Connection, lifecycle: Lifecycle): void {
  const documents = new TextDocuments(TextDocument);
  const environments = new LspEnvironments();
  const files = new CheckedFiles((uri) => environments.environment(uri));
  const settings = new SettingsStore(connection, lifecycle);
  const folders = new WorkspaceFolders();
  const dataFiles = new DataFiles(documents, environments);
  const publisher = new Publisher(connection, documents, files, settings, lifecycle, dataFiles);
  const workspace = new WorkspaceScope(connection, documents, files, settings, publisher, folders, lifecycle);
  const index = new WorkspaceIndex(connection, documents, files, settings, folders, lifecycle, environments);
  const reports = new WorkspaceReports(connection, documents, index, environments, folders, files);
  const iac = new IacDocuments(connection, documents, settings, folders, environments, lifecycle);
  const ctx: ServerContext = {
    connection,
    documents,
    files,
    settings,
    environments,
    dataFiles,
    workspace,
    index,
    iac,
    client: { versionedEdits: false, resolvesActionEdits: false },
    async current(uri) {
      // Terraform files and YAML/JSON files that may be templates are the IaC part's: no declaration hovers, fixes or outline on them.
      if (isIacUri(uri)) return undefined;
      if (dataFileKind(uri)) return undefined;
      const doc = documents.get(uri);
      const file = doc ? files.check(doc, await settings.get(uri), doc.version) : files.get(uri);
      // A user who switched the checker off gets no hovers, fixes or outline from it either.
      return file?.settings.enable ? file : undefined;
    },
  };

  let foldersSupported = false;
  let inlayHintRefresh = false;
  let codeLensRefresh = false;
  // Cells and gap counts rest on the settings and the environments as well as on the text: when those change, the editor asks again.
  const refreshViews = (): void => {
    if (inlayHintRefresh) connection.languages.inlayHint.refresh().catch(() => undefined);
    if (codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    foldersSupported = params.capabilities.workspace?.workspaceFolders === true;
    ctx.client.versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    ctx.client.resolvesActionEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    settings.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    environments.setFolders(folders.all.map((f) => f.uri));
    workspace.supportsProgress = params.capabilities.window?.workDoneProgress === true;
    inlayHintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        renameProvider: { prepareProvider: true },
        referencesProvider: true,
        workspaceSymbolProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [FixAllCommand, CreateDeclarationCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'srm-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (foldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders.change(e.added, e.removed);
        environments.setFolders(folders.all.map((f) => f.uri));
        index.foldersChanged(e.added);
        void workspace.refresh();
      });
    }
    void workspace.refresh();
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed((change.settings as Record<string, unknown> | undefined)?.srm);
    publisher.recheckAll();
    iac.recheckAll();
    void workspace.refresh();
    refreshViews();
  });

  // An open declaration may claim what an open Terraform file holds: a change to one reads the other again.
  const changed = (uri: string) => {
    if (isIacUri(uri)) return iac.schedule(uri);
    publisher.schedule(uri);
  };
  // Whether it links to IaC is read off its check (the links are its declarations' iac: keys), not off its whole text per keystroke.
  files.onDidCheck((file) => {
    if (file.version !== null && isDeclarationUri(file.uri) && documents.get(file.uri)) iac.declarationChanged(file.uri, file.result.documents.some((d) => fieldOf(d.declaration.fields, IAC_KEY) !== undefined));
  });
  documents.onDidOpen((e) => changed(e.document.uri));
  documents.onDidChangeContent((e) => changed(e.document.uri));
  documents.onDidClose((e) => {
    dataFiles.forget(e.document.uri);
    if (isIacUri(e.document.uri)) return iac.closed(e.document.uri);
    index.documentClosed(e.document.uri);
    void workspace.closed(e.document.uri);
  });
  connection.onDidChangeWatchedFiles((e) => {
    // A configuration, matrix or owner file changed: every declaration it governs is checked again.
    if (e.changes.some((c) => environments.dependsOn(c.uri))) {
      environments.forget();
      publisher.recheckAll();
      reports.environmentsChanged();
      index.environmentsChanged();
      void workspace.refresh();
      refreshViews();
    }
    // The client reports every YAML file; a deletion may be a folder's, which takes its declarations with it.
    const declarations = e.changes.filter((c) => c.type === FileChangeType.Deleted || isDeclarationUri(c.uri));
    index.filesChanged(declarations);
    if (declarations.length > 0) iac.recheckAll();
    void workspace.changedOnDisk(declarations);
  });

  connection.onHover((p) => (dataFileKind(p.textDocument.uri) ? dataFileHover(ctx, p) : hover(ctx, p)));
  connection.onCompletion((p) => (dataFileKind(p.textDocument.uri) ? dataFileCompletion(ctx, p) : completion(ctx, p)));
  connection.onCodeAction((p) => (isIacUri(p.textDocument.uri) ? iacCodeActions(iac, documents, p) : codeActions(ctx, p)));
  connection.onCodeActionResolve((a) => resolveCodeAction(ctx, a));
  connection.onDocumentSymbol((p) => documentSymbols(ctx, p));
  connection.onDocumentLinks((p) => documentLinks(ctx, p));
  // No tokens at all (not an empty set) on Terraform and YAML/JSON files, so the editor keeps their own extensions' highlighting.
  connection.languages.semanticTokens.on((p) => (isIacUri(p.textDocument.uri) ? null : semanticTokens(ctx, p)));
  connection.onPrepareRename((p) => prepareRename(ctx, p));
  connection.onRenameRequest((p) => rename(ctx, p));
  connection.onReferences((p) => references(ctx, p));
  connection.onWorkspaceSymbol((p) => workspaceSymbols(ctx, p));
  connection.languages.inlayHint.on((p) => inlayHints(ctx, p));
  connection.onCodeLens((p) => (isIacUri(p.textDocument.uri) ? iacCodeLenses(iac, documents, p) : codeLenses(ctx, p)));
  connection.onExecuteCommand((p) => (p.command === CreateDeclarationCommand ? createDeclaration(iac, connection, p.arguments ?? []) : executeFixAll(ctx, p)));
  connection.onRequest(LayerStackRequest, (p) => layerStack(ctx, p));
  connection.onRequest(AssignOwnerRequest, (p) => assignOwner(ctx, p));
  connection.onRequest(MatricesRequest, (p) => matrices(ctx, p));
  connection.onRequest(NewDeclarationRequest, (p) => newDeclaration(ctx, p));
  connection.onRequest(WorkspaceReportRequest, () => reports.report());
  connection.onRequest(ExportReportRequest, (p) => reports.export(p.format, p.by));
  connection.onRequest(OverviewRequest, async () => ({ files: await reports.overview() }));

  lifecycle.listen(connection);
  registerTestHooks(connection, {
    counters: () => ({ checks: files.checksRun, cachedSettings: settings.size }),
    summary: (uri) => index.get(uri),
  });

  documents.listen(connection);
  connection.listen();
}
