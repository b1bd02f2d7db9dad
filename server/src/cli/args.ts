import { closest } from '../core/text/similarity';
import { parseDiscover, type DiscoverArgs } from './discover-args';
import { CliError } from './errors';
import { parseReport, type ReportArgs } from './report-args';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArgs {
  readonly command: 'check';
  /** Files, folders and globs; empty means every declaration below the working directory. */
  readonly paths: readonly string[];
  readonly format: Format;
  readonly output?: string;
  readonly fix: boolean;
  readonly maxWarnings?: number;
  readonly inlineIgnore: boolean;
  readonly verbose: boolean;
  /** `--color` / `--no-color`; undefined leaves it to the terminal and the environment. */
  readonly color?: boolean;
  /** `--config FILE`: this configuration for every declaration, instead of the nearest one. */
  readonly config?: string;
  /** `--jobs N`: at most N worker threads (1: none); undefined: one per processor. */
  readonly jobs?: number;
}

export interface ExplainArgs {
  readonly command: 'explain';
  readonly words: readonly string[];
  readonly markdown: boolean;
  readonly config?: string;
}

export interface MatricesArgs {
  readonly command: 'matrices';
  /** Where to look: the configuration of this folder (default: the working directory). */
  readonly paths: readonly string[];
  readonly format: 'stylish' | 'json';
  readonly config?: string;
}

export type Args = CheckArgs | ExplainArgs | MatricesArgs | ReportArgs | DiscoverArgs | { readonly command: 'help' } | { readonly command: 'version' };

const COMMANDS = ['check', 'discover', 'explain', 'matrices', 'report', 'help'];

export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  /** Takes a value: `--format json`, `--format=json`, `-f json`. */
  readonly value?: boolean;
}

const CHECK_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'fix' },
  { name: 'max-warnings', value: true },
  { name: 'no-inline-ignore' },
  { name: 'verbose' },
  { name: 'color' },
  { name: 'no-color' },
  { name: 'config', short: 'c', value: true },
  { name: 'jobs', short: 'j', value: true },
];

const EXPLAIN_OPTIONS: readonly OptionSpec[] = [{ name: 'markdown' }, { name: 'config', short: 'c', value: true }];
const MATRICES_OPTIONS: readonly OptionSpec[] = [{ name: 'format', short: 'f', value: true }, { name: 'config', short: 'c', value: true }];

/** Reads the command line. Throws a CliError for anything it cannot make sense of. */
export function parseArgs(argv: readonly string[]): Args {
  const beforeDashes = argv.indexOf('--') < 0 ? argv : argv.slice(0, argv.indexOf('--'));
  if (beforeDashes.some((a) => a === '--help' || a === '-h')) return { command: 'help' };
  if (beforeDashes.some((a) => a === '--version' || a === '-v')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help') return { command: 'help' };
  if (command === 'check') return parseCheck(rest);
  if (command === 'explain') return parseExplain(rest);
  if (command === 'matrices') return parseMatrices(rest);
  if (command === 'report') return parseReport(rest);
  if (command === 'discover') return parseDiscover(rest);
  if (command.startsWith('-')) throw new CliError(`${command} needs a command first: srm check ${command} … (srm --help lists the options).`);
  const [guess] = closest(command, COMMANDS, (c) => [c], 1);
  throw new CliError(`unknown command "${command}"${guess ? `; did you mean "${guess}"?` : ''} Commands: check, discover, explain, matrices, report (srm --help).`);
}

function parseCheck(argv: readonly string[]): CheckArgs {
  const { values, positionals } = readOptions(argv, CHECK_OPTIONS, 'check');
  const format = values.get('format') ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  }
  const max = values.get('max-warnings');
  let maxWarnings: number | undefined;
  if (max !== undefined) {
    if (/^-\d+$/.test(max)) throw new CliError(`--max-warnings must be 0 or more, not ${max}.`);
    if (!/^\d+$/.test(max)) throw new CliError(`--max-warnings takes a whole number of warnings (0 or more), not "${max}".`);
    maxWarnings = Number(max);
  }
  const output = values.get('output');
  if (output === '') throw new CliError('--output needs a file name.');
  return {
    command: 'check',
    paths: positionals,
    format: format as Format,
    ...(output !== undefined ? { output } : {}),
    fix: values.has('fix'),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    inlineIgnore: !values.has('no-inline-ignore'),
    verbose: values.has('verbose'),
    ...(values.has('color') || values.has('no-color') ? { color: lastOf(argv, ['--color', '--no-color']) === '--color' } : {}),
    ...configOf(values),
    ...jobsOf(values),
  };
}

