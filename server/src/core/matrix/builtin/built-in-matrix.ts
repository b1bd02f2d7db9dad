import type { Matrix } from '../types';

/**
 * A matrix shipped with the checker, as the generator compiles it from its
 * `*.matrix.yaml` file: read and resolved at build time, so that a start of
 * the server or the CLI parses no YAML for it.
 */
export interface BuiltInMatrix {
  /** `builtin:id@version`: where findings about it would point. */
  readonly uri: string;
  /** The source file, beside this module. */
  readonly file: string;
  /** The source text, as written in the matrix file format. */
  readonly text: string;
  /** `source: url:` as written; absent when the file names no source. */
  readonly sourceUrl?: string;
  /** The matrix the text states, resolved (its `extends:` applied). */
  readonly matrix: Matrix;
}
