/**
 * The server makes an open document's report pieces from the check it made
 * for the diagnostics (suppressions on, kept by one checker across edits),
 * not from a second check: after any run of edits of a multi-document file,
 * those pieces must be the pieces `srm report` makes of the same text
 * (reportPiecesOf: a fresh check, suppressions off), byte for byte, in every
 * environment, suppressed gaps included.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { builtInEnvironment, Checker, type CheckEnvironment } from '../../server/src/core';
import { applyReportPatch, assembleReport, filePatchOf, partialFilePatchOf, piecesOfCheck, reportPiecesOf, workspaceDirectoryOf, type ReportPieces } from '../../server/src/core/report';
import { EnvironmentFinder } from '../../server/src/io/environments';
import { applyDocumentEdit, documentEdit, textOfFile, type MultiDocumentFile } from '../shared/multi-document-file';
import { REPO_ROOT } from './helpers';

const LAYERS = [
  '  data-classification: {owner: data-office}',
  '  endpoint-devices: {owner: workplace-it}',
  '  identity-access: {owner: iam-team}',
  '  applications: {owner: apps}',
  '  runtime-middleware: {owner: platform, handoff: the provider patches; we pin}',
];

/** Documents of every kind a report meets: complete, with gaps, with gaps suppressed, broken, not declarations. */
const DOCUMENTS: readonly string[] = [
  ['workload: complete-api', 'model: paas', 'provider: azure', 'layers:', ...LAYERS].join('\n'),
  ['workload: missing-apps', 'model: paas', 'layers:', ...LAYERS.filter((l) => !l.includes('applications'))].join('\n'),
  // The same gap, suppressed where it is reported (on `layers:`): the report still counts it, with the finding's words.
  ['workload: suppressed-apps', 'model: paas', 'layers: # srm-ignore SRM001: the app team declares it in its own file', ...LAYERS.filter((l) => !l.includes('applications'))].join('\n'),
  ['workload: suppressed-above', 'model: paas', '# srm-ignore SRM001, SRM002', 'layers:', ...LAYERS.slice(0, 2)].join('\n'),
  ['workload: unused-ignore', 'model: paas', 'layers:', ...LAYERS, '  # srm-ignore SRM001: nothing to suppress here'].join('\n'),
  ['workload: left-to-provider', 'model: iaas', 'service: VMs', 'layers:', '  operating-system: {owner: provider}  # srm-ignore SRM003, SRM004: on purpose', '  applications: {owner: TODO}'].join('\n'),
  ['workload: overridden', 'model: iaas', 'layers:', '  runtime-middleware:', '    owner: ops', '    responsibility: provider', '    reason: A managed image the provider patches'].join('\n'),
  ['workload: wrong-model', 'model: faas', 'layers:', ...LAYERS.slice(0, 1)].join('\n'),
  ['workload: unknown-matrix', 'matrix: nope@1', 'model: paas', 'layers: {}'].join('\n'),
  ['model: paas', 'layers:', ...LAYERS.slice(0, 3)].join('\n'),
  'workload: [unclosed',
  'not: a declaration',
  '# only a comment # srm-ignore SRM011: nothing here',
];

/** The built-in environment, and fixtures' configurations: another default matrix, an owner directory, severities, a policy, inline-ignore off. */
function environments(): CheckEnvironment[] {
  const of = (dir: string): CheckEnvironment => {
    const root = path.join(REPO_ROOT, 'test', 'fixtures', dir);
    return new EnvironmentFinder({ stopAt: (d) => path.resolve(d) === path.resolve(root) }).forFile(path.join(root, 'x.srm.yaml')).environment;
  };
  return [builtInEnvironment(), of('report/configured'), of('workspaces/override-policy'), of('workspaces/config-effects')];
}

const edit = documentEdit(DOCUMENTS.length, ['delete', 'blank-line']);