/** `--jobs N`: a whole number of threads, 1 or more. */
export function jobsOf(values: ReadonlyMap<string, string>): { jobs?: number } {
  const jobs = values.get('jobs');
  if (jobs === undefined) return {};
  if (!/^\d+$/.test(jobs) || Number(jobs) < 1) throw new CliError(`--jobs takes a whole number of threads, 1 or more (1: check in one thread), not "${jobs}".`);
  return { jobs: Number(jobs) };
}

function configOf(values: ReadonlyMap<string, string>): { config?: string } {
  const config = values.get('config');
  if (config === '') throw new CliError('--config needs a file name.');
  return config !== undefined ? { config } : {};
}

function parseMatrices(argv: readonly string[]): MatricesArgs {
  const { values, positionals } = readOptions(argv, MATRICES_OPTIONS, 'matrices');
  const format = values.get('format') ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new CliError(`--format must be stylish or json for srm matrices, not "${format}".`);
  return { command: 'matrices', paths: positionals, format, ...configOf(values) };
}

function parseExplain(argv: readonly string[]): ExplainArgs {
  const { values, positionals } = readOptions(argv, EXPLAIN_OPTIONS, 'explain');
  if (positionals.length === 0 || positionals.join('').trim() === '') {
    throw new CliError('explain needs a layer, rule code, model, matrix or service, e.g. srm explain operating-system.');
  }
  return { command: 'explain', words: positionals, markdown: values.has('markdown'), ...configOf(values) };
}

/** Options and positionals; the last of a repeated option wins, `--` ends the options. */
export function readOptions(argv: readonly string[], specs: readonly OptionSpec[], command: string): { values: Map<string, string>; positionals: string[] } {
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg!.startsWith('-') || arg === '-') {
      positionals.push(arg!);
      continue;
    }
    const long = arg!.startsWith('--');
    const eq = arg!.indexOf('=');
    const written = long ? arg!.slice(2, eq >= 0 ? eq : undefined) : arg!.slice(1);
    const spec = specs.find((s) => (long ? s.name === written : s.short === written));
    if (!spec) {
      const [guess] = closest(written, specs, (s) => [s.name], 1);
      throw new CliError(`unknown option ${long ? `--${written}` : arg} for srm ${command}${guess ? `; did you mean --${guess.name}?` : ''} (srm --help lists the options).`);
    }
    if (!spec.value) {
      if (long && eq >= 0) throw new CliError(`--${spec.name} takes no value.`);
      values.set(spec.name, '');
      continue;
    }
    let value: string | undefined;
    if (long && eq >= 0) value = arg!.slice(eq + 1);
    // A negative number is a value (then refused for what it is), not an option.
    else if (i + 1 < argv.length && (!argv[i + 1]!.startsWith('-') || /^-\d/.test(argv[i + 1]!))) value = argv[++i];
    if (value === undefined) throw new CliError(`--${spec.name} needs a value.`);
    values.set(spec.name, value);
  }
  return { values, positionals };
}

export function lastOf(argv: readonly string[], flags: readonly string[]): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) if (flags.includes(argv[i]!)) return argv[i];
  return undefined;
}
