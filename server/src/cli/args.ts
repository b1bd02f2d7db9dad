import { closest } from '../core/text/similarity';
import { parseDiscover, type DiscoverArgs } from './discover-args';
import { CliError } from './errors';

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
}

export interface ExplainArgs {
  readonly command: 'explain';
  readonly words: readonly string[];
  readonly markdown: boolean;
}

export type Args = CheckArgs | ExplainArgs | DiscoverArgs | { readonly command: 'help' } | { readonly command: 'version' };

const COMMANDS = ['check', 'discover', 'explain', 'help'];

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
];

const EXPLAIN_OPTIONS: readonly OptionSpec[] = [{ name: 'markdown' }];

/** Reads the command line. Throws a CliError for anything it cannot make sense of. */
export function parseArgs(argv: readonly string[]): Args {
  const beforeDashes = argv.indexOf('--') < 0 ? argv : argv.slice(0, argv.indexOf('--'));
  if (beforeDashes.some((a) => a === '--help' || a === '-h')) return { command: 'help' };
  if (beforeDashes.some((a) => a === '--version' || a === '-v')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help') return { command: 'help' };
  if (command === 'check') return parseCheck(rest);
  if (command === 'explain') return parseExplain(rest);
  if (command === 'discover') return parseDiscover(rest);
  if (command.startsWith('-')) throw new CliError(`${command} needs a command first: srm check ${command} … (srm --help lists the options).`);
  const [guess] = closest(command, COMMANDS, (c) => [c], 1);
  throw new CliError(`unknown command "${command}"${guess ? `; did you mean "${guess}"?` : ''} Commands: check, discover, explain (srm --help).`);
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
  };
}

function parseExplain(argv: readonly string[]): ExplainArgs {
  const { values, positionals } = readOptions(argv, EXPLAIN_OPTIONS, 'explain');
  if (positionals.length === 0 || positionals.join('').trim() === '') {
    throw new CliError('explain needs a layer, rule code, model or service, e.g. srm explain operating-system.');
  }
  return { command: 'explain', words: positionals, markdown: values.has('markdown') };
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
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const written = long ? arg.slice(2, eq >= 0 ? eq : undefined) : arg.slice(1);
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
    if (long && eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('-')) value = argv[++i];
    if (value === undefined) throw new CliError(`--${spec.name} needs a value.`);
    values.set(spec.name, value);
  }
  return { values, positionals };
}

export function lastOf(argv: readonly string[], flags: readonly string[]): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) if (flags.includes(argv[i])) return argv[i];
  return undefined;
}
