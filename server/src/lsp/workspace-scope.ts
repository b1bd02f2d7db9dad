import { FileChangeType, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { fileTooLargeToRead } from '../io/file-size';
import { findDeclarations, isUnder, readDeclarationFile, type WorkspaceFolders } from './disk';
import type { CheckedFiles } from './files';
import type { ConnectionState } from './lifecycle';
import type { Publisher } from './publisher';
import type { SettingsStore } from './settings';

/**
 * The problems scope: with `workspace`, every declaration on disk is checked and
 * kept current as files change; with `openFiles`, only what the editor has open.
 */
export class WorkspaceScope {
  supportsProgress = false;
  /** Files published from disk, so they can be cleared when the scope narrows. */
  private readonly fromDisk = new Set<string>();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly files: CheckedFiles,
    private readonly settings: SettingsStore,
    private readonly publisher: Publisher,
    private readonly folders: WorkspaceFolders,
    private readonly state: ConnectionState,
  ) {}

  folderUris(): string[] {
    return this.folders.all.map((f) => f.uri);
  }

  /** Re-reads the scope and scans or clears accordingly. A newer refresh cancels a running scan. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const settings = await this.settings.workspace();
    if (settings.problemsScope !== 'workspace' || !settings.enable) {
      for (const uri of this.fromDisk) this.clear(uri);
      return;
    }
    await this.scan(generation);
  }

  async closed(uri: string): Promise<void> {
    // From now on its diagnostics are this class's: a refresh that narrows the scope clears them.
    this.fromDisk.add(uri);
    const stale = this.staleAfterRefresh();
    const settings = await this.settings.get(uri);
    if (stale()) return; // a refresh since has scanned or cleared this file by the new settings
    if (settings.problemsScope === 'workspace' && settings.enable && this.folders.contains(uri)) await this.checkFromDisk(uri, true, stale);
    else this.clear(uri);
  }

  async changedOnDisk(changes: FileEvent[]): Promise<void> {
    const stale = this.staleAfterRefresh();
    for (const change of changes) {
      if (this.documents.get(change.uri)) continue; // the editor's copy is the truth while it is open
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder may be reported alone: clear what was published below it too.
        for (const uri of [...this.fromDisk]) if (isUnder(uri, change.uri)) this.clear(uri);
        this.clear(change.uri);
        continue;
      }
      if (!this.folders.contains(change.uri)) continue; // what the scan skips, a change does not bring in
      const settings = await this.settings.get(change.uri);
      if (stale()) return;
      if (settings.problemsScope === 'workspace' && settings.enable) await this.checkFromDisk(change.uri, true, stale);
    }
  }

  private async scan(generation: number): Promise<void> {
    const progress = this.supportsProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('SRM: checking workspace declarations', 0, 'finding files', true);
    const cancelled = () => generation !== this.generation || progress?.token.isCancellationRequested === true || this.state.isShutDown;
    try {
      const found: string[] = [];
      for (const folder of this.folders.all) found.push(...(await findDeclarations(URI.parse(folder.uri).fsPath, cancelled)));
      for (let i = 0; i < found.length && !cancelled(); i++) {
        const file = URI.file(found[i]!);
        const uri = file.toString();
        progress?.report(Math.round((100 * i) / found.length), `${i + 1}/${found.length} ${Utils.basename(file)}`);
        if (!this.documents.get(uri)) await this.checkFromDisk(uri, true, cancelled);
      }
      if (this.state.isShutDown) return;
      if (cancelled()) {
        this.connection.console.log('srm: workspace scan cancelled');
      } else {
        // Files published before that no folder holds any more (a folder removed, a file deleted unseen) are cleared.
        const inWorkspace = new Set(found.map((f) => URI.file(f).toString()));
        for (const uri of [...this.fromDisk]) if (!inWorkspace.has(uri)) this.clear(uri);
        this.connection.console.log(`srm: checked ${found.length} declaration file(s) in the workspace`);
      }
    } finally {
      // After shutdown the server sends nothing more, not even the end of its progress.
      if (!this.state.isShutDown) progress?.done();
    }
  }

  /**
   * Reads, checks and (unless `publish` is false) publishes a file from disk.
   * `stale` says whether a newer refresh has taken over meanwhile (the scope
   * may have narrowed and cleared the file while it was being read): then
   * nothing is published. Nor is it when the editor opened the file meanwhile.
   * A file too large to be a declaration is not read, only reported.
   */
  private async checkFromDisk(uri: string, publish = true, stale: () => boolean = () => false): Promise<void> {
    const read = await readDeclarationFile(uri);
    if (stale()) return;
    if (read.kind === 'unreadable') {
      if (publish) this.clear(uri);
      return;
    }
    const settings = await this.settings.get(uri);
    if (stale() || this.documents.get(uri)) return;
    const file = read.kind === 'text' ? this.files.checkText(uri, read.text, settings, read.facts) : this.files.unread(uri, fileTooLargeToRead(read.size), settings);
    if (!publish) return;
    this.fromDisk.add(uri);
    this.publisher.publish(uri, file);
  }

  /** True once a refresh newer than the call to this has started. */
  private staleAfterRefresh(): () => boolean {
    const generation = this.generation;
    return () => generation !== this.generation;
  }

  private clear(uri: string): void {
    this.fromDisk.delete(uri);
    // While a file is open its diagnostics are the editor's copy's, which the publisher keeps: leave them be.
    if (this.documents.get(uri)) return;
    this.files.forget(uri);
    this.settings.forget(uri);
    this.publisher.publish(uri, undefined);
  }
}
