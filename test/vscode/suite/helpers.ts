/** Helpers for the extension-host suite: polling, fresh copies of the workspace's fixtures, diagnostics. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SrmExtensionApi } from '../../../src/extension';
import { waitFor as poll } from '../../shared/wait';

export const EXTENSION_ID = 'srm-tools.srm-tools';
export const SRM_COMMANDS = ['srm.newDeclaration', 'srm.fixAll', 'srm.showLayerStack', 'srm.restartServer'] as const;

/** Polls `probe` until it returns something other than undefined/false; fails after `timeoutMs`. */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  return poll(what, probe, { timeoutMs, intervalMs });
}

export function extension(): vscode.Extension<SrmExtensionApi> {
  const ext = vscode.extensions.getExtension<SrmExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  return ext;
}

/** Activates the extension (a no-op once active) and returns its test API. */
export async function api(): Promise<SrmExtensionApi> {
  const ext = extension();
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the suite needs a workspace folder (the runner opens a scratch copy of fixtures)');
  return folder;
}

let copies = 0;

/**
 * Writes a fresh copy of a fixture that sits at the workspace root (or of `text`)
 * under a new name, so that every test edits its own file. Returns its URI.
 */
export async function freshCopy(fixture: string, text?: string): Promise<vscode.Uri> {
  const folder = workspaceFolder();
  const content = text ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, fixture)));
  const stem = fixture.replace(/\.srm\.ya?ml$/, '');
  for (;;) {
    const target = vscode.Uri.joinPath(folder, 'scratch', `${stem}-${++copies}.srm.yaml`);
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
      return target;
    }
  }
}

/** Opens a file in an editor (making it the active one). */
export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

/** The SRM diagnostics VS Code holds for `uri` now. */
export function srmDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'srm');
}

/** Codes of `diagnostics`, sorted, e.g. ['SRM001', 'SRM001', 'SRM004']. */
export function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(codeOf).sort();
}

/** Counts per code, e.g. { SRM001: 2, SRM004: 1 }. */
export function codeCounts(diagnostics: readonly vscode.Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of codes(diagnostics)) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

/** Polls vscode.languages.getDiagnostics(uri) until `accept` holds; returns the SRM diagnostics then. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  try {
    return await waitFor(what, () => {
      const diagnostics = srmDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    }, timeoutMs);
  } catch (error) {
    const now = srmDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]}`);
    throw new Error(`${(error as Error).message}; ${uri.path} has: ${now.join(', ') || 'none'}`, { cause: error });
  }
}

/** Every diagnostic with `code` reported for `layerId` (the message names the layer's id). */
export function findingsFor(diagnostics: readonly vscode.Diagnostic[], code: string, layerId: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === code && d.message.includes(layerId));
}

/** Sets a `srm.*` setting in the workspace's settings (undefined removes it). */
export async function setWorkspaceSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('srm', workspaceFolder()).update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Saves what the tests changed (so closing asks nothing) and closes every editor. */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The whole text range of a document. */
export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
}

/** The range of the first occurrence of `needle` at or after `from` (fails when absent). */
export function rangeOf(doc: vscode.TextDocument, needle: string, from = 0): vscode.Range {
  const at = doc.getText().indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is not in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}
