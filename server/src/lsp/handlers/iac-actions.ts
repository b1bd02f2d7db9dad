/**
 * "Create declaration" on an undeclared workload (SRM066), as a code lens and
 * as a quick fix: both run one server command, which writes the proposal with
 * a workspace edit (a new file, never over one), and opens it. The proposal's
 * `iac:` claims the resource, so the finding goes once the declaration is read.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type CodeLens, type CodeLensParams, type Connection } from 'vscode-languageserver';
import { CreateDeclarationCommand } from '../../../../protocol/requests';
import type { IacDocuments } from '../iac-documents';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const TITLE = 'Create declaration';

export function iacCodeLenses(iac: IacDocuments, documents: TextDocuments<TextDocument>, p: CodeLensParams): CodeLens[] {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return [];
  return iac.undeclaredIn(doc.uri).map((f) => ({
    range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) },
    command: { title: `${TITLE} for ${f.undeclared.instance.address}`, command: CreateDeclarationCommand, arguments: [doc.uri, f.span.start] },
  }));
}

export function iacCodeActions(iac: IacDocuments, documents: TextDocuments<TextDocument>, p: CodeActionParams): CodeAction[] {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return [];
  const start = doc.offsetAt(p.range.start);
  const end = doc.offsetAt(p.range.end);
  return iac
    .undeclaredIn(doc.uri)
    .filter((f) => f.span.start <= end && start <= f.span.end)
    .map((f) => ({
      title: `${TITLE} for ${f.undeclared.instance.address}`,
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      command: { title: TITLE, command: CreateDeclarationCommand, arguments: [doc.uri, f.span.start] },
    }));
}

/** Runs the command; says why when nothing could be written. */
export async function createDeclaration(iac: IacDocuments, connection: Connection, args: readonly unknown[]): Promise<void> {
  const [uri, offset] = args;
  if (typeof uri !== 'string' || typeof offset !== 'number') return;
  const finding = iac.undeclaredIn(uri).find((f) => f.span.start === offset);
  const proposal = finding && iac.proposalFor(finding, uri);
  if (!proposal) {
    void connection.window.showWarningMessage('srm: the resource is no longer undeclared, or the file changed: nothing was written.');
    return;
  }
  const target = iac.uriOf(proposal);
  if (iac.exists(target)) {
    void connection.window.showWarningMessage(`srm: ${proposal.fileName} exists already; it was left as it is.`);
    return;
  }
  const result = await connection.workspace.applyEdit({
    label: `${TITLE} ${proposal.fileName}`,
    edit: {
      documentChanges: [
        { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: proposal.text }] },
      ],
    },
  });
  if (!result.applied) {
    void connection.window.showWarningMessage(`srm: ${proposal.fileName} was not created${result.failureReason ? `: ${result.failureReason}` : ''}.`);
    return;
  }
  await connection.window.showDocument({ uri: target, takeFocus: true });
}
