/*
 * The overview tree view and the report panel in a real VS Code: the tree
 * lists the workspace's example workloads with their gap counts, grouped by
 * matrix and model or by owner, filters to gaps, opens an entry on click, and
 * follows a declaration written, changed and deleted on disk (polled).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OverviewNode, OverviewTree } from '../../../src/overview/overview-tree';
import { api, closeAllEditors, waitFor, workspaceFolder } from './helpers';

/** Every workload node under the tree's roots, walking groups, as `name (gaps)` with the node. */
function walk(tree: OverviewTree, node?: OverviewNode, path: string[] = []): { path: string[]; node: Extract<OverviewNode, { kind: 'workload' }> }[] {
  return tree.getChildren(node).flatMap((child) =>
    child.kind === 'workload' ? [{ path, node: child }] : child.kind === 'group' ? walk(tree, child, [...path, child.label]) : [],
  );
}

function find(tree: OverviewTree, name: string) {
  return walk(tree).find((w) => w.node.workload.name === name);
}

describe('overview tree view and report panel', () => {
  after(async () => {
    const srm = await api();
    srm.overview.setGrouping('matrix');
    srm.overview.setGapsOnly(false);
    await closeAllEditors();
  });

  it('lists the example workloads by matrix and model, with the core’s gap counts', async () => {
    const srm = await api();
    const tree = srm.overview;
    const billing = await waitFor('billing-batch in the overview', () => (tree.getChildren(), find(tree, 'billing-batch')));
    assert.deepEqual(billing.path, ['reference@1', 'iaas']);
    // gaps.srm.yaml's billing-batch: five layers without a real owner (as the layer stack counts them).
    assert.equal(billing.node.workload.gaps, 5);
    assert.equal(tree.getTreeItem(billing.node).description, '5 gaps');
    const payments = find(tree, 'payments-api');
    assert.ok(payments, 'payments-api is listed');
    assert.deepEqual(payments.path, ['reference@1', 'paas']);
    assert.equal(tree.getTreeItem(payments.node).description, 'no gaps');
  });

  it('filters to workloads with gaps, and groups by owner', async () => {
    const srm = await api();
    const tree = srm.overview;
    await vscode.commands.executeCommand('srm.overview.showGapsOnly');
    assert.equal(find(tree, 'payments-api'), undefined, 'payments-api has no gaps');
    assert.ok(find(tree, 'billing-batch'));
    await vscode.commands.executeCommand('srm.overview.showAll');
    await vscode.commands.executeCommand('srm.overview.groupByOwner');
    const underIam = walk(tree).filter((w) => w.path[0] === 'iam-team').map((w) => w.node.workload.name);
    assert.ok(underIam.includes('payments-api'), `iam-team owns: ${underIam.join(', ')}`);
    await vscode.commands.executeCommand('srm.overview.groupByMatrix');
  });

  it('opens the entry on click', async () => {
    const srm = await api();
    const payments = find(srm.overview, 'payments-api');
    assert.ok(payments);
    const command = srm.overview.getTreeItem(payments.node).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('the declaration in an editor', () => vscode.window.activeTextEditor?.document.uri.toString() === payments.node.workload.uri && vscode.window.activeTextEditor);
    assert.equal(editor.selection.active.line, payments.node.workload.line);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^workload: payments-api/);
  });

  it('lists the resources a workload claims under it, and opens the file on click', async () => {
    const srm = await api();
    const tree = srm.overview;
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'claims');
    const tf = vscode.Uri.joinPath(folder, 'main.tf');
    const declaration = vscode.Uri.joinPath(folder, 'claims-probe.srm.yaml');
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await write(tf, 'resource "aws_lambda_function" "probe" {\n  function_name = "probe"\n}\n');
    await write(declaration, 'workload: claims-probe\nmodel: paas\niac:\n  - path: main.tf\n    resources: [aws_lambda_function.probe]\nlayers: {}\n');
    try {
      const probe = await waitFor('the claiming workload in the overview', () => find(tree, 'claims-probe'));
      assert.match(String(tree.getTreeItem(probe.node).description), / · 1 resource$/);
      const children = tree.getChildren(probe.node);
      assert.deepEqual(
        children.map((c) => (c.kind === 'resource' ? tree.getTreeItem(c).label : c.kind)),
        ['aws_lambda_function.probe'],
      );
      const command = tree.getTreeItem(children[0]!).command;
      assert.ok(command);
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      await waitFor('main.tf in an editor', () => vscode.window.activeTextEditor?.document.uri.toString() === tf.toString());
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('follows a declaration written, changed and deleted on disk', async () => {
    const srm = await api();
    const tree = srm.overview;
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'disk', 'overview-probe.srm.yaml');
    const write = (text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await write('workload: overview-probe\nmodel: saas\nlayers:\n  data-classification:\n    owner: probe-team\n');
    const added = await waitFor('the new file in the overview', () => find(tree, 'overview-probe'));
    // SaaS asks for three customer layers; one is owned.
    assert.equal(added.node.workload.gaps, 2);
    await write('workload: overview-probe\nmodel: saas\nlayers:\n  data-classification:\n    owner: probe-team\n  endpoint-devices:\n    owner: probe-team\n  identity-access:\n    owner: probe-team\n');
    await waitFor('the change on disk in the overview', () => find(tree, 'overview-probe')?.node.workload.gaps === 0);

    // The report panel shows the same workspace.
    await vscode.commands.executeCommand('srm.openReport');
    const panel = await waitFor('the report panel', () => srm.reportPanel());
    const report = await waitFor('the report with the probe', () => panel.shown?.groups.some((g) => g.workloads.some((w) => w.name === 'overview-probe')) && panel.shown);
    assert.equal(report.groups.flatMap((g) => g.workloads).find((w) => w.name === 'billing-batch')?.gaps, 5);
    panel.dispose();

    await vscode.workspace.fs.delete(uri);
    await waitFor('the deleted file leaves the overview', () => find(tree, 'overview-probe') === undefined);
  });
});
