import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { fixAll, type Edit, type Fix } from '../../core';
import { toLspDiagnostic, toTextEdit } from '../convert';
import type { CheckedFile } from '../files';
import type { ServerContext } from '../context';
import { ownerFixesFor } from './owner-fixes';

/** `source.fixAll.srm`: what `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.srm`;

export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const file = await ctx.current(params.textDocument.uri);
  if (!file) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // Owners are read across the workspace: the first request starts the scan; until it ends, the open files count.
    void ctx.index.ready();
    // A batch fix (add every missing entry) is shared by several findings: offer it once.
    const offered = new Set<string>();
    // Several findings share a place (every missing layer is reported on `layers:`): one preferred fix there, so that auto-fix is deterministic.
    const preferredAt = new Set<string>();
    const from = file.doc.offsetAt(params.range.start);
    const to = file.doc.offsetAt(params.range.end);
    for (const { diagnostic, severity } of file.visible) {
      if (diagnostic.fixes.length === 0 || diagnostic.span.start > to || from > diagnostic.span.end) continue;
      const lsp = toLspDiagnostic(file.doc, diagnostic, severity);
      const place = `${diagnostic.span.start}:${diagnostic.span.end}`;
      for (const fix of withOwnerFixes(diagnostic.fixes, ownerFixesFor(file, diagnostic, ctx.index))) {
        const key = `${fix.title}\0${JSON.stringify(fix.edits)}`;
        if (offered.has(key)) continue;
        offered.add(key);
        const preferred = fix.preferred === true && !preferredAt.has(place);
        if (preferred) preferredAt.add(place);
        actions.push(quickFix(ctx, file, { ...fix, preferred }, lsp));
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const fixAll = ctx.client.resolvesActionEdits ? unresolvedFixAllAction(file) : fixAllAction(ctx, file);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

const FIX_ALL_TITLE = 'Fix all SRM problems that have a safe fix';

/** What an unresolved fix-all action carries, for `codeAction/resolve` to find its file again. */
interface FixAllData {
  readonly fixAll: string;
}

/**
 * Every safe fix of the file, round after round, as one action; also what the
 * fix-all command and fix on save apply. The core's `fixAll`, as `srm check
 * --fix` runs it: the same text comes out, whatever the display settings hide.
 */
export function fixAllAction(ctx: ServerContext, file: CheckedFile): CodeAction | undefined {
  const edits = fixAllEditsOf(file);
  if (edits.length === 0) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, file, edits) };
}

/**
 * The fix-all action without its edits, for a client that resolves them when
 * it applies the action: fix-all re-checks the whole file round after round,
 * too much for every request (an editor asks for code actions at each move of
 * the cursor). Offered when the file has a finding with a safe fix, which is
 * what fix-all's first round takes; when the edits are known already (this
 * version was resolved or fixed before), offered exactly when they exist.
 */
function unresolvedFixAllAction(file: CheckedFile): CodeAction | undefined {
  const known = knownFixAllEdits(file);
  const offered = known ? known.length > 0 : rewritable(file) && file.result.diagnostics.some((d) => d.fixes.some((f) => f.safe));
  if (!offered) return undefined;
  const data: FixAllData = { fixAll: file.uri };
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data };
}

/** `codeAction/resolve`: the fix-all edits of the file as it is now (a versioned edit, which an editor refuses once the text moves on). */
export async function resolveCodeAction(ctx: ServerContext, action: CodeAction): Promise<CodeAction> {
  const data = action.data as Partial<FixAllData> | undefined;
  if (action.edit || action.kind !== FIX_ALL_KIND || typeof data?.fixAll !== 'string') return action;
  const file = await ctx.current(data.fixAll);
  // A file closed or switched off meanwhile: an edit that changes nothing.
  const edit = file ? workspaceEdit(ctx, file, fixAllEditsOf(file)) : { changes: {} };
  return { ...action, edit };
}

/**
 * Fix-all's edits per checked file, with the text they are for (an open
 * document's object is updated in place as the user types): the list, its
 * resolve, the command and fix on save share one run per version.
 */
const fixAllRuns = new WeakMap<CheckedFile, { readonly text: string; readonly edits: readonly Edit[] }>();

function knownFixAllEdits(file: CheckedFile): readonly Edit[] | undefined {
  const run = fixAllRuns.get(file);
  return run && run.text === file.doc.getText() ? run.edits : undefined;
}

function fixAllEditsOf(file: CheckedFile): readonly Edit[] {
  const known = knownFixAllEdits(file);
  if (known) return known;
  const text = file.doc.getText();
  const edits = rewritable(file) ? fixAll(text, { environment: file.environment, ...(file.settings.inlineSuppressions ? {} : { inlineSuppressions: false }) }).edits : [];
  fixAllRuns.set(file, { text, edits });
  return edits;
}

/** Read from disk as bytes that are not UTF-8: never rewritten, as --fix never rewrites it. */
function rewritable(file: CheckedFile): boolean {
  return !file.result.diagnostics.some((d) => d.code === 'SRM023');
}

/** The owner-naming fixes right after the placeholder fix they stand beside. */
function withOwnerFixes(fixes: readonly Fix[], owners: readonly Fix[]): Fix[] {
  const at = fixes.findIndex((f) => f.placeholder);
  return at < 0 ? [...fixes, ...owners] : [...fixes.slice(0, at + 1), ...owners, ...fixes.slice(at + 1)];
}

function quickFix(ctx: ServerContext, file: CheckedFile, fix: Fix, diagnostic: LspDiagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: workspaceEdit(ctx, file, fix.edits),
  };
}

/** Tied to the version the edits were computed for, so an editor refuses them once the text has moved on. */
function workspaceEdit(ctx: ServerContext, file: CheckedFile, edits: readonly Edit[]): WorkspaceEdit {
  const textEdits = edits.map((e) => toTextEdit(file.doc, e));
  return file.version === null || !ctx.client.versionedEdits
    ? { changes: { [file.uri]: textEdits } }
    : { documentChanges: [{ textDocument: { uri: file.uri, version: file.version }, edits: textEdits }] };
}
