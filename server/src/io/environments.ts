import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_MATRIX_PATTERNS, RULES, ServiceCatalogue, buildEnvironment, loadConfig, ruleByCode, type CheckEnvironment, type ConfigHost, type Diagnostic } from '../core';
import { decode } from './encoding';
import { globBase, globToRegExp, InvalidGlobError } from './glob';
import { MAX_FILE_BYTES } from './file-size';
import { walkFiles } from './walk';

/** The configuration, the matrices and the catalogue that govern one declaration, and the files they come from. */
export interface FoundEnvironment {
  readonly environment: CheckEnvironment;
  /** The configuration file, when one governs the declaration. */
  readonly configPath?: string;
  /** Every file of the configuration (the file, what it extends, the owner file) with its findings. */
  readonly configFiles: readonly { readonly path: string; readonly diagnostics: readonly Diagnostic[] }[];
  /** The matrix files the registry was built from. */
  readonly matrixFiles: readonly string[];
  /** Every file whose change means a new environment: configuration files, matrix files. */
  readonly dependencies: ReadonlySet<string>;
}

export interface FinderOptions {
  /** `srm check --config FILE`: this configuration for every declaration, found files ignored. */
  readonly explicitConfig?: string;
  /**
   * Where the search for the nearest configuration stops (inclusive): the
   * workspace folder in the editor; the repository root (the folder holding
   * `.git`) or the filesystem root in the CLI.
   */
  readonly stopAt: (dir: string) => boolean;
}

/**
 * Finds the environment of each declaration on disk, as the CLI and the
 * language server both do: the nearest `srm.config.yaml` (walking up, stopping
 * where the options say), what it extends, its owner file, and the matrix files
 * its `matrices:` patterns (default `**\/*.srm-matrix.yaml`) match. Cached per
 * folder and per configuration; `forget` drops the cache when files change.
 */
export class EnvironmentFinder {
  private readonly nearest = new Map<string, string | null>();
  private readonly built = new Map<string, FoundEnvironment>();

  constructor(private readonly options: FinderOptions) {}

  forFile(file: string): FoundEnvironment {
    const configPath = this.options.explicitConfig ? path.resolve(this.options.explicitConfig) : this.nearestConfig(path.dirname(path.resolve(file)));
    const key = configPath ?? '';
    let found = this.built.get(key);
    if (!found) this.built.set(key, (found = configPath ? buildWithConfig(configPath) : buildWithoutConfig()));
    return found;
  }

  /** Every environment built so far. */
  all(): readonly FoundEnvironment[] {
    return [...this.built.values()];
  }

  /** Forgets everything: the next `forFile` reads the disk again. */
  forget(): void {
    this.nearest.clear();
    this.built.clear();
  }

  private nearestConfig(dir: string): string | undefined {
    const cached = this.nearest.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    let found: string | undefined;
    if (isFile(candidate)) found = candidate;
    else if (!this.options.stopAt(dir) && path.dirname(dir) !== dir) found = this.nearestConfig(path.dirname(dir));
    this.nearest.set(dir, found ?? null);
    return found;
  }
}

/** What the core reads a configuration through: the disk, paths relative to the file that names them. */
export const DISK_CONFIG_HOST: ConfigHost = {
  read: (file) => readText(file),
  resolve: (from, relative) => path.resolve(path.dirname(from), relative),
};

const KNOWN_CODES = RULES.map((r) => r.code);

function buildWithConfig(configPath: string): FoundEnvironment {
  const loaded = loadConfig(configPath, DISK_CONFIG_HOST, KNOWN_CODES);
  const patterns = loaded.config.matrices.length > 0 ? loaded.config.matrices.map((m) => ({ dir: path.dirname(m.from), pattern: m.path, from: m.from, span: m.span })) : DEFAULT_MATRIX_PATTERNS.map((p) => ({ dir: path.dirname(configPath), pattern: p }));
  const { files: matrixFiles, problems } = findMatrixFiles(patterns);
  const built = buildEnvironment(loaded, matrixFiles.map((f) => ({ uri: f, text: readText(f) ?? '' })), catalogue(), problems.map((p) => ({ uri: p.from, diagnostic: p.diagnostic })));
  const configFiles = built.configFiles.map((f) => ({ path: f.uri, diagnostics: f.diagnostics }));
  return { environment: built.environment, configPath, configFiles, matrixFiles, dependencies: new Set([...configFiles.map((f) => f.path), ...matrixFiles]) };
}

/**
 * No configuration governs the declaration: the built-in matrices only. Matrix
 * files are found through a configuration's `matrices:` (by default every
 * `*.srm-matrix.yaml` below it), never by searching a repository on a guess:
 * a checkout full of examples and test data would bring in matrices nobody chose.
 */
function buildWithoutConfig(): FoundEnvironment {
  const built = buildEnvironment(undefined, [], catalogue());
  return { environment: built.environment, configFiles: [], matrixFiles: [], dependencies: new Set() };
}

/** The files the patterns match, sorted, each once; an invalid pattern is a finding on the file that gives it. */
function findMatrixFiles(patterns: readonly { dir: string; pattern: string; from?: string; span?: { start: number; end: number } }[]): { files: string[]; problems: { from: string; diagnostic: Diagnostic }[] } {
  const files = new Set<string>();
  const problems: { from: string; diagnostic: Diagnostic }[] = [];
  for (const p of patterns) {
    const { base, rest } = globBase(p.pattern.replace(/\\/g, '/'));
    const root = path.resolve(p.dir, base);
    try {
      if (rest === '') {
        if (isFile(root)) files.add(root);
        continue;
      }
      const regex = globToRegExp(rest);
      if (isDirectory(root)) for (const f of walkFiles(root, (rel) => regex.test(rel), { tolerant: true })) files.add(f);
    } catch (err) {
      if (!(err instanceof InvalidGlobError) || !p.from || !p.span) throw err;
      const rule = ruleByCode('SRM051')!;
      problems.push({ from: p.from, diagnostic: { code: rule.code, severity: rule.severity, message: `matrices: ${p.pattern} is not a valid pattern: ${err.message}.`, span: p.span, fixes: [] } });
    }
  }
  return { files: [...files].sort(), problems };
}

let sharedCatalogue: ServiceCatalogue | undefined;
function catalogue(): ServiceCatalogue {
  return (sharedCatalogue ??= new ServiceCatalogue());
}

/** A small text file's content, decoded; undefined when it cannot be read or is too large to be one of ours. */
function readText(file: string): string | undefined {
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return undefined;
    return decode(fs.readFileSync(file)).text;
  } catch {
    return undefined;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
