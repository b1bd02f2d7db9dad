/* The extension's commands and code actions, through the real vscode API. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SrmExtensionApi } from '../../../src/extension';
import {
  api,
  closeAllEditors,
  codeCounts,
  codeOf,
  findingsFor,
  freshCopy,
  fullRange,
  rangeOf,
  show,
  waitFor,
  waitForDiagnostics,
  workspaceFolder,
} from './helpers';

/** gaps.srm.yaml once every safe fix is applied: placeholders to type over, and what needs a person. */
const GAPS_FIXED_COUNTS = { SRM003: 2, SRM004: 1, SRM005: 1, SRM007: 1, SRM012: 8, SRM017: 1 };

/** The entries the fixes insert into the first workload (IaaS), in the file's layer order. */
const GAPS_FIRST_WORKLOAD_FIXED = `layers:                         # SRM001: no endpoint-devices, identity-access or runtime-middleware entry
                                # SRM002: no network-config entry, though it is shared under IaaS
  data-classification:
    owner: finance-data-stewards
  endpoint-devices:
    owner: TODO
  identity-access:
    owner: TODO
  identity-acess:               # SRM007: a typo; did you mean identity-access?
    owner: cloud-iam-team
  applications:                         # SRM008: a common spelling; the id is applications
    owner: billing-team
  runtime-middleware:
    owner: TODO
  operating-system:
    owner: provider             # SRM004: under IaaS the guest OS is ours, not the provider's
  network-config:
    owner: TODO
    handoff: TODO
---`;

