import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  DATACENTER_DERIVED,
  ENDPOINT_DERIVED,
  fourModelStack,
  HOSTILE_FILE,
  HOSTILE_IMG,
  HOSTILE_PIPE,
  HOSTILE_SCRIPT,
  hostileStack,
  LAYERS,
  MODELS,
  multiDocStack,
  PAAS_SPEC,
  SAAS_SPEC,
  stack,
  UNKNOWN_SPEC,
  URI,
} from './fixtures';
import type { StackResource } from '../../protocol/layer-stack';
import { ARTIFACTS, Harness, useHarness, type Panel, postedCount, savedState, sendStack, themeVar, type ThemeKind, waitForPosted } from './harness';

interface BandInfo {
  id: string;
  name: string;
  who: string;
  status: string;
  classes: string;
  owner: string | null;
  handoff: string | null;
  reason: string | null;
  canAssign: boolean;
}

async function bands(page: Page): Promise<BandInfo[]> {
  return page.$$eval('.stack .band', (els) =>
    els.map((el) => {
      const detail = (term: string): string | null => {
        const row = Array.from(el.querySelectorAll('.detail')).find((d) => d.querySelector('dt')?.textContent === term);
        return row?.querySelector('dd')?.textContent ?? null;
      };
      return {
        id: el.getAttribute('data-layer-id') ?? '',
        name: el.querySelector('.band-name')?.textContent ?? '',
        who: el.getAttribute('data-who') ?? '',
        status: el.getAttribute('data-status') ?? '',
        classes: el.className,
        owner: detail('Owner'),
        handoff: detail('Handoff'),
        reason: el.querySelector('.reason-text')?.textContent ?? null,
        canAssign: el.querySelector('button.assign-owner') !== null,
      };
    }),
  );
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

async function focusedLayer(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.matches('.band-body') ? (el.dataset.layerId ?? null) : null;
  });
}

async function tabUntil(page: Page, predicate: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, predicate)) {
      return;
    }
  }
  throw new Error(`Tab never reached ${predicate}`);
}

