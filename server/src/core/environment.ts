import { ServiceCatalogue } from './catalogue/catalogue';
import { DEFAULT_CONFIG, type LoadedConfig, type SrmConfig } from './config/config';
import { configInvalidValue } from './rules/config-file-rules';
import type { Diagnostic } from './types';
import type { MatrixIndex } from './matrix/matrix-index';
import { DEFAULT_MATRIX, MatrixRegistry, type MatrixFileText, type MatrixResolution } from './matrix/registry';
import { fieldOf, stringValue, type Declaration, type Field } from './parse/declaration';
import type { Span } from './types';

/**
 * Everything a check depends on besides the text: the matrices it may use, the
 * configuration that governs it and the service catalogue. Immutable: when a
 * matrix file or the configuration changes, an adapter builds a new one (and
 * checkers for the new one), so no cached result outlives what it rests on.
 */
export interface CheckEnvironment {
  readonly registry: MatrixRegistry;
  readonly config: SrmConfig;
  readonly catalogue: ServiceCatalogue;
}

let defaultEnvironment: CheckEnvironment | undefined;

/** The built-in matrices, the default configuration and catalogue: what a check sees with no files around it. */
export function builtInEnvironment(): CheckEnvironment {
  return (defaultEnvironment ??= { registry: MatrixRegistry.builtIn(), config: DEFAULT_CONFIG, catalogue: new ServiceCatalogue() });
}

/** The matrix a declaration is checked against, and how it was chosen. */
export interface MatrixChoice {
  /** The declaration's `matrix:` field, when it has one. */
  readonly field?: Field;
  /** What was looked up: the field's text, else the configuration's default, else the built-in default. */
  readonly written: string;
  readonly from: 'declaration' | 'config' | 'built-in';
  /** Where the configuration names the default, when it does. */
  readonly configSpan?: { readonly uri: string; readonly span: Span };
  readonly resolution: MatrixResolution;
}

export function chooseMatrix(declaration: Declaration, env: CheckEnvironment): MatrixChoice {
  const field = fieldOf(declaration.fields, 'matrix');
  const written = stringValue(field)?.trim();
  if (field && written) return { field, written, from: 'declaration', resolution: env.registry.resolve(written) };
  const configured = env.config.matrix;
  if (configured) return { written: configured.ref, from: 'config', configSpan: { uri: configured.uri, span: configured.span }, resolution: env.registry.resolve(configured.ref) };
  return { ...(field ? { field } : {}), written: DEFAULT_MATRIX, from: 'built-in', resolution: env.registry.resolve(DEFAULT_MATRIX) };
}

/** The matrix declarations that name none are checked against: the configuration's default when it is usable, else the built-in one. */
export function defaultMatrixOf(env: CheckEnvironment): MatrixIndex {
  const resolution = env.registry.resolve(env.config.matrix?.ref ?? DEFAULT_MATRIX);
  return resolution.kind === 'ok' ? resolution.index : env.registry.get(DEFAULT_MATRIX)!.index!;
}

/** An environment, and every file of its configuration with the findings about it. */
export interface BuiltEnvironment {
  readonly environment: CheckEnvironment;
  readonly configFiles: readonly { readonly uri: string; readonly diagnostics: readonly Diagnostic[] }[];
}

/**
 * The environment of a loaded configuration (or none) and the matrix files it
 * finds; and what only the registry can tell about the configuration: a
 * default matrix nobody defines. `extra` are findings an adapter made on the
 * configuration's files (a pattern it could not read).
 */
export function buildEnvironment(
  loaded: LoadedConfig | undefined,
  matrixFiles: readonly MatrixFileText[],
  catalogue: ServiceCatalogue,
  extra: readonly { readonly uri: string; readonly diagnostic: Diagnostic }[] = [],
): BuiltEnvironment {
  const registry = MatrixRegistry.from(matrixFiles);
  const more = new Map<string, Diagnostic[]>();
  const add = (uri: string, d: Diagnostic) => more.set(uri, [...(more.get(uri) ?? []), d]);
  const matrix = loaded?.config.matrix;
  if (matrix && registry.resolve(matrix.ref).kind === 'unknown') {
    const guesses = registry.suggest(matrix.ref);
    add(matrix.uri, {
      code: configInvalidValue.code,
      severity: configInvalidValue.severity,
      message: `matrix: ${matrix.ref} names no matrix the checker knows.${guesses.length ? ` Did you mean ${guesses.join(', ')}?` : ''} Known: ${registry.entries.map((e) => e.ref).join(', ')}.`,
      span: matrix.span,
      fixes: [],
    });
  }
  for (const e of extra) add(e.uri, e.diagnostic);
  return {
    environment: { registry, config: loaded?.config ?? DEFAULT_CONFIG, catalogue },
    configFiles: (loaded?.files ?? []).map((f) => ({ uri: f.uri, diagnostics: [...f.diagnostics, ...(more.get(f.uri) ?? [])] })),
  };
}
