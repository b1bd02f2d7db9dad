import { REFERENCE_MODEL } from '../../server/src/core/model/reference-model';
import type { ResponsibilityModel } from '../../server/src/core/model/types';
import { buildReportJsonSchema } from '../../server/src/core/report/json-schema';
import { buildJsonSchema } from '../../server/src/core/schema';
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

/** Every file generated from the responsibility model, as it must be committed. */
export function generatedFiles(model: ResponsibilityModel = REFERENCE_MODEL): GeneratedFile[] {
  return [
    { path: SCHEMA_PATH, content: renderJson(buildJsonSchema(model)) },
    { path: GRAMMAR_PATH, content: renderJson(buildGrammar(model)) },
    { path: SNIPPETS_PATH, content: renderJson(buildSnippets(model)) },
    { path: REPORT_SCHEMA_PATH, content: renderJson(buildReportJsonSchema()) },
  ];
}

/** Stable formatting: 2-space indentation, `\n` line ends, a trailing newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
