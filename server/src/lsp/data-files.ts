import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { buildEnvironment, builtInEnvironment, isConfigFileName, isMatrixFileName, loadConfig, MatrixRegistry, RULES, type ConfigHost, type Diagnostic, type MatrixFileText } from '../core';
import { readDataFile, resolveFrom } from './data-file-disk';
import type { LspEnvironments } from './environments';

export type DataFileKind = 'matrix' | 'config';

/** A matrix file or a configuration file, by its name; undefined for anything else (a declaration). */
export function dataFileKind(uri: string): DataFileKind | undefined {
  const name = URI.parse(uri).path.split('/').pop() ?? '';
  return isMatrixFileName(name) ? 'matrix' : isConfigFileName(name) ? 'config' : undefined;
}

/** An open matrix or configuration file, checked as the editor has it. */
export interface CheckedDataFile {
  readonly kind: DataFileKind;
  readonly version: number;
  readonly doc: TextDocument;
  /** The findings about this file. */
  readonly diagnostics: readonly Diagnostic[];
  /** The matrices around it, with this file as the editor has it: what hovers and completion name. */
  readonly registry: MatrixRegistry;
}

const KNOWN_CODES = RULES.map((r) => r.code);

/**
 * Checks open matrix and configuration files from their buffers, beside the
 * other files of their environment (open ones as the editor has them, the
 * rest from disk), exactly as `srm check` reads them once saved. Declarations
 * follow these files from disk: a save (a watched-file change) rechecks them.
 */
export class DataFiles {
  private readonly checked = new Map<string, CheckedDataFile & { generation: number }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly environments: LspEnvironments,
  ) {}

  check(doc: TextDocument): CheckedDataFile | undefined {
    const kind = dataFileKind(doc.uri);
    if (!kind) return undefined;
    const previous = this.checked.get(doc.uri);
    if (previous && previous.version === doc.version && previous.doc === doc && previous.generation === this.environments.generation) return previous;
    const file = kind === 'matrix' ? this.checkMatrixFile(doc) : this.checkConfigFile(doc);
    this.checked.set(doc.uri, { ...file, generation: this.environments.generation });
    return file;
  }

  forget(uri: string): void {
    this.checked.delete(uri);
  }

  private checkMatrixFile(doc: TextDocument): CheckedDataFile {
    const self = addressOf(doc.uri);
    const registry = MatrixRegistry.from([...this.otherMatrixFiles(doc.uri, self), { uri: self, text: doc.getText() }]);
    return { kind: 'matrix', version: doc.version, doc, diagnostics: registry.diagnosticsFor(self), registry };
  }

  private checkConfigFile(doc: TextDocument): CheckedDataFile {
    const self = addressOf(doc.uri);
    const host: ConfigHost = {
      read: (file) => (file === self ? doc.getText() : this.read(file)),
      resolve: resolveFrom,
    };
    const built = buildEnvironment(loadConfig(self, host, KNOWN_CODES), this.otherMatrixFiles(doc.uri, self), builtInEnvironment().catalogue);
    const diagnostics = built.configFiles.find((f) => f.uri === self)?.diagnostics ?? [];
    return { kind: 'config', version: doc.version, doc, diagnostics, registry: built.environment.registry };
  }

  /** The matrix files of the environment `uri` lies in, but `self`. */
  private otherMatrixFiles(uri: string, self: string): MatrixFileText[] {
    const found = this.environments.found(uri);
    return (found?.matrixFiles ?? []).filter((f) => f !== self).map((f) => ({ uri: f, text: this.read(f) ?? '' }));
  }

  /** An open document's text, else the file on disk. */
  private read(file: string): string | undefined {
    const open = this.documents.get(URI.file(file).toString());
    return open ? open.getText() : readDataFile(file);
  }
}

/** How the environments name a file: its path on disk, or the URI of a document that is not a file. */
function addressOf(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
