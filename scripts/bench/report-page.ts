/**
 * The report webview page at 10,000 workloads, in headless Chromium under its
 * real CSP (the webview tier's harness): what one file's patch costs the page
 * (apply, redraw, layout) against drawing the whole report, in the same run.
 * Alone: `node out/scripts/bench/report-page.js [--workloads=10000] [--patches=7]`
 * (after `npx tsc -p .`; it builds the page bundle itself). Measurements, never
 * assertions: the machine is shared and noisy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { ToReportPage } from '../../protocol/report-messages';
import { assembleReport, filePatchOf, reportPiecesOf, workspaceDirectoryOf, type ReportPieces } from '../../server/src/core/report';
import { Harness, REPORT_PAGE } from '../../test/webview/harness';
import { median, ms, ratio, table } from './stats';

const ROOT = path.resolve(__dirname, '../../..');
const OUT_DIR = path.join(ROOT, '.artifacts/bench');
const TARGET_MS = 50;

const MODELS = ['iaas', 'paas', 'saas'] as const;
const CUSTOMER_LAYERS = ['data-classification', 'endpoint-devices', 'identity-access', 'applications', 'runtime-middleware', 'operating-system'];

/** One workload a file: owners from a pool of teams, a missing entry every seventh (a gap). */
function declaration(i: number, edited = false): string {
  const model = MODELS[i % 3]!;
  const layers = CUSTOMER_LAYERS.filter((_, k) => k !== i % 7).map((id, k) => `  ${id}:\n    owner: ${edited && k === 0 ? 'TODO' : `team-${(i + k) % 40}`}\n`);
  return `workload: wl-${i}\nmodel: ${model}\nlayers:\n${layers.join('')}`;
}

function fileName(i: number): string {
  return `w/${String(Math.floor(i / 100)).padStart(3, '0')}/${String(i).padStart(5, '0')}.srm.yaml`;
}

interface Timing {
  /** From posting the message until the page has handled it (a frame may run in between: then its layout is in here). */
  readonly script: number;
  /** The layout forced right after: what the redraw left for the next frame. */
  readonly layout: number;
  readonly total: number;
}

/** Posts a message into the page and times its handling, then the layout it left to do. */
async function timed(page: Page, message: ToReportPage): Promise<Timing> {
  return page.evaluate(
    (msg) =>
      new Promise<Timing>((resolve) => {
        const token = `sync-${Math.random()}`;
        const start = performance.now();
        const onMessage = (event: MessageEvent): void => {
          if ((event.data as { __sync?: string } | null)?.__sync !== token) return;
          window.removeEventListener('message', onMessage);
          const script = performance.now() - start;
          void document.body.offsetHeight;
          const total = performance.now() - start;
          resolve({ script, layout: total - script, total });
        };
        window.addEventListener('message', onMessage);
        window.postMessage(msg, '*');
        window.postMessage({ __sync: token }, '*');
      }),
    message as unknown as Record<string, unknown>,
  );
}

export async function benchReportPage(workloads: number, patches: number): Promise<{ rows: string[][]; target: string[] }> {
  const files = new Map<string, ReportPieces>();
  for (let i = 0; i < workloads; i++) files.set(fileName(i), reportPiecesOf({ file: fileName(i), text: declaration(i) }));
  const report = assembleReport([...files.values()], { toolVersion: 'bench' });
  const harness = new Harness(REPORT_PAGE);
  await harness.start();
  try {
    const { page } = await harness.open({ width: 1400, height: 900 });
    const full = await timed(page, { type: 'report', report });
    const rows = await page.locator('#app tr[data-file]').count();
    if (rows !== report.totals.workloads) throw new Error(`the page drew ${rows} rows of ${report.totals.workloads}`);
    const again = await timed(page, { type: 'report', report: assembleReport([...files.values()], { toolVersion: 'bench' }) });
    const directory = workspaceDirectoryOf(files.values());
    const patchTimes: Timing[] = [];
    for (let p = 0; p < patches; p++) {
      const i = Math.floor(((p + 0.5) * workloads) / patches);
      const pieces = reportPiecesOf({ file: fileName(i), text: declaration(i, true) });
      files.set(fileName(i), pieces);
      patchTimes.push(await timed(page, { type: 'patch', patch: { files: [filePatchOf(fileName(i), pieces, directory)] } }));
    }
    const label = await page.locator('.totals').getAttribute('data-gaps');
    const expected = assembleReport([...files.values()], { toolVersion: 'bench' }).totals.gaps;
    if (label !== String(expected)) throw new Error(`the page shows ${label} gaps, the report has ${expected}`);
    const patch = median(patchTimes.map((t) => t.total));
    const patchScript = median(patchTimes.map((t) => t.script));
    const patchLayout = median(patchTimes.map((t) => t.layout));
    const measured = [
      ['workloads (rows)', String(rows), ''],
      ['baseline: whole report drawn on an empty page (script + layout)', ms(full.total), '1.00×'],
      ['whole report again on a full page (a new report object: every row drawn)', ms(again.total), ratio(again.total / full.total)],
      [`one file's patch, total (median of ${patches})`, ms(patch), ratio(patch / full.total)],
      ['  of which apply + DOM redraw (script)', ms(patchScript), ratio(patchScript / full.total)],
      ['  of which the layout it leaves (forced)', ms(patchLayout), ratio(patchLayout / full.total)],
    ];
    return { rows: measured, target: [`one file's patch on the page at ${rows} rows < ${TARGET_MS} ms`, ms(patch), patch < TARGET_MS ? 'met' : '**NOT met**'] };
  } finally {
    await harness.stop();
  }
}

if (require.main === module) {
  const arg = (name: string, fallback: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
  benchReportPage(arg('workloads', 10_000), arg('patches', 7))
    .then(({ rows, target }) => {
      const md = `## Report page: one file's patch vs the whole report (Chromium)\n\n${table(['measure', 'ms', 'vs baseline'], rows, ['l', 'r', 'r'])}\n\n${table(['target', 'measured', ''], [target], ['l', 'r', 'l'])}\n`;
      process.stdout.write(`${md}\n`);
      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(path.join(OUT_DIR, 'report-page.md'), md);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    });
}
