/**
 * A live report changed one file at a time (core/report/patch.ts) is the
 * report assembled from every file: after any run of edits, creates and
 * deletes, the patched report and every export of it equal assembleReport's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { REPORT_FORMATS, formatReport } from '../../server/src/core/report';
import { assembleReport, reportPiecesOf, type ReportPieces } from '../../server/src/core/report/build';
import { applyReportPatch, filePatchOf, workspaceDirectoryOf } from '../../server/src/core/report/patch';
import type { ResponsibilityReport } from '../../server/src/core/report/model';
import { REPO_ROOT } from './helpers';

const OPTIONS = { toolVersion: '0.0.0-test' };

/** Declaration texts of the fixtures and examples: several matrices, models, owners, overrides and broken files. */
function texts(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.srm\.ya?ml$/.test(e.name)) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(REPO_ROOT, 'test', 'fixtures', 'report'));
  walk(path.join(REPO_ROOT, 'examples'));
  return [...out, 'workload: [unclosed\n', 'not: a declaration\n', ''];
}

const TEXTS = texts();
const NAMES = ['a.srm.yaml', 'apps/b.srm.yaml', 'apps/b2.srm.yaml', 'z.srm.yaml', 'é.srm.yaml', 'apps-c.srm.yaml'];
const PIECES = new Map<string, ReportPieces>();
function piecesOf(file: string, text: number): ReportPieces {
  const key = `${file}\0${text}`;
  let p = PIECES.get(key);
  if (!p) PIECES.set(key, (p = reportPiecesOf({ file, text: TEXTS[text] ?? '' })));
  return p;
}

function formats(report: ResponsibilityReport): string[] {
  return REPORT_FORMATS.flatMap((format) =>
    (['workload', 'owner'] as const).map((by) => {
      try {
        return formatReport(report, format, { by, oscal: { lastModified: '2026-01-01T00:00:00Z' } });
      } catch (err) {
        return `error: ${(err as Error).message}`;
      }
    }),
  );
}

describe('report patches', () => {
  it('the pool has workloads and skipped files to patch', () => {
    const all = assembleReport(TEXTS.map((_, i) => piecesOf(`f${i}.srm.yaml`, i)), OPTIONS);
    assert.ok(all.groups.length >= 2, 'more than one matrix');
    assert.ok(all.owners.length > 3 && all.skipped.length > 0 && all.totals.overridden > 0);
  });

  it('after any run of edits, creates and deletes the patched report equals the assembled one', () => {
    const op = fc.record({ file: fc.constantFrom(...NAMES), text: fc.option(fc.nat({ max: TEXTS.length - 1 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const files = new Map<string, ReportPieces>();
        let live = assembleReport([], OPTIONS);
        for (const { file, text } of ops) {
          if (text === undefined) files.delete(file);
          else files.set(file, piecesOf(file, text));
          live = applyReportPatch(live, { files: [filePatchOf(file, files.get(file), workspaceDirectoryOf(files.values()))] });
          assert.deepEqual(live, assembleReport([...files.values()], OPTIONS));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every export of a patched report is the assembled report\'s, byte for byte', () => {
    const files = new Map<string, ReportPieces>(NAMES.map((n, i) => [n, piecesOf(n, i % TEXTS.length)]));
    let live = assembleReport([...files.values()], OPTIONS);
    for (const [i, file] of NAMES.entries()) {
      if (i % 3 === 2) files.delete(file);
      else files.set(file, piecesOf(file, (i * 5 + 3) % TEXTS.length));
      live = applyReportPatch(live, { files: [filePatchOf(file, files.get(file), workspaceDirectoryOf(files.values()))] });
    }
    assert.deepEqual(formats(live), formats(assembleReport([...files.values()], OPTIONS)));
  });
});
