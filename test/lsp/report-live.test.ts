/**
 * The live report over the real protocol, under random edits of an open
 * multi-document file with suppressed gaps: the server makes the file's
 * pieces from its own check and patches only the workloads that changed, and
 * a client that applies every patch holds, once the edits settle, the report
 * `srm report` builds of the same texts.
 */
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { WorkspaceReportRequest } from '../../protocol/report';
import { buildReport } from '../../server/src/core/report';
import { fileUri, removeTempWorkspaces, tempWorkspace, useServer, withoutTool } from './client';

const LAYERS = ['  data-classification: {owner: data-office}', '  endpoint-devices: {owner: workplace-it}', '  identity-access: {owner: iam-team}', '  applications: {owner: apps}'];

const DOCUMENTS: readonly string[] = [
  ['workload: complete-api', 'model: paas', 'layers:', ...LAYERS, '  runtime-middleware: {owner: platform, handoff: the provider patches}'].join('\n'),
  ['workload: missing-apps', 'model: paas', 'layers:', ...LAYERS.slice(0, 3)].join('\n'),
  ['workload: suppressed-apps', 'model: paas', 'layers: # srm-ignore SRM001, SRM002: declared in the app team’s file', ...LAYERS.slice(0, 3)].join('\n'),
  ['workload: left-to-provider', 'model: iaas', 'layers:', '  operating-system: {owner: provider}  # srm-ignore SRM003, SRM004: on purpose', '  applications: {owner: TODO}'].join('\n'),
  ['workload: renamed-owner', 'model: paas', 'layers:', ...LAYERS.map((l) => l.replace('apps', 'apps-team'))].join('\n'),
  'workload: [unclosed',
];

const join = (docs: readonly number[]): string => `${docs.map((i) => DOCUMENTS[i]!).join('\n---\n')}\n`;

const STATIC = { 'a.srm.yaml': join([0, 1, 2, 3]), 'z.srm.yaml': join([3, 2, 1, 0, 4]) };

type Edit = { readonly kind: 'replace' | 'insert'; readonly at: number; readonly doc: number } | { readonly kind: 'delete' | 'blank-line'; readonly at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('replace' as const, 'insert' as const), at: fc.nat(12), doc: fc.nat(DOCUMENTS.length - 1) }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'blank-line' as const), at: fc.nat(12) }),
);

function applied(docs: readonly string[], e: Edit): string[] {
  const out = [...docs];
  const at = out.length === 0 ? 0 : e.at % (out.length + (e.kind === 'insert' ? 1 : 0));
  if (e.kind === 'insert' || (e.kind === 'replace' && out.length === 0)) out.splice(at, 0, DOCUMENTS[e.doc]!);
  else if (e.kind === 'replace') out[at] = DOCUMENTS[e.doc]!;
  else if (e.kind === 'delete') out.splice(at, 1);
  else if (out.length > 0) out[at] = `\n${out[at]!}`;
  return out;
}

describe('LSP: the live report under random edits of a multi-document file', function () {
  this.timeout(120_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({ ...STATIC, 'm.srm.yaml': join([0, 2]) });
    return { folders: [dir], settings: {} };
  });
  after(removeTempWorkspaces);

  it('equals the report srm report builds once the edits settle', async () => {
    const uri = fileUri(dir, 'm.srm.yaml');
    let docs = [DOCUMENTS[0]!, DOCUMENTS[2]!];
    await server().open(uri, `${docs.join('\n---\n')}\n`);
    const mark = server().mark();
    const first = await server().request(WorkspaceReportRequest, {});
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 6 }), async (edits) => {
        for (const [e, settle] of edits) {
          docs = applied(docs, e);
          const published = server().mark();
          await server().setText(uri, docs.length === 0 ? '' : `${docs.join('\n---\n')}\n`);
          // Some edits wait for their diagnostics (a patch may go out in between), others follow at once.
          if (settle) await server().waitForPublishSince(published, uri);
        }
        const files = { ...STATIC, 'm.srm.yaml': server().text(uri) };
        const expected = withoutTool(buildReport(Object.entries(files).map(([file, text]) => ({ file, text })), { toolVersion: 'ignored' }));
        await server().waitForAnswer('the live report to equal srm report’s', async () => isDeepStrictEqual(withoutTool(await server().patchedSince(first, mark)), expected));
      }),
      { numRuns: 12 },
    );
    assert.deepEqual(withoutTool(await server().request(WorkspaceReportRequest, {})), withoutTool(await server().patchedSince(first, mark)));

    // Changes that come before the last patch went out share one patch, which may touch most of the file:
    // once the report has caught up, one owner renamed in the last of four documents patches that workload alone.
    docs = [DOCUMENTS[0]!, DOCUMENTS[1]!, DOCUMENTS[2]!, DOCUMENTS[4]!];
    await server().setText(uri, `${docs.join('\n---\n')}\n`);
    await settledOn({ ...STATIC, 'm.srm.yaml': server().text(uri) });
    const renamed = server().mark();
    await server().setText(uri, `${[...docs.slice(0, 3), DOCUMENTS[4]!.replace('apps-team', 'apps-crew')].join('\n---\n')}\n`);
    const partial = await server().waitForAnswer('a patch of only the renamed workload', () =>
      Promise.resolve(
        server()
          .since(renamed)
          .flatMap((r) => (r.kind === 'report' ? (r.params.patch?.files ?? []) : []))
          .find((f) => f.replacing !== undefined),
      ),
    );
    assert.deepEqual(
      partial.groups.flatMap((g) => g.workloads.map((w) => w.name)),
      ['renamed-owner'],
      'the patch replaces the renamed workload only',
    );
    await settledOn({ ...STATIC, 'm.srm.yaml': server().text(uri) });
  });

  async function settledOn(files: Record<string, string>): Promise<void> {
    const expected = withoutTool(buildReport(Object.entries(files).map(([file, text]) => ({ file, text })), { toolVersion: 'ignored' }));
    const mark = server().mark();
    const first = await server().request(WorkspaceReportRequest, {});
    await server().waitForAnswer('the live report to equal srm report’s', async () => isDeepStrictEqual(withoutTool(await server().patchedSince(first, mark)), expected));
  }
});
