/**
 * A declaration file of several YAML documents, edited at random by property
 * tests of what the engine and the server keep from one check to the next
 * (report pieces, workspace summaries): whole documents replaced, inserted or
 * deleted, a blank line that moves every later document, a letter typed or
 * erased, and the file's line breaks switched between LF and CRLF.
 */
import fc from 'fast-check';

export type DocumentEditKind = 'delete' | 'blank-line' | 'type' | 'erase';

export type DocumentEdit =
  | { readonly kind: 'replace' | 'insert'; readonly at: number; readonly doc: number }
  | { readonly kind: DocumentEditKind; readonly at: number }
  | { readonly kind: 'line-breaks'; readonly crlf: boolean };

export interface MultiDocumentFile {
  readonly docs: string[];
  crlf: boolean;
}

/** Edits that pick among `documentCount` documents to replace or insert, and make the in-place edits of `kinds`. */
export function documentEdit(documentCount: number, kinds: readonly [DocumentEditKind, ...DocumentEditKind[]]): fc.Arbitrary<DocumentEdit> {
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('replace' as const, 'insert' as const), at: fc.nat(20), doc: fc.nat(documentCount - 1) }),
    fc.record({ kind: fc.constantFrom(...kinds), at: fc.nat(20) }),
    fc.record({ kind: fc.constant('line-breaks' as const), crlf: fc.boolean() }),
  );
}

/** Applies an edit; `documents` are what `replace` and `insert` pick from. An edit of a document in an empty file does nothing. */
export function applyDocumentEdit(file: MultiDocumentFile, e: DocumentEdit, documents: readonly string[]): void {
  if (e.kind === 'line-breaks') {
    file.crlf = e.crlf;
    return;
  }
  const at = file.docs.length === 0 ? 0 : e.at % (file.docs.length + (e.kind === 'insert' ? 1 : 0));
  if (e.kind === 'replace' || e.kind === 'insert') {
    file.docs.splice(at, e.kind === 'replace' ? 1 : 0, documents[e.doc]!);
    return;
  }
  const doc = file.docs[at];
  if (doc === undefined) return;
  switch (e.kind) {
    case 'delete':
      file.docs.splice(at, 1);
      break;
    case 'blank-line':
      // Moves every later document down a line: their workloads' lines change, nothing else.
      file.docs[at] = `\n${doc}`;
      break;
    case 'type':
      // A letter typed at the end of the document's first line (as a user renames a workload or an owner).
      file.docs[at] = doc.replace(/\n|$/, (m) => `x${m}`);
      break;
    case 'erase':
      file.docs[at] = doc.replace(/.(\n|$)/, (_m, end: string) => end);
      break;
  }
}

/** The file's text: its documents joined by `---`, with a final line break, in its line breaks. */
export function textOfFile(file: MultiDocumentFile): string {
  const text = `${file.docs.join('\n---\n')}\n`;
  return file.crlf ? text.replace(/\n/g, '\r\n') : text;
}
