import { BY_OWNER_FORMATS, REPORT_FORMATS, type ReportFormat } from '../core/report';
import { jobsOf, readOptions, type OptionSpec } from './args';
import { CliError } from './errors';

export interface ReportArgs {
  readonly command: 'report';
  /** Files, folders and globs; empty means every declaration below the working directory. */
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly by: 'workload' | 'owner';
  readonly output?: string;
  /** `--config FILE`: this configuration for every declaration, instead of the nearest one. */
  readonly config?: string;
  /** `--jobs N`: at most N worker threads (1: none); undefined: one per processor. */
  readonly jobs?: number;
}

const REPORT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'by', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'jobs', short: 'j', value: true },
];

const BY = ['workload', 'owner'] as const;

/** `srm report [paths] --format F [--by owner] [-o FILE]`; throws a CliError for anything else. */
export function parseReport(argv: readonly string[]): ReportArgs {
  const { values, positionals } = readOptions(argv, REPORT_OPTIONS, 'report');
  const format = values.get('format') ?? 'markdown';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}".`);
  }
  const by = values.get('by') ?? 'workload';
  if (!(BY as readonly string[]).includes(by)) throw new CliError(`--by takes workload or owner, not "${by}".`);
  if (by === 'owner' && !BY_OWNER_FORMATS.includes(format as ReportFormat)) {
    const why = format === 'json' ? 'the JSON report holds the owners already (its "owners" list)' : 'an SSP is organised by control; its parties and responsible roles name the owners';
    throw new CliError(`--by owner does not apply to --format ${format}: ${why}.`);
  }
  const output = values.get('output');
  if (output === '') throw new CliError('--output needs a file name.');
  const config = values.get('config');
  if (config === '') throw new CliError('--config needs a file name.');
  return {
    command: 'report',
    paths: positionals,
    format: format as ReportFormat,
    by: by as ReportArgs['by'],
    ...(output !== undefined ? { output } : {}),
    ...(config !== undefined ? { config } : {}),
    ...jobsOf(values),
  };
}
