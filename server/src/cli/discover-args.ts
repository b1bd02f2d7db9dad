import { FORMATS, lastOf, readOptions, type Format, type OptionSpec } from './args';
import { CliError } from './errors';

export const GROUPS = ['resource', 'folder'] as const;
export type Group = (typeof GROUPS)[number];

export interface DiscoverArgs {
  readonly command: 'discover';
  /** Folders and files to look for IaC in; empty means the working directory. */
  readonly paths: readonly string[];
  readonly format: Format;
  readonly output?: string;
  /** Write a proposed declaration for each undeclared workload. */
  readonly write: boolean;
  readonly group: Group;
  readonly color?: boolean;
  /** `--config FILE`: this configuration for every declaration and proposal, instead of the nearest one. */
  readonly config?: string;
}

const DISCOVER_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'write' },
  { name: 'group', value: true },
  { name: 'color' },
  { name: 'no-color' },
  { name: 'config', short: 'c', value: true },
];

export function parseDiscover(argv: readonly string[]): DiscoverArgs {
  const { values, positionals } = readOptions(argv, DISCOVER_OPTIONS, 'discover');
  const format = values.get('format') ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  const group = values.get('group');
  if (group !== undefined && !(GROUPS as readonly string[]).includes(group)) throw new CliError(`--group must be one of ${GROUPS.join(', ')}, not "${group}".`);
  if (group !== undefined && !values.has('write')) throw new CliError('--group says how --write groups the proposed declarations: use it with --write.');
  const output = values.get('output');
  if (output === '') throw new CliError('--output needs a file name.');
  const config = values.get('config');
  if (config === '') throw new CliError('--config needs a file name.');
  return {
    command: 'discover',
    paths: positionals,
    format: format as Format,
    ...(output !== undefined ? { output } : {}),
    write: values.has('write'),
    group: (group ?? 'resource') as Group,
    ...(values.has('color') || values.has('no-color') ? { color: lastOf(argv, ['--color', '--no-color']) === '--color' } : {}),
    ...(config !== undefined ? { config } : {}),
  };
}
