/**
 * The workspace index: owner completion offers the owners of every declaration
 * in the workspace, opened or not, and keeps them current as documents are
 * edited and closed, files change on disk or are deleted, and folders come and
 * go. The index keeps a summary of each file, which the test hooks show.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type Position } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { rangeOf } from '../../server/src/lsp/file-summary';
import { IndexSummaryRequest, TEST_HOOKS_FLAG } from '../../server/src/lsp/test-hooks';
import { fileUri, removeTempWorkspaces, tempWorkspace, untitled, useServer, writeFile, type LspClient } from './client';

const declaration = (workload: string, ...owners: string[]) =>
  `workload: ${workload}\nmodel: iaas\nlayers:\n${owners.map((o, i) => `  ${['network-config', 'operating-system', 'applications'][i]}:\n    owner: ${o}\n`).join('')}`;

const FILES = {
  'a.srm.yaml': declaration('alpha', 'alpha-team'),
  'deep/er/b.srm.yml': declaration('beta', 'beta-team', 'beta-ops'),
  'node_modules/pkg/c.srm.yaml': declaration('ignored', 'from-node-modules'),
  'notes.yaml': 'owner: not-a-declaration\n',
};

/** Where the test asks for owners: an open document with an empty owner value. */
const ASKING = untitled('asking.srm.yaml');
const ASKING_TEXT = 'workload: w\nmodel: iaas\nlayers:\n  operating-system:\n    owner: \n';
const OWNER_AT: Position = { line: 4, character: '    owner: '.length };

/** The owners completion offers once the index is complete (the reserved `provider` left out). */
async function owners(client: LspClient): Promise<string[]> {
  const list = await client.waitForAnswer('a complete owner list', async () => {
    const answer = await client.completionList(ASKING, OWNER_AT);
    return !answer.isIncomplete && answer;
  });
  return list.items.map((i) => i.label).filter((l) => l !== 'provider').sort();
}

