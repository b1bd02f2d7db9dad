/** The custom requests: srm/layerStack and srm/assignOwner. */
import * as assert from 'node:assert/strict';
import { AssignOwnerRequest, LayerStackRequest, type AssignOwnerResult, type LayerStackResult } from '../../protocol/requests';
import { untitled, useServer } from './client';
import { describe as describeDiagnostics, MULTI, PAAS_WITH_GAPS } from './texts';

const STACK_ORDER = [
  'data-classification',
  'endpoint-devices',
  'identity-access',
  'applications',
  'runtime-middleware',
  'operating-system',
  'network-config',
  'physical-servers',
  'datacenter-network',
  'physical-security',
];

describe('LSP: custom requests', function () {
  this.timeout(10_000);
  const server = useServer();

  describe('srm/layerStack', () => {
    it('returns every workload of a multi-document file with bands, summaries and ranges', async () => {
      const client = server();
      const uri = untitled('stack.srm.yaml');
      await client.open(uri, MULTI, 4);
      const stack = await client.request<{ uri: string }, LayerStackResult>(LayerStackRequest, { uri });
      assert.ok(stack);
      assert.equal(stack.uri, uri);
      assert.equal(stack.version, 4);
      assert.deepEqual(
        stack.workloads.map((w) => [w.index, w.workload, w.model, w.modelName, w.summary, w.handoffAfter]),
        [
          [0, 'storefront-web', 'paas', 'PaaS — Platform as a Service', { required: 5, assigned: 5, gaps: 0 }, 4],
          [1, 'reporting-vm', 'iaas', 'IaaS — Infrastructure as a Service', { required: 7, assigned: 2, gaps: 5 }, 6],
          [2, 'storefront-crm', 'saas', 'SaaS — Software as a Service', { required: 3, assigned: 2, gaps: 1 }, 2],
        ],
      );
      for (const w of stack.workloads) assert.deepEqual(w.bands.map((b) => b.id), STACK_ORDER);

      const vm = stack.workloads[1];
      const band = (id: string) => vm!.bands.find((b) => b.id === id)!;
      assert.deepEqual(
        vm!.bands.map((b) => [b.id, b.who, b.status]),
        [
          ['data-classification', 'customer', 'assigned'],
          ['endpoint-devices', 'customer', 'gap'],
          ['identity-access', 'customer', 'assigned'],
          ['applications', 'customer', 'gap'],
          ['runtime-middleware', 'customer', 'gap'],
          ['operating-system', 'customer', 'wrongly-provider'],
          ['network-config', 'shared', 'gap'],
          ['physical-servers', 'provider', 'provider'],
          ['datacenter-network', 'provider', 'provider'],
          ['physical-security', 'provider', 'provider'],
        ],
      );
      assert.equal(band('operating-system').owner, 'provider');
      assert.equal(client.textAt(uri, band('operating-system').reveal), 'operating-system');
      assert.equal(band('endpoint-devices').canAssign, true);
      assert.equal(band('operating-system').canAssign, false);
      assert.match(band('network-config').reason ?? '', /Network Config/);
      assert.ok(band('endpoint-devices').derived, 'a derived cell says so');

      // Each workload's range lies in its own document; reveal ranges inside the file.
      const lines = client.text(uri).split('\n');
      const separators = lines.flatMap((l, i) => (l === '---' ? [i] : []));
      stack.workloads.forEach((w, i) => {
        assert.ok(w.range.start.line >= (separators[i - 1] ?? 0) && w.range.end.line <= (separators[i] ?? lines.length), `workload ${i} range ${JSON.stringify(w.range)}`);
        for (const b of w.bands) assert.ok(b.reveal.start.line < lines.length, `${b.id} reveal in the file`);
      });
      assert.equal(client.textAt(uri, stack.workloads[2]!.bands.find((b) => b.id === 'identity-access')!.reveal), 'iam');

      for (const w of stack.workloads) {
        assert.deepEqual(w.models.map((m) => m.id), ['iaas', 'paas', 'saas']);
        for (const m of w.models) assert.deepEqual(m.cells.map((c) => c.layerId), STACK_ORDER);
      }
    });

    it('follows edits, and answers null for a file it does not know', async () => {
      const client = server();
      const uri = untitled('stack-edit.srm.yaml');
      await client.open(uri, MULTI);
      await client.replace(uri, 'owner: provider', 'owner: os-team', 'workload: reporting-vm');
      const stack = await client.request<{ uri: string }, LayerStackResult>(LayerStackRequest, { uri });
      assert.equal(stack?.version, 2);
      assert.equal(stack?.workloads[1]!.bands.find((b) => b.id === 'operating-system')?.status, 'assigned');
      assert.deepEqual(stack?.workloads[1].summary, { required: 7, assigned: 3, gaps: 4 });
      assert.equal(await client.request(LayerStackRequest, { uri: untitled('unknown.srm.yaml') }), null);
    });
  });

  describe('srm/assignOwner', () => {
    it('returns the edits and selects the placeholder owner, which is TODO once applied', async () => {
      const client = server();
      const uri = untitled('assign.srm.yaml');
      await client.open(uri, MULTI);
      await client.waitForDiagnostics(uri);
      const result: AssignOwnerResult = await client.request(AssignOwnerRequest, { uri, version: 1, workloadIndex: 1, layerId: 'network-config' });
      assert.ok(result, 'the gap can be closed');
      assert.ok(result.edits.length > 0);
      await client.applyEdits(uri, result.edits);
      assert.equal(client.textAt(uri, result.select), 'TODO');
      const text = client.text(uri);
      const vm = text.slice(text.indexOf('workload: reporting-vm'), text.indexOf('workload: storefront-crm'));
      assert.match(vm, /\n {2}network-config:\n {4}owner: TODO\n {4}handoff: /, 'a shared layer gets a handoff line too');

      const diagnostics = await client.waitForDiagnostics(uri);
      assert.ok(!diagnostics.some((d) => d.code === 'SRM002'), describeDiagnostics(diagnostics));
      // The stack agrees: the layer is still a gap (a placeholder is not an owner), now for its placeholder.
      const stack = await client.request<{ uri: string }, LayerStackResult>(LayerStackRequest, { uri });
      const band = stack?.workloads[1]!.bands.find((b) => b.id === 'network-config');
      assert.equal(band?.status, 'gap');
      assert.equal(band?.owner, 'TODO');
      assert.match(band?.reason ?? '', /placeholder/);
    });

    it('selects the placeholder in the right place when the layers key is absent', async () => {
      const client = server();
      const uri = untitled('assign-nolayers.srm.yaml');
      await client.open(uri, 'workload: chat\nmodel: saas   # no layers yet\nservice: Slack\n');
      const result: AssignOwnerResult = await client.request(AssignOwnerRequest, { uri, version: 1, workloadIndex: 0, layerId: 'identity-access' });
      assert.ok(result);
      await client.applyEdits(uri, result.edits);
      assert.equal(client.textAt(uri, result.select), 'TODO');
      assert.match(client.text(uri), /^layers:\n {2}identity-access:\n {4}owner: TODO$/m);
    });

    it('refuses a stale version, a layer that is not a gap and a workload that does not exist', async () => {
      const client = server();
      const uri = untitled('assign-stale.srm.yaml');
      await client.open(uri, PAAS_WITH_GAPS);
      await client.replace(uri, 'payments-api', 'payments');
      const ask = (version: number, workloadIndex: number, layerId: string) => client.request(AssignOwnerRequest, { uri, version, workloadIndex, layerId });
      assert.equal(await ask(1, 0, 'endpoint-devices'), null, 'version 1 is stale');
      assert.equal(await ask(3, 0, 'endpoint-devices'), null, 'version 3 does not exist yet');
      assert.equal(await ask(2, 0, 'identity-access'), null, 'documented already');
      assert.equal(await ask(2, 0, 'physical-servers'), null, 'the provider\'s');
      assert.equal(await ask(2, 5, 'endpoint-devices'), null, 'no such workload');
      assert.equal(await ask(2, 0, 'no-such-layer'), null);
      assert.ok(await ask(2, 0, 'endpoint-devices'), 'the current version is served');
      assert.equal(client.text(uri), PAAS_WITH_GAPS.replace('payments-api', 'payments'), 'asking changes nothing');
      assert.equal(await client.request(AssignOwnerRequest, { uri: untitled('unknown.srm.yaml'), version: 1, workloadIndex: 0, layerId: 'endpoint-devices' }), null);
    });
  });
});
