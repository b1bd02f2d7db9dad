/**
 * The owner directory in the editor: the same unknown-owner and alias findings
 * as `srm check` (one core), and quick fixes that name an owner.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, fileUri, removeTempWorkspaces, tempWorkspace, useServer } from './client';

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
