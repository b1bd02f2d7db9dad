import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkText } from '../../server/src/core';
import { REFERENCE as REFERENCE_MODEL } from './helpers';
import { isRealOwner } from '../../server/src/core/format';
import { buildReport, ownersOf, type ReportInput } from '../../server/src/core/report/build';
import type { CellState, ReportWorkload, ResponsibilityReport } from '../../server/src/core/report/model';
import { effectiveFields, fileArb, render } from './generators';
import { REPO_ROOT } from './helpers';

const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'report', 'workspace');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** Every declaration below `dir`, as the CLI names them: relative to `base`, with `/`. */
function inputsOf(dir: string, base = dir): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.srm\.ya?ml$/.test(e.name)) out.push({ file: path.relative(base, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

interface Expected {
  readonly file: string;
  readonly documentIndex: number;
  readonly cells: Map<string, { state: CellState; owner?: string; handoff: boolean }>;
  readonly skipped?: string;
}

/** Reads the `# report:` and `# report-skipped:` comments of a fixture, per YAML document (see the fixtures' README). */
function expectationsOf(file: string, text: string): Expected[] {
  const docs = text.split(/^---.*$/m);
  return docs.map((doc, documentIndex) => {
    const cells = new Map<string, { state: CellState; owner?: string; handoff: boolean }>();
    let skipped: string | undefined;
    for (const m of doc.matchAll(/^\s*# report: (.*)$/gm)) {
      for (const token of m[1]!.trim().split(/\s+/)) {
        const t = /^([a-z-]+)=([a-z-]+)(?:\(([^)]*)\))?(!handoff)?$/.exec(token);
        assert.ok(t, `${file}: unreadable expectation "${token}"`);
        cells.set(t[1]!, { state: t[2] as CellState, ...(t[3] !== undefined ? { owner: t[3] } : {}), handoff: t[4] !== undefined });
      }
    }
    const sk = /^\s*# report-skipped: (.*)$/m.exec(doc);
    if (sk) skipped = sk[1]!.trim();
    return { file, documentIndex, cells, ...(skipped ? { skipped } : {}) };
  });
}

/** The gap findings of the checker (suppressions off), as `file#document/layer`. */
function checkerGaps(inputs: readonly { file: string; text: string }[]): Set<string> {
  const out = new Set<string>();
  for (const { file, text } of inputs) {
    const result = checkText(text, { inlineSuppressions: false });
    for (const d of result.diagnostics) {
      if (!d.gap || !d.layerId) continue;
      const doc = result.documents.find((x) => d.span.start >= x.base + x.declaration.span.start && d.span.start <= x.base + x.declaration.span.end)!;
      out.add(`${file}#${doc.index}/${d.layerId}`);
    }
  }
  return out;
}

function reportGaps(report: ResponsibilityReport): Set<string> {
  const out = new Set<string>();
  for (const g of report.groups) for (const w of g.workloads) for (const c of w.cells) if (c.state === 'gap') out.add(`${w.file}#${w.documentIndex}/${c.layerId}`);
  return out;
}

describe('report builder (today\'s engine: the reference matrix)', () => {
  const inputs = inputsOf(WORKSPACE);
  const report = buildReport(inputs, { toolVersion: '9.9.9' });
  const workloads = report.groups.flatMap((g) => g.workloads);

  it('builds every row the fixtures expect, cell by cell', () => {
    let checked = 0;
    for (const { file, text } of inputs) {
      for (const exp of expectationsOf(file, text)) {
        if (exp.cells.size === 0) continue;
        const w = workloads.find((x) => x.file === file && x.documentIndex === exp.documentIndex);
        assert.ok(w, `${file} document ${exp.documentIndex}: no row`);
        for (const cell of w.cells) {
          const want = exp.cells.get(cell.layerId) ?? { state: 'provider' as CellState, handoff: false };
          const where = `${file}#${exp.documentIndex} ${cell.layerId}`;
          assert.equal(cell.state, want.state, where);
          if (want.owner !== undefined) assert.equal(cell.owner, want.owner, `${where} owner`);
          if (cell.state === 'shared') assert.equal(cell.handoff !== undefined, want.handoff, `${where} handoff`);
          assert.equal(cell.gapReason !== undefined, cell.state === 'gap', `${where}: a gap and only a gap has a reason`);
          checked++;
        }
      }
    }
    assert.equal(checked, 80, 'every cell of the 8 rows with expectations');
  });

  it('leaves out, with a reason, exactly the documents and files the fixtures say', () => {
    const expected = inputs.flatMap(({ file, text }) => expectationsOf(file, text).filter((e) => e.skipped).map((e) => ({ file, words: e.skipped! })));
    assert.equal(report.skipped.length, expected.length, JSON.stringify(report.skipped, null, 1));
    for (const e of expected) {
      assert.ok(
        report.skipped.some((s) => s.file === e.file && s.reason.includes(e.words)),
        `${e.file}: no skip with "${e.words}" in ${JSON.stringify(report.skipped)}`,
      );
    }
  });

  it('covers every state today\'s engine can build', () => {
    const states = new Set(workloads.flatMap((w) => w.cells.map((c) => c.state)));
    assert.deepEqual([...states].sort(), ['gap', 'owner', 'provider', 'shared']);
    const provider = workloads.find((w) => w.name === 'payments-api')!.cells;
    assert.equal(provider.find((c) => c.layerId === 'operating-system')!.owner, 'provider', 'owner: provider on a provider layer is recorded');
    assert.equal(provider.find((c) => c.layerId === 'network-config')!.owner, 'netops');
    assert.equal(provider.find((c) => c.layerId === 'physical-servers')!.owner, undefined, 'no entry, no owner');
  });

  it('calls a cell a gap exactly when the checker reports a gap finding for it (suppressions off)', () => {
    assert.deepEqual([...reportGaps(report)].sort(), [...checkerGaps(inputs)].filter((g) => workloads.some((w) => g.startsWith(`${w.file}#${w.documentIndex}/`))).sort());
    const suppressed = workloads.find((w) => w.name === 'partner-api')!.cells.find((c) => c.layerId === 'runtime-middleware')!;
    assert.equal(suppressed.state, 'gap', 'an srm-ignore comment quiets srm check, not the report');
    assert.match(suppressed.gapReason!, /Runtime & Middleware is shared under PaaS/);
  });

  it('takes the gap reason from the checker\'s own finding', () => {
    const vm = workloads.find((w) => w.name === 'legacy-vm')!;
    const reason = (id: string) => vm.cells.find((c) => c.layerId === id)!.gapReason!;
    assert.match(reason('data-classification'), /placeholder \("TODO"\)/);
    assert.match(reason('endpoint-devices'), /is empty/);
    assert.match(reason('applications'), /must be text/);
    assert.match(reason('runtime-middleware'), /has no owner:/);
    assert.match(reason('operating-system'), /the provider does not cover it/);
    assert.match(reason('network-config'), /has no owner\. Under IaaS it is shared/);
  });

  it('counts required cells and gaps per workload, per layer and in total', () => {
    const vm = workloads.find((w) => w.name === 'legacy-vm')!;
    assert.deepEqual([vm.required, vm.gaps], [7, 7]);
    const tenant = workloads.find((w) => w.name === 'crlf-tenant')!;
    assert.deepEqual([tenant.required, tenant.gaps], [3, 0]);
    const group = report.groups[0];
    for (const t of group!.totals) {
      const cells = group!.workloads.map((w) => w.cells.find((c) => c.layerId === t.layerId)!);
      assert.equal(t.required, cells.filter((c) => c.cell === 'customer' || c.cell === 'shared').length, t.layerId);
      assert.equal(t.gaps, cells.filter((c) => c.state === 'gap').length, t.layerId);
      assert.equal(t.overridden, 0);
    }
    assert.equal(report.totals.workloads, workloads.length);
    assert.equal(report.totals.gaps, workloads.reduce((n, w) => n + w.gaps, 0));
    assert.equal(report.totals.required, group!.totals.reduce((n, t) => n + t.required, 0));
  });

  it('names the matrix, its version, title and source, and puts rows in file then document order', () => {
    assert.equal(report.version, 1);
    assert.deepEqual(report.tool, { name: 'srm', version: '9.9.9' });
    assert.equal(report.groups.length, 1);
    const g = report.groups[0];
    assert.deepEqual([g!.id, g!.version], ['reference', '1']);
    assert.ok(g!.title && g!.source.url.startsWith('https://'));
    assert.deepEqual(g!.layers.map((l) => l.id), REFERENCE_MODEL.layers.map((l) => l.id));
    assert.deepEqual(g!.models.map((m) => m.shortName), ['IaaS', 'PaaS', 'SaaS']);
    const order = g!.workloads.map((w) => `${w.file}#${w.documentIndex}`);
    assert.deepEqual(order, [...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const crlf = g!.workloads.find((w) => w.name === 'crlf-tenant')!;
    assert.equal(crlf.line, 3, 'the 1-based line of workload:, CRLF or not');
    assert.equal(g!.workloads.find((w) => w.name === 'after-the-skipped-ones')!.documentIndex, 3);
    // Derived cells say so.
    const devices = g!.workloads.find((w) => w.name === 'payments-api')!.cells.find((c) => c.layerId === 'endpoint-devices')!;
    assert.equal(devices.derived, true);
  });

  it('is the same whatever order the files come in, and holds no absolute path', () => {
    const again = buildReport([...inputs].reverse(), { toolVersion: '9.9.9' });
    assert.deepEqual(again, report);
    assert.ok(!JSON.stringify(report).includes(REPO_ROOT));
  });

  it('lists each owner with their duties, by name, and never a placeholder or the provider', () => {
    const names = report.owners.map((o) => o.owner);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const o of report.owners) assert.ok(isRealOwner(o.owner), o.owner);
    const platform = report.owners.find((o) => o.owner === 'platform-team')!;
    assert.deepEqual(platform.duties, [
      { workload: 'payments-api', file: 'owners.srm.yaml', line: 5, matrix: 'reference@1', layerId: 'runtime-middleware', layerName: 'Runtime & Middleware', cell: 'shared', state: 'shared', handoff: 'Microsoft patches the runtime; we pin the major version.' },
    ]);
    const batch = report.owners.find((o) => o.owner === 'batch-team')!;
    assert.deepEqual(batch.duties.map((d) => d.layerId), ['applications', 'runtime-middleware']);
    assert.ok(!names.includes('netops') || report.owners.find((o) => o.owner === 'netops')!.duties.every((d) => d.state !== 'provider'), 'a provider layer is no duty');
    assert.deepEqual(ownersOf(report.groups), report.owners);
  });

  it('reports a file that could not be read as skipped, with its reason', () => {
    const r = buildReport([{ file: 'big.srm.yaml', skipped: 'too large' }, ...inputs.slice(0, 1)] as ReportInput[], { toolVersion: '1' });
    assert.deepEqual(r.skipped[0], { file: 'big.srm.yaml', reason: 'too large' });
  });

  it('matches the checker on the examples', () => {
    // Built-in matrices only: the example under the organisation's matrix needs examples/srm.config.yaml (test/cli/report.test.ts runs it).
    const examples = inputsOf(EXAMPLES, REPO_ROOT).filter((i) => !/^matrix: acme@/m.test(i.text));
    const r = buildReport(examples, { toolVersion: '1' });
    assert.deepEqual(r.skipped, []);
    assert.deepEqual([...reportGaps(r)].sort(), [...checkerGaps(examples)].sort());
    assert.equal(r.totals.workloads, 11, 'ten in examples/ under built-in matrices, one in examples/terraform');
    assert.equal(r.totals.gaps, 10, 'the 10 gaps of examples/gaps.srm.yaml, and none elsewhere');
  });

  it('agrees with the declaration and the checker for any generated file (property)', function () {
    this.timeout(120_000);
    const unquote = (s: string) => (/^(['"]).*\1$/.test(s) ? s.slice(1, -1) : s);
    fc.assert(
      fc.property(fileArb, (spec) => {
        const text = render(spec);
        const r = buildReport([{ file: 'f.srm.yaml', text }], { toolVersion: '1' });
        const rows: ReportWorkload[] = r.groups.flatMap((g) => g.workloads);
        assert.equal(rows.length, spec.docs.length);
        rows.forEach((w, i) => {
          const doc = spec.docs[i];
          const model = REFERENCE_MODEL.models.find((m) => m.id === doc!.model)!;
          for (const c of w.cells) {
            const who = model.cells[c.layerId]!.who;
            const entry = doc!.entries.find((e) => e.layer === c.layerId);
            const written = entry ? effectiveFields(doc!, entry) : undefined;
            const owner = written ? unquote(written.owner) : undefined;
            const want: CellState = who === 'provider' ? 'provider' : !isRealOwner(owner) ? 'gap' : who === 'customer' ? 'owner' : 'shared';
            assert.equal(c.state, want, `${doc!.model} ${c.layerId} owner=${owner}`);
            if (entry) assert.equal(c.owner, owner);
            if (written?.handoff) assert.equal(c.handoff, unquote(written.handoff));
          }
        });
        assert.deepEqual([...reportGaps(r)].sort(), [...checkerGaps([{ file: 'f.srm.yaml', text }])].sort());
      }),
      { numRuns: 150 },
    );
  });
});
