/**
 * The workspace report webview page ("SRM: Open Responsibility Report") in
 * headless Chromium, under the CSP the extension gives it: the report the
 * server builds (made here by the same builder from declaration texts) is
 * drawn per matrix and per owner, its buttons post the right messages, and
 * hostile strings in every field stay inert text.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ResponsibilityReport } from '../../protocol/report';
import type { FromReportPage, ToReportPage } from '../../protocol/report-messages';
import { buildEnvironment, ServiceCatalogue } from '../../server/src/core';
import { applyReportPatch, buildReport, filePatchOf, reportPiecesOf } from '../../server/src/core/report';
import { declarationText, HOSTILE_IMG, HOSTILE_PIPE, HOSTILE_SCRIPT, IAAS_SPEC, ORG_MATRIX, OVERRIDE_SPEC, PAAS_SPEC } from './fixtures';
import { Harness, useHarness, type Panel, REPORT_PAGE } from './harness';

async function sendToPage(page: Page, message: ToReportPage): Promise<void> {
  await page.evaluate(
    (msg) =>
      new Promise<void>((resolve) => {
        const token = `sync-${Math.random()}`;
        const onMessage = (event: MessageEvent): void => {
          if ((event.data as { __sync?: string } | null)?.__sync === token) {
            window.removeEventListener('message', onMessage);
            requestAnimationFrame(() => resolve());
          }
        };
        window.addEventListener('message', onMessage);
        window.postMessage(msg, '*');
        window.postMessage({ __sync: token }, '*');
      }),
    message as unknown as Record<string, unknown>,
  );
}

async function postedMessages(page: Page): Promise<FromReportPage[]> {
  return page.evaluate(() => (window as unknown as { __posted: FromReportPage[] }).__posted);
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

const HOSTILE_OWNER = '<img src=x onerror=alert(1)>';

/** A workspace of three files: the reference matrix (a gap, an override) and the organisation's matrix, with hostile text in names, owners, handoffs, reasons and paths. */
function workspaceReport(): ResponsibilityReport {
  const { environment } = buildEnvironment(undefined, [ORG_MATRIX], new ServiceCatalogue());
  const hostile = {
    workload: HOSTILE_SCRIPT,
    model: 'paas',
    layers: {
      ...PAAS_SPEC.layers,
      'identity-access': { owner: HOSTILE_OWNER },
      'runtime-middleware': { owner: HOSTILE_PIPE, handoff: `${HOSTILE_IMG} handoff`, responsibility: 'customer', reason: `${HOSTILE_SCRIPT} because` },
    },
  };
  return buildReport(
    [
      { file: 'apps/legacy.srm.yaml', text: declarationText(IAAS_SPEC), environment },
      { file: 'apps/events.srm.yaml', text: declarationText(OVERRIDE_SPEC), environment },
      { file: `${HOSTILE_IMG}.srm.yaml`, text: declarationText(hostile), environment },
      { file: 'fn.srm.yaml', text: declarationText({ ...PAAS_SPEC, workload: 'thumbnailer', matrix: 'acme@2' }), environment },
      { file: 'broken.srm.yaml', text: 'workload: [\n', environment },
    ],
    { toolVersion: '0.0.0-test' },
  );
}

