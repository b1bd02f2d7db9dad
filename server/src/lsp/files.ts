import { Emitter, type Event } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SrmSettings } from '../../../protocol/settings';
import { Checker, type CheckEnvironment, type CheckResult, type Diagnostic, type Severity, type TextFacts } from '../core';
import { effectiveSeverity } from './convert';

export type VisibleFinding = { readonly diagnostic: Diagnostic; readonly severity: Severity };

/** One declaration file as last checked: the text it was checked at, and what was found. */
export interface CheckedFile {
  readonly uri: string;
  /** The editor's version, or null for a file read from disk. */
  readonly version: number | null;
  readonly doc: TextDocument;
  readonly result: CheckResult;
  readonly settings: SrmSettings;
  /** The matrices and configuration it was checked under. */
  readonly environment: CheckEnvironment;
  /** The findings the user sees, with the severities they configured (codes switched off are gone). */
  readonly visible: readonly VisibleFinding[];
}

/** The findings a user sees under their settings: with the severities they configured, without the codes they switched off. */
export function visibleFindings(result: CheckResult, settings: SrmSettings): VisibleFinding[] {
  // A plain loop: this runs on every keystroke over every finding of the file (thousands in a large one).
  const visible: VisibleFinding[] = [];
  for (const diagnostic of result.diagnostics) {
    const severity = effectiveSeverity(diagnostic, settings);
    if (severity) visible.push({ diagnostic, severity });
  }
  return visible;
}

/**
 * The checked state of every file the server knows, open or on disk. Each file
 * keeps its own checker, so re-checking after an edit re-parses only the
 * documents of a multi-document file that changed.
 */
export class CheckedFiles {
  /** `environmentOf`: the matrices and configuration a file is checked under (they change when those files do). */
  constructor(private readonly environmentOf: (uri: string) => CheckEnvironment) {}

  private readonly checkers = new Map<string, { checker: Checker; suppress: boolean; environment: CheckEnvironment }>();
  private readonly files = new Map<string, CheckedFile>();
  private readonly checked = new Emitter<CheckedFile>();
  /** Engine checks run so far, for the tests' counters. */
  checksRun = 0;

  /** Fires with every new check result (an edit, a file read from disk), not when an earlier one is reused. */
  readonly onDidCheck: Event<CheckedFile> = this.checked.event;

  /** Checks `doc` unless it was already checked at this version with these settings. */
  check(doc: TextDocument, settings: SrmSettings, version: number | null, facts: TextFacts = {}): CheckedFile {
    const previous = this.files.get(doc.uri);
    const environment = this.environmentOf(doc.uri);
    if (previous && previous.version === version && version !== null && previous.settings === settings && previous.doc === doc && previous.environment === environment) return previous;
    const result = this.checkerFor(doc.uri, settings, environment).check(doc.getText(), facts);
    this.checksRun++;
    return this.record({ uri: doc.uri, version, doc, result, settings, environment, visible: visibleFindings(result, settings) });
  }

  /** A file on disk that was not read (too large): what is known of it is one finding. */
  unread(uri: string, finding: Diagnostic, settings: SrmSettings): CheckedFile {
    this.checkers.delete(uri);
    const result: CheckResult = { diagnostics: [finding], documents: [] };
    return this.record({ uri, version: null, doc: TextDocument.create(uri, 'srm', 0, ''), result, settings, environment: this.environmentOf(uri), visible: visibleFindings(result, settings) });
  }

  /** Checks text read from disk; `facts` are what its decoder found (invalid UTF-8). */
  checkText(uri: string, text: string, settings: SrmSettings, facts: TextFacts = {}): CheckedFile {
    return this.check(TextDocument.create(uri, 'srm', 0, text), settings, null, facts);
  }

  get(uri: string): CheckedFile | undefined {
    return this.files.get(uri);
  }

  all(): IterableIterator<CheckedFile> {
    return this.files.values();
  }

  forget(uri: string): void {
    this.files.delete(uri);
    this.checkers.delete(uri);
  }

  private record(file: CheckedFile): CheckedFile {
    this.files.set(file.uri, file);
    this.checked.fire(file);
    return file;
  }

  /**
   * The file's checker, which keeps its documents from the last check. A new
   * environment (a configuration or matrix file changed) gets a new checker, so
   * no result outlives what it rests on. `srm.inlineSuppressions: false` refuses
   * suppressions, like `--no-inline-ignore`; true follows the configuration.
   */
  private checkerFor(uri: string, settings: SrmSettings, environment: CheckEnvironment): Checker {
    const existing = this.checkers.get(uri);
    if (existing && existing.suppress === settings.inlineSuppressions && existing.environment === environment) return existing.checker;
    const checker = new Checker({ environment, ...(settings.inlineSuppressions ? {} : { inlineSuppressions: false }) });
    this.checkers.set(uri, { checker, suppress: settings.inlineSuppressions, environment });
    return checker;
  }
}
