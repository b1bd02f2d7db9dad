/**
 * The keys of `srm.config.yaml` and the values they take, with what each
 * means: the one description the reader, the JSON Schema, hovers and
 * completion all read (design reference: srm-config.md, "What it holds").
 */
import type { KeySpec, ValueSpec } from '../files/key-spec';
import type { Severity } from '../types';

export const CONFIG_FILE_NAMES = ['srm.config.yaml', 'srm.config.yml'] as const;

export const CONFIG_KEYS: readonly KeySpec[] = [
  { key: 'extends', description: 'Another configuration file to start from, relative to this one (e.g. `../srm.config.yaml`). This file\'s keys win; severities are merged code by code.' },
  { key: 'matrix', description: 'The default matrix, as `id@version` (e.g. `azure@2026-01`), for declarations that name none. Without it, `reference@1`.' },
  { key: 'matrices', description: 'Where the matrix files are: file patterns relative to this file. Default: every `**/*.srm-matrix.yaml` below it.', insert: '\n  - ' },
  { key: 'severity', description: 'The severity of a finding by its code: `error`, `warning`, `info`, `hint` or `off`. The CLI and the editor both follow it; VS Code\'s `srm.severity` setting only changes what one person sees.', insert: '\n  ' },
  { key: 'inline-ignore', description: 'Honour `# srm-ignore CODE: reason` comments (default `true`). `srm check --no-inline-ignore` forces `false`.' },
  { key: 'overrides', description: 'Which per-entry overrides (`responsibility:` with a `reason:`) declarations may make: `allow` (default), `no-reduction` or `forbid`.' },
  { key: 'owners', description: 'The owner directory: a mapping of owners (with `contact:`, `description:`, `aliases:`, `layers:`), or the path of a file holding one.' },
  { key: 'unknown-owner', description: 'The severity of an owner that is not in the directory (only when there is a directory): `error`, `warning` (default), `info`, `hint` or `off`.' },
];

export const OWNER_KEYS: readonly KeySpec[] = [
  { key: 'contact', description: 'How to reach the owner: an address, a channel.' },
  { key: 'description', description: 'Who the owner is, in a few words.' },
  { key: 'aliases', description: 'Other names declarations use for this owner.' },
  { key: 'layers', description: 'The layers this owner usually covers, for quick fixes that offer owners.' },
];

export type SeverityLevel = Severity | 'off';
export type OverridePolicy = 'allow' | 'no-reduction' | 'forbid';

export const SEVERITY_LEVELS: readonly ValueSpec<SeverityLevel>[] = [
  { value: 'error', description: 'Fails `srm check` (exit 1) and shows as an error.' },
  { value: 'warning', description: 'Shows as a warning; fails `srm check` only past `--max-warnings`.' },
  { value: 'info', description: 'Shows as information; never fails a check.' },
  { value: 'hint', description: 'Shows as a hint (dots under the text in VS Code); never fails a check.' },
  { value: 'off', description: 'Not reported at all.' },
];

export const OVERRIDE_POLICIES: readonly ValueSpec<OverridePolicy>[] = [
  { value: 'allow', description: 'Every override with a reason holds (the default).' },
  { value: 'no-reduction', description: 'Only overrides that do not move a duty away from the customer hold: `provider` → `shared` may, `shared` → `provider` may not.' },
  { value: 'forbid', description: 'No override holds: every declaration follows its matrix\'s cells.' },
];

/** True for the file name of a configuration the checker finds by walking up (`srm.config.yaml`, `srm.config.yml`). */
export function isConfigFileName(name: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}