describe('commands', () => {
  let srm: SrmExtensionApi;
  before(async () => {
    srm = await api();
  });
  afterEach(closeAllEditors);

  it('srm.fixAll fixes every safe problem of the active declaration, and only those', async () => {
    const uri = await freshCopy('gaps.srm.yaml');
    const editor = await show(uri);
    await waitForDiagnostics(uri, (d) => d.length === 15, '15 findings');
    const original = editor.document.getText();

    assert.equal(await vscode.commands.executeCommand<boolean>('srm.fixAll'), true, 'srm.fixAll reports that it changed the file');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === 14 && !d.some((x) => ['SRM001', 'SRM002', 'SRM008'].includes(codeOf(x))), 'the fixed findings to go');
    assert.deepEqual(codeCounts(diagnostics), GAPS_FIXED_COUNTS);
    const text = editor.document.getText();
    assert.ok(text.includes(GAPS_FIRST_WORKLOAD_FIXED), `first workload after fix-all:\n${text}`);
    assert.ok(text.startsWith(original.slice(0, original.indexOf('layers:'))), 'the text before the first edit is untouched');
    assert.ok(editor.document.isDirty, 'the fix is an edit the user can undo or save');

    assert.equal(await vscode.commands.executeCommand<boolean>('srm.fixAll'), false, 'nothing left to fix automatically');
  });

  it('source.fixAll.srm is offered through the code action API and makes the same edit', async () => {
    const byCommand = await freshCopy('gaps.srm.yaml');
    const byAction = await freshCopy('gaps.srm.yaml');
    await show(byCommand);
    await waitForDiagnostics(byCommand, (d) => d.length === 15, '15 findings');
    await vscode.commands.executeCommand('srm.fixAll');
    const expected = (await vscode.workspace.openTextDocument(byCommand)).getText();

    const doc = (await show(byAction)).document;
    await waitForDiagnostics(byAction, (d) => d.length === 15, '15 findings');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      byAction,
      fullRange(doc),
      'source.fixAll.srm',
      // Resolved as VS Code resolves it before applying it (the server lists fix-all without its edit: codeAction/resolve).
      1,
    );
    const fixAll = actions.filter((a) => a.kind?.value === 'source.fixAll.srm');
    assert.equal(fixAll.length, 1, `one fix-all action; got ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(', ')}`);
    assert.ok(actions.every((a) => vscode.CodeActionKind.SourceFixAll.contains(a.kind ?? vscode.CodeActionKind.Empty)), 'only fix-all actions when only fix-all is asked for');
    const [action] = fixAll;
    assert.ok(action!.edit, 'the action carries its edit');
    assert.ok(await vscode.workspace.applyEdit(action!.edit));
    await waitForDiagnostics(byAction, (d) => d.length === 14, 'the fixed findings to go');
    assert.equal(doc.getText(), expected, 'source.fixAll.srm and srm.fixAll make the same edit');
  });

  it('a quick fix on layers: adds the one missing entry', async () => {
    const uri = await freshCopy('gaps.srm.yaml');
    const doc = (await show(uri)).document;
    await waitForDiagnostics(uri, (d) => d.length === 15, '15 findings');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, rangeOf(doc, 'layers'));
    const titles = actions.map((a) => a.title);
    assert.deepEqual(
      titles.filter((t) => t.startsWith('Add an entry') || t.startsWith('Add entries')),
      // The preferred fix first, then the batch, then the other layers.
      ['Add an entry for Endpoint Devices', 'Add entries for all 4 missing layers', 'Add an entry for Identity & Access', 'Add an entry for Runtime & Middleware', 'Add an entry for Network Config'],
    );
    assert.equal(actions.filter((a) => a.isPreferred).length, 1, 'one preferred fix at one place');
    const devices = actions.find((a) => a.title === 'Add an entry for Endpoint Devices');
    assert.equal(devices?.kind?.value, 'quickfix');
    assert.equal(devices?.isPreferred, true);
    assert.ok(devices?.edit && (await vscode.workspace.applyEdit(devices.edit)));
    const diagnostics = await waitForDiagnostics(uri, (d) => findingsFor(d, 'SRM001', 'endpoint-devices').length === 2, 'the IaaS endpoint-devices gap to close');
    assert.equal(diagnostics.length, 15, 'the gap became a placeholder to type over (SRM012), not fewer findings');
    assert.ok(doc.getText().includes('    owner: finance-data-stewards\n  endpoint-devices:\n    owner: TODO\n  identity-acess:'));
  });

  it('srm.newDeclaration asks for a name and a model and writes a declaration with every required entry', async () => {
    const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    const originalInput = window.showInputBox;
    const originalPick = window.showQuickPick;
    const asked: { input?: vscode.InputBoxOptions; items?: string[]; pick?: vscode.QuickPickOptions } = {};
    window.showInputBox = (options?: vscode.InputBoxOptions) => {
      asked.input = options;
      return Promise.resolve('orders-api');
    };
    window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      const list = await items;
      asked.items = list.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).map((i) => i.label);
      asked.pick = options;
      return list.find((i) => i.label === 'paas');
    }) as unknown as typeof vscode.window.showQuickPick;
    let created: vscode.Uri | undefined;
    let second: vscode.Uri | undefined;
    try {
      created = await vscode.commands.executeCommand<vscode.Uri | undefined>('srm.newDeclaration');
      second = await vscode.commands.executeCommand<vscode.Uri | undefined>('srm.newDeclaration');
    } finally {
      window.showInputBox = originalInput;
      window.showQuickPick = originalPick;
    }
    assert.ok(asked.input, 'the command asked for the workload name through vscode.window.showInputBox');
    assert.equal(asked.input.validateInput?.('  '), 'Name the workload');
    assert.deepEqual(asked.items?.slice(0, 3), ['iaas', 'paas', 'saas'], 'the default matrix\'s models first');
    assert.ok(asked.items?.includes('azure@2026-01 · on-premises'), 'then the models of the other matrices, named with their matrix');
    assert.ok(created, 'the command returns the new file');
    assert.equal(created.toString(), vscode.Uri.joinPath(workspaceFolder(), 'orders-api.srm.yaml').toString(), 'written at the workspace root, named after the workload');
    assert.equal(second?.toString(), vscode.Uri.joinPath(workspaceFolder(), 'orders-api-2.srm.yaml').toString(), 'never overwrites a file');

    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
    assert.match(onDisk, /^workload: orders-api\nmodel: paas\b/);
    for (const layer of ['data-classification', 'endpoint-devices', 'identity-access', 'applications', 'runtime-middleware']) {
      assert.match(onDisk, new RegExp(`^  ${layer}:.*\\n    owner: TODO$`, 'm'), `an entry for ${layer}`);
    }
    assert.match(onDisk, /^ {2}runtime-middleware:.*\n {4}owner: TODO\n {4}handoff: TODO$/m, 'the shared layer has a handoff to fill in');
    assert.doesNotMatch(onDisk, /operating-system|network-config|physical-/, 'no entries for provider layers');

    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), second?.toString(), 'the new file is opened');
    const diagnostics = await waitForDiagnostics(second, (d) => d.length === 6, 'placeholders only');
    assert.deepEqual(codeCounts(diagnostics), { SRM003: 1, SRM012: 5 }, 'every required entry is there: only placeholders to type over');
  });

  it('srm.restartServer restarts the language server, and diagnostics still arrive after', async () => {
    const uri = await freshCopy('payments-api.srm.yaml');
    const editor = await show(uri);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'a clean file');
    const before = { client: srm.client(), pid: srm.serverPid() };
    await vscode.commands.executeCommand('srm.restartServer');
    await waitFor('the language client to run again', () => srm.client()?.isRunning());
    assert.notEqual(srm.client(), before.client, 'a restart replaces the client');
    assert.notEqual(srm.serverPid(), before.pid, 'and the server process');
    const doc = editor.document;
    assert.ok(
      await editor.edit((e) => e.insert(doc.positionAt(doc.getText().length), '  operating-sytem:\n    owner: platform-team\n')),
    );
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === 1, 'a finding for the new typo from the restarted server');
    assert.match(diagnostics[0]!.message, /"operating-sytem" is not a layer/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, rangeOf(doc, 'identity-access').start);
    assert.ok(hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('Identity & Access'))), 'the restarted server answers hovers');
  });

  it('srm.showLayerStack opens the panel with the stack of the active file, and follows edits and editors', async () => {
    const uri = await freshCopy('gaps.srm.yaml');
    const editor = await show(uri);
    await waitForDiagnostics(uri, (d) => d.length === 15, '15 findings');
    await vscode.commands.executeCommand('srm.showLayerStack');
    const panel = await waitFor('the layer-stack panel', () => srm.layerStackPanel());
    try {
      const stack = await waitFor('the stack of the active file', () => (panel.shown?.uri === uri.toString() ? panel.shown : undefined));
      assert.deepEqual(stack.workloads.map((w) => `${w.workload}/${w.model}`), ['billing-batch/iaas', 'hr-portal/saas', 'partner-api/paas', 'team-chat/saas']);
      const first = stack.workloads[0];
      const status = Object.fromEntries(first!.bands.map((b) => [b.id, `${b.who}:${b.status}`]));
      assert.deepEqual(status, {
        'data-classification': 'customer:assigned',
        'endpoint-devices': 'customer:gap',
        'identity-access': 'customer:gap',
        applications: 'customer:assigned',
        'runtime-middleware': 'customer:gap',
        'operating-system': 'customer:wrongly-provider',
        'network-config': 'shared:gap',
        'physical-servers': 'provider:provider',
        'datacenter-network': 'provider:provider',
        'physical-security': 'provider:provider',
      });
      assert.deepEqual(first!.summary, { required: 7, assigned: 2, gaps: 5 });
      assert.equal(panel.panel.title, `Layer Stack: ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`);

      // The panel follows the model as it is edited...
      const doc = editor.document;
      assert.ok(await editor.edit((e) => e.replace(rangeOf(doc, 'model: iaas'), 'model: paas')));
      const paas = await waitFor('the stack to follow the edit', () => (panel.shown?.workloads[0]?.model === 'paas' ? panel.shown : undefined));
      const who = Object.fromEntries(paas.workloads[0]!.bands.map((b) => [b.id, b.who]));
      assert.equal(who['runtime-middleware'], 'shared');
      assert.equal(who['operating-system'], 'provider');
      assert.equal(who['network-config'], 'provider');

      // ...and the active editor.
      const other = await freshCopy('payments-api.srm.yaml');
      await show(other);
      const followed = await waitFor('the stack of the newly active file', () => (panel.shown?.uri === other.toString() ? panel.shown : undefined));
      assert.deepEqual(followed.workloads.map((w) => w.workload), ['payments-api']);
      assert.deepEqual(followed.workloads[0]!.summary, { required: 5, assigned: 5, gaps: 0 });
    } finally {
      panel.dispose();
    }
    assert.equal(srm.layerStackPanel(), undefined, 'closing the panel forgets it');
  });
});
