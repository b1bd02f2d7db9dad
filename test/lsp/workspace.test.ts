/**
 * The `workspace` problems scope: every declaration on disk is checked (with
 * work-done progress), kept current through workspace/didChangeWatchedFiles,
 * and cleared again when the scope goes back to open files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { codes, fileUri, removeTempWorkspaces, tempWorkspace, useServer, writeFile, type LspClient, type Recorded } from './client';
import { describe as describeDiagnostics, MULTI, PAAS_COMPLETE, PAAS_WITH_GAPS } from './texts';

const FILES = {
  'a.srm.yaml': PAAS_WITH_GAPS,
  'nested/deeper/b.srm.yml': PAAS_COMPLETE,
  'c.srm.yaml': MULTI,
  'node_modules/pkg/ignored.srm.yaml': PAAS_WITH_GAPS,
  '.git/hidden.srm.yaml': PAAS_WITH_GAPS,
  'config.yaml': 'not: a declaration\n',
};

/** A request the server answers only after handling everything sent before it, and whose answer the client reads after every notification the server sent before. */
async function roundTrip(client: LspClient): Promise<void> {
  await client.documentSymbols('untitled:/round-trip.srm.yaml');
}

describe('LSP: problems scope "workspace"', function () {
  this.timeout(10_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace(FILES);
    return { folders: [dir], settings: { problems: { scope: 'workspace' } } };
  });
  after(removeTempWorkspaces);
  const uri = (name: string) => fileUri(dir, name);

  it('checks every declaration on disk, outside node_modules and .git, with work-done progress', async () => {
    const client = server();
    const a = await client.waitForDiagnostics(uri('a.srm.yaml'));
    assert.deepEqual(codes(a), ['SRM001', 'SRM002']);
    assert.deepEqual(await client.waitForDiagnostics(uri('nested/deeper/b.srm.yml')), []);
    assert.ok((await client.waitForDiagnostics(uri('c.srm.yaml'))).some((d) => d.code === 'SRM004'));
    for (const name of ['a.srm.yaml', 'nested/deeper/b.srm.yml', 'c.srm.yaml']) {
      assert.equal(client.latestDiagnostics(uri(name))?.version, undefined, `${name} is not open: its diagnostics have no version`);
    }
    assert.deepEqual(await client.waitFor('a status for a.srm.yaml', () => client.statuses(uri('a.srm.yaml')).at(-1)), {
      uri: uri('a.srm.yaml'),
      version: null,
      errors: 2,
      warnings: 0,
      gaps: 2,
    });

    const created = client.log.find((r): r is Extract<Recorded, { kind: 'progress-create' }> => r.kind === 'progress-create');
    assert.ok(created, 'the server asked for a progress token');
    const end = await client.waitFor('the end of the scan', () => {
      const i = client.log.findIndex((r) => r.kind === 'progress' && r.token === created.token && r.value.kind === 'end');
      return i >= 0 ? i + 1 : undefined;
    });
    const ofToken = client.log.slice(0, end).flatMap((r) => (r.kind === 'progress' && r.token === created.token ? [r.value] : []));
    assert.equal(ofToken[0]!.kind, 'begin');
    assert.match(ofToken[0]!.kind === 'begin' ? ofToken[0]!.title : '', /SRM/);
    assert.equal(ofToken.filter((v) => v.kind === 'begin').length, 1);
    const diskPublishes = client.log.flatMap((r, i) => (r.kind === 'diagnostics' && r.params.uri.startsWith(fileUri(dir, '')) ? [i] : []));
    assert.ok(diskPublishes.length >= 3 && diskPublishes.every((i) => i < end), 'every file is published before the progress ends');

    await roundTrip(client);
    const published = new Set(client.log.flatMap((r) => (r.kind === 'diagnostics' ? [r.params.uri] : [])));
    for (const name of ['node_modules/pkg/ignored.srm.yaml', '.git/hidden.srm.yaml', 'config.yaml']) assert.ok(!published.has(uri(name)), `${name} is not checked`);
    assert.ok(client.configurationRequests.some((item) => item.section === 'srm' && item.scopeUri === undefined), 'the scope is read workspace-wide');
  });

  it('re-checks a file changed on disk, checks a new one, clears a deleted one', async () => {
    const client = server();
    await client.waitForDiagnostics(uri('a.srm.yaml'), (d) => d.length > 0);
    writeFile(dir, 'a.srm.yaml', PAAS_COMPLETE);
    const created = writeFile(dir, 'new/d.srm.yaml', PAAS_WITH_GAPS.replace('model: paas', 'model: saas'));
    fs.rmSync(path.join(dir, 'c.srm.yaml'));
    await client.filesChanged(
      { uri: uri('a.srm.yaml'), type: FileChangeType.Changed },
      { uri: created, type: FileChangeType.Created },
      { uri: uri('c.srm.yaml'), type: FileChangeType.Deleted },
    );
    await client.waitForDiagnostics(uri('a.srm.yaml'), (d) => d.length === 0);
    const d = await client.waitForDiagnostics(created, (x) => x.length > 0);
    assert.ok(d.some((x) => x.code === 'SRM006'), describeDiagnostics(d));
    await client.waitForDiagnostics(uri('c.srm.yaml'), (x) => x.length === 0);
    await client.waitFor('a zero status for the deleted file', () => client.statuses(uri('c.srm.yaml')).at(-1)?.errors === 0);
  });

  it('clears the files of a deleted folder when only the folder is reported', async () => {
    const client = server();
    const x = writeFile(dir, 'gone/x.srm.yaml', PAAS_WITH_GAPS);
    const y = writeFile(dir, 'gone/deeper/y.srm.yaml', PAAS_WITH_GAPS);
    const kept = writeFile(dir, 'gone-not/z.srm.yaml', PAAS_WITH_GAPS);
    await client.filesChanged({ uri: x, type: FileChangeType.Created }, { uri: y, type: FileChangeType.Created }, { uri: kept, type: FileChangeType.Created });
    for (const u of [x, y, kept]) await client.waitForDiagnostics(u, (d) => d.length > 0);
    fs.rmSync(path.join(dir, 'gone'), { recursive: true });
    await client.filesChanged({ uri: uri('gone'), type: FileChangeType.Deleted });
    for (const u of [x, y]) await client.waitForDiagnostics(u, (d) => d.length === 0);
    await roundTrip(client);
    assert.equal(client.latestDiagnostics(kept)?.diagnostics.length, 2, 'a sibling whose name starts the same is kept');
    fs.rmSync(path.join(dir, 'gone-not'), { recursive: true });
    await client.filesChanged({ uri: kept, type: FileChangeType.Deleted });
    await client.waitForDiagnostics(kept, (d) => d.length === 0);
  });

  it('ignores changes on disk to files the scan skips', async () => {
    const client = server();
    const mark = client.mark();
    writeFile(dir, 'node_modules/pkg/ignored.srm.yaml', MULTI);
    writeFile(dir, 'node_modules/pkg/late.srm.yaml', MULTI);
    writeFile(dir, 'config.yaml', 'still: not a declaration\n');
    const outside = tempWorkspace({ 'elsewhere.srm.yaml': MULTI });
    await client.filesChanged(
      { uri: uri('node_modules/pkg/ignored.srm.yaml'), type: FileChangeType.Changed },
      { uri: uri('node_modules/pkg/late.srm.yaml'), type: FileChangeType.Created },
      { uri: uri('.git/hidden.srm.yaml'), type: FileChangeType.Changed },
      { uri: uri('config.yaml'), type: FileChangeType.Changed },
      { uri: fileUri(outside, 'elsewhere.srm.yaml'), type: FileChangeType.Created },
      // Changes are handled in order: once this one is published, the others have been handled.
      { uri: uri('a.srm.yaml'), type: FileChangeType.Changed },
    );
    await client.waitForPublishSince(mark, uri('a.srm.yaml'));
    assert.deepEqual(
      client.since(mark).flatMap((r) => (r.kind === 'diagnostics' ? [r.params.uri] : [])),
      [uri('a.srm.yaml')],
      'node_modules, .git, other YAML and files outside the workspace folders are not the workspace\'s declarations',
    );
  });

  it('prefers the editor\'s copy of an open file, and goes back to the disk when it closes', async () => {
    const client = server();
    const d = uri('new/d.srm.yaml');
    await client.waitForDiagnostics(d, (x) => x.length > 0);
    await client.open(d, PAAS_WITH_GAPS);
    assert.deepEqual(codes(await client.waitForDiagnostics(d)), ['SRM001', 'SRM002']);

    // A change on disk while the file is open does not replace the editor's diagnostics.
    const mark = client.mark();
    writeFile(dir, 'new/d.srm.yaml', PAAS_COMPLETE);
    await client.filesChanged({ uri: d, type: FileChangeType.Changed });
    await roundTrip(client);
    assert.deepEqual(client.since(mark).filter((r) => r.kind === 'diagnostics' && r.params.uri === d), []);

    await client.close(d);
    await client.waitForDiagnostics(d, (x) => x.length === 0);
    assert.equal(client.latestDiagnostics(d)?.version, undefined);
  });

  it('clears files that are not open when the scope goes back to openFiles, and keeps open ones', async () => {
    const client = server();
    const b = uri('nested/deeper/b.srm.yml');
    await client.open(b, PAAS_WITH_GAPS);
    assert.deepEqual(codes(await client.waitForDiagnostics(b)), ['SRM001', 'SRM002']);
    await client.waitForDiagnostics(uri('new/d.srm.yaml'));
    writeFile(dir, 'a.srm.yaml', PAAS_WITH_GAPS);
    await client.filesChanged({ uri: uri('a.srm.yaml'), type: FileChangeType.Changed });
    await client.waitForDiagnostics(uri('a.srm.yaml'), (x) => x.length > 0);

    const mark = client.mark();
    await client.configure({ problems: { scope: 'openFiles' } });
    await client.waitForDiagnostics(uri('a.srm.yaml'), (x) => x.length === 0);
    await roundTrip(client);
    const ofB = client.since(mark).flatMap((r) => (r.kind === 'diagnostics' && r.params.uri === b ? [r.params] : []));
    assert.ok(ofB.every((p) => p.diagnostics.length === 2 && p.version === 1), `the open file keeps its diagnostics: ${JSON.stringify(ofB)}`);
    assert.deepEqual(codes(client.latestDiagnostics(b)?.diagnostics ?? []), ['SRM001', 'SRM002']);

    // And when it closes, it is cleared, not re-read from disk.
    await client.close(b);
    await client.waitForDiagnostics(b, (x) => x.length === 0);
  });

  it('scans again when the scope returns to workspace', async () => {
    const client = server();
    const mark = client.mark();
    await client.configure({ problems: { scope: 'workspace' } });
    assert.deepEqual(codes((await client.waitForPublishSince(mark, uri('a.srm.yaml'))).diagnostics), ['SRM001', 'SRM002']);
    await client.waitForPublishSince(mark, uri('nested/deeper/b.srm.yml'));
    await client.waitFor('a second scan with progress', () =>
      client.since(mark).some((r) => r.kind === 'progress' && r.value.kind === 'end'),
    );
  });

  it('checks a workspace folder when it is added, and clears its files when it is removed', async () => {
    const client = server();
    const extra = tempWorkspace({ 'extra.srm.yaml': PAAS_WITH_GAPS, 'deep/er/more.srm.yaml': MULTI });
    const extraUri = fileUri(extra, 'extra.srm.yaml');
    await client.changeFolders([extra]);
    assert.deepEqual(codes(await client.waitForDiagnostics(extraUri, (d) => d.length > 0)), ['SRM001', 'SRM002']);
    await client.waitForDiagnostics(fileUri(extra, 'deep/er/more.srm.yaml'), (d) => d.length > 0);
    await client.changeFolders([], [extra]);
    await client.waitForDiagnostics(extraUri, (d) => d.length === 0);
    await client.waitForDiagnostics(fileUri(extra, 'deep/er/more.srm.yaml'), (d) => d.length === 0);
    await roundTrip(client);
    assert.deepEqual(codes(client.latestDiagnostics(uri('a.srm.yaml'))?.diagnostics ?? []), ['SRM001', 'SRM002'], 'the other folder keeps its files');
  });
});

