/** The markdown explanations themselves, as hovers get them (in-process: they are pure). */
import * as assert from 'node:assert/strict';
import { MatrixIndex, RULES, ServiceCatalogue, ruleByCode, type Matrix } from '../../server/src/core';
import { REFERENCE } from '../engine/helpers';
import { explainLayer, explainModel, explainProviderOwner, explainRule, explainService } from '../../server/src/core/explain';

const reference = REFERENCE;

/** A matrix with other layers and models than the reference: nothing may be hard-coded. */
const CUSTOM: Matrix = {
  id: 'custom',
  version: '1',
  title: 'A custom matrix',
  source: { url: 'https://example.com/table' },
  notListed: {},
  origin: { kind: 'built-in' },
  layers: [
    { id: 'code', name: 'Function Code', aliases: ['functions'], sameAs: [], covers: 'The functions.', risk: 'Leaky functions.', ownerDuty: 'Review the code.' },
    { id: 'sandbox', name: 'Sandbox', aliases: [], sameAs: [], covers: 'The sandbox.', risk: 'Escapes.', ownerDuty: 'Nothing.' },
  ],
  models: [
    { id: 'faas', shortName: 'FaaS', name: 'Functions as a Service', description: 'Functions only.', examples: ['AWS Lambda'], cells: { code: { who: 'customer' }, sandbox: { who: 'provider', derived: 'Assumed: the runtime sandbox is never yours.' } } },
    { id: 'byo', shortName: 'BYO', name: 'Bring your own', description: 'All yours.', examples: [], cells: { code: { who: 'customer' }, sandbox: { who: 'shared' } } },
  ],
};
const custom = new MatrixIndex(CUSTOM);

describe('core/explain (markdown)', () => {
  it('explainLayer: name, id, coverage, this file\'s model, every model side by side, duty and risk', () => {
    const md = explainLayer(reference, 'runtime-middleware', 'paas')!;
    assert.match(md, /^### Runtime & Middleware \(`runtime-middleware`\)$/m);
    assert.match(md, /\*\*Under PaaS \(this file's model\) it is shared between the provider and the customer:\*\*/);
    assert.match(md, /^\| Model \| IaaS \| \*\*PaaS\*\* \(this file\) \| SaaS \|$/m);
    assert.match(md, /^\| Responsible \| customer \| \*\*shared\*\* \| provider \|$/m);
    assert.match(md, /\*\*What the owner must do:\*\* Choose and pin/);
    assert.match(md, /\*\*Risk at the handoff:\*\* /);
    assert.equal(explainLayer(reference, 'no-such-layer'), undefined);
  });

  it('explainLayer reads layers and models from the index, derived cells included', () => {
    const md = explainLayer(custom, 'sandbox', 'byo')!;
    assert.match(md, /^### Sandbox \(`sandbox`\)$/m);
    assert.match(md, /^\| Model \| FaaS \| \*\*BYO\*\* \(this file\) \|$/m);
    assert.match(md, /^\| Responsible \| provider \\\* \| \*\*shared\*\* \|$/m);
    assert.match(md, /_FaaS:_ Assumed: the runtime sandbox is never yours\./);
    assert.doesNotMatch(md, /IaaS|PaaS|SaaS/);
  });

  it('explainModel groups the layers by who carries them', () => {
    const md = explainModel(reference, 'iaas')!;
    assert.match(md, /^### IaaS — Infrastructure as a Service \(`iaas`\)$/m);
    assert.match(md, /\*\*Examples:\*\* AWS EC2, Azure VMs, GCP Compute\./);
    assert.match(md, /^- \*\*Customer\*\* — .*Operating System \(`operating-system`\)/m);
    assert.match(md, /^- \*\*Shared\*\* — .*Network Config \(`network-config`\)\.$/m);
    assert.match(md, /^- \*\*Provider\*\* — .*Physical Security \(`physical-security`\)\.$/m);
    assert.match(md, /Endpoint Devices \(`endpoint-devices`\) \\\*/);
    assert.match(md, /_Endpoint Devices:_ Derived, not listed/);
    assert.match(explainModel(custom, 'faas')!, /- \*\*Provider\*\* — .*: Sandbox \(`sandbox`\) \\\*\./);
    assert.equal(explainModel(reference, 'daas'), undefined);
  });

  it('explainRule covers every rule: code, name, severity, description, help and fixes', () => {
    for (const rule of RULES) {
      const md = explainRule(rule);
      assert.ok(md.startsWith(`### ${rule.code} · ${rule.name}\n`), rule.code);
      assert.ok(md.includes(`**Severity:** ${rule.severity}`) && md.includes(rule.description) && md.includes(rule.help), rule.code);
      for (const fix of rule.fixes) assert.ok(md.includes(`- ${fix}`), `${rule.code}: ${fix}`);
    }
    assert.doesNotMatch(explainRule(ruleByCode('SRM023')!), /srm-ignore/, 'file-level findings cannot be suppressed');
  });

  it('explainService names the catalogued model and its source', () => {
    const entry = new ServiceCatalogue().find('M365')!;
    const md = explainService(entry, reference);
    assert.match(md, /^### Microsoft 365$/m);
    assert.match(md, /\*\*Catalogued as:\*\* SaaS \(Software as a Service, `saas`\)/);
    assert.match(md, /\*\*Source:\*\* Shared responsibility model reference table/);
    assert.match(md, /should say `model: saas` and document `data-classification`, `endpoint-devices`, `identity-access`\./);
  });

  it('explainProviderOwner: a gap on a customer layer, half a gap on a shared one, an assumption on a provider one', () => {
    assert.match(explainProviderOwner(reference, 'operating-system', 'iaas'), /\*\*This is a gap\.\*\* Under IaaS, Operating System \(`operating-system`\) is the customer's/);
    assert.match(explainProviderOwner(reference, 'runtime-middleware', 'paas'), /\*\*Half of this layer is unassigned\.\*\* Under PaaS/);
    assert.match(explainProviderOwner(reference, 'operating-system', 'paas'), /\*\*This matches the model\.\*\* Under PaaS, Operating System/);
    assert.match(explainProviderOwner(reference, 'operating-system', undefined), /depends on the service model/);
    assert.match(explainProviderOwner(reference, 'operating-system', 'cloud'), /depends on the service model/);
  });
});
