/**
 * "SRM: Open Responsibility Report" in a real VS Code (code-server + Chromium,
 * the packaged srm-tools.vsix) on a copy of the examples: the webview shows the
 * example workloads with the gap counts and totals `srm report` gives for the
 * same folder, follows a declaration written on disk without drawing the other
 * rows again, and is saved as a screenshot under .artifacts/e2e/.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResponsibilityReport } from '../../protocol/report';
import * as h from './harness';

/** Every file of examples/, by relative path. */
function exampleFiles(): Record<string, string> {
  const root = path.join(h.repoRoot(), 'examples');
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** What `srm report --format json` says about the folder (the CLI the packaged extension ships). */
function cliReport(folder: string): ResponsibilityReport {
  const cli = path.join(h.repoRoot(), 'dist', 'cli.js');
  return JSON.parse(execFileSync(process.execPath, [cli, 'report', folder, '--format', 'json'], { encoding: 'utf8' })) as ResponsibilityReport;
}

const PROBE = 'workload: report-probe\nmodel: saas\nlayers:\n  data-classification:\n    owner: probe-team\n';

describe('the Responsibility Report webview in a real VS Code', function () {
  this.timeout(180_000);
  const session = h.useWorkspaceSession('report', exampleFiles());

  it('shows the example workloads with their gaps and the totals srm report gives, follows a new file on disk, and is screenshotted', async () => {
    const { page, workspace } = session();
    const expected = cliReport(workspace);
    await h.runCommand(page, 'SRM: Open Responsibility Report');
    await page.locator('.tabs-container .tab.active', { hasText: 'Responsibility Report' }).waitFor({ state: 'visible', timeout: 20_000 });
    const frame = h.webviewFrame(page);
    const totals = frame.locator('p.totals');
    // billing-batch (gaps.srm.yaml): five layers without a real owner, as the overview and the layer stack count them.
    const billing = frame.locator('.matrix-group[data-matrix="reference@1"] tr[data-workload="billing-batch"]');
    await h.waitFor('the report to list billing-batch', async () => (await billing.count()) === 1, { timeoutMs: 60_000 });
    assert.equal(await billing.locator('td.gaps').innerText(), '5');
    assert.equal(await billing.locator('.workload-file').innerText(), 'gaps.srm.yaml');
    const t = expected.totals;
    assert.equal(
      await totals.innerText(),
      `${t.workloads} workloads · ${t.required} layers need an owner · ${t.gaps} ${t.gaps === 1 ? 'gap' : 'gaps'} · ${t.overridden} overridden`,
    );
    assert.deepEqual(
      await frame.locator('.matrix-group').evaluateAll((els) => els.map((el) => el.getAttribute('data-matrix'))),
      expected.groups.map((g) => `${g.id}@${g.version}`),
    );
    assert.deepEqual(await frame.locator('tr[data-workload] .workload-open').allInnerTexts(), expected.groups.flatMap((g) => g.workloads.map((w) => w.name)));
    const shot = path.join(h.artifactsDir(), 'report-webview.png');
    await page.locator('iframe.webview.ready').screenshot({ path: shot });
    assert.ok(fs.statSync(shot).size > 0);
    await h.screenshot(page, 'report-panel');

    // A declaration written on disk: its row comes in, the totals follow, and the other rows stay the nodes they were.
    await billing.evaluate((row) => {
      (window as unknown as { __billingRow: Element }).__billingRow = row;
    });
    // In a folder the watcher already watches: a file written at once into a folder just made can be missed by it.
    fs.writeFileSync(path.join(workspace, 'report-probe.srm.yaml'), PROBE);
    const after = cliReport(workspace);
    const probe = frame.locator('tr[data-workload="report-probe"]');
    await h.waitFor('the new declaration in the report', async () => (await probe.count()) === 1, { timeoutMs: 60_000 });
    // SaaS asks for three customer layers; one is owned.
    assert.equal(await probe.locator('td.gaps').innerText(), '2');
    await h.waitFor('the totals to count the new file', async () => (await totals.getAttribute('data-gaps')) === String(after.totals.gaps), { timeoutMs: 20_000 });
    assert.equal(after.totals.gaps, t.gaps + 2);
    assert.equal(await billing.evaluate((row) => row === (window as unknown as { __billingRow: Element }).__billingRow), true, 'billing-batch was not drawn again');
    await page.locator('iframe.webview.ready').screenshot({ path: path.join(h.artifactsDir(), 'report-webview-after-change.png') });
  });
});
