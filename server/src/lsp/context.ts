import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataFiles } from './data-files';
import type { LspEnvironments } from './environments';
import type { IacDocuments } from './iac-documents';
import type { CheckedFile, CheckedFiles } from './files';
import type { SettingsStore } from './settings';
import type { WorkspaceIndex } from './workspace-index';
import type { WorkspaceScope } from './workspace-scope';

/** What every handler may use: one object, built by the server, so handlers import no server module. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly files: CheckedFiles;
  readonly settings: SettingsStore;
  readonly environments: LspEnvironments;
  /** Open matrix and configuration files, checked as the editor has them. */
  readonly dataFiles: DataFiles;
  readonly workspace: WorkspaceScope;
  /** Names and owners of every declaration in the workspace, for what looks across files. */
  readonly index: WorkspaceIndex;
  /** Terraform files, and where declarations' iac: entries lead. */
  readonly iac: IacDocuments;
  /**
   * What the client announced it can do, once initialized: versioned workspace
   * edits; resolving a code action's edit (`codeAction/resolve`) when it is applied.
   */
  readonly client: { versionedEdits: boolean; resolvesActionEdits: boolean };
  /**
   * The declaration as it is now: an open document checked at its current version, else the last check from disk.
   * Undefined for matrix and configuration files, which are not declarations.
   */
  current(uri: string): Promise<CheckedFile | undefined>;
}
