import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FileStatusNotification, type FileStatusParams } from '../../../protocol/requests';
import { effectiveSeverity, toLspDiagnostic } from './convert';
import { lspDiagnosticsOf, type Published } from './published-diagnostics';
import { fileGapCount } from '../core';
import type { CheckedDataFile, DataFiles } from './data-files';
import type { CheckedFile, CheckedFiles } from './files';
import { nextTurn } from './next-turn';
import type { ConnectionState } from './lifecycle';
import type { SettingsStore } from './settings';
import { isIacUri } from './iac-documents';
import type { SrmSettings } from '../../../protocol/settings';

/** The connection (vscode-jsonrpc) decodes one message per turn of the event loop, and dispatches it on a later turn. */
const QUIET_TURNS = 2;

/**
 * Checks open documents and publishes their diagnostics, newest version only.
 *
 * The connection hands over one message per turn of the event loop, so a
 * burst of changes that arrived together reaches `schedule` over as many
 * turns. Checking as soon as the first one is in would check (and publish)
 * every version in between; instead a check starts once the connection has
 * dispatched nothing for a few turns: the burst is in, and only its newest
 * version is checked. No timer: a lone change is checked a few turns (well
 * under a millisecond) after it arrives. A result is published only if its
 * document has not moved on meanwhile, so an older version never replaces a
 * newer one.
 */
export class Publisher {
  private readonly pending = new Set<string>();
  private flushing = false;
  /** What was last published per open document, so that the next keystroke's publish converts only what moved. */
  private readonly published = new Map<string, Published>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly files: CheckedFiles,
    private readonly settings: SettingsStore,
    private readonly state: ConnectionState,
    private readonly dataFiles: DataFiles,
  ) {}

  schedule(uri: string): void {
    this.pending.add(uri);
    if (!this.flushing) {
      this.flushing = true;
      void this.flush();
    }
  }

  recheckAll(): void {
    // Terraform files are not declarations: iac-documents.ts reads them.
    for (const doc of this.documents.all()) if (!isIacUri(doc.uri)) this.schedule(doc.uri);
  }

  /** Publishes a checked file (open or from disk), or clears a file's diagnostics when given `undefined`. */
  publish(uri: string, file: CheckedFile | undefined): void {
    if (this.state.isShutDown) return;
    // An open document's diagnostics, cleared or not, say which version they are for.
    const version = file && file.version !== null ? { version: file.version } : {};
    if (!file || !file.settings.enable || file.version === null) this.published.delete(uri);
    if (!file || !file.settings.enable) {
      void this.connection.sendDiagnostics({ uri, ...version, diagnostics: [] });
      this.sendStatus({ uri, version: file?.version ?? null, errors: 0, warnings: 0, gaps: 0 });
      return;
    }
    const previous = this.published.get(uri);
    const diagnostics = lspDiagnosticsOf(file.doc, file.visible, previous);
    if (file.version !== null) this.published.set(uri, { text: file.doc.getText(), visible: file.visible, diagnostics });
    let errors = 0;
    let warnings = 0;
    for (const v of file.visible) {
      if (v.severity === 'error') errors++;
      else if (v.severity === 'warning') warnings++;
    }
    void this.connection.sendDiagnostics({ uri, ...version, diagnostics });
    const status = (): void => {
      if (this.state.isShutDown) return;
      this.sendStatus({
        uri,
        version: file.version,
        errors,
        warnings,
        // The core's one definition: a display setting that hides a finding does not close its gap.
        gaps: fileGapCount(file.result, file.environment.config.overrides),
      });
    };
    // The first count of a file reads every declaration in it (later ones only what an edit changed): at the open
    // of a large file, the diagnostics are written first (the writer sends in a microtask queued before this one).
    if (previous === undefined && file.version !== null) queueMicrotask(status);
    else status();
  }

  /** A matrix or configuration file's findings, with the severities the user configured. */
  private publishDataFile(file: CheckedDataFile, settings: SrmSettings): void {
    const diagnostics = settings.enable
      ? file.diagnostics.flatMap((d) => {
          const severity = effectiveSeverity(d, settings);
          return severity ? [toLspDiagnostic(file.doc, d, severity)] : [];
        })
      : [];
    void this.connection.sendDiagnostics({ uri: file.doc.uri, version: file.version, diagnostics });
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.size > 0 && !this.state.isShutDown) {
        await this.quietTurns();
        const [uri] = this.pending;
        this.pending.delete(uri!);
        const doc = this.documents.get(uri!);
        if (!doc) continue;
        const settings = await this.settings.get(uri!);
        const current = this.documents.get(uri!);
        // A newer version arrived while the settings were fetched: it is pending and will be checked itself.
        if (!current || current.version !== doc.version || this.state.isShutDown) continue;
        const dataFile = this.dataFiles.check(current);
        if (dataFile) this.publishDataFile(dataFile, settings);
        else this.publish(uri!, this.files.check(current, settings, current.version));
      }
    } catch (err) {
      this.connection.console.error(`srm: checking failed: ${(err as Error).stack ?? String(err)}`);
    } finally {
      this.flushing = false;
      if (this.pending.size > 0 && !this.state.isShutDown) this.schedule([...this.pending][0]!);
    }
  }

  /** Resolves once the connection has dispatched nothing for QUIET_TURNS turns of the event loop. */
  private async quietTurns(): Promise<void> {
    for (let quiet = 0; quiet < QUIET_TURNS; ) {
      const seen = this.state.messagesDispatched;
      await nextTurn();
      quiet = this.state.messagesDispatched === seen ? quiet + 1 : 0;
    }
  }

  private sendStatus(params: FileStatusParams): void {
    void this.connection.sendNotification(FileStatusNotification, params);
  }
}
