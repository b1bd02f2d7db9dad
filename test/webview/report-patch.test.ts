/**
 * The report page's partial redraw, in headless Chromium: after any run of
 * patches (edits, new files, files gone, broken files, in either view, with
 * view switches between them) the page shows exactly what a fresh page shows
 * for the patched report, and every row or duty of a file the patch did not
 * touch is the very DOM node it was before: only the patched files' rows are
 * drawn again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import type { ResponsibilityReport } from '../../protocol/report';
import { buildEnvironment, ServiceCatalogue } from '../../server/src/core';
import { matrixKey } from '../../server/src/core/report/cells';
import { applyReportPatch, assembleReport, filePatchOf, reportPiecesOf, workspaceDirectoryOf, type ReportPatch, type ReportPieces } from '../../server/src/core/report';
import { declarationText, IAAS_SPEC, ORG_MATRIX, PAAS_SPEC, SAAS_SPEC, type WorkloadSpec } from './fixtures';
import { Harness, REPORT_PAGE, ROOT, send, useHarness, type Panel } from './harness';

const OPTIONS = { toolVersion: '0.0.0-test' };
const { environment } = buildEnvironment(undefined, [ORG_MATRIX], new ServiceCatalogue());

/** Declaration texts of the examples and the report fixtures (several matrices, models, owners, overrides), and broken ones. */
function declarationTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.srm\.ya?ml$/.test(e.name)) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures', 'report'));
  const acme = (spec: WorkloadSpec): string => declarationText({ ...spec, matrix: 'acme@2' });
  return [...out, acme({ ...PAAS_SPEC, workload: 'thumbnailer' }), acme(IAAS_SPEC) + '---\n' + acme({ ...SAAS_SPEC, model: 'faas' }), 'workload: [unclosed\n', 'not: a declaration\n'];
}

const TEXTS = declarationTexts();
/** Sorted so that new files land first, last and in between the initial ones. */
const INITIAL = ['apps/b.srm.yaml', 'apps/d.srm.yaml', 'f.srm.yaml', 'm/one.srm.yaml', 'm/two.srm.yaml', 'q.srm.yaml', 'x.srm.yaml'];
const NAMES = [...INITIAL, 'a.srm.yaml', 'apps/c.srm.yaml', 'n.srm.yaml', 'z.srm.yaml'];

const pieceCache = new Map<string, ReportPieces>();
function piecesOf(file: string, text: number): ReportPieces {
  const key = `${file}\0${text}`;
  let pieces = pieceCache.get(key);
  if (!pieces) pieceCache.set(key, (pieces = reportPiecesOf({ file, text: TEXTS[text] ?? '', environment })));
  return pieces;
}

type View = 'workload' | 'owner';
/** A patch of one to three files (a text, or gone), or a click on the other view. */
type Step = { readonly kind: 'patch'; readonly files: readonly { readonly file: string; readonly text?: number }[] } | { readonly kind: 'switch' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.uniqueArray(fc.record({ file: fc.constantFrom(...NAMES), text: fc.option(fc.nat({ max: TEXTS.length - 1 }), { nil: undefined }) }), { minLength: 1, maxLength: 3, selector: (f) => f.file }).map((files): Step => ({ kind: 'patch', files })) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'switch' }) },
);

/** The page loaded again, shown `report` in `view`. */
async function freshPage(panel: Panel, report: ResponsibilityReport, view: View): Promise<void> {
  await panel.page.reload();
  await panel.page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
  await send(panel.page, { type: 'report', report });
  if (view === 'owner') await panel.page.click('button[data-view="owner"]');
}

async function appHtml(page: Page): Promise<string> {
  return page.locator('#app').evaluate((el) => el.outerHTML);
}

/** Remembers every node the page shows now, to tell kept nodes from new ones later. */
async function markNodes(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __marked: WeakSet<Element> }).__marked = new WeakSet(Array.from(document.querySelectorAll('#app *')));
  });
}

/** For each element `selector` matches, in document order: was it on the page when markNodes ran? */
async function keptNodes(page: Page, selector: string): Promise<boolean[]> {
  return page.$$eval(selector, (els) => els.map((el) => (window as unknown as { __marked: WeakSet<Element> }).__marked.has(el)));
}

/** What a redraw of only the patched files keeps: in document order, true for each row (or duty) of another file. */
function expectedKept(report: ResponsibilityReport, view: View, patched: ReadonlySet<string>): boolean[] {
  return view === 'workload'
    ? report.groups.flatMap((g) => g.workloads.map((w) => !patched.has(w.file)))
    : report.owners.flatMap((o) => o.duties.map((d) => !patched.has(d.file)));
}

/** The matrices (id@version) a text's workloads use. */
function groupsOfText(file: string, text: number): string[] {
  return assembleReport([piecesOf(file, text)], OPTIONS).groups.map(matrixKey);
}

