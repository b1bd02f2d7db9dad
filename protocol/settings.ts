/** The `srm.*` settings, read per resource by the server and contributed by the extension's package.json. */

export type SeveritySetting = 'error' | 'warning' | 'info' | 'hint' | 'off';

export type ProblemsScope = 'openFiles' | 'workspace';

export interface SrmSettings {
  /** Check declarations at all. */
  readonly enable: boolean;
  /** Per-code overrides of the default severity, e.g. `{ "SRM006": "off" }`. */
  readonly severity: Readonly<Record<string, SeveritySetting>>;
  /** Report problems for open files only, or for every declaration in the workspace. */
  readonly problemsScope: ProblemsScope;
  /** Honour `# srm-ignore` comments. */
  readonly inlineSuppressions: boolean;
  /** Show each layer's cell (customer, shared, …, overridden) after its key (`srm.inlayHints.enable`). */
  readonly inlayHints: boolean;
}

export const SETTINGS_SECTION = 'srm';

export const DEFAULT_SETTINGS: SrmSettings = {
  enable: true,
  severity: {},
  problemsScope: 'openFiles',
  inlineSuppressions: true,
  inlayHints: true,
};

/** Accepts whatever the client sent and fills what is missing or malformed with defaults. */
export function normalizeSettings(raw: unknown): SrmSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const inlayHints = (r.inlayHints && typeof r.inlayHints === 'object' ? r.inlayHints : {}) as Record<string, unknown>;
  const problems = (r.problems && typeof r.problems === 'object' ? r.problems : {}) as Record<string, unknown>;
  const severity: Record<string, SeveritySetting> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [code, level] of Object.entries(r.severity as Record<string, unknown>)) {
      if (level === 'error' || level === 'warning' || level === 'info' || level === 'hint' || level === 'off') severity[code.toUpperCase()] = level;
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    severity,
    problemsScope: problems.scope === 'workspace' ? 'workspace' : 'openFiles',
    inlineSuppressions: typeof r.inlineSuppressions === 'boolean' ? r.inlineSuppressions : DEFAULT_SETTINGS.inlineSuppressions,
    inlayHints: typeof inlayHints.enable === 'boolean' ? inlayHints.enable : DEFAULT_SETTINGS.inlayHints,
  };
}
