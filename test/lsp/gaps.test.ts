/**
 * "Gap" once: the status the server sends, `srm check`'s summary and the
 * workspace index count the same layers, by the core's one definition, whatever
 * a display setting hides.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO, fileUri, removeTempWorkspaces, tempWorkspace, useServer } from './client';

/** IaaS: two customer layers missing, one with a placeholder owner, one left to the provider. */
const TEXT = 'workload: vm\nmodel: iaas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: TODO}\n  identity-access: {owner: iam}\n  applications: {owner: provider}\n  runtime-middleware: {owner: apps}\n';
const GAPS = 4; // operating-system and network-config (shared) missing, endpoint-devices a placeholder, applications the provider's

describe('LSP: one count of gaps', function () {
  this.timeout(30_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({ 'vm.srm.yaml': TEXT });
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);

  it('counts in the status what srm check counts, and a display setting that hides findings closes no gap', async () => {
    const client = server();
    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json', 'vm.srm.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal((JSON.parse(cli.stdout) as { summary: { gapCount: number } }).summary.gapCount, GAPS);
    const stylish = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', 'vm.srm.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.match(stylish.stdout, new RegExp(`^ {2}${GAPS} gaps: layers that need an owner have no real one\\.$`, 'm'));

    const uri = fileUri(dir, 'vm.srm.yaml');
    await client.open(uri, TEXT);
    await client.waitForDiagnostics(uri);
    assert.equal((await client.waitFor('a status', () => client.statuses(uri).at(-1))).gaps, GAPS);
    await client.configure({ severity: { SRM001: 'off', SRM002: 'off', SRM004: 'off', SRM012: 'off' } });
    await client.waitForDiagnostics(uri, (ds) => ds.length === 0);
    const hidden = await client.waitFor('a status without the hidden findings', () => client.statuses(uri).find((s) => s.errors === 0));
    assert.equal(hidden.gaps, GAPS);
  });
});
