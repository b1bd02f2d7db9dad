/** How the formats of our data files (the configuration, matrix files) describe their keys and values, once for every reader. */

export interface KeySpec {
  readonly key: string;
  readonly description: string;
  /** What to insert after `key:` when completing the key (a line break and indentation for a nested block); default a space. */
  readonly insert?: string;
}

export interface ValueSpec<T extends string = string> {
  readonly value: T;
  readonly description: string;
}
