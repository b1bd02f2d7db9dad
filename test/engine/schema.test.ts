import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { checkText } from '../../server/src/core/check';
import { PROVIDER_OWNER } from '../../server/src/core/format';
import type { Cell as Responsibility, Matrix as ResponsibilityModel, ServiceModelDefinition } from '../../server/src/core/matrix/types';
import { REFERENCE } from './helpers';
import { buildJsonSchema } from '../../server/src/core/schema';

const REFERENCE_MODEL = REFERENCE.matrix;
import { SCHEMA_PATH, SNIPPETS_PATH, generatedFiles } from '../../scripts/contributions/generated-files';
import { buildSnippets } from '../../scripts/contributions/snippets';
import { run } from '../../scripts/generate-schema';

const ROOT = path.resolve(__dirname, '../../..');
/** The findings a schema can express: missing customer/shared layer, missing handoff, owner: provider on either. */
const SCHEMA_CODES = ['SRM001', 'SRM002', 'SRM003', 'SRM004', 'SRM005'];
/** Keywords the schema carries for editors (yaml-language-server, VS Code); validation ignores them. */
const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage'];

function compile(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  return ajv.compile(schema);
}

const validate = compile(JSON.parse(fs.readFileSync(path.join(ROOT, SCHEMA_PATH), 'utf8')) as object);

/** Every document of a YAML text, each validated on its own (as yaml-language-server does). */
function schemaErrors(text: string, check: ValidateFunction = validate): ErrorObject[][] {
  return parseAllDocuments(text).map((doc) => {
    assert.equal(doc.errors.length, 0, `test YAML must parse: ${doc.errors.map((e) => e.message).join('; ')}`);
    return check(doc.toJS()) ? [] : [...(check.errors ?? [])];
  });
}

function accepts(text: string): boolean {
  return schemaErrors(text).every((errors) => errors.length === 0);
}

function describeErrors(errors: readonly ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword} ${JSON.stringify(e.params)}`).join('\n');
}

function hasError(text: string, instancePath: string, keyword: string, params: Record<string, unknown> = {}): boolean {
  const errors = schemaErrors(text).flat();
  const found = errors.some((e) => e.instancePath === instancePath && e.keyword === keyword && Object.entries(params).every(([k, v]) => (e.params as Record<string, unknown>)[k] === v));
  assert.ok(found, `expected ${keyword} at ${instancePath || '/'} ${JSON.stringify(params)}, got:\n${describeErrors(errors)}`);
  return found;
}

const PAAS_EXAMPLE = `workload: payments-api            # required: the workload's name
model: paas
provider: azure
service: Azure App Service
description: Card payments API
layers:
  data-classification:
    owner: data-governance
    contact: dg@example.com
    controls: [DLP policy, quarterly access review]
    evidence: https://wiki.example.com/payments/dlp
    notes: free text
  identity-access:
    owner: iam-team
  endpoint-devices:
    owner: workplace-it
  applications:
    owner: payments-team
  runtime-middleware:             # shared under PaaS
    owner: platform-team
    handoff: Provider patches the runtime; we pin the version and redeploy monthly
`;

const IAAS_EXAMPLE = `workload: batch-workers
model: iaas
layers:
  data-classification: {owner: data-governance, controls: quarterly review}
  endpoint-devices: {owner: workplace-it}
  identity-access: {owner: iam-team}
  applications: {owner: batch-team}
  runtime-middleware:
    owner: batch-team
  operating-system:
    owner: platform-team
    controls:
      - CIS benchmark
      - monthly patching
  network-config:
    owner: network-team
    handoff: The provider runs the fabric; we own security groups and routes
  physical-servers:
    owner: provider
    evidence: SOC 2 report, section 4
  datacenter-network: {owner: Provider}
  physical-security:
    owner: provider
    notes:
`;

const SAAS_EXAMPLES = `workload: office
model: saas
layers:
  data-classification:
    owner: records-management
  endpoint-devices:
    owner: workplace-it
  identity-access:
    owner: iam-team
  applications:
    owner: provider
