/**
 * The HTML report (`srm report --format html`) in headless Chromium, with an
 * attack string in every field: nothing runs, nothing loads, every string
 * shows as typed, and the CSP that guards it is the first thing in <head> and
 * really is enforced (a tampered copy proves the listener and the policy
 * work). Screenshots in light, dark and print land in .artifacts/report/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatHtml } from '../../server/src/core/report/html';
import { HAND_BUILT, PAYLOADS, hostile } from '../fixtures/report/hand-built';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../shared/chromium';
import { waitFor } from '../shared/wait';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const ARTIFACTS = path.join(ROOT, '.artifacts', 'report');
const ORIGIN = 'http://report.test';

interface Watched {
  readonly page: Page;
  /** Every request the page made beyond the document itself. */
  readonly requests: string[];
}

describe('HTML report in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  /** Opens `html` as a page of its own origin, with a CSP-violation recorder and traps for dialogs installed first. */
  async function open(html: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== `${ORIGIN}/report.html`) requests.push(r.url());
    });
    page.on('dialog', (d) => {
      requests.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => (w.__csp as string[]).push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.route(`${ORIGIN}/**`, (route) =>
      route.request().url() === `${ORIGIN}/report.html` ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.fulfill({ status: 404, body: '' }),
    );
    await page.goto(`${ORIGIN}/report.html`, { waitUntil: 'load' });
    return { page, requests };
  }

  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

  for (const by of ['workload', 'owner'] as const) {
    it(`--by ${by}: a hostile string in every field runs nothing, loads nothing and shows as typed`, async () => {
      for (const payload of PAYLOADS) {
        const what = JSON.stringify(payload);
        const { page, requests } = await open(formatHtml(hostile(() => payload), { by }));
        assert.equal(await pwned(page), undefined, `${what} ran`);
        assert.deepEqual(await violations(page), [], `${what}: nothing even tried to run or load`);
        assert.deepEqual(requests, [], `${what}: the page is self-contained`);
        const dom = await page.evaluate(() => ({
          active: document.querySelectorAll('script, img, svg, iframe, object, embed, link, base, form').length,
          handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
            Array.from(el.attributes)
              .filter((a) => /^on/i.test(a.name) || a.name === 'style')
              .map((a) => `${el.tagName} ${a.name}`),
          ),
          links: Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? ''),
          text: document.body.textContent ?? '',
        }));
        assert.equal(dom.active, 0, what);
        assert.deepEqual(dom.handlers, [], what);
        for (const href of dom.links) assert.match(href, /^https:\/\//, `${what}: only plain https links`);
        // HTML reads \r\n and \r as \n; everything else must be there as typed.
        assert.ok(dom.text.includes(payload.replace(/\r\n?/g, '\n')), `${what} not shown literally`);
        await page.context().close();
      }
    });
  }

  it('puts the CSP first in <head>, and the policy is enforced: a tampered copy is blocked and reported', async () => {
    const html = formatHtml(HAND_BUILT);
    const { page } = await open(html);
    const head = await page.evaluate(() => {
      const first = document.head.firstElementChild!;
      const nodes = Array.from(document.head.childNodes);
      const before = nodes.slice(0, nodes.indexOf(first));
      return { tag: first.outerHTML, onlyWhiteSpaceBefore: before.every((n) => n.nodeType === Node.TEXT_NODE && !n.textContent!.trim()) };
    });
    assert.match(head.tag, /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+={0,2}'; base-uri 'none'; form-action 'none'">$/);
    assert.ok(head.onlyWhiteSpaceBefore);
    // The stylesheet is allowed by its hash: the gap cells are styled.
    const gapBackground = () => page.evaluate(() => getComputedStyle(document.querySelector('td.state-gap')!).backgroundColor);
    assert.equal(await gapBackground(), 'rgb(255, 235, 233)');
    assert.deepEqual(await violations(page), []);

    // The same page with a raw payload slipped in and its stylesheet changed by one character:
    // the listener hears the policy block both, and the payload still does not run.
    const tampered = html.replace('<main>', '<main><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>').replace('--gap: #ffebe9', '--gap: #ffebe8');
    const bad = await open(tampered);
    const seen = await waitFor('CSP violations on the tampered page', async () => {
      const v = await violations(bad.page);
      return v.some((x) => x.startsWith('script-src')) && v.some((x) => x.startsWith('style-src')) && v.some((x) => x.startsWith('img-src')) ? v : undefined;
    });
    assert.ok(seen.length >= 3, seen.join('\n'));
    assert.equal(await pwned(bad.page), undefined);
    assert.equal(await bad.page.evaluate(() => getComputedStyle(document.querySelector('td.state-gap')!).backgroundColor), 'rgba(0, 0, 0, 0)', 'the changed stylesheet does not apply');
  });

  it('isolates right-to-left text, so an override cannot reorder the cells around it', async () => {
    const { page } = await open(formatHtml(hostile((i) => PAYLOADS[i % PAYLOADS.length]!)));
    const isolated = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const out: boolean[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/[\u202E\u0600-\u06FF]/.test(n.textContent ?? '')) out.push(n.parentElement?.closest('bdi') !== null);
      return out;
    });
    assert.ok(isolated.length > 0);
    assert.ok(isolated.every(Boolean), 'every right-to-left run sits in a <bdi>');
  });

  it('reads in light and dark, and prints', async () => {
    const html = formatHtml(HAND_BUILT);
    const colours: Record<string, { body: string; gap: string }> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(html, scheme);
      colours[scheme] = await page.evaluate(() => ({ body: getComputedStyle(document.body).backgroundColor, gap: getComputedStyle(document.querySelector('td.state-gap')!).color }));
      await page.screenshot({ path: path.join(ARTIFACTS, `report-${scheme}.png`), fullPage: true });
    }
    assert.deepEqual(colours.light, { body: 'rgb(255, 255, 255)', gap: 'rgb(164, 14, 38)' });
    assert.deepEqual(colours.dark, { body: 'rgb(13, 17, 23)', gap: 'rgb(255, 161, 152)' });
    const { page } = await open(html);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({ wrap: getComputedStyle(document.querySelector('.wrap')!).overflowX, head: getComputedStyle(document.querySelector('thead')!).display }));
    assert.deepEqual(print, { wrap: 'visible', head: 'table-header-group' });
    const pdf = await page.pdf({ landscape: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'report.pdf'), pdf);
    assert.ok(pdf.subarray(0, 5).equals(Buffer.from('%PDF-')));
  });
});
