/**
 * The layer stack draws any matrix (issue 7, item 8): an organisation's own
 * matrix with a fourth model, third-party and not-applicable cells, Azure's
 * layers, overrides with their reasons, service advice, a matrix nobody
 * defines, and the core's one gap definition. The stacks are made by the
 * engine (engine-stack.ts); the expectations come from the design references
 * and the fixture matrix's text.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildEnvironment, checkText, gapCount, ServiceCatalogue } from '../../server/src/core';
import {
  ADVICE_SPEC,
  AZURE_SAAS_SPEC,
  declarationText,
  fourModelStack,
  HOSTILE_IMG,
  HOSTILE_SCRIPT,
  IAAS_SPEC,
  ORG_MATRIX,
  OVERRIDE_SPEC,
  PAAS_SPEC,
  PLACEHOLDER_SPEC,
  SAAS_SPEC,
  stack,
  UNKNOWN_MATRIX_SPEC,
  type WorkloadSpec,
} from './fixtures';
import { Harness, useHarness, type Panel, posted, postedCount, sendStack, waitForPosted } from './harness';

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

async function bandAttr(page: Page, layer: string, name: string): Promise<string | null> {
  return page.getAttribute(`.stack .band[data-layer-id="${layer}"]`, name);
}

/** The value of a band's detail row ("Owner", "Third party", "Handoff", "Overridden: …"). */
async function detail(page: Page, layer: string, term: string): Promise<string | null> {
  return page.$eval(
    `.stack .band[data-layer-id="${layer}"]`,
    (el, t) => Array.from(el.querySelectorAll('.detail')).find((d) => d.querySelector('dt')?.textContent === t)?.querySelector('dd')?.textContent ?? null,
    term,
  );
}

