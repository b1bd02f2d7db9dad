/**
 * One truth between the editor and CI: every fixture file and a few hundred
 * generated ones, fixed by the editor's fix-all (source.fixAll.srm, as fix on
 * save asks for it) and by `srm check --fix` under the same configuration,
 * come out byte for byte the same. Generated files are checked once with no
 * configuration and once under one that switches codes off and re-levels others.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { fileArb, render } from '../engine/generators';
import { FIXTURE_DIR, listFixtures } from '../engine/helpers';
import { WORKSPACES } from '../engine/workspaces';
import { REPO, fileUri, removeTempWorkspaces, tempWorkspace, useServer } from './client';

const GENERATED = 200;
/** Codes switched off or re-levelled: their fixes must go (or stay) alike in both. */
const SWITCHED = 'severity:\n  SRM008: off\n  SRM003: off\n  SRM006: error\n';

/** Every file of the corpus, relative to its root, with its bytes. */
function corpus(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const rel of listFixtures()) files.set(`engine/${rel}`, fs.readFileSync(path.join(FIXTURE_DIR, rel)));
  const walk = (dir: string, rel: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}/${e.name}`);
      else files.set(`${rel}/${e.name}`, fs.readFileSync(path.join(dir, e.name)));
    }
  };
  // Under a broken configuration the CLI checks nothing (one line, exit 2) while the editor diagnoses the configuration: no common ground.
  for (const e of fs.readdirSync(WORKSPACES, { withFileTypes: true })) if (e.isDirectory() && e.name !== 'config-errors') walk(path.join(WORKSPACES, e.name), `workspaces/${e.name}`);
  const specs = fc.sample(fileArb, { numRuns: GENERATED, seed: 20261201 });
  specs.forEach((spec, i) => {
    const text = Buffer.from(render(spec));
    files.set(`generated/plain/g${i}.srm.yaml`, text);
    files.set(`generated/switched/g${i}.srm.yaml`, text);
  });
  files.set('generated/switched/srm.config.yaml', Buffer.from(SWITCHED));
  return files;
}

/** What an editor shows of the bytes: UTF-8 without its byte-order mark. Undefined for bytes that are not UTF-8 (the editor would not open them as they are). */
function asEditorText(bytes: Buffer): string | undefined {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!Buffer.from(text).equals(bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0)) && !Buffer.from(`\uFEFF${text}`).equals(bytes)) return undefined;
  return text.replace(/^\uFEFF/, '');
}

describe('LSP: fix-all gives what srm check --fix gives', function () {
  this.timeout(600_000);
  const files = corpus();
  let editorDir = '';
  let cliDir = '';
  const server = useServer(() => {
    const all = Object.fromEntries(files);
    editorDir = tempWorkspace(all);
    cliDir = tempWorkspace(all);
    // The CLI stops looking for srm.config.yaml at a repository root, as the editor does at its folder.
    for (const dir of [editorDir, cliDir]) fs.mkdirSync(path.join(dir, '.git'));
    return { folders: [editorDir] };
  });
  after(removeTempWorkspaces);

  it('over every fixture file and generated files, with and without codes switched off', async () => {
    const client = server();
    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--fix', '--format', 'json', '.'], { cwd: cliDir, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
    let compared = 0;
    let changed = 0;
    for (const [rel, bytes] of files) {
      if (!/\.srm\.ya?ml$/.test(rel)) continue;
      const text = asEditorText(bytes);
      if (text === undefined || text.length > 1_000_000) continue; // not UTF-8: --fix refuses it, and no editor shows it as it is
      const uri = fileUri(editorDir, rel);
      await client.open(uri, text);
      const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll.srm'] });
      if (actions[0]?.edit) await client.applyWorkspaceEdit(actions[0].edit);
      const byCli = asEditorText(fs.readFileSync(path.join(cliDir, rel)));
      assert.equal(client.text(uri), byCli, `${rel}: the editor's fix-all and srm check --fix differ`);
      if (byCli !== text) changed++;
      compared++;
      await client.close(uri);
    }
    assert.ok(compared >= GENERATED * 2 + 50, `only ${compared} files compared`);
    assert.ok(changed >= GENERATED / 2, `only ${changed} files needed fixing: the corpus proves little`);
  });
});
