import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { REFERENCE as REFERENCE_MODEL } from './helpers';
import { buildReport } from '../../server/src/core/report/build';
import { CROSSWALK_NOTE, LAYER_CROSSWALK, compareControls, controlLabel, crosswalkRow } from '../../server/src/core/report/crosswalk';
import { FEDRAMP_NS, OscalExportError, SRM_OSCAL_NS, buildOscalSsp, formatOscalSsp, oscalSspChunks } from '../../server/src/core/report/oscal-ssp';
import { URL_NAMESPACE, uuidV5 } from '../../server/src/core/report/uuid';
import { HAND_BUILT, PAYLOADS, hostile } from '../fixtures/report/hand-built';
import { REPO_ROOT } from './helpers';

/** NIST's schema, vendored unchanged (see its README); the design reference's copy, when present, must be the same bytes. */
const SCHEMA_FILE = path.join(REPO_ROOT, 'test', 'fixtures', 'report', 'oscal', 'oscal_ssp_schema-1.0.6.json');
const SHARED_COPIES = ['..', path.join('..', '..')].map((up) => path.resolve(REPO_ROOT, up, 'shared', 'data', 'oscal', 'oscal_ssp_schema-1.0.6.json'));
const OPTIONS = { lastModified: '2026-02-03T04:05:06Z' };
const V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * NIST's OSCAL 1.0.6 SSP schema (draft-07), compiled by Ajv in strict mode with
 * the formats it uses (date-time, email, uri, uri-reference) from ajv-formats:
 * nothing is switched off. The `u` flag Ajv puts on patterns is what the
 * schema's `\p{L}` token pattern needs.
 */
function sspValidator(): (doc: unknown) => void {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  return (doc) => assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 10), null, 1));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OSCAL documents are walked as loose JSON
type Json = Record<string, any>;
const sspOf = (doc: Json): Json => doc['system-security-plan'];
const requirement = (ssp: Json, control: string): Json => ssp['control-implementation']['implemented-requirements'].find((r: Json) => r['control-id'] === control);
const propsOf = (x: Json, name: string, cls?: string): string[] => (x.props ?? []).filter((p: Json) => p.name === name && (cls === undefined || p.class === cls)).map((p: Json) => p.value);

/** Every value of `key` anywhere in a JSON value. */
function valuesOf(value: unknown, key: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === key) out.push(x);
        walk(x);
      }
    }
  };
  walk(value);
  return out;
}

