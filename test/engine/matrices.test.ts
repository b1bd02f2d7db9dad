/**
 * The built-in matrices against their tables in the design references, cell by
 * cell: reference@1 against srm-format.md, azure@2026-01 against srm-matrix.md.
 * Read from the markdown when it is there (../shared/design beside the clone),
 * and from copies transcribed here so the test still guards without it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ServiceCatalogue, checkText, type Cell as Responsibility } from '../../server/src/core';
import { AZURE, REFERENCE, REPO_ROOT } from './helpers';

const REFERENCE_MODEL = REFERENCE.matrix;

type Letter = 'C' | 'S' | 'P' | 'T' | 'N';
interface Cell {
  readonly who: Letter;
  readonly derived: boolean;
}
interface Table {
  /** [id, display name], top of the stack first. */
  readonly layers: readonly (readonly [string, string])[];
  readonly models: readonly string[];
  /** layer id -> model id -> cell */
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, Cell>>;
}

/** Transcribed from srm-format.md ("The responsibility model"); `*` marks a derived cell. */
const TRANSCRIBED_LAYERS: readonly (readonly [string, string])[] = [
  ['data-classification', 'Data & Classification'],
  ['endpoint-devices', 'Endpoint Devices'],
  ['identity-access', 'Identity & Access'],
  ['applications', 'Applications'],
  ['runtime-middleware', 'Runtime & Middleware'],
  ['operating-system', 'Operating System'],
  ['network-config', 'Network Config'],
  ['physical-servers', 'Physical Servers'],
  ['datacenter-network', 'Data Center & Network'],
  ['physical-security', 'Physical Security'],
];
const TRANSCRIBED_CELLS = `
| layer | iaas | paas | saas |
|---|---|---|---|
| data-classification | C | C | C |
| endpoint-devices | C* | C* | C |
| identity-access | C | C | C |
| applications | C | C | P |
| runtime-middleware | C | S | P |
| operating-system | C | P | P |
| network-config | S | P | P |
| physical-servers | P | P | P |
| datacenter-network | P | P | P* |
| physical-security | P | P | P |
`;
const TRANSCRIBED_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  iaas: ['AWS EC2', 'Azure VMs', 'GCP Compute'],
  paas: ['Azure App Service', 'Google App Engine'],
  saas: ['Microsoft 365', 'Salesforce', 'Google Workspace'],
};
const SHORT_NAMES: Readonly<Record<string, string>> = { iaas: 'IaaS', paas: 'PaaS', saas: 'SaaS' };
const WHO: Readonly<Record<Letter, Responsibility>> = { C: 'customer', S: 'shared', P: 'provider', T: 'third-party', N: 'not-applicable' };

