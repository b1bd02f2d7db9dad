/**
 * The workspace index summarizes an open document again after each pause in
 * the typing, carrying the summaries of the documents an edit left alone
 * (SummaryCache). After any run of edits of a multi-document file, the
 * carried summary must be the summary a fresh reading of the same check
 * makes, field for field, and the index's string pool and owner counts must
 * hold what they would hold had it read that summary alone.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { builtInEnvironment, Checker, type CheckEnvironment } from '../../server/src/core';
import { EnvironmentFinder } from '../../server/src/io/environments';
import { applyDocumentEdit, documentEdit, textOfFile, type MultiDocumentFile } from '../shared/multi-document-file';
import { exchangeWorkloads, StringPool, summarize, SummaryCache, type FileSummary, type WorkloadSummary } from '../../server/src/lsp/file-summary';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const DOCUMENTS: readonly string[] = [
  ['workload: api', 'model: paas', 'layers:', '  applications: {owner: apps}', '  identity-access: {owner: iam-team}'].join('\n'),
  ['workload: vm', 'model: iaas', 'layers:', '  operating-system:', '    owner: ops', '  data-classification: {owner: data-office}'].join('\n'),
  ['workload: linked', 'model: paas', 'iac:', '  - path: ./main.tf', '    resources: [aws_instance.web]', 'layers:', '  applications: {owner: apps}'].join('\n'),
  ['workload: other-matrix', 'matrix: nope@1', 'model: paas', 'layers: {}'].join('\n'),
  ['model: saas', 'layers:', '  endpoint-devices: {owner: workplace-it}'].join('\n'),
  'workload: [unclosed',
  '# only a comment',
];

const edit = documentEdit(DOCUMENTS.length, ['delete', 'blank-line', 'type', 'erase']);

function ownerCounts(workloads: readonly WorkloadSummary[], into = new Map<string, number>(), by = 1): Map<string, number> {
  for (const w of workloads) {
    for (const { owner } of w.entries) {
      if (owner === undefined) continue;
      const n = (into.get(owner) ?? 0) + by;
      if (n === 0) into.delete(owner);
      else into.set(owner, n);
    }
  }
  return into;
}

function environments(): CheckEnvironment[] {
  const root = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces', 'override-policy');
  const configured = new EnvironmentFinder({ stopAt: (d) => path.resolve(d) === path.resolve(root) }).forFile(path.join(root, 'x.srm.yaml')).environment;
  return [builtInEnvironment(), configured];
}

describe('summaries carried across edits (SummaryCache)', () => {
  const ENVIRONMENTS = environments();

  it('after any run of edits, equal a fresh summary of the same check, with the same strings and owners counted', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(
        fc.nat(ENVIRONMENTS.length - 1),
        fc.array(fc.nat(DOCUMENTS.length - 1), { maxLength: 8 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 10 }),
        (env, start, pauses) => {
          const environment = ENVIRONMENTS[env]!;
          const policy = environment.config.overrides;
          const checker = new Checker({ environment });
          const cache = new SummaryCache();
          const pool = new StringPool();
          const owners = new Map<string, number>();
          let held: FileSummary | undefined;
          const state: MultiDocumentFile = { docs: start.map((i) => DOCUMENTS[i]!), crlf: false };
          // Several checks per pause, as typing goes; one summary per pause, of the last check.
          for (const edits of [[], ...pauses]) {
            let result = checker.check(textOfFile(state));
            for (const e of edits) {
              applyDocumentEdit(state, e, DOCUMENTS);
              result = checker.check(textOfFile(state));
            }
            const text = textOfFile(state);
            const carried = summarize('file:///f.srm.yaml', 1, text, result, policy, pool, cache);
            const freshPool = new StringPool();
            const fresh = summarize('file:///f.srm.yaml', 1, text, result, policy, freshPool);
            assert.deepEqual(carried, fresh);
            const { left, came } = exchangeWorkloads(pool, held, carried);
            ownerCounts(came, owners, 1);
            ownerCounts(left, owners, -1);
            held = carried;
            assert.equal(pool.size, freshPool.size, 'the pool holds the strings of the summary it holds, no more');
            assert.deepEqual(owners, ownerCounts(fresh.workloads));
          }
          exchangeWorkloads(pool, held, undefined);
          assert.equal(pool.size, 0, 'a summary given back leaves nothing in the pool');
        },
      ),
      { numRuns: 200 },
    );
  });
});