describe('report as an OSCAL SSP (oscal-ssp)', () => {
  const assertValid = sspValidator();
  const doc = buildOscalSsp(HAND_BUILT, OPTIONS);
  const ssp = sspOf(doc);
  const components: Json[] = ssp['system-implementation'].components;
  const workloadComponent = (title: string, i = 0) => components.filter((c) => c.type === 'this-system' && c.title === title)[i];

  it('validates against NIST\'s schema, the very file of the design reference', () => {
    const copies = SHARED_COPIES.filter((f) => fs.existsSync(f));
    for (const f of copies) assert.ok(fs.readFileSync(f).equals(fs.readFileSync(SCHEMA_FILE)), `${f} differs from the vendored schema`);
    assert.equal(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')).$id, 'http://csrc.nist.gov/ns/oscal/1.0.6/oscal-ssp-schema.json');
  });

  it('validates against the OSCAL 1.0.6 SSP schema: hand-built, hostile, and the examples', () => {
    assertValid(doc);
    assertValid(buildOscalSsp(hostile((i) => PAYLOADS[i % PAYLOADS.length]!), OPTIONS));
    const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.srm.yaml'));
    const report = buildReport(examples.map((f) => ({ file: `examples/${f}`, text: fs.readFileSync(path.join(REPO_ROOT, 'examples', f), 'utf8') })), { toolVersion: '0.1.0' });
    assertValid(JSON.parse(formatOscalSsp(report, OPTIONS)));
  });

  it('has one leveraged authorization per provider and one leveraged-system component per provider service', () => {
    const las: Json[] = ssp['system-implementation']['leveraged-authorizations'];
    assert.deepEqual(las.map((l) => l.title), ['Cloud provider (not named in the declarations) (leveraged authorization)', 'azure (leveraged authorization)', 'gcp (leveraged authorization)']);
    const parties: Json[] = ssp.metadata.parties;
    for (const la of las) assert.ok(parties.some((p) => p.uuid === la['party-uuid']), 'each authorization names its provider as a party');
    const services = components.filter((c) => c.type === 'leveraged-system');
    assert.deepEqual(services.map((s) => s.title), ['Cloud provider (not named in the declarations) (no service named)', 'Azure App Service (azure)', 'Google App Engine (gcp)']);
    for (const s of services) {
      assert.deepEqual(propsOf(s, 'implementation-point'), ['external']);
      const [la] = propsOf(s, 'leveraged-authorization-uuid');
      assert.ok(las.some((l) => l.uuid === la), `${s.title} points at its authorization`);
    }
    assert.equal(las[1]!['date-authorized'], '2026-02-03', 'unknown dates default to the document date…');
    assert.deepEqual(propsOf(las[1]!, 'placeholder'), ['date-authorized'], '…and say so');
    const dated = sspOf(buildOscalSsp(HAND_BUILT, { ...OPTIONS, dateAuthorized: { azure: '2019-07-01' } }));
    const azure = dated['system-implementation']['leveraged-authorizations'].find((l: Json) => l.title.startsWith('azure'));
    assert.equal(azure['date-authorized'], '2019-07-01');
    assert.equal(azure.props, undefined);
  });

  it('has one this-system component per workload, with its file, matrix and model', () => {
    const systems = components.filter((c) => c.type === 'this-system');
    assert.deepEqual(systems.map((c) => c.title), ['payments-api', 'payments-api', 'storefront']);
    const first = workloadComponent('payments-api');
    assert.deepEqual(propsOf(first!, 'file'), ['apps/payments.srm.yaml:3']);
    assert.deepEqual(propsOf(first!, 'matrix'), ['azure@2026-01']);
    assert.deepEqual(propsOf(first!, 'model'), ['paas']);
    assert.deepEqual(propsOf(first!, 'implementation-point'), ['internal']);
    assert.equal(first!.props.find((p: Json) => p.name === 'matrix').ns, SRM_OSCAL_NS);
  });

  it('gives customer layers their owner as a responsible role, and a gap none', () => {
    const ac2 = requirement(ssp, 'ac-2');
    const parties: Json[] = ssp.metadata.parties;
    const iam = parties.find((p) => p.name === 'iam-team')!;
    const [gap, owned, storefront] = ac2['by-components'];
    assert.equal(gap['component-uuid'], workloadComponent('payments-api', 0)!.uuid);
    assert.equal(gap['responsible-roles'], undefined);
    assert.deepEqual(propsOf(gap, 'state', 'identities-users'), ['gap']);
    assert.match(gap.remarks, /^GAP: no owner for Identities and users: The owner of Identities and users is a placeholder/);
    assert.deepEqual(owned['responsible-roles'], [{ 'role-id': 'layer-owner', 'party-uuids': [iam.uuid] }]);
    assert.deepEqual(propsOf(owned, 'control-origination'), ['sp-system']);
    assert.equal(owned.props.find((p: Json) => p.name === 'control-origination').ns, FEDRAMP_NS);
    assert.equal(storefront['component-uuid'], workloadComponent('storefront')!.uuid);
    assert.deepEqual(propsOf(storefront, 'layer'), ['identity-access'], 'the reference layer maps to the same control');
  });

  it('marks provider layers inherited, from the provider service', () => {
    const pe3 = requirement(ssp, 'pe-3');
    const byComponent = pe3['by-components'].find((b: Json) => b['component-uuid'] === workloadComponent('payments-api', 0)!.uuid);
    assert.equal(byComponent.inherited.length, 1);
    assert.equal(byComponent.inherited[0].description, 'azure carries Physical datacenter (PaaS): nothing is required of the customer.');
    const service = components.find((c) => c.title === 'Azure App Service (azure)')!;
    assert.deepEqual(propsOf(byComponent.inherited[0], 'provided-by'), [service.uuid]);
    assert.deepEqual(propsOf(byComponent, 'control-origination'), ['inherited']);
    assert.equal(byComponent.satisfied, undefined);
    assert.equal(byComponent['responsible-roles'], undefined);
  });

  it('gives shared layers both inherited and satisfied, with the handoff as the description', () => {
    const sa11 = requirement(ssp, 'sa-11');
    const shared = sa11['by-components'].find((b: Json) => b['component-uuid'] === workloadComponent('payments-api', 0)!.uuid);
    const team = ssp.metadata.parties.find((p: Json) => p.name === 'payments-team');
    assert.equal(shared.inherited.length, 1);
    assert.equal(shared.satisfied.length, 1);
    assert.equal(shared.satisfied[0].description, 'Microsoft runs the app platform; we own code, config and access');
    assert.deepEqual(shared.satisfied[0]['responsible-roles'], [{ 'role-id': 'layer-owner', 'party-uuids': [team.uuid] }]);
    assert.deepEqual(propsOf(shared, 'control-origination'), ['inherited', 'sp-system']);
    const sc7 = requirement(ssp, 'sc-7')['by-components'][0];
    assert.match(sc7.satisfied[0].description, /^No handoff recorded/);
  });

  it('names a third party in its own role, marks n/a, and carries every override with its reason', () => {
    const ac19 = requirement(ssp, 'ac-19')['by-components'][0];
    const acme = ssp.metadata.parties.find((p: Json) => p.name === 'Acme Managed IT');
    assert.deepEqual(ac19['responsible-roles'], [{ 'role-id': 'third-party', 'party-uuids': [acme.uuid] }]);
    assert.ok(ssp.metadata.roles.some((r: Json) => r.id === 'third-party'));
    assert.deepEqual(propsOf(ac19, 'override-from', 'client-devices'), ['customer']);
    assert.deepEqual(propsOf(ac19, 'override-to', 'client-devices'), ['third-party']);
    assert.deepEqual(propsOf(ac19, 'override-reason', 'client-devices'), ['Devices are outsourced to Acme under contract 42']);
    const pe4 = requirement(ssp, 'pe-4')['by-components'][0];
    assert.deepEqual(pe4['implementation-status'], { state: 'not-applicable' });
    assert.deepEqual(propsOf(pe4, 'override-to', 'physical-network'), ['not-applicable']);
  });

  it('cites the crosswalk as srm\'s own, with a rationale per layer, controls in catalog order', () => {
    const ids = ssp['control-implementation']['implemented-requirements'].map((r: Json) => r['control-id']);
    assert.deepEqual(ids, [...ids].sort(compareControls));
    assert.ok(ids.indexOf('ac-2') < ids.indexOf('ac-17'), 'numeric, not string order');
    assert.ok(ssp['control-implementation'].description.includes(CROSSWALK_NOTE));
    assert.match(CROSSWALK_NOTE, /not NIST's/);
    assert.deepEqual(propsOf(requirement(ssp, 'ac-2'), 'crosswalk-rationale', 'identities-users'), ['identities-users: as identity-access: accounts, enforcement, least privilege, MFA, credentials']);
  });

  it('resolves every reference: components, parties, roles, authorizations', () => {
    const componentIds = new Set(components.map((c) => c.uuid));
    const partyIds = new Set(ssp.metadata.parties.map((p: Json) => p.uuid));
    const roleIds = new Set(ssp.metadata.roles.map((r: Json) => r.id));
    for (const id of valuesOf(ssp['control-implementation'], 'component-uuid')) assert.ok(componentIds.has(id), `component ${String(id)}`);
    for (const ids of valuesOf(ssp, 'party-uuids')) for (const id of ids as string[]) assert.ok(partyIds.has(id), `party ${id}`);
    for (const id of valuesOf(ssp, 'role-id')) assert.ok(roleIds.has(id), `role ${String(id)}`);
    for (const id of valuesOf(ssp, 'role-ids').flat()) assert.ok(roleIds.has(id), `role ${String(id)}`);
  });

  it('uses stable version-5 UUIDs, each naming one thing', () => {
    const uuids = valuesOf(doc, 'uuid') as string[];
    for (const u of uuids) assert.match(u, V5);
    assert.equal(new Set(uuids).size, uuids.length, 'no UUID is used twice');
    assert.equal(formatOscalSsp(HAND_BUILT, OPTIONS), formatOscalSsp(HAND_BUILT, OPTIONS));
    const later = buildOscalSsp(HAND_BUILT, { lastModified: '2027-12-31T23:59:59.5+01:00', dateAuthorized: {} });
    assert.deepEqual(valuesOf(later, 'uuid'), uuids, 'a later run names everything the same');
    const renamed = sspOf(buildOscalSsp(HAND_BUILT, { ...OPTIONS, systemName: 'Payments platform' }));
    assert.notEqual(renamed.uuid, ssp.uuid, 'another system is another SSP');
    assert.equal(renamed['system-characteristics']['system-name'], 'Payments platform');
  });

  it('names what it had to default, for the user to fill in', () => {
    assert.match(ssp.metadata.remarks, /system-name; system-characteristics description; the impact levels \(fips-199-moderate\); status \(operational\); authorization-boundary; import-profile/);
    assert.equal(ssp['system-characteristics']['security-impact-level']['security-objective-integrity'], 'fips-199-moderate');
    const high = sspOf(buildOscalSsp(HAND_BUILT, { ...OPTIONS, impactLevel: 'fips-199-high', authorizationBoundary: 'The payments VNet.' }));
    assert.equal(high['system-characteristics']['security-sensitivity-level'], 'fips-199-high');
    assert.equal(high['system-characteristics']['authorization-boundary'].description, 'The payments VNet.');
    assert.ok(!high.metadata.remarks.includes('authorization-boundary'));
  });

  it('writes in pieces (one per requirement) exactly the text of the whole document', () => {
    const chunks = [...oscalSspChunks(HAND_BUILT, OPTIONS)];
    assert.equal(chunks.length, ssp['control-implementation']['implemented-requirements'].length + 2);
    assert.equal(chunks.join(''), `${JSON.stringify(doc, null, 2)}\n`);
    const tricky = hostile(() => '"implemented-requirements": []');
    assert.equal(formatOscalSsp(tricky, OPTIONS), `${JSON.stringify(buildOscalSsp(tricky, OPTIONS), null, 2)}\n`, 'a value that looks like the key changes nothing');
  });

  it('refuses what cannot be a valid SSP, with a reason', () => {
    assert.throws(() => buildOscalSsp({ ...HAND_BUILT, groups: [], owners: [] }, OPTIONS), OscalExportError);
    assert.throws(() => buildOscalSsp(HAND_BUILT, { lastModified: '2026-02-03' }), /RFC 3339/);
    assert.throws(() => buildOscalSsp(HAND_BUILT, { ...OPTIONS, dateAuthorized: { azure: 'last year' } }), /YYYY-MM-DD/);
    const group = HAND_BUILT.groups[1]!;
    const unmapped = { ...group, layers: [{ id: 'tea-making', name: 'Tea' }], workloads: [{ ...group.workloads[0]!, cells: [{ layerId: 'tea-making', cell: 'customer' as const, state: 'owner' as const, owner: 'x' }] }] };
    assert.throws(() => buildOscalSsp({ ...HAND_BUILT, groups: [unmapped] }, OPTIONS), /no layer of these workloads maps/);
  });
});

describe('UUID v5 (pure SHA-1 from @noble/hashes)', () => {
  it('matches the published example: uuid5(NAMESPACE_DNS, "python.org")', () => {
    assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('matches an independent implementation on node:crypto for any name (property)', () => {
    const reference = (ns: string, name: string): string => {
      const bytes = createHash('sha1').update(Buffer.concat([Buffer.from(ns.replace(/-/g, ''), 'hex'), Buffer.from(name, 'utf8')])).digest().subarray(0, 16);
      bytes[6] = (bytes[6]! & 0x0f) | 0x50;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const h = bytes.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    };
    fc.assert(fc.property(fc.uuid(), fc.string({ unit: 'grapheme' }), (ns, name) => assert.equal(uuidV5(ns, name), reference(ns, name))));
    assert.match(uuidV5(URL_NAMESPACE, 'x'), V5);
    assert.throws(() => uuidV5('not-a-uuid', 'x'));
  });
});

describe('the SP 800-53 crosswalk (our own mapping)', () => {
  const AZURE = ['customer-data', 'configurations-settings', 'identities-users', 'client-devices', 'applications', 'network-controls', 'operating-system', 'physical-hosts', 'physical-network', 'physical-datacenter'];

  it('maps every layer of the reference model and of azure@2026-01, each with a rationale', () => {
    for (const id of REFERENCE_MODEL.layers.map((l) => l.id)) assert.ok(crosswalkRow('reference@1', id), id);
    for (const id of AZURE) assert.ok(crosswalkRow('azure@2026-01', id), id);
    for (const row of LAYER_CROSSWALK.rows) {
      assert.ok(row.rationale.length > 10, row.layerId);
      assert.ok(row.controls.length > 0, row.layerId);
      for (const c of row.controls) assert.match(c, /^[a-z]{2}-\d+(\.\d+)?$/, `${row.layerId}: ${c}`);
    }
    assert.equal(new Set(LAYER_CROSSWALK.rows.map((r) => r.layerId)).size, LAYER_CROSSWALK.rows.length, 'one row per layer id');
    const known = new Set([...REFERENCE_MODEL.layers.map((l) => l.id), ...AZURE]);
    for (const row of LAYER_CROSSWALK.rows) assert.ok(known.has(row.layerId), `${row.layerId} is no layer of a known matrix`);
    assert.match(LAYER_CROSSWALK.note, /not NIST's/);
  });

  it('is documented in docs/reports.md row for row, as our own mapping', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'reports.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| ([A-Z0-9, -]+) \| (.+) \|$/gm)].map((m) => ({ layerId: m[1], controls: m[2]!.split(', ').map((c) => c.toLowerCase()), rationale: m[3] }));
    assert.deepEqual(rows, LAYER_CROSSWALK.rows);
    assert.match(doc, /srm's \*\*own\*\* mapping\. It is not\s+NIST's/);
  });

  it('looks a layer up by matrix first, then by layer id', () => {
    const own = { 'azure@2026-01': { ...LAYER_CROSSWALK, rows: [{ layerId: 'customer-data', controls: ['sc-12'], rationale: 'the matrix says so' }] } };
    assert.deepEqual(crosswalkRow('azure@2026-01', 'customer-data', own)!.controls, ['sc-12']);
    assert.deepEqual(crosswalkRow('azure@2026-01', 'identities-users', own)!.controls, ['ac-2', 'ac-3', 'ac-6', 'ia-2', 'ia-5']);
    assert.equal(crosswalkRow('reference@1', 'tea-making'), undefined);
    assert.equal(controlLabel('ac-2'), 'AC-2');
    assert.equal(controlLabel('ac-2.1'), 'AC-2(1)');
  });
});