describe('layer stack webview page draws any matrix (Chromium)', function () {
  this.timeout(60_000);
  const harness = new Harness();
  let panel: Panel;

  useHarness(harness);

  it("draws an organisation's matrix: its layers, its fourth model, a third-party layer, and names the matrix", async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, fourModelStack(), 'fn.srm.yaml');
    // The extra layer sits where the matrix places it (after identity-access).
    const ids = await page.$$eval('.stack .band', (els) => els.map((el) => el.getAttribute('data-layer-id')));
    assert.deepEqual(ids.slice(0, 5), ['data-classification', 'endpoint-devices', 'identity-access', 'security-monitoring', 'applications']);
    assert.equal(ids.length, 11);
    assert.equal(await bandAttr(page, 'security-monitoring', 'data-who'), 'third-party');
    assert.equal(await bandAttr(page, 'security-monitoring', 'data-status'), 'assigned');
    assert.equal(await detail(page, 'security-monitoring', 'Third party'), 'mssp-corp');
    assert.equal(await detail(page, 'security-monitoring', 'Handoff'), 'The MSSP watches the logs around the clock; we own the response');
    assert.equal(await text(page, '.band[data-layer-id="security-monitoring"] .who-tag'), 'Third party');
    // Not the default matrix: the page names it, with its title and a source the extension opens.
    assert.equal(await page.getAttribute('.matrix-line', 'data-matrix'), 'acme@2');
    assert.equal(await text(page, '.matrix-line .matrix-ref'), 'acme@2');
    assert.equal(await text(page, '.matrix-line .matrix-title'), 'Acme responsibility matrix');
    const before = await postedCount(page);
    await page.click('.matrix-line .matrix-source');
    assert.deepEqual(await waitForPosted(page, 'openLink', before), { type: 'openLink', url: 'https://wiki.acme.example/security/srm' });
    // The legend explains third-party cells because this matrix has them, and not-applicable (its SaaS column).
    assert.deepEqual(await page.locator('.legend .legend-label').allTextContents(), ['Customer', 'Shared', 'Third party', 'Provider', 'Not applicable', 'Gap', 'Needs attention']);
    // Side by side: four columns, the matrix's note on its iaas cell, the n/a cell under saas.
    assert.deepEqual(await page.locator('.models-table thead .model-id').allTextContents(), ['iaas', 'paas', 'saas', 'faas']);
    const row = '.models-table tr[data-layer-id="security-monitoring"]';
    assert.deepEqual(await page.$$eval(`${row} td`, (tds) => tds.map((td) => td.getAttribute('data-who'))), ['third-party', 'third-party', 'not-applicable', 'third-party']);
    assert.equal(await page.getAttribute(`${row} td[data-model="iaas"] .note-marker-ref`, 'title'), 'Our MSSP runs the SOC.');
    assert.ok((await page.locator('.notes .note-text').allTextContents()).includes('Our MSSP runs the SOC.'));
  });

  it('draws a not-applicable layer as asking nothing, and a missing third-party owner as a gap', async () => {
    panel = await harness.open();
    const { page } = panel;
    const saas = { ...SAAS_SPEC, matrix: 'acme@2' };
    const paas = { ...PAAS_SPEC, matrix: 'acme@2', layers: { ...PAAS_SPEC.layers, 'identity-access': { owner: 'iam-team' } } };
    await sendStack(page, stack([saas, paas], { matrices: [ORG_MATRIX] }));
    assert.equal(await bandAttr(page, 'security-monitoring', 'data-who'), 'not-applicable');
    assert.equal(await bandAttr(page, 'security-monitoring', 'data-status'), 'not-applicable');
    assert.equal(await page.locator('.band[data-layer-id="security-monitoring"] .status-badge').count(), 0);
    assert.equal(await detail(page, 'security-monitoring', 'Owner'), null);
    assert.equal(await text(page, '.band[data-layer-id="security-monitoring"] .who-tag'), 'Not applicable');

    await page.selectOption('.workload-select', '1');
    // Under acme's paas the SOC is a third party's: no entry is a gap, and the page counts it with the others.
    assert.equal(await bandAttr(page, 'security-monitoring', 'data-status'), 'gap');
    assert.equal(await detail(page, 'security-monitoring', 'Third party'), 'nobody assigned');
    assert.equal(await page.getAttribute('.summary', 'data-gaps'), '1');
    assert.deepEqual(await page.locator('.workload-select option').allTextContents(), ['m365-tenant — saas', 'payments-api — paas — 1 gap']);
  });

  it("draws Azure's matrix with its own layer names and its shared SaaS client devices", async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, stack([AZURE_SAAS_SPEC]));
    assert.equal(await page.getAttribute('.matrix-line', 'data-matrix'), 'azure@2026-01');
    const ids = await page.$$eval('.stack .band', (els) => els.map((el) => el.getAttribute('data-layer-id')));
    assert.ok(ids.includes('configurations-settings') && ids.includes('client-devices') && !ids.includes('data-classification'), ids.join(','));
    // January 2026: SaaS client devices and applications are shared.
    assert.equal(await bandAttr(page, 'client-devices', 'data-who'), 'shared');
    assert.equal(await bandAttr(page, 'client-devices', 'data-status'), 'assigned');
    assert.equal(await bandAttr(page, 'applications', 'data-who'), 'shared');
    assert.equal(await bandAttr(page, 'applications', 'data-status'), 'gap');
    assert.equal(await page.locator('.stack .band.status-gap').count(), Number(await page.getAttribute('.summary', 'data-gaps')));
  });

  it('shows each override with the cell it replaces and its reason, in the stack, side by side and in the exports', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, stack([OVERRIDE_SPEC]), 'events.srm.yaml');
    assert.equal(await bandAttr(page, 'runtime-middleware', 'data-overridden'), 'true');
    assert.equal(await bandAttr(page, 'runtime-middleware', 'data-who'), 'provider');
    assert.equal(await text(page, '.band[data-layer-id="runtime-middleware"] .override-badge'), 'Overridden');
    assert.equal(await detail(page, 'runtime-middleware', 'Overridden: Shared → Provider'), 'because Lambda runtime update mode Auto: AWS applies runtime patches');
    assert.equal(await bandAttr(page, 'operating-system', 'data-who'), 'customer');
    assert.equal(await bandAttr(page, 'operating-system', 'data-status'), 'assigned');
    assert.equal(await detail(page, 'operating-system', 'Overridden: Provider → Customer'), 'because We run our own hardened image on this platform');
    assert.equal(await bandAttr(page, 'applications', 'data-overridden'), null);
    // Five layers of the customer's (four of paas, plus the overridden OS), all owned: no gap.
    assert.equal(await page.getAttribute('.summary', 'data-required'), '5');
    assert.equal(await page.getAttribute('.summary', 'data-gaps'), '0');
    // Side by side: the matrix's cell stays, with this workload's override beside it.
    const cell = '.models-table tr[data-layer-id="runtime-middleware"] td[data-model="paas"]';
    assert.equal(await page.getAttribute(cell, 'data-who'), 'shared');
    assert.equal(await page.getAttribute(cell, 'data-override'), 'provider');
    assert.equal(await page.getAttribute(`${cell} .override-note`, 'title'), 'because Lambda runtime update mode Auto: AWS applies runtime patches');

    const before = await postedCount(page);
    await page.click('button[data-action="copy-markdown"]');
    const md = (await waitForPosted(page, 'copyMarkdown', before)).markdown;
    assert.match(md, /\| Runtime & Middleware \| Provider \(overridden from Shared, because Lambda runtime update mode Auto: AWS applies runtime patches\) \|/);
  });

  it('shows service advice on the layer an option decides, with each cited option', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, stack([ADVICE_SPEC]));
    assert.equal(await bandAttr(page, 'runtime-middleware', 'data-advised'), 'true');
    assert.equal(await text(page, '.band[data-layer-id="runtime-middleware"] .advice-service'), 'AWS Lambda');
    const options = await page.$$eval('.band[data-layer-id="runtime-middleware"] .advice-option', (lis) =>
      lis.map((li) => ({ who: li.getAttribute('data-who'), url: li.querySelector('.advice-source')?.getAttribute('data-url') ?? '' })),
    );
    assert.ok(options.length >= 2, `options: ${JSON.stringify(options)}`);
    for (const option of options) {
      assert.match(option.url, /^https:\/\//);
    }
    const before = await postedCount(page);
    await page.click('.band[data-layer-id="runtime-middleware"] .advice-source >> nth=0');
    assert.deepEqual(await waitForPosted(page, 'openLink', before), { type: 'openLink', url: options[0]!.url });
    // Clicking the source does not also reveal the band.
    assert.equal((await posted(page)).filter((m) => m.type === 'reveal').length, 0);
    // With an override saying which option applies, that layer's advice is gone (other layers the service moves keep theirs).
    const decided: WorkloadSpec = {
      ...ADVICE_SPEC,
      layers: { ...ADVICE_SPEC.layers, 'runtime-middleware': { owner: 'platform-team', responsibility: 'provider', reason: 'Runtime update mode Auto' } },
    };
    await sendStack(page, stack([decided], { version: 8 }));
    assert.equal(await page.locator('.band[data-layer-id="runtime-middleware"] .band-advice').count(), 0);
    assert.equal(await bandAttr(page, 'runtime-middleware', 'data-overridden'), 'true');
  });

  it('says so when the declaration names a matrix nobody defines, and draws no bands', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, stack([UNKNOWN_MATRIX_SPEC]));
    assert.equal(await page.getAttribute('.matrix-line', 'role'), 'alert');
    assert.match(await text(page, '.matrix-problem-text'), /nosuch/);
    assert.equal(await page.locator('.stack .band').count(), 0);
    assert.match(await text(page, '.no-bands'), /No layers to draw/);
  });

  it("counts gaps as the core does, for every workload of the examples' shapes", async () => {
    panel = await harness.open();
    const { page } = panel;
    const specs = [PAAS_SPEC, IAAS_SPEC, SAAS_SPEC, PLACEHOLDER_SPEC, OVERRIDE_SPEC, AZURE_SAAS_SPEC, { ...PAAS_SPEC, matrix: 'acme@2' }];
    const s = stack(specs, { matrices: [ORG_MATRIX] });
    // The core's own count, computed here on the same text, independently of the stack.
    const { environment } = buildEnvironment(undefined, [ORG_MATRIX], new ServiceCatalogue());
    const checked = checkText(specs.map(declarationText).join('---\n'), { environment });
    const expected = checked.documents.map((doc) => gapCount(doc, environment.config.overrides));
    assert.deepEqual(expected.slice(0, 4), [1, 2, 0, 1], 'fixture shapes');
    await sendStack(page, s);
    for (let i = 0; i < specs.length; i++) {
      await page.selectOption('.workload-select', String(i));
      assert.equal(await page.getAttribute('.summary', 'data-gaps'), String(expected[i]), `workload ${i} summary`);
      const problemBands = await page.locator('.stack .band.status-gap, .stack .band.status-wrongly-provider').count();
      assert.equal(problemBands, expected[i], `workload ${i} bands`);
    }
    // A placeholder owner is a gap, not "needs attention".
    await page.selectOption('.workload-select', '3');
    assert.equal(await bandAttr(page, 'identity-access', 'data-status'), 'gap');
  });

  it('renders hostile text from a matrix file (title, names, notes) as text', async () => {
    panel = await harness.open();
    const { page } = panel;
    const hostile = {
      uri: 'file:///work/evil.srm-matrix.yaml',
      text: ORG_MATRIX.text
        .replace('matrix: acme', 'matrix: evil')
        .replace('title: Acme responsibility matrix', `title: ${JSON.stringify(HOSTILE_IMG)}`)
        .replace('name: Security Monitoring', `name: ${JSON.stringify(HOSTILE_SCRIPT)}`)
        .replace('note: Our MSSP runs the SOC.', `note: ${JSON.stringify(`${HOSTILE_IMG} SOC`)}`),
    };
    await sendStack(page, stack([{ ...IAAS_SPEC, matrix: 'evil@2' }], { matrices: [hostile] }));
    assert.equal(await text(page, '.matrix-line .matrix-title'), HOSTILE_IMG);
    assert.equal(await text(page, '.band[data-layer-id="security-monitoring"] .band-name'), HOSTILE_SCRIPT);
    assert.ok((await page.locator('.notes .note-text').allTextContents()).includes(`${HOSTILE_IMG} SOC`));
    assert.equal(await page.locator('#app img, #app script, #app iframe').count(), 0);
  });
});
