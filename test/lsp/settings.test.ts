/** The `srm` settings, pulled with workspace/configuration and re-read after workspace/didChangeConfiguration. */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { codes, untitled, useServer } from './client';
import { find, PAAS_WITH_GAPS } from './texts';

describe('LSP: settings', function () {
  this.timeout(10_000);
  const server = useServer({ settings: {} });
  const uri = untitled('settings.srm.yaml');
  const other = untitled('settings-other.srm.yaml');

  before(async () => {
    await server().open(uri, PAAS_WITH_GAPS);
    await server().open(other, PAAS_WITH_GAPS.replace('payments-api', 'other'));
    await server().waitForDiagnostics(uri);
    await server().waitForDiagnostics(other);
  });
  afterEach(async () => {
    const client = server();
    await client.configure({});
    await client.waitForDiagnostics(uri, (d) => d.length === 2 && d.every((x) => x.severity === DiagnosticSeverity.Error));
  });

  it('asks for the srm section of each document', () => {
    const asked = server().configurationRequests;
    assert.ok(asked.some((item) => item.scopeUri === uri && item.section === 'srm'), JSON.stringify(asked));
    assert.ok(asked.some((item) => item.scopeUri === other && item.section === 'srm'));
  });

  it('applies a severity override after didChangeConfiguration', async () => {
    const client = server();
    await client.configure({ severity: { SRM001: 'warning' } });
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'SRM001' && x.severity === DiagnosticSeverity.Warning));
    assert.equal(find(diagnostics, 'SRM002').severity, DiagnosticSeverity.Error, 'other codes keep theirs');
    assert.equal(client.latestDiagnostics(uri)?.version, 1, 'the same version, re-published');
    await client.waitForDiagnostics(other, (d) => d.some((x) => x.code === 'SRM001' && x.severity === DiagnosticSeverity.Warning));
    await client.waitFor('a status with the new counts', () => {
      const s = client.statuses(uri).at(-1);
      return s?.errors === 1 && s.warnings === 1 && s.gaps === 2;
    });
  });

  it('removes the findings of a code switched off (codes in any case), and their fixes', async () => {
    const client = server();
    await client.configure({ severity: { srm002: 'off', SRM001: 'hint' } });
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.deepEqual(codes(diagnostics), ['SRM001']);
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Hint);
    const actions = await client.codeActions(uri, diagnostics[0]!.range);
    assert.ok(actions.length > 0);
    assert.ok(actions.every((a) => (a.diagnostics ?? []).every((d) => d.code !== 'SRM002')), 'no fix is attached to a finding that is off');
    // Hiding a finding closes no gap: the status counts by the core's one definition, as the layer stack and srm check do.
    await client.waitFor('a status that still counts both gaps', () => client.statuses(uri).at(-1)?.gaps === 2);
  });

  it('is re-read when the client does not push the settings', async () => {
    const client = server();
    await client.configure({ severity: { SRM002: 'info' } }, false);
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'SRM002' && x.severity === DiagnosticSeverity.Information));
  });

  it('clears everything with enable: false, and checks again when enabled', async () => {
    const client = server();
    await client.configure({ enable: false });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    await client.waitForDiagnostics(other, (d) => d.length === 0);
    await client.waitFor('a zero status', () => client.statuses(uri).at(-1)?.errors === 0);

    // An edit while disabled publishes nothing new.
    await client.replace(uri, 'owner: iam-team', 'owner: ""');
    await client.waitForDiagnostics(uri, (d) => d.length === 0);

    await client.configure({ enable: true });
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['SRM001', 'SRM002', 'SRM012']);
    await client.replace(uri, 'owner: ""', 'owner: iam-team');
  });

  it('honours srm-ignore comments unless inlineSuppressions is false', async () => {
    const client = server();
    const suppressed = untitled('settings-suppressed.srm.yaml');
    await client.open(suppressed, PAAS_WITH_GAPS.replace('layers:\n', 'layers:   # srm-ignore SRM002: the platform team declares the runtime\n'));
    assert.deepEqual(codes(await client.waitForDiagnostics(suppressed)), ['SRM001']);
    await client.configure({ inlineSuppressions: false });
    assert.deepEqual(codes(await client.waitForDiagnostics(suppressed, (d) => d.length === 2)), ['SRM001', 'SRM002']);
    await client.configure({});
    assert.deepEqual(codes(await client.waitForDiagnostics(suppressed, (d) => d.length === 1)), ['SRM001']);
    await client.close(suppressed);
  });
});