/** Parses `rgb(r, g, b)` / `rgba(...)` and a hex colour to comparable [r, g, b]. */
function rgb(value: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(value);
  if (hex) {
    return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  }
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(value);
  assert.ok(m, `not a colour: ${value}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

describe('layer stack webview page (Chromium)', function () {
  this.timeout(60_000);
  const harness = new Harness();
  let panel: Panel;

  useHarness(harness);

  it('posts ready, shows a loading state, then a friendly empty state for a null stack', async () => {
    panel = await harness.open();
    const { page } = panel;
    assert.match(await text(page, '#app'), /Loading the layer stack/);
    await sendStack(page, null);
    assert.equal(await page.locator('.empty-state').count(), 1);
    assert.match(await text(page, '.empty-title'), /No declaration to show/);
    assert.match(await text(page, '.empty-text'), /\*\.srm\.yaml/);
    assert.equal(await page.locator('.band').count(), 0);
    // A stack of a file without workloads.
    await sendStack(page, stack([]), 'empty.srm.yaml');
    assert.match(await text(page, '.empty-title'), /No workload in this file/);
    // The CSP is the strict one from renderLayerStackHtml.
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp ?? '', /^default-src 'none'; style-src 'self' http:\/\/127\.0\.0\.1:\d+; script-src 'nonce-[A-Za-z0-9+/=]+'; img-src 'self' http:\/\/127\.0\.0\.1:\d+ data:$/);
  });

  it('draws every band top to bottom with owner, colour by responsibility, gaps and reasons', async () => {
    panel = await harness.open({ theme: 'dark' });
    const { page } = panel;
    await sendStack(page, multiDocStack(), 'payments.srm.yaml');
    const got = await bands(page);
    assert.deepEqual(
      got.map((b) => b.name),
      LAYERS.map((l) => l.name),
    );
    assert.deepEqual(
      got.map((b) => b.who),
      ['customer', 'customer', 'customer', 'customer', 'shared', 'provider', 'provider', 'provider', 'provider', 'provider'],
    );
    for (const band of got) {
      assert.match(band.classes, new RegExp(`\\bwho-${band.who}\\b`));
    }
    const byId = new Map(got.map((b) => [b.id, b]));
    assert.equal(byId.get('data-classification')?.owner, 'data-governance');
    assert.equal(byId.get('applications')?.owner, 'payments-team');
    assert.equal(byId.get('runtime-middleware')?.owner, 'platform-team');
    assert.equal(byId.get('runtime-middleware')?.handoff, PAAS_SPEC.layers['runtime-middleware']?.handoff);
    // The gap stands out with its reason and an Assign owner button.
    const gap = byId.get('identity-access')!;
    assert.equal(gap.status, 'gap');
    assert.match(gap.classes, /\bis-problem\b/);
    assert.equal(gap.owner, 'nobody assigned');
    assert.match(gap.reason ?? '', /^Identity & Access \(identity-access\) has no owner\. Under PaaS the customer is responsible/);
    assert.equal(gap.canAssign, true);
    assert.equal(await page.locator('.band[data-layer-id="identity-access"] .status-badge').textContent(), 'Gap');
    assert.deepEqual(
      got.filter((b) => b.canAssign).map((b) => b.id),
      ['identity-access'],
    );
    // Provider layers ask nothing.
    assert.equal(byId.get('operating-system')?.owner, null);
    assert.equal(byId.get('operating-system')?.reason, null);

    // The colour really follows the theme's chart colours: stripe of each band.
    const stripes = await page.$$eval('.stack .band', (els) => els.map((el) => getComputedStyle(el, '::before').backgroundColor));
    assert.deepEqual(rgb(stripes[0]!), rgb(themeVar('dark', 'charts-blue')));
    assert.deepEqual(rgb(stripes[9]!), rgb(themeVar('dark', 'charts-green')));
    const sharedStripe = await page.$eval('.band.who-shared', (el) => getComputedStyle(el, '::before').backgroundImage);
    assert.match(sharedStripe, /repeating-linear-gradient/);
    const gapBorder = await page.$eval('.band.is-problem', (el) => getComputedStyle(el).borderTopColor);
    assert.deepEqual(rgb(gapBorder), rgb(themeVar('dark', 'errorForeground')));

    // Legend.
    assert.deepEqual(await page.locator('.legend .legend-label').allTextContents(), ['Customer', 'Shared', 'Provider', 'Gap', 'Needs attention']);
  });

  it('shows the summary line and the other statuses (left to provider, incomplete, unknown model)', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, stack([PAAS_SPEC]));
    assert.equal(await text(page, '.summary-text'), '4 of 5 layers that need a customer owner have one.');
    assert.equal(await text(page, '.summary-extra'), '1 gap');
    assert.match((await page.getAttribute('.summary', 'class')) ?? '', /summary-problem/);

    await sendStack(page, multiDocStack());
    await page.selectOption('.workload-select', '1');
    const iaas = new Map((await bands(page)).map((b) => [b.id, b]));
    assert.equal(iaas.get('operating-system')?.status, 'wrongly-provider');
    assert.equal(iaas.get('operating-system')?.owner, 'provider');
    assert.match(iaas.get('operating-system')?.reason ?? '', /^Operating System is the customer's under IaaS: the provider does not cover it/);
    assert.equal(await page.locator('.band[data-layer-id="operating-system"] .status-badge').textContent(), 'Left to provider');
    assert.equal(iaas.get('network-config')?.status, 'incomplete');
    assert.equal(iaas.get('network-config')?.handoff, 'not stated');
    assert.match(iaas.get('network-config')?.classes ?? '', /status-incomplete/);
    assert.equal(iaas.get('runtime-middleware')?.status, 'gap');
    assert.equal(await text(page, '.summary-text'), '5 of 7 layers that need a customer owner have one.');
    assert.equal(await text(page, '.summary-extra'), '2 gaps · 1 needs attention');

    await page.selectOption('.workload-select', '2');
    assert.equal(await text(page, '.summary-text'), 'All 3 layers that need a customer owner have one.');
    assert.match((await page.getAttribute('.summary', 'class')) ?? '', /summary-ok/);
    assert.equal(await page.locator('.band .status-badge').count(), 0);

    await sendStack(page, stack([UNKNOWN_SPEC]));
    assert.match(await text(page, '.summary-text'), /model is missing or unknown/);
    assert.equal(await page.locator('.handoff-line').count(), 0);
    assert.equal(await page.locator('.band.who-unknown').count(), LAYERS.length);
    assert.match(await text(page, '.workload-name'), /^Document 1 \(no workload name\)$/);
    assert.equal(await page.locator('.models-table th.is-current').count(), 0);
  });

  it('draws the handoff line where the provider part begins', async () => {
    panel = await harness.open();
    const { page } = panel;
    const s = multiDocStack();
    await sendStack(page, s);
    const lineBetween = async (): Promise<{ after: number; ok: boolean; count: number }> =>
      page.evaluate(() => {
        const lines = Array.from(document.querySelectorAll('.stack .handoff-line'));
        const all = Array.from(document.querySelectorAll<HTMLElement>('.stack .band'));
        const line = lines[0]!.getBoundingClientRect();
        const after = all.findIndex((b) => b.getBoundingClientRect().bottom <= line.top + 0.5 && (all[all.indexOf(b) + 1]?.getBoundingClientRect().top ?? Infinity) >= line.bottom - 0.5);
        return { after, ok: after >= 0, count: lines.length };
      });
    for (const [position, workload] of s.workloads.entries()) {
      await page.selectOption('.workload-select', String(position));
      const got = await lineBetween();
      assert.equal(got.count, 1);
      assert.equal(got.after, workload.handoffAfter, `${workload.workload}: line after band ${workload.handoffAfter}`);
      assert.equal(
        await page.getAttribute('.handoff-line', 'aria-label'),
        "Handoff: the customer's part ends here; the provider's part begins below",
      );
    }
    assert.deepEqual(
      s.workloads.map((w) => w.handoffAfter),
      [4, 6, 2],
    );
    // Edge cases: everything the provider's (line on top) and nothing the provider's (line at the bottom).
    const allProvider = { ...s.workloads[0]!, handoffAfter: -1 };
    const noProvider = { ...s.workloads[0]!, handoffAfter: s.workloads[0]!.bands.length - 1 };
    await sendStack(page, { ...s, workloads: [allProvider] });
    const top = await page.evaluate(() => {
      const line = document.querySelector('.handoff-line')!.getBoundingClientRect();
      const first = document.querySelector('.stack .band')!.getBoundingClientRect();
      return { above: line.bottom <= first.top + 0.5, cls: document.querySelector('.handoff-line')!.className };
    });
    assert.deepEqual(top, { above: true, cls: 'handoff-line handoff-top' });
    await sendStack(page, { ...s, workloads: [noProvider] });
    const bottom = await page.evaluate(() => {
      const line = document.querySelector('.handoff-line')!.getBoundingClientRect();
      const all = document.querySelectorAll('.stack .band');
      return { below: line.top >= all[all.length - 1]!.getBoundingClientRect().bottom - 0.5, cls: document.querySelector('.handoff-line')!.className };
    });
    assert.deepEqual(bottom, { below: true, cls: 'handoff-line handoff-bottom' });
  });

  it('shows all models side by side from stack.models, highlights the file model and marks derived cells', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, multiDocStack());
    assert.deepEqual(await page.locator('.models-table thead .model-id').allTextContents(), MODELS.map((m) => m.id));
    assert.deepEqual(await page.locator('.models-table thead .model-name').allTextContents(), MODELS.map((m) => m.name));
    assert.deepEqual(await page.locator('.models-table tbody th').allTextContents(), LAYERS.map((l) => l.name));
    // paas highlighted: header and every cell of its column, nothing else.
    assert.equal(await page.getAttribute('.models-table th.is-current', 'data-model'), 'paas');
    assert.equal(await page.getAttribute('.models-table th.is-current', 'aria-current'), 'true');
    assert.equal(await text(page, '.models-table th.is-current .current-badge'), 'this workload');
    const current = await page.$$eval('.models-table td.is-current', (tds) => tds.map((td) => td.getAttribute('data-model')));
    assert.deepEqual(current, LAYERS.map(() => 'paas'));
    // Cells match the reference table.
    const paasCells = await page.$$eval('.models-table td[data-model="paas"]', (tds) => tds.map((td) => td.getAttribute('data-who')));
    assert.deepEqual(paasCells, MODELS[1]!.cells);
    assert.equal(await text(page, '.models-table td[data-model="iaas"] .chip-full'), 'Customer');
    // Derived cells say so: a marker with the explanation as tooltip, and visible notes.
    const derived = await page.$$eval('.models-table td.is-derived', (tds) =>
      tds.map((td) => ({
        model: td.getAttribute('data-model'),
        layer: td.closest('tr')?.getAttribute('data-layer-id'),
        title: td.querySelector('.derived-marker')?.getAttribute('title'),
        marker: td.querySelector('.derived-marker [aria-hidden]')?.textContent,
      })),
    );
    assert.deepEqual(derived, [
      { model: 'iaas', layer: 'endpoint-devices', title: ENDPOINT_DERIVED, marker: '1' },
      { model: 'paas', layer: 'endpoint-devices', title: ENDPOINT_DERIVED, marker: '1' },
      { model: 'saas', layer: 'datacenter-network', title: DATACENTER_DERIVED, marker: '2' },
    ]);
    assert.deepEqual(await page.locator('.notes .note-text').allTextContents(), [ENDPOINT_DERIVED, DATACENTER_DERIVED]);
    assert.equal(await page.locator('.notes').isVisible(), true);
    // The derived band in the stack says so too.
    assert.equal(await page.getAttribute('.band[data-layer-id="endpoint-devices"] .derived-marker', 'title'), ENDPOINT_DERIVED);
    assert.match((await page.getAttribute('.band[data-layer-id="endpoint-devices"] .band-body', 'aria-label')) ?? '', /derived, see note 1/);

    // Switching workload moves the highlight.
    await page.selectOption('.workload-select', '2');
    assert.equal(await page.getAttribute('.models-table th.is-current', 'data-model'), 'saas');

    // N models: a fourth custom model gets a fourth column.
    await sendStack(page, fourModelStack());
    assert.deepEqual(await page.locator('.models-table thead .model-id').allTextContents(), ['iaas', 'paas', 'saas', 'faas']);
    assert.equal(await page.getAttribute('.models-table th.is-current', 'data-model'), 'faas');
    assert.equal(await page.locator('.models-table tbody tr').first().locator('td').count(), 4);
  });

  it('lets the user pick the workload of a multi-document file and keeps it in the webview state', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, multiDocStack(), 'payments.srm.yaml');
    assert.deepEqual(await page.locator('.workload-select option').allTextContents(), [
      'payments-api — paas — 1 gap',
      'legacy-batch — iaas — 2 gaps',
      'm365-tenant — saas',
    ]);
    assert.equal(await text(page, '.workload-name'), 'payments-api');
    assert.deepEqual(await savedState(page), { uri: URI, selectedWorkload: 0 });

    await page.focus('.workload-select');
    await page.selectOption('.workload-select', '1');
    assert.equal(await text(page, '.workload-name'), 'legacy-batch');
    assert.equal(await text(page, '.model-tag'), 'iaas');
    assert.equal(await text(page, '.picker-count'), '2 of 3 in this file');
    assert.deepEqual(await savedState(page), { uri: URI, selectedWorkload: 1 });
    // Focus stays on the picker after the re-render.
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'workload-select');

    // An edit of the same file keeps the selection.
    await sendStack(page, multiDocStack(8));
    assert.equal(await text(page, '.workload-name'), 'legacy-batch');
    // Another file starts at its first workload.
    await sendStack(page, stack([SAAS_SPEC, PAAS_SPEC], { uri: 'file:///other.srm.yaml' }));
    assert.equal(await text(page, '.workload-name'), 'm365-tenant');
    assert.deepEqual(await savedState(page), { uri: 'file:///other.srm.yaml', selectedWorkload: 0 });
    // One workload: no picker.
    await sendStack(page, stack([PAAS_SPEC]));
    assert.equal(await page.locator('.workload-select').count(), 0);
  });

  it('restores the selected workload from getState when the panel comes back', async () => {
    panel = await harness.open({ state: { uri: URI, selectedWorkload: 2 } });
    const { page } = panel;
    await sendStack(page, multiDocStack());
    assert.equal(await text(page, '.workload-name'), 'm365-tenant');
    assert.equal(await page.inputValue('.workload-select'), '2');
  });

  it('posts reveal, assignOwner, exportSvg and copyMarkdown with the right payloads', async () => {
    panel = await harness.open();
    const { page } = panel;
    const s = multiDocStack(42);
    await sendStack(page, s, 'payments.srm.yaml');
    await page.selectOption('.workload-select', '1');

    let before = await postedCount(page);
    await page.click('.band[data-layer-id="applications"] .band-name');
    assert.deepEqual(await waitForPosted(page, 'reveal', before), { type: 'reveal', uri: URI, workloadIndex: 1, layerId: 'applications' });

    before = await postedCount(page);
    await page.click('.band[data-layer-id="runtime-middleware"] button.assign-owner');
    assert.deepEqual(await waitForPosted(page, 'assignOwner', before), {
      type: 'assignOwner',
      uri: URI,
      version: 42,
      workloadIndex: 1,
      layerId: 'runtime-middleware',
    });
    // Clicking the button does not also reveal, and a second click before the new stack sends nothing.
    assert.equal(await page.getAttribute('.band[data-layer-id="runtime-middleware"] button.assign-owner', 'aria-disabled'), 'true');
    await page.locator('.band[data-layer-id="runtime-middleware"] button.assign-owner').dispatchEvent('click');
    const after = (await page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted)).slice(before);
    assert.deepEqual(
      after.map((m) => m.type),
      ['assignOwner'],
    );
    assert.equal(await text(page, '.band[data-layer-id="runtime-middleware"] button.assign-owner'), 'Assigning…');

    before = await postedCount(page);
    await page.click('button[data-action="export-svg"]');
    const svg = await waitForPosted(page, 'exportSvg', before);
    assert.equal(svg.suggestedName, 'legacy-batch-layer-stack.svg');
    assert.match(svg.svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        bands: Array.from(doc.querySelectorAll('g.band')).map((g) => g.getAttribute('data-layer-id')),
        handoff: doc.querySelectorAll('g.handoff-line').length,
        text: doc.documentElement.textContent,
      };
    }, svg.svg);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, 'svg');
    assert.deepEqual(parsed.bands, LAYERS.map((l) => l.id));
    assert.equal(parsed.handoff, 1);
    assert.match(parsed.text ?? '', /Layer stack of legacy-batch/);
    assert.match(parsed.text ?? '', /5 of 7 layers that need a customer owner have one/);

    before = await postedCount(page);
    await page.click('button[data-action="copy-markdown"]');
    const md = await waitForPosted(page, 'copyMarkdown', before);
    const lines = md.markdown.trimEnd().split('\n');
    assert.match(lines[0]!, /^\*\*legacy-batch\*\* · model `iaas` \(IaaS — Infrastructure as a Service\) · matrix reference@1 \(default\) · file payments\.srm\.yaml · 5 of 7 layers/);
    assert.equal(lines[1], '');
    assert.equal(lines[2], '| Layer | Responsibility | Owner | Handoff | Status |');
    assert.equal(lines[3], '| --- | --- | --- | --- | --- |');
    assert.equal(lines.length, 4 + LAYERS.length);
    assert.equal(lines[4], '| Data & Classification | Customer | data-governance |  | Assigned |');
    assert.equal(lines[5], '| Endpoint Devices | Customer (derived) | workplace-it |  | Assigned |');
    assert.match(lines[8]!, /^\| Runtime & Middleware \| Customer \| — none — \| {2}\| Gap: Runtime & Middleware \(runtime-middleware\) has no owner\./);
    assert.match(lines[10]!, /^\| Network Config \| Shared \| netops \| not stated \| Needs attention: Network Config is shared under IaaS, but its entry has no handoff:\./);
  });

  it('renders hostile strings as literal text, runs none of them, and escapes them in SVG and Markdown', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, hostileStack(), HOSTILE_FILE);
    const got = new Map((await bands(page)).map((b) => [b.id, b]));
    assert.equal(await text(page, '.workload-name'), HOSTILE_IMG);
    assert.equal(await text(page, '.file-name'), HOSTILE_FILE);
    assert.equal(got.get('data-classification')?.owner, HOSTILE_SCRIPT);
    assert.equal(got.get('endpoint-devices')?.owner, HOSTILE_PIPE);
    assert.equal(got.get('identity-access')?.reason, `${HOSTILE_IMG} is missing ${HOSTILE_SCRIPT}`);
    assert.equal((await page.locator('.workload-select option').allTextContents())[1], '</select><img src=x onerror=alert(2)> — iaas — 2 gaps');
    // Nothing from the data became an element, and nothing ran.
    const dom = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img, iframe, svg, object, embed').length,
      scripts: document.querySelectorAll('script').length,
      // (VS Code itself puts the theme variables in a style attribute on <html>; the page's own elements have none.)
      onAttrs: [document.body, ...Array.from(document.body.querySelectorAll('*'))].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on') || n === 'style')),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    }));
    assert.deepEqual(dom, { imgs: 0, scripts: 1, onAttrs: [], pwned: null });
    // Hovering a tooltip that carries hostile text is harmless too.
    await page.hover('.band[data-layer-id="data-classification"] .band-name');

    let before = await postedCount(page);
    await page.click('button[data-action="export-svg"]');
    const svg = await waitForPosted(page, 'exportSvg', before);
    assert.match(svg.suggestedName, /^[A-Za-z0-9._-]+$/);
    assert.equal(svg.suggestedName, 'img-src-x-onerror-alert-1-layer-stack.svg');
    assert.ok(!svg.svg.includes('<img'), 'raw <img in SVG');
    assert.ok(!svg.svg.includes('<script'), 'raw <script in SVG');
    assert.ok(!svg.svg.includes('\u0001'), 'control character in SVG');
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        dangerous: doc.querySelectorAll('script, img, iframe, foreignObject, a, use, image').length,
        onAttrs: Array.from(doc.querySelectorAll('*')).flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))),
        texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
        title: doc.querySelector('title')?.textContent ?? null,
      };
    }, svg.svg);
    assert.equal(parsed.error, null);
    assert.equal(parsed.dangerous, 0);
    assert.deepEqual(parsed.onAttrs, []);
    assert.equal(parsed.title, `Layer stack of ${HOSTILE_IMG}`);
    const allText = parsed.texts.join('\n');
    assert.ok(allText.includes(`Owner: ${HOSTILE_SCRIPT}`), 'hostile owner shown literally in SVG');
    assert.ok(allText.includes('<i>markup</i> ]]> <!--'), 'markup in handoff shown literally in SVG');
    // Rendering the exported SVG as an image in the page runs nothing either.
    await page.evaluate(async (xml) => {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
      await img.decode();
    }, svg.svg);

    before = await postedCount(page);
    await page.click('button[data-action="copy-markdown"]');
    const md = (await waitForPosted(page, 'copyMarkdown', before)).markdown;
    const rows = md.trimEnd().split('\n').slice(2);
    assert.equal(rows.length, 2 + LAYERS.length);
    for (const row of rows) {
      // Every row has exactly five cells: six unescaped pipes.
      assert.equal(row.match(/(?<!\\)\|/g)?.length, 6, row);
    }
    assert.ok(!/<(?!br>)/.test(md.split('\n').slice(2).join('\n')), 'raw < other than <br> in the table');
    assert.ok(md.startsWith('**&lt;img src=x onerror=alert(1)&gt;**'), md.split('\n')[0]);
    assert.ok(md.includes('| Endpoint Devices | Customer (derived) | ops \\| sec<br>night shift & "on call" &lt;b&gt;bold&lt;/b&gt; \\`code\\` \\*star\\* |'));
    assert.ok(md.includes('| &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; |'));
    assert.ok(md.includes('line one<br>line two \\| with pipe & &lt;i&gt;markup&lt;/i&gt; \\]\\]&gt; &lt;!--'));

    // After all that: no alert, no dialog, no CSP report (checked in afterEach).
    assert.equal(await page.evaluate(() => (window as unknown as { __alerted: boolean }).__alerted), false);
  });

  it('lists the claimed infrastructure, hostile labels as text, and asks the extension to open one by position', async () => {
    panel = await harness.open();
    const { page } = panel;
    const s = multiDocStack(9);
    const resources: StackResource[] = [
      { address: HOSTILE_IMG, file: HOSTILE_SCRIPT, line: 12, status: 'resolved', target: 'file:///infra/main.tf#L12' },
      { address: 'aws_lambda_function.orders', file: 'main.tf', line: 5, status: 'resolved', target: 'file:///infra/main.tf#L5' },
      { address: '"><iframe srcdoc="<script>parent.__pwned=1</script>">', file: 'infra/nowhere.tf', line: 0, status: 'missing' },
      // Malformed: the page leaves it out rather than drawing it.
      { address: 'bad', file: 'x.tf', line: 'one', status: 'resolved' } as unknown as StackResource,
    ];
    await sendStack(page, { ...s, workloads: [{ ...s.workloads[0]!, resources }, ...s.workloads.slice(1)] });
    assert.equal(await text(page, '#resources-heading'), 'Infrastructure (3)');
    const items = await page.$$eval('.resources .resource', (els) =>
      els.map((el) => [el.querySelector('.resource-address')?.textContent, el.querySelector('.resource-where')?.textContent, el.getAttribute('data-status'), el.querySelector('button') !== null]),
    );
    assert.deepEqual(items, [
      [HOSTILE_IMG, `${HOSTILE_SCRIPT}:12`, 'resolved', true],
      ['aws_lambda_function.orders', 'main.tf:5', 'resolved', true],
      ['"><iframe srcdoc="<script>parent.__pwned=1</script>">', 'not found in infra/nowhere.tf', 'missing', false],
    ]);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, iframe, script:not([nonce])').length), 0);

    let before = await postedCount(page);
    await page.click('.resource[data-address="aws_lambda_function.orders"] button');
    assert.deepEqual(await waitForPosted(page, 'openResource', before), { type: 'openResource', uri: URI, workloadIndex: 0, resource: 1 });
    before = await postedCount(page);
    await page.focus('.resources .resource button');
    await page.keyboard.press('Enter');
    assert.deepEqual(await waitForPosted(page, 'openResource', before), { type: 'openResource', uri: URI, workloadIndex: 0, resource: 0 });

    // A workload without iac: entries shows no Infrastructure section.
    await page.selectOption('.workload-select', '1');
    assert.equal(await page.locator('.resources-section').count(), 0);
  });

  it('lets Assign owner be pressed again when no new stack follows', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, multiDocStack());
    const button = '.band[data-layer-id="identity-access"] button.assign-owner';
    const before = await postedCount(page);
    await page.click(button);
    await waitForPosted(page, 'assignOwner', before);
    assert.equal(await page.getAttribute(button, 'aria-disabled'), 'true');
    // The extension refused (stale version) and sent nothing: the button comes back by itself.
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-disabled') === null, button, { timeout: 10_000 });
    assert.equal(await text(page, button), 'Assign owner');
    const again = await postedCount(page);
    await page.click(button);
    assert.equal((await waitForPosted(page, 'assignOwner', again)).layerId, 'identity-access');
  });

  it('ignores malformed messages', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, multiDocStack());
    await page.evaluate(() => {
      window.postMessage({ type: 'stack', stack: { uri: 1, workloads: 'x' } }, '*');
      window.postMessage('<img src=x onerror=alert(1)>', '*');
      window.postMessage({ type: 'other' }, '*');
    });
    await sendStack(page, multiDocStack());
    assert.equal(await page.locator('.stack .band').count(), LAYERS.length);
  });

  it('is keyboard navigable: arrows move between bands, Enter reveals, Tab reaches Assign owner', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, multiDocStack());
    // One band in the Tab order at a time.
    assert.equal(await page.locator('.band-body[tabindex="0"]').count(), 1);
    assert.equal(await page.locator('.band-body[role="button"]').count(), LAYERS.length);
    await tabUntil(page, '.band-body');
    assert.equal(await focusedLayer(page), 'data-classification');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedLayer(page), 'endpoint-devices');
    await page.keyboard.press('End');
    assert.equal(await focusedLayer(page), 'physical-security');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedLayer(page), 'physical-security');
    await page.keyboard.press('Home');
    assert.equal(await focusedLayer(page), 'data-classification');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedLayer(page), 'identity-access');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute('.band-body[data-layer-id="identity-access"]', 'tabindex'), '0');
    // The focus ring is drawn on the band.
    const outline = await page.$eval('.band[data-layer-id="identity-access"]', (el) => getComputedStyle(el).outlineStyle);
    assert.equal(outline, 'solid');

    let before = await postedCount(page);
    await page.keyboard.press('Enter');
    assert.deepEqual(await waitForPosted(page, 'reveal', before), { type: 'reveal', uri: URI, workloadIndex: 0, layerId: 'identity-access' });
    before = await postedCount(page);
    await page.keyboard.press(' ');
    assert.deepEqual(await waitForPosted(page, 'reveal', before), { type: 'reveal', uri: URI, workloadIndex: 0, layerId: 'identity-access' });

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label')), 'Assign owner for Identity & Access');
    before = await postedCount(page);
    await page.keyboard.press('Enter');
    assert.deepEqual(await waitForPosted(page, 'assignOwner', before), {
      type: 'assignOwner',
      uri: URI,
      version: 7,
      workloadIndex: 0,
      layerId: 'identity-access',
    });
    // Shift+Tab returns to the band; a new stack (the fix applied, its placeholder owner still a gap) keeps focus on that band.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedLayer(page), 'identity-access');
    const fixed = stack([{ ...PAAS_SPEC, layers: { ...PAAS_SPEC.layers, 'identity-access': { owner: 'TODO' } } }], { version: 8 });
    await sendStack(page, fixed);
    assert.equal(await focusedLayer(page), 'identity-access');
    assert.equal(await page.getAttribute('.band[data-layer-id="identity-access"]', 'data-status'), 'gap');

    // The toolbar buttons are reachable by Tab as well.
    await page.focus('.band-body[data-layer-id="identity-access"]');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? null), 'copy-markdown');
  });

  it('has roles and labels for assistive technology', async () => {
    panel = await harness.open();
    const { page } = panel;
    await sendStack(page, multiDocStack());
    assert.equal(await page.getAttribute('.stack', 'aria-label'), 'Layer stack of payments-api, top of the stack first');
    assert.equal(await page.getAttribute('.stack', 'aria-describedby'), 'stack-summary');
    assert.equal(
      await page.getAttribute('.band-body[data-layer-id="identity-access"]', 'aria-label'),
      'Identity & Access: customer; no owner; Gap: Identity & Access (identity-access) has no owner. Under PaaS the customer is responsible for it: add an entry under layers: naming who owns it. Press Enter to show it in the editor.',
    );
    assert.equal(await page.getAttribute('.handoff-line', 'role'), 'separator');
    assert.equal(await page.getAttribute('.legend', 'aria-label'), 'Legend');
    assert.equal(await page.getAttribute('.toolbar', 'role'), 'toolbar');
    assert.equal(await page.locator('label[for="workload-select"]').textContent(), 'Workload');
    assert.equal(await page.locator('.models-table caption').textContent(), "Who is responsible for each layer under each service model. This workload's model, paas, is highlighted.");
    assert.equal(await page.locator('.models-table th[scope="row"]').count(), LAYERS.length);
  });

  for (const width of [300, 1400]) {
    it(`fits ${width}px wide without horizontal overflow`, async () => {
      panel = await harness.open({ width, height: 900 });
      const { page } = panel;
      await sendStack(page, hostileStack(), 'a-rather-long-file-name-for-a-declaration.srm.yaml');
      await sendStack(page, multiDocStack(), 'a-rather-long-file-name-for-a-declaration.srm.yaml');
      const layout = await page.evaluate(() => {
        const doc = document.documentElement;
        const stackEl = document.querySelector('.stack')!.getBoundingClientRect();
        const table = document.querySelector('.side-by-side')!.getBoundingClientRect();
        const overflowing = Array.from(document.querySelectorAll<HTMLElement>('.stack *')).filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1).length;
        return {
          scrollWidth: doc.scrollWidth,
          clientWidth: doc.clientWidth,
          stackRight: stackEl.right,
          tableLeft: table.left,
          tableTop: table.top,
          stackBottom: stackEl.bottom,
          overflowing,
          scrollerWidth: document.querySelector('.table-scroll')!.clientWidth,
        };
      });
      assert.ok(layout.scrollWidth <= layout.clientWidth + 1, `document overflows: ${layout.scrollWidth} > ${layout.clientWidth}`);
      assert.equal(layout.overflowing, 0);
      assert.ok(layout.stackRight <= layout.clientWidth + 1);
      if (width >= 960) {
        assert.ok(layout.tableLeft >= layout.stackRight, 'side by side beside the stack when wide');
      } else {
        assert.ok(layout.tableTop >= layout.stackBottom, 'side by side below the stack when narrow');
        assert.ok(layout.scrollerWidth <= layout.clientWidth, 'table scrolls inside its own box');
      }
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `layer-stack-${width}px.png`), fullPage: true });
    });
  }

  for (const theme of ['light', 'dark', 'high-contrast'] as ThemeKind[]) {
    it(`looks right in the ${theme} theme (screenshot)`, async () => {
      panel = await harness.open({ theme, width: 1200, height: 900 });
      const { page } = panel;
      await sendStack(page, multiDocStack(), 'payments.srm.yaml');
      assert.equal(await page.evaluate(() => document.body.classList.contains(document.body.dataset.vscodeThemeKind ?? '-')), true);
      const fg = await page.$eval('body', (el) => getComputedStyle(el).color);
      assert.deepEqual(rgb(fg), rgb(themeVar(theme, 'foreground')));
      if (theme === 'high-contrast') {
        const border = await page.$eval('.band.who-customer:not(.is-problem)', (el) => getComputedStyle(el).borderTopColor);
        assert.deepEqual(rgb(border), rgb(themeVar(theme, 'contrastBorder')));
        const bg = await page.$eval('.band.who-customer:not(.is-problem)', (el) => getComputedStyle(el).backgroundColor);
        assert.equal(bg, 'rgba(0, 0, 0, 0)');
      }
      // Focus a band so the focus ring is in the picture.
      await page.focus('.band-body[data-layer-id="applications"]');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `layer-stack-${theme}.png`), fullPage: true });
      await page.selectOption('.workload-select', '1');
      await page.screenshot({ path: path.join(ARTIFACTS, `layer-stack-${theme}-iaas.png`), fullPage: true });
    });
  }

  it('screenshots the empty state and the hostile file', async () => {
    panel = await harness.open({ theme: 'dark', width: 700, height: 500 });
    const { page } = panel;
    await sendStack(page, null);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'layer-stack-empty.png') });
    await sendStack(page, hostileStack(), HOSTILE_FILE);
    await page.screenshot({ path: path.join(ARTIFACTS, 'layer-stack-hostile.png'), fullPage: true });
    const svg = await page.evaluate(() => {
      (document.querySelector('button[data-action="export-svg"]') as HTMLButtonElement).click();
      const posted = (window as unknown as { __posted: { type: string; svg?: string }[] }).__posted;
      return posted.filter((m) => m.type === 'exportSvg').pop()?.svg ?? '';
    });
    // Render the exported SVG on its own page for a look.
    const svgPage = await panel.context.newPage();
    await svgPage.setContent(`<!DOCTYPE html><body style="margin:0"><img alt="" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
    await svgPage.waitForFunction(() => document.querySelector('img')?.complete === true);
    await svgPage.screenshot({ path: path.join(ARTIFACTS, 'layer-stack-export.png'), fullPage: true });
  });
});
