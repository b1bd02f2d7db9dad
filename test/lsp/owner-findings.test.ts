/**
 * The owner directory in the editor: the same unknown-owner and alias findings
 * as `srm check` (one core), and quick fixes that name an owner.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind } from 'vscode-languageserver-protocol';
import { REPO, fileUri, removeTempWorkspaces, tempWorkspace, useServer, type LspClient } from './client';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'workspaces', 'owner-directory');

/** The fixture's files, copied into a fresh workspace. */
function copyFixture(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(FIXTURE, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out[child] = fs.readFileSync(path.join(FIXTURE, child), 'utf8');
    }
  };
  walk('');
  return out;
}

interface Seen { code: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }

describe('LSP: the owner directory', function () {
  this.timeout(30_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace(copyFixture());
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);

  it('reports unknown owners and aliases exactly as srm check does', async () => {
    const client = server();
    const declarations = Object.keys(copyFixture()).filter((f) => f.endsWith('.srm.yaml'));
    assert.ok(declarations.length >= 3);
    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json', ...declarations], { cwd: dir, encoding: 'utf8' });
    const files = (JSON.parse(cli.stdout) as { files: { path: string; diagnostics: Seen[] }[] }).files;
    const severities = ['', 'error', 'warning', 'info', 'hint'];
    let owners = 0;
    for (const rel of declarations) {
      const uri = fileUri(dir, rel);
      await client.open(uri, fs.readFileSync(path.join(dir, rel), 'utf8'));
      const fromEditor: Seen[] = (await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'SRM039' || d.code === 'SRM040'))).map((d) => ({
        code: String(d.code),
        severity: severities[d.severity!]!,
        message: typeof d.message === 'string' ? d.message : d.message.value,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      }));
      const fromCli = files.find((f) => f.path === rel)!.diagnostics.map(({ code, severity, message, line, column, endLine, endColumn }) => ({ code, severity, message, line, column, endLine, endColumn }));
      const order = (a: Seen, b: Seen) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
      assert.deepEqual(fromEditor.sort(order), fromCli.sort(order), rel);
      owners += fromCli.filter((d) => d.code === 'SRM039' || d.code === 'SRM040').length;
    }
    assert.ok(owners >= 6, `only ${owners} owner findings`);
  });
});

const TEAMS = 'owners:\n  iam-team:\n    aliases: [identity-team]\n  sec-team:\n    layers: [Identity & Access]\n  workplace-it:\n  data-office:\n';
const workload = (name: string, iam: string) => `workload: ${name}\nmodel: saas\nlayers:\n  data-classification: {owner: data-office}\n  endpoint-devices: {owner: workplace-it}\n  identity-access: {owner: ${iam}}\n`;
/** A SaaS workload without its identity layer (and, in the second case, without its endpoints). */
const MISSING_IAM = 'workload: new-one\nmodel: saas\nlayers:   # the team fills this in\n  data-classification: {owner: data-office}\n  endpoint-devices: {owner: workplace-it}\n';
const MISSING_TWO = 'workload: new-two\nmodel: saas\nlayers:\n  data-classification: {owner: data-office}\n';
const LAYERS_KEY = { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } };

async function quickFixes(client: LspClient, uri: string) {
  const actions = await client.codeActions(uri, LAYERS_KEY);
  return actions.filter((a) => a.kind === CodeActionKind.QuickFix);
}

describe('LSP: quick fixes that name an owner', function () {
  this.timeout(30_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({
      'srm.config.yaml': TEAMS,
      'a.srm.yaml': workload('a', 'iam-team'),
      'b.srm.yaml': `${workload('b', 'identity-team')}---\n${workload('c', 'IAM-team')}`,
      'd/e.srm.yaml': workload('e', 'ops-people'),
    });
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);

  it('offers the owners of the layer across the workspace, most used first, and the directory\'s', async () => {
    const client = server();
    const uri = fileUri(dir, 'new/missing-iam.srm.yaml');
    await client.open(uri, MISSING_IAM);
    await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'SRM001'));
    // The index reads the workspace in the background: poll until it counts every workload.
    const fixes = await client.waitForAnswer('owners from every workload', async () => {
      const found = await quickFixes(client, uri);
      return found.some((f) => f.title.includes('as in 3 other workloads')) && found;
    });
    assert.deepEqual(fixes.map((f) => f.title), [
      'Add an entry for Identity & Access',
      // Aliases and other spellings of a directory owner count as it, under its directory name.
      'Add Identity & Access, owned by iam-team (as in 3 other workloads)',
      'Add Identity & Access, owned by ops-people (as in 1 other workload)',
      'Add Identity & Access, owned by sec-team (the owner directory lists it for this layer)',
    ]);
    // One keystroke closes the gap: the entry with the named owner, and nothing left to type.
    await client.applyWorkspaceEdit(fixes[1]!.edit!);
    assert.equal(client.text(uri), MISSING_IAM.replace('workplace-it}\n', 'workplace-it}\n  identity-access:\n    owner: iam-team\n'));
    await client.waitForDiagnostics(uri, (ds) => ds.every((d) => d.code !== 'SRM001' && d.code !== 'SRM012'));
    await client.close(uri);
  });

  it('marks one fix preferred at a place that several findings share, and fix-all never picks an owner', async () => {
    const client = server();
    const uri = fileUri(dir, 'new/missing-two.srm.yaml');
    await client.open(uri, MISSING_TWO);
    await client.waitForDiagnostics(uri, (ds) => ds.filter((d) => d.code === 'SRM001').length === 2);
    const fixes = await client.waitForAnswer('owners from every workload', async () => {
      const found = await quickFixes(client, uri);
      return found.some((f) => f.title.includes('as in 3 other workloads')) && found;
    });
    assert.ok(fixes.some((f) => f.title === 'Add entries for all 2 missing layers'));
    assert.deepEqual(fixes.filter((f) => f.isPreferred).map((f) => f.title), ['Add an entry for Endpoint Devices']);
    assert.ok(fixes.some((f) => f.title === 'Add Endpoint Devices, owned by workplace-it (as in 4 other workloads)'));
    const fixAll = (await client.codeActions(uri, LAYERS_KEY, { only: ['source.fixAll.srm'] }))[0];
    await client.applyWorkspaceEdit(fixAll!.edit!);
    assert.equal(client.text(uri), `${MISSING_TWO}  endpoint-devices:\n    owner: TODO\n  identity-access:\n    owner: TODO\n`);
  });
});

describe('LSP: a completed layer entry is written as the file indents', function () {
  this.timeout(30_000);
  const server = useServer();

  for (const step of [2, 4]) {
    it(`in a file indented by ${step}`, async () => {
      const client = server();
      const pad = ' '.repeat(step);
      const uri = `untitled:/indent-${step}.srm.yaml`;
      await client.open(uri, `workload: w\nmodel: paas\nlayers:\n${pad}applications:\n${pad}${pad}owner: apps\n${pad}\n`);
      const items = await client.completion(uri, { line: 5, character: step });
      const item = items.find((i) => i.label === 'runtime-middleware');
      assert.equal(item?.insertText, `runtime-middleware:\n${pad}owner: \${1:team}\n${pad}handoff: \${2:where the provider's part ends}`);
    });
  }
});
