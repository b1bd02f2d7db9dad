import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { CONFIG_SCHEMA_PATH, MATRIX_SCHEMA_PATH } from '../../scripts/contributions/generated-files';

/*
 * The generated JSON Schemas of matrix files and srm.config.yaml, as
 * yaml-language-server applies them: every file the checker accepts passes,
 * and the mistakes a schema can see are refused where the checker refuses them.
 */
const ROOT = path.resolve(__dirname, '../../..');
const WORKSPACES = path.join(ROOT, 'test/fixtures/workspaces');
const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions'];

function compile(schemaPath: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, schemaPath), 'utf8')) as object);
}

const matrixSchema = compile(MATRIX_SCHEMA_PATH);
const configSchema = compile(CONFIG_SCHEMA_PATH);

function errorsOf(validate: ValidateFunction, text: string): string[] {
  return validate(parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword} ${JSON.stringify(e.params)}`);
}

function read(...parts: string[]): string {
  return fs.readFileSync(path.join(...parts), 'utf8');
}

function examples(suffix: RegExp): string[] {
  const dir = path.join(ROOT, 'examples');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => suffix.test(f)).map((f) => path.join(dir, f)) : [];
}

describe('JSON Schema of matrix files', () => {
  const accepted = [
    path.join(ROOT, 'server/src/core/matrix/builtin/reference-1.matrix.yaml'),
    path.join(ROOT, 'server/src/core/matrix/builtin/azure-2026-01.matrix.yaml'),
    path.join(WORKSPACES, 'org-matrix/governance/acme.srm-matrix.yaml'),
    ...examples(/\.srm-matrix\.yaml$/),
  ];
  for (const file of accepted) {
    it(`accepts ${path.relative(ROOT, file)}`, () => {
      assert.deepEqual(errorsOf(matrixSchema, read(file)), []);
    });
  }

  it('refuses a misspelt key at the top and inside a layer', () => {
    const errors = errorsOf(matrixSchema, read(WORKSPACES, 'matrix-errors/unknown-key.srm-matrix.yaml'));
    assert.ok(errors.some((e) => e.startsWith('/ additionalProperties') && e.includes('descripton')), errors.join('\n'));
    assert.ok(errors.some((e) => e.startsWith('/layers/0') && e.includes('aliasses')), errors.join('\n'));
  });

  it('refuses a cell outside the vocabulary, written alone or as who:', () => {
    const errors = errorsOf(matrixSchema, read(WORKSPACES, 'matrix-errors/unknown-cell.srm-matrix.yaml'));
    assert.ok(errors.some((e) => e.startsWith('/service-models/0/cells/data enum')), errors.join('\n'));
    assert.ok(errors.some((e) => e.startsWith('/service-models/0/cells/hosts/who enum')), errors.join('\n'));
  });

  it('refuses a matrix without a source, and a source without a url', () => {
    assert.ok(errorsOf(matrixSchema, read(WORKSPACES, 'matrix-errors/missing-source.srm-matrix.yaml')).some((e) => e.includes('"missingProperty":"source"')));
    assert.ok(errorsOf(matrixSchema, read(WORKSPACES, 'matrix-errors/source-without-url.srm-matrix.yaml')).some((e) => e.startsWith('/source required') && e.includes('url')));
  });

  it('refuses an id that is not an id, and a whole table without layers', () => {
    const errors = errorsOf(matrixSchema, 'matrix: Acme Corp\nversion: "1"\ntitle: T\nsource: {url: https://example.com}\nservice-models: []\n');
    assert.ok(errors.some((e) => e.startsWith('/matrix pattern')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('"missingProperty":"layers"')), errors.join('\n'));
  });

  it('needs no layers or service models when the file extends another matrix', () => {
    assert.deepEqual(errorsOf(matrixSchema, 'matrix: acme\nversion: "2"\ntitle: T\nsource: {url: https://example.com}\nextends: acme@1\n'), []);
  });
});

describe('JSON Schema of srm.config.yaml', () => {
  const accepted = [
    path.join(WORKSPACES, 'org-matrix/srm.config.yaml'),
    path.join(WORKSPACES, 'config-effects/srm.config.yaml'),
    path.join(WORKSPACES, 'config-effects/base.config.yaml'),
    path.join(WORKSPACES, 'override-policy/srm.config.yaml'),
    path.join(WORKSPACES, 'override-policy/forbid/srm.config.yaml'),
    ...examples(/^srm\.config\.yaml$/),
  ];
  for (const file of accepted) {
    it(`accepts ${path.relative(ROOT, file)}`, () => {
      assert.deepEqual(errorsOf(configSchema, read(file)), []);
    });
  }

  it('accepts an empty file and an owner directory written inline', () => {
    assert.deepEqual(errorsOf(configSchema, ''), []);
    assert.deepEqual(errorsOf(configSchema, 'owners:\n  platform-team:\n    contact: p@example.com\n    aliases: [platform]\n  dba:\n'), []);
  });

  it('refuses a misspelt key', () => {
    assert.ok(errorsOf(configSchema, read(WORKSPACES, 'config-errors/unknown-key/srm.config.yaml')).some((e) => e.includes('severities')));
  });

  it('refuses each invalid value the checker refuses', () => {
    const errors = errorsOf(configSchema, read(WORKSPACES, 'config-errors/invalid-value/srm.config.yaml'));
    for (const where of ['/severity/SRM006 enum', '/inline-ignore type', '/overrides enum', '/matrix pattern', '/matrices type']) {
      assert.ok(errors.some((e) => e.startsWith(where)), `${where} in:\n${errors.join('\n')}`);
    }
  });

  it('refuses a severity for a code that does not exist', () => {
    const errors = errorsOf(configSchema, read(WORKSPACES, 'config-errors/unknown-code/srm.config.yaml'));
    for (const code of ['SRM0006', 'SRM999']) assert.ok(errors.some((e) => e.includes(`"additionalProperty":"${code}"`)), `${code} in:\n${errors.join('\n')}`);
  });
});
