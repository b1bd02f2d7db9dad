import type { Connection } from 'vscode-languageserver';
import type { ConnectionState } from './lifecycle';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type SrmSettings } from '../../../protocol/settings';

/** Settings per resource, fetched from the client once and cached until they change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<SrmSettings>>();
  private global: SrmSettings = DEFAULT_SETTINGS;
  supportsConfiguration = false;

  constructor(
    private readonly connection: Connection,
    /** After shutdown the client is not asked any more: what is cached, or the global settings, answer. */
    private readonly state: Pick<ConnectionState, 'isShutDown'> = { isShutDown: false },
  ) {}

  get(uri: string): Promise<SrmSettings> {
    if (!this.supportsConfiguration || (this.state.isShutDown && !this.cache.has(uri))) return Promise.resolve(this.global);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => this.global);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Drops what is cached for a resource the server no longer tracks (a document closed, a file gone). */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** How many resources' settings are cached. */
  get size(): number {
    return this.cache.size;
  }

  /** Called on workspace/didChangeConfiguration: `raw` is the pushed `srm` section when the client pushes it. */
  changed(raw: unknown): void {
    this.cache.clear();
    if (raw !== undefined && raw !== null) this.global = normalizeSettings(raw);
  }

  /** The workspace-wide settings, for decisions that are not about one file (the problems scope). */
  workspace(): Promise<SrmSettings> {
    return this.supportsConfiguration && !this.state.isShutDown
      ? this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION }).then(normalizeSettings, () => this.global)
      : Promise.resolve(this.global);
  }
}
