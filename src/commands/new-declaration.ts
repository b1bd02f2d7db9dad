import * as vscode from 'vscode';
// Only the model and the template: the client stays thin, the engine runs in the server.
import { ModelIndex } from '../../server/src/core/model/model-index';
import { REFERENCE_MODEL } from '../../server/src/core/model/reference-model';
import { newDeclarationText } from '../../server/src/core/templates';

/** Asks for the workload's name and model, then writes a declaration with every required entry. */
export async function newDeclaration(): Promise<vscode.Uri | undefined> {
  const workload = await vscode.window.showInputBox({
    title: 'New SRM declaration (1/2)',
    prompt: 'The workload\'s name',
    placeHolder: 'payments-api',
    validateInput: (v) => (v.trim() ? undefined : 'Name the workload'),
  });
  if (!workload) return undefined;
  const model = new ModelIndex(REFERENCE_MODEL);
  const pick = await vscode.window.showQuickPick(
    model.models.map((m) => ({ label: m.id, description: `${m.shortName}: ${m.name}`, detail: `${m.description} e.g. ${m.examples.join(', ')}` })),
    { title: 'New SRM declaration (2/2)', placeHolder: 'The service model the workload runs under' },
  );
  if (!pick) return undefined;
  const text = newDeclarationText(model, workload.trim(), pick.label);
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
