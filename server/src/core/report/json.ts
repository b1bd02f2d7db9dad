/**
 * The report as JSON: the model itself, keys in the order of its JSON Schema
 * (json-schema.ts) whatever order the builder made them in, two-space
 * indentation and a final newline, so that two runs over the same
 * declarations give the same bytes.
 */
import { buildReportJsonSchema, type JsonSchema } from './json-schema';
import type { ResponsibilityReport } from './model';

let schema: JsonSchema | undefined;

export function formatJson(report: ResponsibilityReport): string {
  schema ??= buildReportJsonSchema();
  return `${JSON.stringify(ordered(report, schema, schema), null, 2)}\n`;
}

/** `value` with every object's keys in the order its schema lists them; keys the schema does not know come last, sorted. */
function ordered(value: unknown, node: JsonSchema, root: JsonSchema): unknown {
  const resolved = resolve(node, root);
  if (Array.isArray(value)) {
    const items = resolved.items as JsonSchema | undefined;
    return items ? value.map((v) => ordered(v, items, root)) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const properties = (resolved.properties ?? {}) as Readonly<Record<string, JsonSchema>>;
  const source = value as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) if (source[key] !== undefined) out[key] = ordered(source[key], properties[key]!, root);
  for (const key of Object.keys(source).filter((k) => !(k in properties)).sort()) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function resolve(node: JsonSchema, root: JsonSchema): JsonSchema {
  const target = node.$ref;
  if (typeof target !== 'string') return node;
  const name = target.replace('#/definitions/', '');
  const definition = (root.definitions as Readonly<Record<string, JsonSchema>>)[name];
  if (!definition) throw new Error(`The report schema has no definition ${name}.`);
  return resolve(definition, root);
}
