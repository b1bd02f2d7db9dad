/**
 * The report page's long tables, in headless Chromium: the rows come in row
 * groups that skip their layout off screen (row-chunks.ts, report.css), and
 * the page must still read and work as one table: every row in the DOM in the
 * report's order, a table to a screen reader (Chromium's own accessibility
 * tree), scrolling shows the rows that belong there, Tab walks every row, and
 * after any patches the groups are those of a fresh page.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import type { ResponsibilityReport } from '../../protocol/report';
import { applyReportPatch, assembleReport, filePatchOf, reportPiecesOf, workspaceDirectoryOf, type ReportPatch, type ReportPieces } from '../../server/src/core/report';
import { waitFor } from '../shared/wait';
import { Harness, REPORT_PAGE, send, useHarness } from './harness';

const OPTIONS = { toolVersion: '0.0.0-test' };
const MODELS = ['iaas', 'paas', 'saas'] as const;
const CUSTOMER_LAYERS = ['data-classification', 'identity-access', 'applications', 'operating-system'];

/** One workload a file, owners from a pool of teams, now and then a gap or an edit (another owner). */
function declaration(i: number, edit = 0): string {
  const layers = CUSTOMER_LAYERS.filter((_, k) => k !== i % 5).map((id, k) => `  ${id}:\n    owner: team-${(i + k + edit) % 9}\n`);
  return `workload: wl-${i}\nmodel: ${MODELS[i % 3]!}\nlayers:\n${layers.join('')}`;
}

function fileName(i: number): string {
  return `w/${String(i).padStart(5, '0')}.srm.yaml`;
}

function piecesOf(i: number, edit = 0): ReportPieces {
  return reportPiecesOf({ file: fileName(i), text: declaration(i, edit) });
}

function reportOf(count: number): ResponsibilityReport {
  return assembleReport(Array.from({ length: count }, (_, i) => piecesOf(i)), OPTIONS);
}

/** The files of the rows on the page, in document order. */
async function rowFiles(page: Page): Promise<string[]> {
  return page.$$eval('#app tr[data-file]', (rows) => rows.map((r) => r.getAttribute('data-file') ?? ''));
}

/** The files of the rows Chromium has laid out inside the viewport, top to bottom. */
async function rowsInView(page: Page): Promise<string[]> {
  return page.$$eval('#app tr[data-file]', (rows) =>
    rows
      .filter((r) => {
        const box = r.getBoundingClientRect();
        return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight && r.checkVisibility({ contentVisibilityAuto: true });
      })
      .map((r) => r.getAttribute('data-file') ?? ''),
  );
}

/** What is drawn at a few heights of the viewport: the row's file, or what else is there. */
async function filesUnder(page: Page, x: number): Promise<string[]> {
  return page.evaluate((x) => {
    const out: string[] = [];
    for (let y = 80; y < window.innerHeight - 10; y += 97) {
      const hit = document.elementFromPoint(x, y);
      const row = hit?.closest('tr');
      out.push(row ? (row.getAttribute('data-file') ?? 'the head or totals row') : `nothing (${hit?.tagName ?? 'none'})`);
    }
    return out;
  }, x);
}

function contiguousIn(expected: readonly string[], seen: readonly string[]): boolean {
  const start = expected.indexOf(seen[0] ?? '');
  return start >= 0 && seen.every((file, k) => expected[start + k] === file);
}

