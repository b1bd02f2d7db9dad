/** The service catalogue: its data, and matching a `service:` value to an entry. */
import * as assert from 'node:assert/strict';
import { ServiceCatalogue } from '../../server/src/core';
import { REFERENCE as REFERENCE_MODEL } from './helpers';

const catalogue = new ServiceCatalogue();
const norm = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '');

describe('service catalogue', () => {
  it('has entries', () => {
    assert.ok(catalogue.entries.length >= 10);
  });

  it('gives every entry a name, a provider, a model that exists and a source', () => {
    const models = new Set(REFERENCE_MODEL.models.map((m) => m.id));
    for (const e of catalogue.entries) {
      assert.ok(e.name.trim(), 'an entry without a name');
      assert.ok(e.provider.trim(), `${e.name}: no provider`);
      assert.ok(models.has(e.model), `${e.name}: model ${e.model} is not a model`);
      assert.ok(e.source.trim().length > 10, `${e.name}: no source for its classification`);
      for (const alias of e.aliases) assert.ok(alias.trim() && norm(alias), `${e.name}: an empty alias`);
    }
  });

  it('gives no spelling to two entries', () => {
    const owner = new Map<string, string>();
    for (const e of catalogue.entries) {
      for (const s of [e.name, ...e.aliases]) {
        const prior = owner.get(norm(s));
        assert.ok(prior === undefined || prior === e.name, `"${s}" is both ${prior} and ${e.name}`);
        owner.set(norm(s), e.name);
      }
    }
  });

  it('cites the reference table only for the reference\'s own examples, under their model', () => {
    for (const e of catalogue.entries.filter((x) => /reference table/i.test(x.source))) {
      const model = REFERENCE_MODEL.models.find((m) => m.id === e.model)!;
      const spellings = [e.name, ...e.aliases].map(norm);
      assert.ok(model.examples.some((x) => spellings.includes(norm(x))), `${e.name} cites the reference, which does not list it under ${model.shortName}`);
    }
  });

  it('matches regardless of case, spacing and punctuation, and by alias', () => {
    const cases: [string, string][] = [
      ['AWS EC2', 'Amazon EC2'],
      ['aws ec2', 'Amazon EC2'],
      ['  Amazon   EC2  ', 'Amazon EC2'],
      ['AWS-EC2', 'Amazon EC2'],
      ['ec2', 'Amazon EC2'],
      ['Azure VMs', 'Azure Virtual Machines'],
      ['azure_app_service', 'Azure App Service'],
      ['App Engine', 'Google App Engine'],
      ['GCP Compute', 'Google Compute Engine'],
      ['office 365', 'Microsoft 365'],
      ['MICROSOFT 365', 'Microsoft 365'],
      ['G Suite', 'Google Workspace'],
      ['salesforce', 'Salesforce'],
    ];
    for (const [written, name] of cases) assert.equal(catalogue.find(written)?.name, name, written);
  });

  it('matches nothing it does not know, nor a fragment of a name', () => {
    for (const s of ['', '   ', 'Our Own Cloud', 'Amazon', 'Azure', 'EC', 'Microsoft']) assert.equal(catalogue.find(s), undefined, JSON.stringify(s));
  });

  it('takes custom entries', () => {
    const custom = new ServiceCatalogue([{ name: 'Acme PaaS', provider: 'acme', model: 'paas', aliases: ['acme'], source: 'internal architecture review 2024' }]);
    assert.equal(custom.find('ACME')?.model, 'paas');
    assert.equal(custom.find('AWS EC2'), undefined);
  });
});