describe('LSP: problems scope changes while a scan runs', function () {
  this.timeout(10_000);
  let dir = '';
  const server = useServer(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`team-${String(i).padStart(3, '0')}.srm.yaml`] = PAAS_WITH_GAPS;
    dir = tempWorkspace(files);
    return { folders: [dir], settings: {} };
  });
  after(removeTempWorkspaces);

  it('applies a severity change to files on disk too', async () => {
    const client = server();
    await client.configure({ problems: { scope: 'workspace' } });
    await client.waitForDiagnostics(fileUri(dir, 'team-079.srm.yaml'), (d) => d.length === 2);
    await client.configure({ problems: { scope: 'workspace' }, severity: { SRM002: 'off' } });
    await client.waitForDiagnostics(fileUri(dir, 'team-079.srm.yaml'), (d) => d.length === 1);
    assert.deepEqual(codes(await client.waitForDiagnostics(fileUri(dir, 'team-000.srm.yaml'))), ['SRM001']);
  });

  it('leaves no file of an interrupted scan published once the scope is back to openFiles', async () => {
    const client = server();
    await client.configure({});
    await client.waitForDiagnostics(fileUri(dir, 'team-079.srm.yaml'), (d) => d.length === 0);
    // Hold back the settings of one file the scan is about to publish, until the scope has narrowed.
    const held = fileUri(dir, 'team-040.srm.yaml');
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached = false;
    client.configurationGate = (items) => {
      if (!items.some((i) => i.scopeUri === held)) return;
      reached = true;
      return gate;
    };
    try {
      const mark = client.mark();
      await client.configure({ problems: { scope: 'workspace' } });
      await client.waitFor('the scan to reach the held file', () => reached);
      await client.configure({ problems: { scope: 'openFiles' } });
      await client.waitForPublishSince(mark, fileUri(dir, 'team-039.srm.yaml'), (p) => p.diagnostics.length === 0);
      release();
      await client.waitFor('the scan to end', () => client.since(mark).some((r) => r.kind === 'progress' && r.value.kind === 'end'));
      await roundTrip(client);
      const latest = new Map<string, number>();
      for (const r of client.since(mark)) if (r.kind === 'diagnostics') latest.set(r.params.uri, r.params.diagnostics.length);
      assert.ok(latest.size >= 40);
      assert.deepEqual([...latest].filter(([, n]) => n > 0), [], 'every file published by the scan is cleared, and the held one is not published');
    } finally {
      client.configurationGate = undefined;
      release();
    }
  });
});
