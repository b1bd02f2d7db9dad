/** A half-open range of UTF-16 offsets into the checked text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One text replacement. An insertion has `start === end`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  /**
   * True when the fix needs no judgement (adding a missing entry, turning a
   * spelling into the id); only such fixes run in fix-all and `srm check --fix`.
   */
  readonly safe: boolean;
  /** The fix a user most likely wants among those of one diagnostic. */
  readonly preferred?: boolean;
  /**
   * Orders insertions that land on the same offset when fixes are combined:
   * lower first (so a `handoff:` line added inside an entry precedes a new
   * entry added after it).
   */
  readonly order?: number;
  /**
   * Marks the fix that closes every finding of its kind in the declaration at
   * once (e.g. add all missing entries); fix-all prefers it and applies it once.
   */
  readonly batch?: boolean;
  /**
   * What the user should type over once the fix is applied (the placeholder
   * owner of a new entry): a range inside the text of `edits[edit]`.
   */
  readonly placeholder?: { readonly edit: number; readonly start: number; readonly end: number };
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes: readonly Fix[];
  /** The layer a diagnostic is about, for hovers, the webview and tests. */
  readonly layerId?: string;
  /**
   * True when the finding means a layer that needs a customer owner has none
   * (missing, left to the provider, or a placeholder): what the gap count counts.
   */
  readonly gap?: boolean;
}
