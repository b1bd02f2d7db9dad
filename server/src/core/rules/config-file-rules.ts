import type { Rule } from './rule';

/**
 * Findings about `srm.config.yaml` (and the files it extends), reported by the
 * configuration reader. In the editor each is a diagnostic on the file; in the
 * CLI a configuration with an error stops the run with one line and exit 2,
 * since every finding after it would rest on a configuration nobody meant.
 */
export const configUnknownKey: Rule = {
  code: 'SRM050',
  name: 'config-unknown-key',
  severity: 'error',
  description: 'A key that `srm.config.yaml` does not define.',
  help: 'The configuration decides what every check finds, in the editor and in CI alike; a key it does not know (`severity:` misspelt as `severities:`) would silently change nothing. Known keys: extends, matrix, matrices, severity, inline-ignore, overrides, owners, unknown-owner.',
  fixes: ['Rename to the closest known key'],
};

export const configInvalidValue: Rule = {
  code: 'SRM051',
  name: 'config-invalid-value',
  severity: 'error',
  description: 'A configuration value of the wrong kind, or one the checker does not know (a severity, a policy, a matrix).',
  help: 'Each key takes one kind of value: `matrix:` a matrix id@version, `matrices:` a list of file patterns, `severity:` a code → error | warning | info | hint | off mapping, `inline-ignore:` true or false, `overrides:` allow | no-reduction | forbid, `owners:` a mapping or a file.',
  fixes: [],
};

export const configUnknownCode: Rule = {
  code: 'SRM052',
  name: 'config-unknown-code',
  severity: 'error',
  description: 'A severity for a finding code that does not exist.',
  help: 'Codes are `SRM` and three digits (`srm explain SRM003` says what each finds). A severity for a code that does not exist, often a typo, would leave the finding it was meant for at its default.',
  fixes: ['Change to the closest code'],
};

export const configBadExtends: Rule = {
  code: 'SRM053',
  name: 'config-bad-extends',
  severity: 'error',
  description: 'A configuration extends itself through a cycle of `extends:`.',
  help: '`extends: ../srm.config.yaml` starts from another configuration file, which may extend another in turn, but never one already on the way.',
  fixes: [],
};

export const configMissingFile: Rule = {
  code: 'SRM054',
  name: 'config-missing-file',
  severity: 'error',
  description: 'A file the configuration names (`extends:`, `owners:`) that cannot be read.',
  help: 'Paths in `srm.config.yaml` are relative to the file itself. A file that is missing or unreadable is never silently skipped: the configuration would not say what its author meant.',
  fixes: [],
};
