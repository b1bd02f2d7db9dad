/**
 * Parity: a folder with a configuration file (severity changes, a default
 * matrix, an override policy, inline-ignore off) and a matrix file of its own,
 * checked by `srm check --format json` and by the language server. A user must
 * see the same findings in CI as in the editor: code, range, severity, message.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, removeTempWorkspaces, REPO, tempWorkspace, useServer } from './client';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const FILES: Record<string, string> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'srm.config.yaml': `matrix: azure@2026-01
severity:
  SRM006: off
  SRM003: error
  SRM015: hint
overrides: no-reduction
inline-ignore: false
`,
  'governance/acme.srm-matrix.yaml': `matrix: acme
version: "1"
title: Acme responsibility matrix
source: {url: https://wiki.acme.example/srm}
extends: reference@1
layers:
  - {id: security-monitoring, name: Security Monitoring, after: identity-access}
service-models:
  - {id: paas, cells: {security-monitoring: third-party}}
  - {id: iaas, cells: {security-monitoring: customer}}
  - {id: saas, cells: {security-monitoring: not-applicable}}
`,
  'teams/vm.srm.yaml': `workload: vm
model: paas
extra: ignored
layers:   # srm-ignore SRM001: refused by inline-ignore: false
  customer-data: {owner: dg}
  applications: {owner: app-team, handoff: we own the code}
  operating-system: {owner: provider}
  network-controls:
    owner: net
    responsibility: provider
    reason: The platform team says the provider filters traffic.
`,
  'teams/api.srm.yaml': `workload: api
matrix: acme@1
model: paas
layers:
  data-classification: {owner: dg}
  identity-access: {owner: iam}
  runtime-middleware: {owner: platform}
  physical-servers: {owner: provider}
`,
  'teams/legacy.srm.yaml': `workload: legacy
matrix: reference
model: iaas
layers:
  data-classification: {owner: dg}
  os: {owner: ops}
`,
};

const SEVERITY: Record<string, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

interface Seen {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
}

function sorted(list: Seen[]): Seen[] {
  return list.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

describe('LSP: parity with srm check on a configured folder', function () {
  this.timeout(20_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace(FILES);
    return { folders: [dir] };
  });
  after(removeTempWorkspaces);

  it('every declaration and the matrix file get the same findings from srm check --format json and from the server', async () => {
    const client = server();
    const run = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    assert.ok(run.status === 1, `srm check exits 1 on these errors; got ${run.status}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; message: string; span: { start: number; end: number } }[] }[] };
    // The matrix file is checked too: its findings (none here) must agree as well.
    const declarations = Object.keys(FILES).filter((f) => /\.srm(-matrix)?\.yaml$/.test(f));
    assert.deepEqual(report.files.map((f) => f.path.replace(/\\/g, '/')).sort(), declarations.sort());
    const seenCodes = new Set<string>();
    for (const name of declarations) {
      const fromCli = sorted(
        report.files.find((f) => f.path.replace(/\\/g, '/') === name)!.diagnostics.map((d) => ({ code: d.code, start: d.span.start, end: d.span.end, severity: SEVERITY[d.severity]!, message: d.message })),
      );
      const uri = fileUri(dir, name);
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const doc = TextDocument.create(uri, 'srm', 1, text);
      await client.open(uri, text, 1, name.endsWith('.srm-matrix.yaml') ? 'yaml' : 'srm');
      const fromServer = sorted(
        (await client.waitForDiagnostics(uri)).map((d: Diagnostic) => ({
          code: String(d.code),
          start: doc.offsetAt(d.range.start),
          end: doc.offsetAt(d.range.end),
          severity: d.severity!,
          message: typeof d.message === 'string' ? d.message : d.message.value,
        })),
      );
      assert.deepEqual(fromServer, fromCli, name);
      for (const d of fromCli) seenCodes.add(`${d.code}:${d.severity}`);
    }
    // The folder exercises what the configuration changes: otherwise the comparison proves little.
    for (const expected of ['SRM001:1', 'SRM003:1', 'SRM015:4', 'SRM036:1', 'SRM030:4', 'SRM033:1']) {
      assert.ok(seenCodes.has(expected), `${expected} among ${[...seenCodes].join(', ')}`);
    }
    assert.ok(![...seenCodes].some((c) => c.startsWith('SRM006:')), 'SRM006 is off');
  });
});