---
workload: crm
model: saas
service: Salesforce
layers: {data-classification: {owner: sales-ops}, endpoint-devices: {owner: workplace-it}, identity-access: {owner: iam-team}}
`;

describe('JSON Schema: schemas/srm.schema.json', () => {
  it('is committed exactly as generated from the model', () => {
    const expected = generatedFiles().find((f) => f.path === SCHEMA_PATH)!.content;
    const committed = fs.readFileSync(path.join(ROOT, SCHEMA_PATH), 'utf8').replace(/\r\n/g, '\n');
    assert.equal(committed, expected, `${SCHEMA_PATH} is stale: run npm run schema`);
  });

  it('is a valid draft-07 schema that ajv compiles in strict mode', () => {
    const schema = buildJsonSchema(REFERENCE_MODEL);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addVocabulary(EDITOR_KEYWORDS);
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
    assert.doesNotThrow(() => ajv.compile(schema));
  });

  describe('accepts the clean examples', () => {
    it('the PaaS example of the format', () => assert.deepEqual(schemaErrors(PAAS_EXAMPLE), [[]]));
    it('an IaaS declaration in block and flow style, documenting provider layers', () => assert.deepEqual(schemaErrors(IAAS_EXAMPLE), [[]]));
    it('two SaaS declarations in one file', () => assert.deepEqual(schemaErrors(SAAS_EXAMPLES), [[], []]));
    it('and the checker finds no error in them either', () => {
      for (const text of [PAAS_EXAMPLE, IAAS_EXAMPLE, SAAS_EXAMPLES]) {
        const errors = checkText(text).diagnostics.filter((d) => d.severity === 'error' || SCHEMA_CODES.includes(d.code));
        assert.deepEqual(errors, []);
      }
    });
  });

  describe('rejects', () => {
    it('a declaration missing a customer layer', () => {
      hasError(PAAS_EXAMPLE.replace('  identity-access:\n    owner: iam-team\n', ''), '/layers', 'required', { missingProperty: 'identity-access' });
    });

    it('a declaration missing a shared layer', () => {
      const text = IAAS_EXAMPLE.replace(/ {2}network-config:\n(?: {4}.*\n)+/, '');
      hasError(text, '/layers', 'required', { missingProperty: 'network-config' });
    });

    it('a declaration without layers: whose model has customer layers', () => {
      hasError('workload: x\nmodel: saas\n', '', 'required', { missingProperty: 'layers' });
    });

    it('a shared layer without handoff', () => {
      hasError(PAAS_EXAMPLE.replace(/ {4}handoff: .*\n/, ''), '/layers/runtime-middleware', 'required', { missingProperty: 'handoff' });
    });

    it('a shared layer with an empty handoff', () => {
      hasError(PAAS_EXAMPLE.replace(/( {4}handoff:) .*\n/, '$1 ""\n'), '/layers/runtime-middleware/handoff', 'pattern');
    });

    it('owner: provider on a customer layer, in any case', () => {
      for (const owner of [PROVIDER_OWNER, 'Provider', `"${PROVIDER_OWNER.toUpperCase()}"`, `' ${PROVIDER_OWNER} '`]) {
        hasError(PAAS_EXAMPLE.replace('owner: iam-team', `owner: ${owner}`), '/layers/identity-access/owner', 'pattern');
      }
    });

    it('owner: provider on a shared layer', () => {
      hasError(PAAS_EXAMPLE.replace('owner: platform-team', 'owner: provider'), '/layers/runtime-middleware/owner', 'pattern');
    });

    it('an entry without owner, or with an empty one', () => {
      hasError(PAAS_EXAMPLE.replace('    owner: iam-team\n', '    contact: iam@example.com\n'), '/layers/identity-access', 'required', { missingProperty: 'owner' });
      hasError(PAAS_EXAMPLE.replace('owner: iam-team', 'owner: "  "'), '/layers/identity-access/owner', 'pattern');
      hasError(PAAS_EXAMPLE.replace('owner: iam-team', 'owner: 42'), '/layers/identity-access/owner', 'type');
    });

    it('a missing workload or model, and an unknown model', () => {
      hasError(PAAS_EXAMPLE.replace(/^workload: .*\n/, ''), '', 'required', { missingProperty: 'workload' });
      hasError(PAAS_EXAMPLE.replace(/^model: .*\n/m, ''), '', 'required', { missingProperty: 'model' });
      hasError(PAAS_EXAMPLE.replace('model: paas', 'model: PaaS'), '/model', 'enum');
    });

    it('unknown keys at every level: top-level, layer ids (display names and spellings too) and entry keys', () => {
      hasError(PAAS_EXAMPLE.replace('provider: azure', 'provdier: azure'), '', 'additionalProperties', { additionalProperty: 'provdier' });
      hasError(PAAS_EXAMPLE.replace('  applications:', '  apps:'), '/layers', 'additionalProperties', { additionalProperty: 'apps' });
      hasError(PAAS_EXAMPLE.replace('  applications:', '  Applications:'), '/layers', 'additionalProperties', { additionalProperty: 'Applications' });
      hasError(PAAS_EXAMPLE.replace('    contact:', '    contcat:'), '/layers/data-classification', 'additionalProperties', { additionalProperty: 'contcat' });
    });

    it('values of the wrong type', () => {
      hasError(PAAS_EXAMPLE.replace('controls: [DLP policy, quarterly access review]', 'controls: {a: b}'), '/layers/data-classification/controls', 'type');
      hasError('workload: x\nmodel: saas\nlayers: [data-classification]\n', '/layers', 'type');
    });
  });

  it('keeps the checker\'s leniencies: empty optional values, numbers as text, a single control as text', () => {
    assert.ok(accepts(PAAS_EXAMPLE.replace('provider: azure', 'provider:').replace('notes: free text', 'notes: 2024').replace('controls: [DLP policy, quarterly access review]', 'controls: DLP policy')));
  });

  it('describes every layer and model from the model, derived cells included', () => {
    const schema = buildJsonSchema(REFERENCE_MODEL) as { properties: { model: Record<string, unknown>; layers: { properties: Record<string, { description: string; markdownDescription: string }> } } };
    assert.deepEqual(schema.properties.model.enum, REFERENCE_MODEL.models.map((m) => m.id));
    assert.equal((schema.properties.model.markdownEnumDescriptions as string[]).length, REFERENCE_MODEL.models.length);
    assert.deepEqual(Object.keys(schema.properties.layers.properties), REFERENCE_MODEL.layers.map((l) => l.id));
    for (const layer of REFERENCE_MODEL.layers) {
      const entry = schema.properties.layers.properties[layer.id];
      assert.ok(entry!.description.includes(layer.name) && entry!.description.includes(layer.covers ?? ""), layer.id);
      for (const m of REFERENCE_MODEL.models) {
        const derived = m.cells[layer.id]?.derived;
        if (derived) assert.ok(entry!.markdownDescription.includes(derived), `${layer.id} under ${m.id} must say it is derived`);
      }
    }
  });

  it('is generated from the model it is given, not from the reference model', () => {
    const custom: ResponsibilityModel = {
      id: 'custom',
      version: '1',
      title: 'A custom matrix',
      source: { url: 'https://example.com/table' },
      notListed: {},
      origin: { kind: 'built-in' },
      layers: [
        { id: 'code', name: 'Code', aliases: [], sameAs: [], covers: 'The code.', risk: 'r', ownerDuty: 'd' },
        { id: 'queue', name: 'Queue', aliases: [], sameAs: [], covers: 'The queue.', risk: 'r', ownerDuty: 'd' },
        { id: 'metal', name: 'Metal', aliases: [], sameAs: [], covers: 'The metal.', risk: 'r', ownerDuty: 'd' },
      ],
      models: [
        { id: 'faas', shortName: 'FaaS', name: 'Functions', description: 'd', examples: [], cells: { code: { who: 'customer' }, queue: { who: 'shared' }, metal: { who: 'provider' } } },
        { id: 'hosted', shortName: 'Hosted', name: 'Hosted', description: 'd', examples: [], cells: { code: { who: 'provider' }, queue: { who: 'provider' }, metal: { who: 'provider' } } },
      ],
    };
    const check = compile(buildJsonSchema(custom));
    const ok = (text: string) => schemaErrors(text, check).every((e) => e.length === 0);
    assert.ok(ok('workload: f\nmodel: faas\nlayers:\n  code: {owner: dev}\n  queue: {owner: ops, handoff: h}\n'));
    assert.ok(!ok('workload: f\nmodel: faas\nlayers:\n  code: {owner: dev}\n'), 'queue is shared under faas');
    assert.ok(!ok('workload: f\nmodel: faas\nlayers:\n  code: {owner: dev}\n  queue: {owner: ops}\n'), 'queue needs a handoff');
    assert.ok(!ok('workload: f\nmodel: paas\n'), 'paas is not a model here');
    assert.ok(ok('workload: h\nmodel: hosted\n'), 'a model with no customer layer requires no layers:');
    assert.ok(!ok('workload: h\nmodel: hosted\nlayers:\n  data-classification: {owner: x}\n'), 'only the custom layer ids are keys');
  });

  describe('agrees with the checker (no SRM001-SRM005 ⇔ the schema accepts)', () => {
    for (const m of REFERENCE_MODEL.models) {
      it(`on generated ${m.shortName} declarations`, () => {
        const cases = generatedCases(REFERENCE_MODEL, m);
        assert.ok(cases.length > 4);
        for (const c of cases) {
          const diagnostics = checkText(c.text).diagnostics;
          const gaps = diagnostics.filter((d) => SCHEMA_CODES.includes(d.code)).map((d) => d.code);
          const otherErrors = diagnostics.filter((d) => d.severity === 'error' && !SCHEMA_CODES.includes(d.code));
          assert.deepEqual(otherErrors, [], `${c.name}: the case must be clean apart from what it tests`);
          const errors = schemaErrors(c.text).flat();
          const valid = errors.length === 0;
          assert.equal(gaps.length === 0, c.clean, `${c.name}: the checker reported [${gaps.join(', ')}]`);
          assert.equal(valid, gaps.length === 0, `${c.name}: checker [${gaps.join(', ')}] but schema ${valid ? 'accepts' : `rejects:\n${describeErrors(errors)}`}\n${c.text}`);
        }
      });
    }
  });
});

describe('generate-schema (npm run schema / schema:check)', () => {
  it('finds every generated file committed up to date (schema, grammar, snippets)', () => {
    const lines: string[] = [];
    assert.equal(run(['--check'], { root: ROOT, out: (l) => lines.push(l), err: (l) => lines.push(l) }), 0, lines.join('\n'));
  });

  it('fails with a clear message when a committed file is stale or missing, and fixes it without --check', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-schema-'));
    try {
      const files = generatedFiles();
      for (const f of files) {
        fs.mkdirSync(path.join(tmp, path.dirname(f.path)), { recursive: true });
        fs.writeFileSync(path.join(tmp, f.path), f.content.replace(/\n/g, '\r\n'));
      }
      fs.writeFileSync(path.join(tmp, SCHEMA_PATH), '{}\n');
      fs.rmSync(path.join(tmp, SNIPPETS_PATH));
      const err: string[] = [];
      assert.equal(run(['--check'], { root: tmp, out: () => undefined, err: (l) => err.push(l) }), 1);
      assert.deepEqual(err, [`${SCHEMA_PATH} is stale: run npm run schema`, `${SNIPPETS_PATH} is missing: run npm run schema`]);
      assert.equal(fs.readFileSync(path.join(tmp, SCHEMA_PATH), 'utf8'), '{}\n', '--check writes nothing');

      assert.equal(run([], { root: tmp, out: () => undefined }), 0);
      assert.equal(run(['--check'], { root: tmp, out: () => undefined, err: (l) => assert.fail(l) }), 0);
      assert.equal(run(['--chek'], { root: tmp, err: () => undefined }), 2);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('snippets: snippets/srm.json', () => {
  const snippets = buildSnippets(REFERENCE_MODEL);

  /** What VS Code inserts when every placeholder is accepted as is (or replaced by `fill`). */
  function expand(body: readonly string[], fill?: (n: number, text: string) => string): string {
    return body
      .join('\n')
      .replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, text: string) => (fill ? fill(Number(n), text) : text))
      .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, _n: string, options: string) => options.split(',')[0]!)
      .replace(/\$0/g, '');
  }

  it('has a full declaration per model, and the entry snippets', () => {
    assert.deepEqual(Object.keys(snippets), [...REFERENCE_MODEL.models.map((m) => `srm-${m.id}`), 'layer entry', 'shared layer entry']);
  });

  for (const m of REFERENCE_MODEL.models) {
    it(`srm-${m.id} has every required entry, with placeholders the checker keeps flagging until they are typed over`, () => {
      const { body } = snippets[`srm-${m.id}`]!;
      const asIs = checkText(expand(body)).diagnostics;
      assert.deepEqual(asIs.filter((d) => ['SRM001', 'SRM002', 'SRM004', 'SRM005'].includes(d.code)), []);
      const duties = REFERENCE_MODEL.layers.filter((l) => ['customer', 'shared'].includes(m.cells[l.id]?.who ?? ''));
      assert.equal(asIs.filter((d) => d.code === 'SRM012').length, duties.length, 'each placeholder owner is flagged');

      const typed = expand(body, (n, text) => (text === 'TODO' ? `value-${n}` : text));
      assert.deepEqual(checkText(typed).diagnostics.filter((d) => d.severity !== 'hint'), []);
      assert.ok(accepts(typed));
    });
  }

  it('layer entry snippets offer the layer ids and expand to an entry (with a handoff for the shared one)', () => {
    const layerChoice = snippets['layer entry']!.body[0];
    for (const layer of REFERENCE_MODEL.layers) assert.ok(layerChoice!.includes(layer.id));
    const shared = REFERENCE_MODEL.layers.filter((l) => REFERENCE_MODEL.models.some((m) => m.cells[l.id]?.who === 'shared'));
    assert.deepEqual(/\|(.*)\|/.exec(snippets['shared layer entry']!.body[0]!)![1]!.split(','), shared.map((l) => l.id));
    for (const name of ['layer entry', 'shared layer entry']) {
      const entry = expand(snippets[name]!.body, (n) => `value-${n}`).replace(/^/gm, '  ');
      const doc = parseAllDocuments(`layers:\n${entry}`)[0]!.toJS() as { layers: Record<string, Record<string, string>> };
      const [value] = Object.values(doc.layers);
      assert.ok(value!.owner, name);
      assert.equal('handoff' in value!, name === 'shared layer entry');
    }
  });

  it('never indents with tabs (YAML forbids them)', () => {
    for (const s of Object.values(snippets)) for (const line of s.body) assert.ok(!/^\s*\t/.test(line), line);
  });
});

interface Case {
  readonly name: string;
  readonly text: string;
  /** Whether the case has no SRM001-SRM005 finding. */
  readonly clean: boolean;
}

/** Declarations of one model: complete ones, and each one-gap variant the schema must catch. */
function generatedCases(model: ResponsibilityModel, m: ServiceModelDefinition): Case[] {
  const who = (id: string): Responsibility | undefined => m.cells[id]?.who;
  const duties = model.layers.filter((l) => who(l.id) === 'customer' || who(l.id) === 'shared').map((l) => l.id);
  const shared = duties.filter((id) => who(id) === 'shared');
  const providers = model.layers.filter((l) => who(l.id) === 'provider').map((l) => l.id);

  type Entry = { owner: string; handoff?: string };
  const complete = (): Map<string, Entry> =>
    new Map(duties.map((id) => [id, who(id) === 'shared' ? { owner: `team-${id}`, handoff: `The provider runs its part of ${id}; we run ours` } : { owner: `team-${id}` }]));
  const render = (entries: Map<string, Entry> | null, flow = false): string => {
    const head = `workload: wl-${m.id}\nmodel: ${m.id}\n`;
    if (!entries) return head;
    if (flow) {
      const items = [...entries].map(([id, e]) => `${id}: {owner: ${e.owner}${e.handoff ? `, handoff: "${e.handoff}"` : ''}}`);
      return `${head}layers: {${items.join(', ')}}\n`;
    }
    const lines = [...entries].flatMap(([id, e]) => [`  ${id}:`, `    owner: ${e.owner}`, ...(e.handoff ? [`    handoff: ${e.handoff}`] : [])]);
    return `${head}layers:\n${lines.join('\n')}\n`;
  };

  const cases: Case[] = [
    { name: 'complete', text: render(complete()), clean: true },
    { name: 'complete, flow style', text: render(complete(), true), clean: true },
  ];
  const withProviders = complete();
  for (const id of providers) withProviders.set(id, { owner: PROVIDER_OWNER });
  cases.push({ name: 'complete, provider layers left to the provider', text: render(withProviders), clean: true });
  if (duties.length) cases.push({ name: 'no layers:', text: render(null), clean: false });
  for (const id of duties) {
    const missing = complete();
    missing.delete(id);
    cases.push({ name: `${id} missing`, text: render(missing), clean: false });
    for (const owner of [PROVIDER_OWNER, 'Provider']) {
      const left = complete();
      left.set(id, { ...left.get(id)!, owner });
      cases.push({ name: `${id} owner: ${owner}`, text: render(left), clean: false });
    }
  }
  for (const id of shared) {
    const noHandoff = complete();
    noHandoff.set(id, { owner: `team-${id}` });
    cases.push({ name: `${id} without handoff`, text: render(noHandoff), clean: false });
    cases.push({ name: `${id} without handoff, flow style`, text: render(noHandoff, true), clean: false });
  }
  return cases;
}
