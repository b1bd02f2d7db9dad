import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { fixAll, type Diagnostic, type Edit, type Fix } from '../../core';
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
    for (const { diagnostic, severity } of file.visible) {
      if (diagnostic.fixes.length === 0 || !intersects(file, diagnostic, params)) continue;
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
    const fixAll = fixAllAction(ctx, file);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * Every safe fix of the file, round after round, as one action; also what the
 * fix-all command and fix on save apply. The core's `fixAll`, as `srm check
 * --fix` runs it: the same text comes out, whatever the display settings hide.
 */
export function fixAllAction(ctx: ServerContext, file: CheckedFile): CodeAction | undefined {
  // Read from disk as bytes that are not UTF-8: never rewritten, as --fix never rewrites it.
  if (file.result.diagnostics.some((d) => d.code === 'SRM023')) return undefined;
  const text = file.doc.getText();
  const fixed = fixAll(text, { environment: file.environment, ...(file.settings.inlineSuppressions ? {} : { inlineSuppressions: false }) });
  const edits = fixed.edits;
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all SRM problems that have a safe fix',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(ctx, file, edits),
  };
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

function intersects(file: CheckedFile, d: Diagnostic, params: CodeActionParams): boolean {
  const start = file.doc.offsetAt(params.range.start);
  const end = file.doc.offsetAt(params.range.end);
  return d.span.start <= end && start <= d.span.end;
}
