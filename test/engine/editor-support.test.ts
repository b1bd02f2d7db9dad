/**
 * The core's editor-facing answers, without any protocol: what hover explains,
 * where completion thinks the cursor is, the layer stack the picture draws, the
 * outline and evidence links, and the template "New declaration" writes.
 */
import * as assert from 'node:assert/strict';
import {
  applyEdits,
  assignOwnerFix,
  buildLayerStack,
  checkText,
  completionContextAt,
  describeTarget,
  evidenceLinks,
  newDeclarationText,
  outline,
  ServiceCatalogue,
  targetAt,
} from '../../server/src/core';
import { REFERENCE, codes } from './helpers';

const model = REFERENCE;

const PAAS = `workload: payments-api
model: paas
service: Azure App Service
layers:
  data-classification:
    owner: data-governance
    evidence: "https://wiki.example.com/dlp"
  runtime-middleware:
    owner: provider
  operating-system:
    owner: provider
`;

/** The offset just inside the first occurrence of `needle` (after `skip` characters of it). */
function at(text: string, needle: string, skip = 1): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} is in the text`);
  return i + skip;
}

describe('engine: what a hover explains', function () {
  const result = checkText(PAAS);
  const catalogue = new ServiceCatalogue();

  it('a layer key: its name, what it covers and who owns it under this model and the others', function () {
    const target = targetAt(result, at(PAAS, 'data-classification'));
    assert.equal(target?.kind, 'layer');
    const text = describeTarget(target, catalogue)!;
    assert.match(text, /Data & Classification/);
    for (const m of model.models) assert.match(text, new RegExp(m.shortName));
  });

  it('the model value, the service value and owner: provider', function () {
    assert.equal(targetAt(result, at(PAAS, 'paas'))?.kind, 'model');
    const service = targetAt(result, at(PAAS, 'Azure App Service'));
    assert.equal(service?.kind, 'service');
    assert.match(describeTarget(service, catalogue)!, /PaaS/);
    const owner = targetAt(result, at(PAAS, 'provider\n  operating'));
    assert.equal(owner?.kind, 'provider-owner');
    assert.match(describeTarget(owner, catalogue)!, /Runtime & Middleware/);
  });

  it('nothing on a plain owner or the workload name', function () {
    assert.equal(targetAt(result, at(PAAS, 'data-governance')), undefined);
    assert.equal(targetAt(result, at(PAAS, 'payments-api')), undefined);
  });
});

describe('engine: where completion thinks the cursor is', function () {
  const cases: [string, string, unknown][] = [
    ['a new top-level key', 'workload: a\n|', { kind: 'top-level-key', present: ['workload'] }],
    ['a layer key under layers:', 'workload: a\nmodel: paas\nlayers:\n  applications:\n    owner: x\n  |', { kind: 'layer-key', present: ['applications'] }],
    ['a key inside an entry', 'layers:\n  applications:\n    owner: x\n    |', { kind: 'entry-key', present: ['owner'] }],
    ['the model value', 'workload: a\nmodel: |', { kind: 'value', key: 'model' }],
    ['an owner value', 'layers:\n  applications:\n    owner: |', { kind: 'value', key: 'owner', parentKey: 'applications' }],
    ['inside a comment', 'workload: a  # model: |', { kind: 'none' }],
    ['a new document after ---', 'workload: a\nmodel: paas\n---\n|', { kind: 'top-level-key', present: [] }],
  ];
  for (const [name, marked, expected] of cases) {
    it(name, function () {
      const offset = marked.indexOf('|');
      assert.deepEqual(completionContextAt(marked.replace('|', ''), offset), expected);
    });
  }
});

describe('engine: the layer stack the picture draws', function () {
  const text = `${PAAS}---\nworkload: tenant\nmodel: saas-ish\nlayers:\n  data-classification:\n    owner: dg\n`;
  const result = checkText(text);
  const stack = buildLayerStack(result, 'file:///x.srm.yaml', 3, 'allow');

  it('one stack per workload, every layer in stack order', function () {
    assert.deepEqual(stack.workloads.map((w) => w.workload), ['payments-api', 'tenant']);
    assert.deepEqual(stack.workloads[0]!.bands.map((b) => b.id), model.layers.map((l) => l.id));
    assert.deepEqual(stack.workloads[0]!.models.map((m) => m.id), model.models.map((m) => m.id));
  });

  it('gaps, layers wrongly left to the provider, assigned and provider layers, as the rules judge them', function () {
    const bands = new Map(stack.workloads[0]!.bands.map((b) => [b.id, b]));
    assert.equal(bands.get('data-classification')?.status, 'assigned');
    assert.equal(bands.get('identity-access')?.status, 'gap');
    assert.match(bands.get('identity-access')?.reason ?? '', /Identity & Access/);
    assert.equal(bands.get('runtime-middleware')?.status, 'wrongly-provider');
    assert.equal(bands.get('operating-system')?.status, 'provider');
    assert.equal(bands.get('endpoint-devices')?.derived !== undefined, true, 'derived cells say so');
  });

  it('the summary counts the layers that need a customer owner and those that have one', function () {
    assert.deepEqual(stack.workloads[0]!.summary, { required: 5, assigned: 1, gaps: 4 });
    assert.equal(stack.workloads[0]!.handoffAfter, 4, 'the handoff falls below runtime & middleware under PaaS');
  });

  it('an unknown model draws no responsibility and no handoff line', function () {
    const tenant = stack.workloads[1];
    assert.ok(tenant!.bands.every((b) => b.status === 'unknown' && b.who === undefined));
    assert.equal(tenant!.handoffAfter, undefined);
  });

  it('"Assign owner" is the quick fix, and its placeholder is where the user types', function () {
    const gap = stack.workloads[0]!.bands.find((b) => b.id === 'identity-access')!;
    assert.ok(gap.canAssign);
    const fix = assignOwnerFix(result, 0, 'identity-access')!;
    const edit = fix.edits[fix.placeholder!.edit];
    assert.equal(edit!.text.slice(fix.placeholder!.start, fix.placeholder!.end), 'TODO');
    const after = checkText(applyEdits(text, [...fix.edits]));
    assert.ok(!after.diagnostics.some((d) => d.code === 'SRM001' && d.layerId === 'identity-access'));
    assert.equal(gap.reveal.start, edit!.start, 'a gap reveals where its entry would go');
  });
});

describe('engine: outline and evidence links', function () {
  const result = checkText(PAAS);

  it('workloads, then their layers with owners', function () {
    const [workload] = outline(result);
    assert.equal(workload!.name, 'payments-api');
    assert.equal(workload!.detail, 'PaaS');
    assert.deepEqual(workload!.children.map((c) => c.name), ['Data & Classification', 'Runtime & Middleware', 'Operating System']);
    assert.match(workload!.children[0]!.detail, /owner: data-governance/);
  });

  it('an evidence link points at the URL inside its quotes', function () {
    const [link] = evidenceLinks(result);
    assert.equal(link!.target, 'https://wiki.example.com/dlp');
    assert.equal(PAAS.slice(link!.span.start, link!.span.end), 'https://wiki.example.com/dlp');
  });
});

describe('engine: the "New declaration" template', function () {
  for (const m of REFERENCE.models) {
    it(`${m.id}: every required entry, placeholders the checker still flags`, function () {
      const text = newDeclarationText(model, 'My "odd" workload', m.id);
      const found = codes(checkText(text).diagnostics);
      assert.ok(!found.includes('SRM001') && !found.includes('SRM002'), found.join(' '));
      const required = Object.values(m.cells).filter((c) => c.who !== 'provider').length;
      assert.equal(found.filter((c) => c === 'SRM012').length, required, 'each placeholder owner is flagged until typed over');
      assert.match(text, /^workload: "My \\"odd\\" workload"$/m);
    });
  }
});