describe('report webview page (Chromium)', function () {
  this.timeout(60_000);
  const harness = new Harness(REPORT_PAGE);
  let panel: Panel;

  useHarness(harness);

  it('asks for the report, says when there is none, and runs under the strict CSP', async () => {
    panel = await harness.open();
    const { page } = panel;
    assert.deepEqual(await postedMessages(page), [{ type: 'ready' }]);
    await sendToPage(page, { type: 'report', report: null, error: 'The SRM language server is not running.' });
    assert.equal(await page.locator('.empty-text').textContent(), 'The SRM language server is not running.');
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp ?? '', /^default-src 'none'; style-src 'self' http:\/\/127\.0\.0\.1:\d+; script-src 'nonce-[A-Za-z0-9+/=]+'; img-src 'self' http:\/\/127\.0\.0\.1:\d+ data:$/);
  });

  it('patches the report it shows with only the changed file\'s part: a new gap, the totals, a file gone', async () => {
    panel = await harness.open();
    const { page } = panel;
    const report = workspaceReport();
    await sendToPage(page, { type: 'report', report });
    const legacy = '.matrix-group[data-matrix="reference@1"] tr[data-workload="legacy-batch"]';
    assert.equal(await page.locator(`${legacy} td[data-layer-id="applications"] .cell-label`).textContent(), 'batch-team');
    const { environment } = buildEnvironment(undefined, [ORG_MATRIX], new ServiceCatalogue());
    const edited = reportPiecesOf({ file: 'apps/legacy.srm.yaml', text: declarationText({ ...IAAS_SPEC, layers: { ...IAAS_SPEC.layers, applications: { owner: 'TODO' } } }), environment });
    const patch = { files: [filePatchOf('apps/legacy.srm.yaml', edited, new Map()), filePatchOf('fn.srm.yaml', undefined, new Map())] };
    await sendToPage(page, { type: 'patch', patch });
    assert.equal(await page.locator(`${legacy} td[data-layer-id="applications"] .cell-label`).textContent(), 'GAP');
    assert.deepEqual(await page.$$eval('.matrix-group', (els) => els.map((el) => el.getAttribute('data-matrix'))), ['reference@1'], 'the file of the acme matrix is gone, and its table');
    const after = applyReportPatch(report, patch);
    assert.equal(await page.locator('.totals').getAttribute('data-gaps'), String(after.totals.gaps));
    assert.equal(after.totals.gaps, report.totals.gaps + 1 - (report.groups.find((g) => g.id === 'acme')?.workloads[0]?.gaps ?? 0));
  });

  it('draws one table per matrix with every cell state, overrides with their reasons, and totals', async () => {
    panel = await harness.open();
    const { page } = panel;
    const report = workspaceReport();
    await sendToPage(page, { type: 'report', report });
    assert.deepEqual(await page.$$eval('.matrix-group', (els) => els.map((el) => el.getAttribute('data-matrix'))), ['acme@2', 'reference@1']);
    assert.equal(await page.locator('.matrix-group[data-matrix="acme@2"] .matrix-title').textContent(), 'Acme responsibility matrix');
    const ref = '.matrix-group[data-matrix="reference@1"]';
    // legacy-batch (iaas): owner: provider on the OS is a gap; the shared network names its owner.
    const legacy = `${ref} tr[data-workload="legacy-batch"]`;
    assert.equal(await page.locator(`${legacy} td[data-layer-id="operating-system"] .cell-label`).textContent(), 'GAP');
    assert.equal(await page.locator(`${legacy} td[data-layer-id="network-config"] .cell-label`).textContent(), 'shared: netops');
    assert.equal(await page.locator(`${legacy} td[data-layer-id="physical-servers"] .cell-label`).textContent(), 'provider');
    assert.equal(await page.locator(`${legacy} td[data-layer-id="applications"] .cell-label`).textContent(), 'batch-team');
    // events-fn: both overrides, with the cell they replace and why.
    const events = `${ref} tr[data-workload="events-fn"]`;
    assert.equal(
      await page.locator(`${events} td[data-layer-id="runtime-middleware"] .cell-override`).textContent(),
      'overridden: shared → provider, because Lambda runtime update mode Auto: AWS applies runtime patches',
    );
    assert.equal(await page.locator(`${events} td[data-layer-id="operating-system"] .cell-label`).textContent(), 'platform-team');
    // The acme matrix's third-party layer without an entry is a gap.
    assert.equal(await page.locator('.matrix-group[data-matrix="acme@2"] tr[data-workload="thumbnailer"] td[data-layer-id="security-monitoring"] .cell-label').textContent(), 'GAP');
    // Gap counts per row are the report's, and the totals line adds them up.
    for (const w of report.groups.flatMap((g) => g.workloads)) {
      assert.equal(await page.locator(`tr[data-file="${w.file.replace(/"/g, '\\"')}"] td.gaps`).first().textContent(), String(w.gaps), w.name);
    }
    assert.equal(await page.getAttribute('.totals', 'data-gaps'), String(report.totals.gaps));
    assert.match((await page.locator('.totals').textContent()) ?? '', new RegExp(`^4 workloads · ${report.totals.required} layers need an owner · ${report.totals.gaps} gaps · ${report.totals.overridden} overridden$`));
    assert.deepEqual(await texts(page, '.skipped-list code'), ['broken.srm.yaml']);
  });

  it('switches to the by-owner view and keeps it, saves in the chosen format, opens a workload and a source', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendToPage(page, { type: 'report', report: workspaceReport() });
    await page.click('button[data-view="owner"]');
    assert.equal(await page.getAttribute('button[data-view="owner"]', 'aria-pressed'), 'true');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __state: unknown }).__state), { by: 'owner' });
    const netops = page.locator('.owner[data-owner="netops"] .duty');
    assert.equal(await netops.count(), 1);
    assert.match((await netops.textContent()) ?? '', /^legacy-batch — Network Config reference@1 \(shared\)/);

    await page.selectOption('.format-select', 'oscal-ssp');
    await page.click('button[data-action="save"]');
    await page.click('button[data-view="workload"]');
    await page.click('.matrix-group[data-matrix="reference@1"] tr[data-workload="legacy-batch"] .workload-open');
    await page.click('.matrix-group[data-matrix="acme@2"] .matrix-source');
    const posted = (await postedMessages(page)).slice(1);
    assert.deepEqual(posted, [
      { type: 'save', format: 'oscal-ssp', by: 'owner' },
      { type: 'open', file: 'apps/legacy.srm.yaml', line: 1 },
      { type: 'openLink', url: 'https://wiki.acme.example/security/srm' },
    ]);
    await sendToPage(page, { type: 'saved', format: 'oscal-ssp', file: 'ssp.json' });
    assert.equal(await page.locator('.save-status').textContent(), 'Saved as OSCAL SSP (JSON): ssp.json');
    // Every format can be chosen.
    assert.deepEqual(await page.$$eval('.format-select option', (os) => os.map((o) => (o as HTMLOptionElement).value)), ['markdown', 'csv', 'html', 'json', 'oscal-ssp']);
  });

  it('shows hostile strings from every field as literal text, in both views, and runs none of them', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendToPage(page, { type: 'report', report: workspaceReport() });
    const row = page.locator(`tr[data-file="${HOSTILE_IMG}.srm.yaml"]`);
    assert.equal(await row.locator('.workload-open').textContent(), HOSTILE_SCRIPT);
    assert.equal(await row.locator('.workload-file').textContent(), `${HOSTILE_IMG}.srm.yaml`);
    assert.equal(await row.locator('td[data-layer-id="identity-access"] .cell-label').textContent(), HOSTILE_OWNER);
    assert.equal(await row.locator('td[data-layer-id="runtime-middleware"] .cell-label').textContent(), HOSTILE_PIPE);
    assert.equal(await row.locator('td[data-layer-id="runtime-middleware"] .cell-override').textContent(), `overridden: shared → customer, because ${HOSTILE_SCRIPT} because`);
    await page.click('button[data-view="owner"]');
    assert.ok((await texts(page, '.owner-name > span:first-child')).includes(HOSTILE_OWNER));
    assert.ok((await texts(page, '.duty-handoff')).includes(` handoff: ${HOSTILE_IMG} handoff`));
    assert.equal(await page.locator('#app img, #app script, #app iframe, #app b, #app i').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
  });
});