describe('report webview page: a patch redraws only what it changed (Chromium)', function () {
  this.timeout(300_000);
  const harness = new Harness(REPORT_PAGE);
  useHarness(harness);

  it('the pool of texts has several matrices, owners, overrides and skipped files', () => {
    const all = assembleReport(TEXTS.map((_, i) => piecesOf(`f${i}.srm.yaml`, i)), OPTIONS);
    assert.ok(all.groups.length >= 3, `matrices: ${all.groups.map((g) => g.id).join(', ')}`);
    assert.ok(all.owners.length > 3 && all.skipped.length >= 2 && all.totals.overridden > 0);
  });

  it('after any run of patches the page equals a fresh page of the patched report, and keeps the nodes of untouched files', async () => {
    // The fresh page first: the hooks check the panel opened last (the patched one) for errors and CSP reports.
    const fresh = await harness.open();
    const live = await harness.open();
    const initialArb = fc.array(fc.nat({ max: TEXTS.length - 1 }), { minLength: INITIAL.length, maxLength: INITIAL.length });
    let patchedRows = 0;
    await fc.assert(
      fc.asyncProperty(initialArb, fc.constantFrom<View>('workload', 'owner'), fc.array(stepArb, { minLength: 1, maxLength: 4 }), async (initial, startView, steps) => {
        const files = new Map(INITIAL.map((file, i) => [file, piecesOf(file, initial[i] ?? 0)]));
        let report = assembleReport([...files.values()], OPTIONS);
        let view = startView;
        await freshPage(live, report, view);
        for (const step of steps) {
          let patched = new Set<string>();
          if (step.kind === 'switch') {
            view = view === 'workload' ? 'owner' : 'workload';
            await live.page.click(`button[data-view="${view}"]`);
          } else {
            for (const { file, text } of step.files) {
              if (text === undefined) files.delete(file);
              else files.set(file, piecesOf(file, text));
            }
            const directory = workspaceDirectoryOf(files.values());
            const patch: ReportPatch = { files: step.files.map(({ file }) => filePatchOf(file, files.get(file), directory)) };
            patched = new Set(step.files.map((f) => f.file));
            await markNodes(live.page);
            await send(live.page, { type: 'patch', patch });
            report = applyReportPatch(report, patch);
          }
          await freshPage(fresh, report, view);
          assert.equal(await appHtml(live.page), await appHtml(fresh.page), `after ${JSON.stringify(step)} in the ${view} view`);
          if (step.kind === 'patch') {
            const kept = await keptNodes(live.page, view === 'workload' ? '#app tr[data-file]' : '#app li.duty');
            assert.deepEqual(kept, expectedKept(report, view, patched), `nodes kept after ${JSON.stringify(step)} in the ${view} view`);
            patchedRows += kept.filter((k) => !k).length;
          }
        }
      }),
      { numRuns: 12 },
    );
    assert.ok(patchedRows > 0, 'some patch drew rows of its own');
    assert.deepEqual([fresh.problems.pageErrors, fresh.problems.consoleErrors], [[], []], 'the fresh page ran clean');
  });

  it('a patch of one file in a large report leaves every other row, the other tables and the toolbar in place', async () => {
    const { page } = await harness.open();
    const files = new Map(Array.from({ length: 300 }, (_, i) => {
      const file = `w/${String(i).padStart(4, '0')}.srm.yaml`;
      return [file, piecesOf(file, i % TEXTS.length)] as const;
    }));
    const report = assembleReport([...files.values()], OPTIONS);
    await send(page, { type: 'report', report });
    const target = 'w/0150.srm.yaml';
    // Another text with workloads, in one of the matrices the report has.
    const keys = new Set(report.groups.map(matrixKey));
    const edited = TEXTS.findIndex((_, i) => i !== 150 % TEXTS.length && piecesOf(target, i).built.length > 0 && groupsOfText(target, i).every((k) => keys.has(k)));
    assert.ok(edited >= 0);
    files.set(target, piecesOf(target, edited));
    const patch: ReportPatch = { files: [filePatchOf(target, files.get(target), workspaceDirectoryOf(files.values()))] };
    await page.evaluate(() => {
      const w = window as unknown as { __marked: WeakSet<Element>; __added: number };
      w.__marked = new WeakSet(Array.from(document.querySelectorAll('#app *')));
      w.__added = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of Array.from(r.addedNodes)) if (n instanceof Element) w.__added += 1 + n.querySelectorAll('*').length;
      }).observe(document.getElementById('app')!, { childList: true, subtree: true });
    });
    await send(page, { type: 'patch', patch });
    const after = applyReportPatch(report, patch);
    const rows = after.groups.flatMap((g) => g.workloads);
    assert.deepEqual(await keptNodes(page, '#app tr[data-file]'), rows.map((w) => w.file !== target));
    assert.equal(after.groups.length, report.groups.length);
    assert.deepEqual(await keptNodes(page, '#app .report-title, #app .toolbar, #app .matrix-group, #app .matrix-group thead'), Array(2 + 2 * after.groups.length).fill(true));
    const drawn = await page.evaluate(() => (window as unknown as { __added: number }).__added);
    const total = await page.locator('#app *').count();
    // The file's rows, the totals rows and the totals line: a small part of the page.
    assert.ok(drawn > 0 && drawn * 20 < total, `${drawn} elements drawn of ${total}`);
    assert.equal(await page.locator('.totals').getAttribute('data-gaps'), String(after.totals.gaps));
  });
});
