import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type Connection, type FileEvent, type TextDocuments, type WorkspaceFolder } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { decode, textFactsOf } from '../io/encoding';
import { fieldOf, stringValue } from '../core';
import type { CheckedFiles } from './files';
import type { Publisher } from './publisher';
import type { SettingsStore } from './settings';

const DECLARATION = /\.srm\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** A workspace with more declarations than this is scanned only this far; the log says so. */
const MAX_FILES = 20000;

/**
 * The problems scope: with `workspace`, every declaration on disk is checked and
 * kept current as files change; with `openFiles`, only what the editor has open.
 */
export class WorkspaceScope {
  supportsProgress = false;
  private folders: WorkspaceFolder[] = [];
  /** Files published from disk, so they can be cleared when the scope narrows. */
  private readonly fromDisk = new Set<string>();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly files: CheckedFiles,
    private readonly settings: SettingsStore,
    private readonly publisher: Publisher,
  ) {}

  setFolders(folders: WorkspaceFolder[]): void {
    this.folders = [...folders];
  }

  folderUris(): string[] {
    return this.folders.map((f) => f.uri);
  }

  changeFolders(added: WorkspaceFolder[], removed: WorkspaceFolder[]): void {
    this.folders = this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)).concat(added);
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
    if (settings.problemsScope === 'workspace' && settings.enable && this.isWorkspaceDeclaration(uri)) await this.checkFromDisk(uri, true, stale);
    else this.clear(uri);
  }

  async changedOnDisk(changes: FileEvent[]): Promise<void> {
    const stale = this.staleAfterRefresh();
    for (const change of changes) {
      if (this.documents.get(change.uri)) continue; // the editor's copy is the truth while it is open
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder may be reported alone: clear what was published below it too.
        for (const uri of [...this.fromDisk]) if (uri.startsWith(`${change.uri}/`)) this.clear(uri);
        this.clear(change.uri);
        continue;
      }
      if (!this.isWorkspaceDeclaration(change.uri)) continue; // what the scan skips, a change does not bring in
      const settings = await this.settings.get(change.uri);
      if (stale()) return;
      if (settings.problemsScope === 'workspace' && settings.enable) await this.checkFromDisk(change.uri, true, stale);
    }
  }

  /** Every owner named in the files the server has checked, for completion. */
  owners(): Set<string> {
    const owners = new Set<string>();
    for (const file of this.files.all()) {
      for (const doc of file.result.documents) {
        for (const entry of doc.declaration.layers?.entries ?? []) {
          const owner = stringValue(fieldOf(entry.fields, 'owner'))?.trim();
          if (owner) owners.add(owner);
        }
      }
    }
    return owners;
  }

  /** Reads every declaration in the workspace into the checked files without publishing, for completion. */
  async indexOwners(): Promise<void> {
    if (this.indexed) return;
    this.indexed = true;
    for (const folder of this.folders) {
      for (const file of await findDeclarations(URI.parse(folder.uri).fsPath, () => false)) {
        const uri = URI.file(file).toString();
        if (!this.files.get(uri)) await this.checkFromDisk(uri, false);
      }
    }
  }
  private indexed = false;

  private async scan(generation: number): Promise<void> {
    const progress = this.supportsProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('SRM: checking workspace declarations', 0, 'finding files', true);
    const cancelled = () => generation !== this.generation || progress?.token.isCancellationRequested === true;
    try {
      const found: string[] = [];
      for (const folder of this.folders) found.push(...(await findDeclarations(URI.parse(folder.uri).fsPath, cancelled)));
      for (let i = 0; i < found.length && !cancelled(); i++) {
        const uri = URI.file(found[i]!).toString();
        progress?.report(Math.round((100 * i) / found.length), `${i + 1}/${found.length} ${path.basename(found[i]!)}`);
        if (!this.documents.get(uri)) await this.checkFromDisk(uri, true, cancelled);
      }
      if (cancelled()) {
        this.connection.console.log('srm: workspace scan cancelled');
      } else {
        // Files published before that no folder holds any more (a folder removed, a file deleted unseen) are cleared.
        const inWorkspace = new Set(found.map((f) => URI.file(f).toString()));
        for (const uri of [...this.fromDisk]) if (!inWorkspace.has(uri)) this.clear(uri);
        this.connection.console.log(`srm: checked ${found.length} declaration file(s) in the workspace`);
      }
    } finally {
      progress?.done();
    }
  }

  /**
   * Reads, checks and (unless `publish` is false) publishes a file from disk.
   * `stale` says whether a newer refresh has taken over meanwhile (the scope
   * may have narrowed and cleared the file while it was being read): then
   * nothing is published. Nor is it when the editor opened the file meanwhile.
   */
  private async checkFromDisk(uri: string, publish = true, stale: () => boolean = () => false): Promise<void> {
    let decoded: ReturnType<typeof decode>;
    try {
      decoded = decode(await fs.readFile(URI.parse(uri).fsPath));
    } catch {
      if (publish && !stale()) this.clear(uri);
      return;
    }
    const settings = await this.settings.get(uri);
    if (stale() || this.documents.get(uri)) return;
    const file = this.files.checkText(uri, decoded.text, settings, textFactsOf(decoded));
    if (!publish) return;
    this.fromDisk.add(uri);
    this.publisher.publish(uri, file);
  }

  /** A declaration file inside a workspace folder, outside the folders the scan skips: what the workspace scope covers. */
  private isWorkspaceDeclaration(uri: string): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file' || !DECLARATION.test(parsed.path)) return false;
    return this.folders.some((folder) => {
      const relative = path.relative(URI.parse(folder.uri).fsPath, parsed.fsPath);
      return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative) && !relative.split(path.sep).some((part) => SKIPPED_DIRS.has(part));
    });
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
    this.publisher.publish(uri, undefined);
  }
}

async function findDeclarations(root: string, cancelled: () => boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (cancelled() || out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) await walk(path.join(dir, entry.name));
      else if (entry.isFile() && DECLARATION.test(entry.name)) out.push(path.join(dir, entry.name));
    }
  };
  await walk(root);
  return out.sort();
}
