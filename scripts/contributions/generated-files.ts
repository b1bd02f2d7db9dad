import * as fs from 'node:fs';
import * as path from 'node:path';
import { MatrixRegistry } from '../../server/src/core/matrix/registry';
import type { Matrix } from '../../server/src/core/matrix/types';
import { buildConfigJsonSchema } from '../../server/src/core/config/json-schema';
import { buildMatrixJsonSchema } from '../../server/src/core/matrix/json-schema';
import { buildReportJsonSchema } from '../../server/src/core/report/json-schema';
import { RULES } from '../../server/src/core/rules/registry';
import { RULES_DOC_PATH, rulesDoc, withRulesTable } from './rules-doc';
import { buildJsonSchema } from '../../server/src/core/schema';
import { BUILT_IN_MODULE, builtInMatricesModule, compileBuiltIns } from './built-in-matrices';
import { buildGrammar } from './grammar';
import { buildSnippets } from './snippets';

export interface GeneratedFile {
  /** Relative to the repository root, with `/`. */
  readonly path: string;
  readonly content: string;
}

export const SCHEMA_PATH = 'schemas/srm.schema.json';
export const GRAMMAR_PATH = 'syntaxes/srm.tmLanguage.json';
export const SNIPPETS_PATH = 'snippets/srm.json';
export const REPORT_SCHEMA_PATH = 'schemas/srm-report.schema.json';
export const CONFIG_SCHEMA_PATH = 'schemas/srm-config.schema.json';
export const MATRIX_SCHEMA_PATH = 'schemas/srm-matrix.schema.json';

/** The repository root: this file runs as out/scripts/contributions/generated-files.js. */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The built-in matrices as their source files state them now (not as last
 * compiled into builtin/generated.ts), so one run writes every file from them.
 */
function builtInRegistry(root = ROOT): MatrixRegistry {
  return compileBuiltIns(root).registry;
}

/** The built-in reference matrix: what the declaration schema and the snippets are generated from. */
export function referenceMatrix(root = ROOT): Matrix {
  return builtInRegistry(root).get('reference@1')!.index!.matrix;
}

/** Every generated file, as it must be committed. */
export function generatedFiles(model: Matrix = referenceMatrix(), root = ROOT): GeneratedFile[] {
  return [
    { path: BUILT_IN_MODULE, content: builtInMatricesModule(root) },
    { path: SCHEMA_PATH, content: renderJson(buildJsonSchema(model)) },
    { path: GRAMMAR_PATH, content: renderJson(buildGrammar()) },
    { path: SNIPPETS_PATH, content: renderJson(buildSnippets(model)) },
    { path: REPORT_SCHEMA_PATH, content: renderJson(buildReportJsonSchema()) },
    { path: CONFIG_SCHEMA_PATH, content: renderJson(buildConfigJsonSchema(RULES, builtInRegistry(root).entries.map((e) => e.ref))) },
    { path: MATRIX_SCHEMA_PATH, content: renderJson(buildMatrixJsonSchema()) },
    { path: RULES_DOC_PATH, content: rulesDoc(RULES) },
    // The README is written by hand except for its table of findings.
    { path: 'README.md', content: withRulesTable(fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\r\n/g, '\n'), RULES) },
  ];
}

/** Stable formatting: 2-space indentation, `\n` line ends, a trailing newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
