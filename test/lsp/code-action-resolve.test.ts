/**
 * Fix-all listed without its edits and resolved (`codeAction/resolve`) for a
 * client that says it resolves them, as VS Code does; eager edits for one that
 * does not. Either way the editor applies the same bytes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-protocol';
import { fileArb, render } from '../engine/generators';
import { FIXTURE_DIR, listFixtures } from '../engine/helpers';
import { textEditsOf, untitled, useServer, type LspClient } from './client';
import { PAAS_WITH_GAPS } from './texts';

const FIX_ALL = 'source.fixAll.srm';
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
const GENERATED = 60;

/** The fixture files an editor would show as they are (UTF-8), and generated declarations. */
function corpus(): [string, string][] {
  const files: [string, string][] = [];
  for (const rel of listFixtures()) {
    const bytes = fs.readFileSync(path.join(FIXTURE_DIR, rel));
    const text = bytes.toString('utf8');
    if (/\.srm\.ya?ml$/.test(rel) && Buffer.from(text).equals(bytes) && text.length < 1_000_000) files.push([rel, text.replace(/^\uFEFF/, '')]);
  }
  fc.sample(fileArb, { numRuns: GENERATED, seed: 20261202 }).forEach((spec, i) => files.push([`generated/g${i}.srm.yaml`, render(spec)]));
  return files;
}

const fixAllOf = (actions: readonly CodeAction[]) => actions.find((a) => a.kind === FIX_ALL);

describe('LSP: fix-all resolved on demand', function () {
  this.timeout(120_000);
  const lazy = useServer();
  const eager = useServer({
    capabilities: (caps) => ({ ...caps, textDocument: { ...caps.textDocument, codeAction: { ...caps.textDocument?.codeAction, resolveSupport: undefined } } }),
  });

  it('advertises codeAction/resolve', () => {
    const provider = lazy().initializeResult.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object' && provider.resolveProvider === true);
  });

  it('lists fix-all without edits, and resolves to the eager edits byte for byte, over the fixtures and generated files', async () => {
    let resolved = 0;
    let offeredEmpty = 0;
    for (const [rel, text] of corpus()) {
      const uri = untitled(rel.replace(/[/\\]/g, '_'));
      await Promise.all([lazy().open(uri, text), eager().open(uri, text)]);
      const [listed, eagerActions] = await Promise.all([lazy().listedCodeActions(uri, WHOLE), eager().listedCodeActions(uri, WHOLE)]);
      // Quick fixes are listed with their edits by both.
      assert.deepEqual(
        listed.filter((a) => a.kind === CodeActionKind.QuickFix),
        eagerActions.filter((a) => a.kind === CodeActionKind.QuickFix),
        `${rel}: the quick fixes differ`,
      );
      const lazyFixAll = fixAllOf(listed);
      const eagerFixAll = fixAllOf(eagerActions);
      if (eagerFixAll) {
        assert.ok(eagerFixAll.edit, `${rel}: an eager fix-all carries its edit`);
        assert.ok(lazyFixAll, `${rel}: fix-all is offered to the resolving client too`);
        assert.equal(lazyFixAll.edit, undefined, `${rel}: listed without its edit`);
        const done = await lazy().resolveCodeAction(lazyFixAll);
        assert.deepEqual([done.title, done.kind], [eagerFixAll.title, eagerFixAll.kind]);
        assert.equal(JSON.stringify(done.edit), JSON.stringify(eagerFixAll.edit), `${rel}: the resolved fix-all edits differ from the eager ones`);
        resolved++;
      } else if (lazyFixAll) {
        // Offered on a finding with a safe fix that fix-all then leaves (it would break the YAML or change nothing): an edit that changes nothing.
        assert.deepEqual(textEditsOf((await lazy().resolveCodeAction(lazyFixAll)).edit, uri), [], `${rel}: resolved to edits that eager fix-all does not make`);
        offeredEmpty++;
      }
      await Promise.all([lazy().close(uri), eager().close(uri)]);
    }
    assert.ok(resolved >= GENERATED / 2, `only ${resolved} files had a fix-all: the corpus proves little`);
    assert.equal(offeredEmpty, 0, `${offeredEmpty} files were offered a fix-all that does nothing, which an eager client is not`);
  });

  it('resolves an action listed before an edit to the edits of the text as it is now, and the editor applies them', async () => {
    const uri = untitled('moved-on.srm.yaml');
    await Promise.all([lazy().open(uri, PAAS_WITH_GAPS), eager().open(uri, PAAS_WITH_GAPS)]);
    const listed = fixAllOf(await lazy().listedCodeActions(uri, WHOLE, { only: [FIX_ALL] }));
    assert.ok(listed && !listed.edit);
    // The user types a comment at the top before applying.
    const comment = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# typed\n' };
    await Promise.all([lazy().change(uri, comment), eager().change(uri, comment)]);
    const [done, eagerNow] = await Promise.all([lazy().resolveCodeAction(listed), eager().codeActions(uri, WHOLE, { only: [FIX_ALL] })]);
    assert.equal(JSON.stringify(done.edit), JSON.stringify(fixAllOf(eagerNow)?.edit));
    assert.ok(textEditsOf(done.edit, uri).length > 0);
    await Promise.all([lazy().applyWorkspaceEdit(done.edit!), eager().applyWorkspaceEdit(fixAllOf(eagerNow)!.edit!)]);
    assert.equal(lazy().text(uri), eager().text(uri));
    assert.match(lazy().text(uri), /^# typed\n/);
    // Nothing left to fix: neither client is offered fix-all any more.
    await waitForNoFixAll(lazy(), uri);
    await waitForNoFixAll(eager(), uri);
    await Promise.all([lazy().close(uri), eager().close(uri)]);
  });
});

async function waitForNoFixAll(client: LspClient, uri: string): Promise<void> {
  await client.waitForDiagnostics(uri);
  assert.equal(fixAllOf(await client.listedCodeActions(uri, WHOLE, { only: [FIX_ALL] })), undefined);
}