/** The rows of the first markdown table after a header row whose first cells are `header`. */
function markdownTable(markdown: string, header: readonly string[]): string[][] {
  const lines = markdown.split(/\r?\n/);
  const cellsOf = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
  const start = lines.findIndex((l) => l.trim().startsWith('|') && header.every((h, i) => cellsOf(l)[i] === h));
  if (start < 0) throw new Error(`no table with header ${header.join(' | ')}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(cellsOf(line));
  }
  return rows;
}

function readTable(layers: readonly (readonly [string, string])[], cellsMarkdown: string): Table {
  const header = markdownTable(cellsMarkdown, ['layer']);
  const headerLine = cellsMarkdown.split(/\r?\n/).find((l) => /^\|\s*layer\s*\|/.test(l.trim()))!;
  const models = headerLine.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).slice(1);
  return tableOf(layers, header, models, 1);
}

/** The table of rows whose cells start at column `first`, one per model. */
function tableOf(layers: readonly (readonly [string, string])[], rows: readonly string[][], models: readonly string[], first: number): Table {
  const cells = new Map<string, Map<string, Cell>>();
  for (const row of rows) {
    const byModel = new Map<string, Cell>();
    models.forEach((m, i) => {
      const raw = row[i + first]!;
      assert.match(raw, /^[CSPTN]\*?$/, `cell ${row[0]}/${m} reads "${raw}"`);
      byModel.set(m, { who: raw[0] as Letter, derived: raw.endsWith('*') });
    });
    cells.set(layerIdOf(row[0]!), byModel);
  }
  return { layers, models, cells };
}

/** `Customer data (\`customer-data\`)` → `customer-data`; a plain id stays as it is. */
function layerIdOf(cell: string): string {
  return /\(`?([a-z0-9-]+)`?\)\s*$/.exec(cell)?.[1] ?? cell;
}

const TRANSCRIBED = readTable(TRANSCRIBED_LAYERS, TRANSCRIBED_CELLS);

/** The design reference, where CI puts it: `../shared` beside the clone (or the variable SRM_FORMAT_MD). */
function referencePath(): string | undefined {
  const candidates = [process.env.SRM_FORMAT_MD, path.resolve(REPO_ROOT, '..', 'shared', 'design', 'srm-format.md')];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

function assertModelMatches(table: Table, source: string): void {
  const index = REFERENCE;
  assert.deepEqual(
    REFERENCE_MODEL.layers.map((l) => [l.id, l.name]),
    table.layers.map(([id, name]) => [id, name]),
    `${source}: layer ids, display names and their order (top of the stack first)`,
  );
  assert.deepEqual(REFERENCE_MODEL.models.map((m) => m.id), [...table.models], `${source}: the service models`);
  for (const [layerId, byModel] of table.cells) {
    for (const [modelId, expected] of byModel) {
      const cell = index.cell(modelId, layerId);
      assert.ok(cell, `${source}: no cell for ${layerId} under ${modelId}`);
      assert.equal(cell.who, WHO[expected.who], `${source}: ${layerId} under ${modelId}`);
      if (expected.derived) {
        assert.ok(cell.derived && cell.derived.trim().length > 20, `${source}: ${layerId} under ${modelId} is derived and must say why`);
      } else {
        assert.equal(cell.derived, undefined, `${source}: ${layerId} under ${modelId} is listed, not derived`);
      }
    }
  }
  // No cell beyond the table.
  for (const m of REFERENCE_MODEL.models) {
    assert.deepEqual(Object.keys(m.cells).sort(), [...table.cells.keys()].sort(), `${source}: the cells of ${m.id}`);
  }
}

describe('the built-in reference matrix (reference@1)', () => {
  it('matches the table transcribed from the design reference, cell by cell', () => {
    assertModelMatches(TRANSCRIBED, 'transcribed table');
    let n = 0;
    for (const byModel of TRANSCRIBED.cells.values()) n += byModel.size;
    assert.equal(n, 30);
  });

  const reference = referencePath();
  it(`matches the table in srm-format.md${reference ? '' : ' (not found: the transcribed table is the guard)'}`, () => {
    if (!reference) return;
    const markdown = fs.readFileSync(reference, 'utf8');
    const layers = markdownTable(markdown, ['id', 'display name']).map((r) => [r[0]!, r[1]!] as const);
    const table = readTable(layers, markdown);
    assertModelMatches(table, 'srm-format.md');
    // And the transcription is faithful, so the test without shared/ guards the same thing.
    assert.deepEqual(table.layers, TRANSCRIBED.layers);
    assert.deepEqual([...table.cells].map(([l, m]) => [l, [...m]]), [...TRANSCRIBED.cells].map(([l, m]) => [l, [...m]]));
  });

  it('names the models as the reference does, with its example services', () => {
    for (const m of REFERENCE_MODEL.models) {
      assert.equal(m.shortName, SHORT_NAMES[m.id]);
      assert.equal(m.name, `${{ iaas: 'Infrastructure', paas: 'Platform', saas: 'Software' }[m.id]} as a Service`);
      assert.deepEqual([...m.examples], [...TRANSCRIBED_EXAMPLES[m.id]!]);
      assert.ok(m.description?.trim().length);
    }
    if (reference) {
      const markdown = fs.readFileSync(reference, 'utf8').replace(/\s+/g, ' ');
      for (const [id, examples] of Object.entries(TRANSCRIBED_EXAMPLES)) {
        assert.ok(markdown.includes(`${SHORT_NAMES[id]} — ${examples.join(', ')}`), `srm-format.md no longer lists ${id}'s examples as transcribed`);
      }
    }
  });

  it('knows every example service of the reference in the catalogue, under its model', () => {
    const catalogue = new ServiceCatalogue();
    for (const m of REFERENCE_MODEL.models) {
      for (const example of m.examples) assert.equal(catalogue.find(example)?.model, m.id, example);
    }
  });

  it('marks exactly the two derived cells, and says why in words a hover can show', () => {
    const derived = REFERENCE_MODEL.models.flatMap((m) => Object.entries(m.cells).filter(([, c]) => c.derived).map(([l, c]) => ({ model: m.id, layer: l, why: c.derived! })));
    assert.deepEqual(derived.map((d) => `${d.layer}/${d.model}`).sort(), ['datacenter-network/saas', 'endpoint-devices/iaas', 'endpoint-devices/paas']);
    for (const d of derived) {
      assert.match(d.why, /^Derived, not listed/);
      assert.ok(d.why.includes(REFERENCE_MODEL.layers.find((l) => l.id === d.layer)!.name), `the reason names the layer: ${d.why}`);
    }
    const endpoint = derived.find((d) => d.layer === 'endpoint-devices')!.why;
    assert.match(endpoint, /lists Endpoint Devices only under SaaS/);
    assert.match(endpoint, /never escapes/);
    assert.match(derived.find((d) => d.layer === 'datacenter-network')!.why, /only under IaaS and PaaS/);
  });

  it('describes every layer for hovers: what it covers, the risk, the owner\'s duty', () => {
    for (const l of REFERENCE_MODEL.layers) {
      for (const field of [l.covers, l.risk, l.ownerDuty]) assert.ok(field && field.trim().length > 10, `${l.id}: ${field}`);
    }
  });

  describe('spellings', () => {
    const index = REFERENCE;
    it('recognises display names and the common spellings of the reference', () => {
      const cases: Record<string, string> = {
        'Operating System': 'operating-system',
        os: 'operating-system',
        iam: 'identity-access',
        data: 'data-classification',
        'Data & Classification': 'data-classification',
        'data and classification': 'data-classification',
        'DATA-CENTER & NETWORK': 'datacenter-network',
        'Runtime & Middleware': 'runtime-middleware',
        network_config: 'network-config',
      };
      for (const [spelling, id] of Object.entries(cases)) assert.equal(index.layerByOtherSpelling(spelling)?.id, id, spelling);
      for (const l of REFERENCE_MODEL.layers) assert.equal(index.layerByOtherSpelling(l.id), undefined, `${l.id} is the id, not another spelling`);
    });

    it('gives no spelling to two layers, nor to a layer and a model', () => {
      const norm = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '');
      const owner = new Map<string, string>();
      for (const l of REFERENCE_MODEL.layers) {
        for (const s of [l.id, l.name, ...l.aliases]) {
          const prior = owner.get(norm(s));
          assert.ok(prior === undefined || prior === l.id, `"${s}" means both ${prior} and ${l.id}`);
          owner.set(norm(s), l.id);
        }
      }
      for (const m of REFERENCE_MODEL.models) {
        for (const s of [m.id, m.name, m.shortName]) assert.ok(!owner.has(norm(s)), `"${s}" is a model and a layer`);
      }
    });

    it('recognises a model in another case or by its name, and suggests the closest models', () => {
      assert.equal(index.modelByOtherSpelling('PaaS')?.id, 'paas');
      assert.equal(index.modelByOtherSpelling('IAAS')?.id, 'iaas');
      assert.equal(index.modelByOtherSpelling('Software as a Service')?.id, 'saas');
      assert.equal(index.modelByOtherSpelling('saas'), undefined);
      assert.equal(index.suggestModels('iass')[0]?.id, 'iaas');
      assert.equal(index.suggestModels('pass')[0]?.id, 'paas');
    });

    it('suggests the closest layers for a typo, including a swap of two letters', () => {
      assert.equal(index.suggestLayers('identty-access')[0]?.id, 'identity-access');
      assert.equal(index.suggestLayers('idnetity-access')[0]?.id, 'identity-access');
      assert.equal(index.suggestLayers('aplications')[0]?.id, 'applications');
      assert.equal(index.suggestLayers('datacentre-network')[0]?.id, 'datacenter-network');
      assert.deepEqual(index.suggestLayers('zzzz'), []);
    });

    it('keeps the stack order for positions', () => {
      REFERENCE_MODEL.layers.forEach((l, i) => assert.equal(index.position(l.id), i));
      assert.equal(index.position('nope'), -1);
    });
  });

  it('is what the checker uses: a complete declaration under each model has no findings', () => {
    for (const m of REFERENCE_MODEL.models) {
      const entries = REFERENCE_MODEL.layers
        .filter((l) => m.cells[l.id]!.who !== 'provider')
        .map((l) => `  ${l.id}:\n    owner: team-${l.id}\n${m.cells[l.id]!.who === 'shared' ? '    handoff: the provider runs its half\n' : ''}`);
      const text = `workload: w\nmodel: ${m.id}\nlayers:\n${entries.join('')}`;
      assert.deepEqual(checkText(text).diagnostics, [], text);
    }
  });
});

const TRANSCRIBED_AZURE = `
| layer (id) | same-as (reference) | on-premises | iaas | paas | saas |
|---|---|---|---|---|---|
| Customer data (\`customer-data\`) | \`data-classification\` | C | C | C | C |
| Configurations and settings (\`configurations-settings\`) | – | C | C | C | C |
| Identities and users (\`identities-users\`) | \`identity-access\` | C | C | C | C |
| Client devices (\`client-devices\`) | \`endpoint-devices\` | C | C | C | S |
| Applications (\`applications\`) | \`applications\` | C | C | S | S |
| Network controls (\`network-controls\`) | \`network-config\` | C | C | S | P |
| Operating system (\`operating-system\`) | \`operating-system\` | C | C | P | P |
| Physical hosts (\`physical-hosts\`) | \`physical-servers\` | C | P | P | P |
| Physical network (\`physical-network\`) | \`datacenter-network\` | C | P | P | P |
| Physical datacenter (\`physical-datacenter\`) | \`physical-security\` | C | P | P | P |
`;

/** The azure table of srm-matrix.md: layers with display names and same-as, and the cells. */
function readAzure(markdown: string): { table: Table; sameAs: Map<string, string | undefined> } {
  const rows = markdownTable(markdown, ['layer (id)', 'same-as (reference)']);
  const layers = rows.map((r) => [layerIdOf(r[0]!), r[0]!.replace(/\s*\(`?[a-z0-9-]+`?\)\s*$/, '')] as const);
  const sameAs = new Map(rows.map((r) => [layerIdOf(r[0]!), /^`?([a-z0-9-]+)`?$/.exec(r[1]!)?.[1]]));
  return { table: tableOf(layers, rows, ['on-premises', 'iaas', 'paas', 'saas'], 2), sameAs };
}

function matrixPath(): string | undefined {
  const candidates = [process.env.SRM_MATRIX_MD, path.resolve(REPO_ROOT, '..', 'shared', 'design', 'srm-matrix.md')];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

function assertAzureMatches(table: Table, sameAs: ReadonlyMap<string, string | undefined>, source: string): void {
  assert.deepEqual(AZURE.layers.map((l) => [l.id, l.name]), table.layers.map(([id, name]) => [id, name]), `${source}: layer ids, names and order`);
  assert.deepEqual(AZURE.models.map((m) => m.id), [...table.models], `${source}: the service models`);
  for (const [layerId, byModel] of table.cells) {
    for (const [modelId, expected] of byModel) {
      assert.equal(AZURE.cell(modelId, layerId)?.who, WHO[expected.who], `${source}: ${layerId} under ${modelId}`);
      assert.equal(AZURE.cell(modelId, layerId)?.derived, undefined, `${source}: Microsoft lists every cell: none is derived`);
    }
  }
  for (const l of AZURE.layers) {
    const expected = sameAs.get(l.id);
    assert.deepEqual([...l.sameAs], expected ? [expected] : [], `${source}: same-as of ${l.id}`);
  }
}

describe('the built-in Azure matrix (azure@2026-01)', () => {
  it('matches the table transcribed from srm-matrix.md, cell by cell', () => {
    const { table, sameAs } = readAzure(TRANSCRIBED_AZURE);
    assertAzureMatches(table, sameAs, 'transcribed table');
    let n = 0;
    for (const byModel of table.cells.values()) n += byModel.size;
    assert.equal(n, 40);
  });

  const design = matrixPath();
  it(`matches the table in srm-matrix.md${design ? '' : ' (not found: the transcribed table is the guard)'}`, () => {
    if (!design) return;
    const { table, sameAs } = readAzure(fs.readFileSync(design, 'utf8'));
    assertAzureMatches(table, sameAs, 'srm-matrix.md');
    assert.deepEqual([...table.cells].map(([l, m]) => [l, [...m]]), [...readAzure(TRANSCRIBED_AZURE).table.cells].map(([l, m]) => [l, [...m]]));
  });

  it('cites Microsoft\'s page, and says what the page says about each shared cell', () => {
    assert.equal(AZURE.matrix.source.url, 'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility');
    assert.equal(AZURE.matrix.source.published, '2026-01');
    for (const m of AZURE.models) {
      for (const [layerId, cell] of Object.entries(m.cells)) {
        if (cell.who === 'shared') assert.ok(cell.note && cell.note.length > 30, `the shared cell ${layerId}/${m.id} says who does what`);
      }
    }
    assert.match(AZURE.cell('paas', 'network-controls')!.note!, /baseline network security/);
    assert.match(AZURE.cell('saas', 'client-devices')!.note!, /device management/);
  });

  it('knows the reference\'s runtime-middleware only as a layer it has no row for, with the page\'s reason', () => {
    assert.equal(AZURE.layerIdOf('runtime-middleware'), undefined);
    assert.match(AZURE.notListed('runtime-middleware')!, /runtime environments and middleware among the platform services/);
  });
});

/**
 * Only data names the layers and the models: the built-in matrices (their
 * `*.matrix.yaml` files, compiled into builtin/generated.ts) and the
 * catalogue's and crosswalk's rows. Everything else in the core reads them, so
 * a custom matrix is honoured everywhere. Read with the TypeScript parser, so
 * comments are not code.
 *
 * Forbidden in the core's code:
 * - a string (or template part, or regular expression) holding a layer id or a
 *   lower-case model id as a token, e.g. 'operating-system', `under saas`;
 * - a string that is a model in any case, e.g. 'SaaS' (comparisons on the short name);
 * - a property named after a layer or model, e.g. { applications: … }.
 * Allowed:
 * - builtin/generated.ts: the built-in matrices, as data;
 * - catalogue/services.ts: model ids as the `model:` and layer ids as the
 *   `layer:` of catalogue rows (the catalogue's data; catalogue.test.ts checks them);
 * - iac/resource-table.ts: model ids as `model:` and layer ids as `layer:` of
 *   its rows (its data; iac-table.test.ts checks each exists);
 * - prose (a string with spaces) naming a model by its short name, e.g. a rule's
 *   help text "an EC2 workload declared as SaaS", or quoting an id as an
 *   example in backticks: documentation, not logic.
 */
describe('no layer or model id outside data', () => {
  const CORE = path.join(REPO_ROOT, 'server', 'src', 'core');
  const DATA_FILES = new Set([path.join('matrix', 'builtin', 'generated.ts')]);
  const CATALOGUE_FILE = path.join('catalogue', 'services.ts');
  const layerIds = [...new Set([...REFERENCE_MODEL.layers, ...AZURE.layers].map((l) => l.id))];
  const modelIds = [...new Set([...REFERENCE_MODEL.models, ...AZURE.models].map((m) => m.id))];
  const RESOURCE_TABLE_FILE = path.join('iac', 'resource-table.ts');
  const tokenRe = new RegExp(`(?<![A-Za-z0-9_-])(${[...layerIds, ...modelIds].map((s) => s.replace(/-/g, '\\-')).join('|')})(?![A-Za-z0-9_-])`);
  const anyCaseModel = new RegExp(`^\\s*(${modelIds.join('|')})\\s*$`, 'i');

  /** The id literals of one source file, as "file:line: what". */
  function idLiterals(rel: string, text: string): string[] {
    const source = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true);
    const problems: string[] = [];
    const where = (node: ts.Node) => `${rel}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const isDataProperty = (node: ts.StringLiteralLike, key: string, ids: readonly string[]) =>
      ts.isPropertyAssignment(node.parent) && node.parent.initializer === node && node.parent.name.getText() === key && ids.includes(node.text);
    const isCatalogueData = (node: ts.StringLiteralLike) =>
      (rel === CATALOGUE_FILE || rel === RESOURCE_TABLE_FILE) && (isDataProperty(node, 'model', modelIds) || isDataProperty(node, 'layer', layerIds));
    const visit = (node: ts.Node): void => {
      const literal = ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isRegularExpressionLiteral(node);
      if (literal && !(ts.isStringLiteralLike(node) && isCatalogueData(node))) {
        const raw = (node as ts.LiteralLikeNode).text;
        // Prose may quote an id as an example, in backticks: documentation, not logic.
        const value = / /.test(raw) ? raw.replace(/`[^`]*`/g, '``') : raw;
        const token = tokenRe.exec(value);
        if (token) problems.push(`${where(node)}: "${token[1]}" in ${JSON.stringify(value.slice(0, 80))}`);
        else if (anyCaseModel.test(value)) problems.push(`${where(node)}: the model ${JSON.stringify(value)}`);
      }
      if ((ts.isPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node)) && !ts.isComputedPropertyName(node.name)) {
        const name = node.name.getText().replace(/^['"`]|['"`]$/g, '');
        if (layerIds.includes(name) || modelIds.includes(name.toLowerCase())) problems.push(`${where(node)}: a property named ${name}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return problems;
  }

  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) files.push(p);
    }
  };
  walk(CORE);

  it('finds the core sources', () => {
    assert.ok(files.length >= 30, `${files.length} files`);
  });

  for (const file of files) {
    const rel = path.relative(CORE, file);
    if (DATA_FILES.has(rel)) continue;
    it(rel, () => {
      assert.deepEqual(idLiterals(rel, fs.readFileSync(file, 'utf8')), [], 'read layer and model ids from the matrix (MatrixIndex) instead');
    });
  }

  it('catches what it is meant to catch, and lets comments, prose and catalogue data be', () => {
    const sample = [
      "const a = 'operating-system';",
      'const b = { applications: 1 };',
      "if (m.shortName === 'SaaS') {}",
      'const r = /paas/;',
      'const t = `under ${x} iaas`;',
      '// saas and data-classification in a comment',
      "const help = 'an EC2 workload declared as SaaS would hide its operating system';",
      "const entry = { name: 'Slack', model: 'saas' };",
      "const example = 'write an id such as `paas`';",
      "const bad = 'write paas here';",
    ].join('\n');
    assert.deepEqual(idLiterals('x.ts', sample).map((p) => p.replace(/^x\.ts:\d+: /, '')), [
      '"operating-system" in "operating-system"',
      'a property named applications',
      'the model "SaaS"',
      '"paas" in "/paas/"',
      '"iaas" in " iaas"',
      '"saas" in "saas"',
      '"paas" in "write paas here"',
    ]);
    assert.deepEqual(idLiterals(CATALOGUE_FILE, "const entry = { name: 'Slack', model: 'saas', layer: 'applications' };"), []);
    assert.equal(idLiterals(CATALOGUE_FILE, "const entry = { name: 'Slack', model: 'saas', owner: 'applications' };").length, 1);
  });
});