/** Where each line starts, as an index that already has them (the server's summary) would pass them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\r' || text[i] === '\n') starts.push(i + 1);
  }
  return starts;
}

describe('report pieces from the editor’s own check (live reports)', () => {
  const ENVIRONMENTS = environments();

  it('the pool suppresses gaps that a report still counts', () => {
    const text = DOCUMENTS[2]!;
    const editor = new Checker({ environment: builtInEnvironment() }).check(text);
    assert.ok(!editor.diagnostics.some((d) => d.code === 'SRM001'), 'the editor shows no SRM001');
    assert.ok(editor.unsuppressed?.some((d) => d.code === 'SRM001' && d.gap), 'the check keeps the suppressed gap for the report');
    const pieces = piecesOfCheck('f.srm.yaml', text, builtInEnvironment(), editor);
    assert.equal(pieces.built[0]?.workload.cells.find((c) => c.layerId === 'applications')?.state, 'gap');
  });

  it('after any run of edits, equal the pieces of a fresh report check, in every environment', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.nat(ENVIRONMENTS.length - 1), fc.array(fc.nat(DOCUMENTS.length - 1), { maxLength: 8 }), fc.array(edit, { maxLength: 10 }), (env, start, edits) => {
        const environment = ENVIRONMENTS[env]!;
        // One checker across the edits, as the server keeps one per open document: it reuses unchanged documents.
        const checker = new Checker({ environment });
        const state: MultiDocumentFile = { docs: start.map((i) => DOCUMENTS[i]!), crlf: false };
        for (const e of [undefined, ...edits]) {
          if (e) applyDocumentEdit(state, e, DOCUMENTS);
          const text = textOfFile(state);
          const result = checker.check(text);
          const fresh = reportPiecesOf({ file: 'apps/live.srm.yaml', text, environment });
          const live = piecesOfCheck('apps/live.srm.yaml', text, environment, result);
          assert.deepEqual(live, fresh);
          // Byte for byte: the JSON export writes the keys in the order the pieces have them.
          assert.equal(JSON.stringify(live), JSON.stringify(fresh));
          assert.equal(JSON.stringify(piecesOfCheck('apps/live.srm.yaml', text, environment, result, lineStarts(text))), JSON.stringify(fresh));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keep the workloads of the documents an edit did not touch, and make the edited one again', () => {
    const environment = builtInEnvironment();
    const checker = new Checker({ environment });
    const docs = [DOCUMENTS[0]!, DOCUMENTS[1]!, DOCUMENTS[2]!];
    const before = piecesOfCheck('f.srm.yaml', docs.join('\n---\n'), environment, checker.check(docs.join('\n---\n')));
    docs[1] = docs[1]!.replace('missing-apps', 'renamed-apps');
    const text = docs.join('\n---\n');
    const after = piecesOfCheck('f.srm.yaml', text, environment, checker.check(text));
    assert.equal(after.built[0], before.built[0], 'the first document, unchanged, keeps its piece');
    assert.equal(after.built[2], before.built[2], 'so does the last');
    assert.equal(after.built[1]?.workload.name, 'renamed-apps');
    assert.deepEqual(after, reportPiecesOf({ file: 'f.srm.yaml', text, environment }));
  });

  it('patch a live report with only the changed workloads: after any run of edits it equals the report assembled afresh', function () {
    this.timeout(60_000);
    let partial = 0;
    fc.assert(
      fc.property(fc.nat(ENVIRONMENTS.length - 1), fc.array(fc.nat(DOCUMENTS.length - 1), { minLength: 1, maxLength: 8 }), fc.array(edit, { maxLength: 10 }), (env, start, edits) => {
        const environment = ENVIRONMENTS[env]!;
        // Files before and after the edited one, so that its rows sit between others' in groups and owners.
        const others = [
          reportPiecesOf({ file: 'a.srm.yaml', text: DOCUMENTS.join('\n---\n'), environment }),
          reportPiecesOf({ file: 'z.srm.yaml', text: [...DOCUMENTS].reverse().join('\n---\n'), environment }),
        ];
        const checker = new Checker({ environment });
        const state: MultiDocumentFile = { docs: start.map((i) => DOCUMENTS[i]!), crlf: false };
        const piecesNow = (): ReportPieces => piecesOfCheck('m.srm.yaml', textOfFile(state), environment, checker.check(textOfFile(state)));
        let pieces = piecesNow();
        let live = assembleReport([...others, pieces], { toolVersion: 't' });
        for (const e of edits) {
          applyDocumentEdit(state, e, DOCUMENTS);
          const next = piecesNow();
          const directory = workspaceDirectoryOf([...others, next]);
          const small = partialFilePatchOf(pieces, next, directory);
          if (small) partial++;
          live = applyReportPatch(live, { files: [small ?? filePatchOf('m.srm.yaml', next, directory)] });
          pieces = next;
          const fresh = assembleReport([...others, reportPiecesOf({ file: 'm.srm.yaml', text: textOfFile(state), environment })], { toolVersion: 't' });
          assert.deepEqual(live, fresh);
          assert.equal(JSON.stringify(live), JSON.stringify(fresh));
        }
      }),
      { numRuns: 60 },
    );
    assert.ok(partial > 20, `patches of only the changed workloads were made and checked (${partial})`);
  });
});