describe('report webview page: long tables in row groups (Chromium)', function () {
  this.timeout(300_000);
  const harness = new Harness(REPORT_PAGE);
  useHarness(harness);

  it('draws every row in the DOM in the report\'s order, in several row groups of one table with its roles', async () => {
    const { page } = await harness.open();
    const report = reportOf(2000);
    await send(page, { type: 'report', report });
    const files = report.groups.flatMap((g) => g.workloads.map((w) => w.file));
    assert.deepEqual(await rowFiles(page), files);
    const groups = await page.$$eval('#app .report-table > tbody', (bodies) => bodies.map((b) => ({ role: b.getAttribute('role'), rows: b.children.length })));
    assert.ok(groups.length >= 10, `${groups.length} row groups for 2000 rows`);
    assert.ok(groups.every((g) => g.role === 'rowgroup' && g.rows > 0));
    assert.ok(Math.max(...groups.map((g) => g.rows)) < 1000, 'no group holds half the table');
    const layers = report.groups[0]!.layers.length;
    const shape = await page.$$eval('#app .report-table tr', (rows) => [...new Set(rows.map((r) => `${r.getAttribute('role')}: ${Array.from(r.children, (c) => c.getAttribute('role')).join(' ')}`))]);
    const cells = Array<string>(layers + 2).fill('cell').join(' ');
    assert.deepEqual(shape.sort(), [`row: ${Array<string>(layers + 3).fill('columnheader').join(' ')}`, `row: rowheader ${cells}`].sort());
  });

  it('is one table to a screen reader: its row count and each row\'s place are said, and the rows in view are in Chromium\'s accessibility tree', async () => {
    const { page } = await harness.open({ width: 1400, height: 700 });
    const report = reportOf(400);
    await send(page, { type: 'report', report });
    // Header, 400 workloads, totals: each row says which it is, in order.
    assert.equal(await page.getAttribute('#app .report-table', 'aria-rowcount'), '402');
    assert.deepEqual(await page.$$eval('#app .report-table tr', (rows) => rows.map((r) => r.getAttribute('aria-rowindex'))), Array.from({ length: 402 }, (_, i) => String(i + 1)));
    const cdp = await page.context().newCDPSession(page);
    const buttons = async (): Promise<Set<string>> => {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      assert.equal(nodes.filter((n) => !n.ignored && n.role?.value === 'table').length, 1, 'one table');
      return new Set(nodes.filter((n) => !n.ignored && n.role?.value === 'button').map((n) => String(n.name?.value ?? '')));
    };
    assert.ok((await buttons()).has('wl-0'));
    // Scrolled to a row far down, a screen reader finds it there.
    await page.locator('#app tr[data-workload="wl-350"]').evaluate((row) => row.scrollIntoView({ block: 'center' }));
    await send(page, { type: 'saved', format: 'csv' });
    assert.ok((await buttons()).has('wl-350'));
  });

  it('shows the rows that belong where the page is scrolled: the top, the middle, the end with the totals', async () => {
    const { page } = await harness.open({ width: 1400, height: 700 });
    const report = reportOf(2000);
    await send(page, { type: 'report', report });
    const files = report.groups.flatMap((g) => g.workloads.map((w) => w.file));
    const x = await page.locator('#app thead th').first().evaluate((th) => th.getBoundingClientRect().left + 20);
    const top = await rowsInView(page);
    assert.equal(top[0], files[0]);
    assert.ok(top.length > 5 && contiguousIn(files, top), `rows at the top: ${top.join(', ')}`);
    for (const fraction of [0.5, 0.83]) {
      await page.evaluate((f) => window.scrollTo(0, f * (document.documentElement.scrollHeight - window.innerHeight)), fraction);
      await send(page, { type: 'saved', format: 'csv' });
      const seen = await rowsInView(page);
      assert.ok(seen.length > 5 && contiguousIn(files, seen), `rows at ${fraction} of the page: ${seen.join(', ')}`);
      assert.deepEqual(
        (await filesUnder(page, x)).filter((f) => !seen.includes(f) && f !== 'the head or totals row'),
        [],
        'every height of the viewport shows one of those rows',
      );
    }
    // Groups drawn for the first time on the way down replace their estimated height with the real one, so
    // the end can move once more after the first End; a person presses End again, and so does this test.
    await waitFor(
      'End to bring the totals row into view',
      async () => {
        await page.keyboard.press('End');
        await page.waitForFunction(() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1);
        await send(page, { type: 'saved', format: 'csv' });
        return page.locator('#app tfoot tr').evaluate((tr) => tr.getBoundingClientRect().bottom <= window.innerHeight);
      },
      { timeoutMs: 10_000 },
    );
    const end = await rowsInView(page);
    assert.equal(end[end.length - 1], files[files.length - 1]);
  });

  it('Tab walks the workload links row after row across the groups, each one scrolled into view', async () => {
    const { page } = await harness.open({ width: 1400, height: 700 });
    const report = reportOf(600);
    await send(page, { type: 'report', report });
    const files = report.groups.flatMap((g) => g.workloads.map((w) => w.file));
    const groupOf = await page.$$eval('#app tr[data-file]', (rows) => rows.map((r) => Array.from(r.parentElement!.parentElement!.children).indexOf(r.parentElement!)));
    // Enough rows to cross at least two group boundaries.
    const steps = groupOf.findIndex((g) => g === groupOf[0]! + 2) + 3;
    assert.ok(steps > 3 && steps < files.length, `${steps} rows to walk`);
    await page.locator('#app tr[data-file] .workload-open').first().focus();
    for (let k = 1; k < steps; k++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el?.getBoundingClientRect();
        return { file: el?.closest('tr')?.getAttribute('data-file'), inView: !!box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight };
      });
      assert.deepEqual(focused, { file: files[k], inView: true }, `after ${k} presses of Tab`);
    }
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-file')), files[steps - 2]);
  });

  it('after any patches (files added, gone, edited) the row groups and rows equal a fresh page\'s, and untouched rows stay the same nodes', async () => {
    const fresh = await harness.open();
    const live = await harness.open();
    const COUNT = 500;
    const stepArb = fc.uniqueArray(fc.record({ i: fc.nat({ max: COUNT + 100 }), edit: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }) }), { minLength: 1, maxLength: 12, selector: (f) => f.i });
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 3 }), async (steps) => {
        const files = new Map(Array.from({ length: COUNT }, (_, i) => [fileName(i), piecesOf(i)] as const));
        let report = assembleReport([...files.values()], OPTIONS);
        await live.page.reload();
        await live.page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
        await send(live.page, { type: 'report', report });
        for (const step of steps) {
          // An edit of a file there is an edit, of one not there an addition; no edit is a removal.
          for (const { i, edit } of step) {
            if (edit === undefined) files.delete(fileName(i));
            else files.set(fileName(i), piecesOf(i, edit));
          }
          const directory = workspaceDirectoryOf(files.values());
          const patch: ReportPatch = { files: step.map(({ i }) => filePatchOf(fileName(i), files.get(fileName(i)), directory)) };
          await live.page.evaluate(() => {
            (window as unknown as { __marked: WeakSet<Element> }).__marked = new WeakSet(Array.from(document.querySelectorAll('#app tr')));
          });
          await send(live.page, { type: 'patch', patch });
          report = applyReportPatch(report, patch);
          await fresh.page.reload();
          await fresh.page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
          await send(fresh.page, { type: 'report', report });
          const html = (page: Page): Promise<string> => page.locator('#app').evaluate((el) => el.outerHTML);
          assert.equal(await html(live.page), await html(fresh.page), `after ${JSON.stringify(step)}`);
          const patched = new Set(step.map(({ i }) => fileName(i)));
          const kept = await live.page.$$eval('#app tr[data-file]', (rows) => rows.map((r) => (window as unknown as { __marked: WeakSet<Element> }).__marked.has(r)));
          assert.deepEqual(kept, report.groups.flatMap((g) => g.workloads.map((w) => !patched.has(w.file))), `rows kept after ${JSON.stringify(step)}`);
        }
      }),
      { numRuns: 8 },
    );
  });
});
