import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { MatricesRequest, NewDeclarationRequest } from '../../protocol/requests';

/**
 * Asks for the workload's name and its model (of the matrices the workspace's
 * configuration offers), then writes a declaration with every required entry.
 * The server knows the matrices and writes the text: the client stays thin.
 */
export async function newDeclaration(client: BaseLanguageClient): Promise<vscode.Uri | undefined> {
  const workload = await vscode.window.showInputBox({
    title: 'New SRM declaration (1/2)',
    prompt: 'The workload\'s name',
    placeHolder: 'payments-api',
    validateInput: (v) => (v.trim() ? undefined : 'Name the workload'),
  });
  if (!workload) return undefined;
  const folderUri = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  const { default: def, matrices } = await client.sendRequest(MatricesRequest, folderUri ? { uri: folderUri } : {});
  // The default matrix's models first, by id; then every other matrix's, named with their matrix.
  const items = matrices.flatMap((m) => [
    ...(m.ref === def ? [] : [{ label: m.ref, kind: vscode.QuickPickItemKind.Separator }]),
    ...m.models.map((x) => ({
      label: m.ref === def ? x.id : `${m.ref} · ${x.id}`,
      description: `${x.shortName}: ${x.name}`,
      detail: [x.description, x.examples.length ? `e.g. ${x.examples.join(', ')}` : ''].filter(Boolean).join(' '),
      matrix: m.ref,
      model: x.id,
    })),
  ]);
  const pick = await vscode.window.showQuickPick(items, { title: 'New SRM declaration (2/2)', placeHolder: `The service model the workload runs under (matrix ${def}, or another below)` });
  if (!pick || !('model' in pick)) return undefined;
  const result = await client.sendRequest(NewDeclarationRequest, { ...(folderUri ? { uri: folderUri } : {}), workload: workload.trim(), matrix: pick.matrix, model: pick.model });
  if (!result) return undefined;
  const text = result.text;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `${workload.trim().replace(/[^A-Za-z0-9._-]+/g, '-')}.srm.yaml`;
  const target = folder ? await freeName(folder, fileName) : undefined;
  if (target) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(target);
    return target;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'srm', content: text });
  await vscode.window.showTextDocument(doc);
  return doc.uri;
}

/** `name`, or `name-2`, `name-3`… when it is taken: never overwrite a user's file. */
async function freeName(folder: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const [stem] = fileName.split('.srm.yaml');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? fileName : `${stem}-${n}.srm.yaml`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