/** Polls the owner completion until `accept` holds; returns the owners. */
async function ownersWhen(client: LspClient, what: string, accept: (owners: string[]) => boolean): Promise<string[]> {
  let last: string[] = [];
  try {
    return await client.waitForAnswer(what, async () => {
      last = await owners(client);
      return accept(last) && last;
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}; owners offered: ${last.join(', ')}`, { cause: err });
  }
}

describe('LSP: the workspace index', function () {
  this.timeout(20_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace(FILES);
    return { folders: [dir], settings: {}, serverArgs: [TEST_HOOKS_FLAG] };
  });
  after(removeTempWorkspaces);

  before(async () => {
    await server().open(ASKING, ASKING_TEXT);
  });

  it('offers the owners of files nobody opened, outside node_modules, and of open documents', async () => {
    const client = server();
    assert.equal(await client.request(IndexSummaryRequest, { uri: fileUri(dir, 'a.srm.yaml') }), null, 'nothing read before an owner completion asks');
    const scratch = untitled('scratch.srm.yaml');
    await client.open(scratch, declaration('scratch', 'scratch-team'));
    await client.waitForDiagnostics(scratch);
    assert.deepEqual(await owners(client), ['alpha-team', 'beta-ops', 'beta-team', 'scratch-team']);
    await client.close(scratch);
    assert.deepEqual(await ownersWhen(client, 'the closed scratch document to leave', (o) => !o.includes('scratch-team')), ['alpha-team', 'beta-ops', 'beta-team']);
  });

  it('follows edits of an open document, and goes back to the file on disk when it closes unsaved', async () => {
    const client = server();
    const a = fileUri(dir, 'a.srm.yaml');
    await client.open(a, FILES['a.srm.yaml']);
    // Typed letter by letter, each letter checked: only the newest owner is offered.
    let owner = '';
    await client.replace(a, 'owner: alpha-team', 'owner: ');
    for (const letter of 'gamma-team') {
      await client.replace(a, `owner: ${owner}\n`, `owner: ${owner}${letter}\n`);
      owner += letter;
      await client.waitForDiagnostics(a);
    }
    assert.deepEqual(await owners(client), ['beta-ops', 'beta-team', 'gamma-team']);
    await client.close(a);
    assert.deepEqual(await ownersWhen(client, 'the disk\'s alpha-team back', (o) => o.includes('alpha-team')), ['alpha-team', 'beta-ops', 'beta-team']);
  });

  it('follows changes on disk: a changed file, a new one, a deleted one, a deleted folder', async () => {
    const client = server();
    await owners(client);
    writeFile(dir, 'deep/er/b.srm.yml', declaration('beta', 'delta-team'));
    const created = writeFile(dir, 'new/d.srm.yaml', declaration('delta', 'epsilon-team'));
    await client.filesChanged({ uri: fileUri(dir, 'deep/er/b.srm.yml'), type: FileChangeType.Changed }, { uri: created, type: FileChangeType.Created });
    assert.deepEqual(await ownersWhen(client, 'delta-team and epsilon-team', (o) => o.includes('delta-team') && o.includes('epsilon-team')), ['alpha-team', 'delta-team', 'epsilon-team']);

    fs.rmSync(path.join(dir, 'a.srm.yaml'));
    await client.filesChanged({ uri: fileUri(dir, 'a.srm.yaml'), type: FileChangeType.Deleted });
    fs.rmSync(path.join(dir, 'deep'), { recursive: true });
    await client.filesChanged({ uri: fileUri(dir, 'deep'), type: FileChangeType.Deleted });
    assert.deepEqual(await ownersWhen(client, 'the deleted files\' owners to go', (o) => !o.includes('alpha-team') && !o.includes('delta-team')), ['epsilon-team']);
  });

  it('indexes a folder when it is added, and drops its files when it is removed', async () => {
    const client = server();
    const extra = tempWorkspace({ 'x.srm.yaml': declaration('extra', 'extra-team') });
    await client.changeFolders([extra]);
    await ownersWhen(client, 'the added folder\'s owner', (o) => o.includes('extra-team'));
    await client.changeFolders([], [extra]);
    assert.deepEqual(await ownersWhen(client, 'the removed folder\'s owner to go', (o) => !o.includes('extra-team')), ['epsilon-team']);
  });

  it('keeps a summary per file: workloads, models, entries, owners and where they are written, gaps', async () => {
    const client = server();
    const uri = fileUri(dir, 'summary.srm.yaml');
    const text = `${declaration('first', 'net-team', 'provider')}---\nworkload: second\nmatrix: reference@1\nmodel: saas\nlayers:\n  iam:\n    owner: "iam people"\n  bogus-layer: {owner: nobody}\n`;
    writeFile(dir, 'summary.srm.yaml', text);
    await client.filesChanged({ uri, type: FileChangeType.Created });
    await client.open(uri, text);
    const status = await client.waitFor('a status', () => client.statuses(uri).at(-1));
    const summary = await client.waitForAnswer('the summary', () => client.request(IndexSummaryRequest, { uri }));
    assert.equal(summary.version, 1);
    assert.equal(summary.gaps, status.gaps);
    assert.ok(summary.gaps > 0);
    assert.deepEqual(summary.workloads.map((w) => [w.index, w.name, w.model, w.matrix ?? null]), [
      [0, 'first', 'iaas', null],
      [1, 'second', 'saas', 'reference@1'],
    ]);
    assert.equal(summary.workloads.reduce((n, w) => n + w.gaps, 0), summary.gaps);
    const at = (span: { start: number; end: number }) => client.textAt(uri, rangeOf(summary, span));
    for (const w of summary.workloads) assert.equal(at(w.nameSpan!), w.name);
    assert.match(at(summary.workloads[1]!.span), /^(---\n)?workload: second\n[^]*bogus-layer: \{owner: nobody\}\n$/);
    const entries = summary.workloads.flatMap((w) => w.entries.map((e) => [e.key, e.layerId ?? null, e.owner ?? null, e.ownerSpan ? at(e.ownerSpan) : null, at(e.keySpan)]));
    assert.deepEqual(entries, [
      ['network-config', 'network-config', 'net-team', 'net-team', 'network-config'],
      ['operating-system', 'operating-system', 'provider', 'provider', 'operating-system'],
      ['iam', 'identity-access', 'iam people', '"iam people"', 'iam'],
      ['bogus-layer', null, 'nobody', 'nobody', 'bogus-layer'],
    ]);
    await client.close(uri);
    // Back to the disk's text: no version any more.
    await client.waitForAnswer('the summary from disk', async () => (await client.request(IndexSummaryRequest, { uri }))?.version === null);
  });

  it('counts the gaps of files nobody opened by the one definition: a display setting changes nothing, the configuration does', async () => {
    const client = server();
    const uri = writeFile(dir, 'gaps.srm.yaml', 'workload: g\nmodel: paas\nlayers:\n  data-classification: {owner: dg}\n  identity-access: {owner: iam}\n  applications: {owner: apps}\n');
    await client.filesChanged({ uri, type: FileChangeType.Created });
    await owners(client);
    // Under reference@1, no endpoint-devices and no runtime-middleware: two gaps.
    assert.equal((await client.waitForAnswer('the summary', () => client.request(IndexSummaryRequest, { uri })))?.gaps, 2);
    // A personal display setting hides a finding; the layer is still a gap.
    await client.configure({ severity: { SRM001: 'off' } });
    await client.configure({});
    assert.equal((await client.request(IndexSummaryRequest, { uri }))?.gaps, 2);
    // The configuration moves the folder to Azure's matrix: the reference's ids count as its layers, three others are missing.
    const config = writeFile(dir, 'srm.config.yaml', 'matrix: azure@2026-01\n');
    await client.filesChanged({ uri: config, type: FileChangeType.Created });
    await client.waitForAnswer('three gaps under azure@2026-01', async () => (await client.request(IndexSummaryRequest, { uri }))?.gaps === 3);
    fs.rmSync(URI.parse(config).fsPath);
    await client.filesChanged({ uri: config, type: FileChangeType.Deleted });
    await client.waitForAnswer('two gaps again', async () => (await client.request(IndexSummaryRequest, { uri }))?.gaps === 2);
  });

  it('places what it keeps by the lines LSP counts: CRLF, lone CR and mixed line ends', async () => {
    const client = server();
    const lf = `${declaration('first', 'net-team')}---\nworkload: second\nmodel: saas\nlayers:\n  iam: {owner: "iam people"}\n`;
    // The engine reads a lone CR as a line break, as YAML and LSP do.
    const variants = [
      ['crlf.srm.yaml', lf.replace(/\n/g, '\r\n')],
      ['lf-crlf.srm.yaml', lf.split('\n').map((line, i) => line + (i % 2 ? '\r\n' : '\n')).join('')],
      ['cr.srm.yaml', lf.replace(/\n/g, '\r')],
      ['mixed.srm.yaml', lf.split('\n').map((line, i) => line + ['\n', '\r\n', '\r'][i % 3]!).join('')],
    ] as const;
    for (const [name, text] of variants) {
      const uri = untitled(name);
      await client.open(uri, text);
      await client.waitForDiagnostics(uri);
      const summary = await client.waitForAnswer(`the summary of ${name}`, () => client.request(IndexSummaryRequest, { uri }));
      const spans = summary.workloads.flatMap((w) => [w.span, w.nameSpan, ...w.entries.flatMap((e) => [e.keySpan, e.ownerSpan])]).filter((x) => x !== undefined);
      assert.ok(spans.length > 0, name);
      // Line and column as the editor counts them land on the same text as the offsets.
      for (const span of spans) assert.equal(client.textAt(uri, rangeOf(summary, span)), text.slice(span.start, span.end), `${name} ${JSON.stringify(span)}`);
      const places = summary.workloads.flatMap((w) => [w.name, ...w.entries.flatMap((e) => [e.key, e.owner])]);
      assert.deepEqual(places, ['first', 'network-config', 'net-team', 'second', 'iam', 'iam people'], name);
      await client.close(uri);
    }
  });
});

describe('LSP: the workspace index of a larger workspace', function () {
  this.timeout(30_000);
  let dir = '';
  const server = useServer(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`team-${Math.floor(i / 50)}/w-${i}.srm.yaml`] = declaration(`w-${i}`, `team-${i}`);
    dir = tempWorkspace(files);
    return { folders: [dir], settings: {} };
  });
  after(removeTempWorkspaces);

  it('offers the owners of all 300 files (read by worker threads), and keeps up with a change made during the scan', async () => {
    const client = server();
    await client.open(ASKING, ASKING_TEXT);
    await client.completionList(ASKING, OWNER_AT);
    // Changed on disk while the scan may still be reading: the newer text wins.
    writeFile(dir, 'team-5/w-299.srm.yaml', declaration('w-299', 'changed-team'));
    await client.filesChanged({ uri: fileUri(dir, 'team-5/w-299.srm.yaml'), type: FileChangeType.Changed });
    const offered = await ownersWhen(client, 'the changed file\'s owner', (o) => o.includes('changed-team'));
    const expected = [...Array.from({ length: 299 }, (_, i) => `team-${i}`), 'changed-team'].sort();
    assert.deepEqual(offered, expected);
  });
});
