import type { JsonSchema } from '../schema';
import type { KeySpec, ValueSpec } from './key-spec';

/** Schema helpers shared by the JSON Schemas of our data files (the configuration, matrix files). */
export type { JsonSchema };

export const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
/** As `parseMatrixRef` reads a reference: an id, optionally `@version`, surrounding spaces allowed. */
export const MATRIX_REF_PATTERN = '^\\s*[a-z0-9][a-z0-9-]*(@[^\\s@]+)?\\s*$';
/** A text: the readers take a number written where a text is expected. */
export const TEXT = { type: ['string', 'number'], pattern: '\\S' } as const;
/** The readers take one text or a list of texts wherever a list is expected. */
export const TEXTS = { type: ['string', 'number', 'array'], items: { type: ['string', 'number'] } } as const;

export function described(spec: KeySpec, schema: JsonSchema): JsonSchema {
  return { description: plain(spec.description), markdownDescription: spec.description, ...schema };
}

export function enumOf(values: readonly ValueSpec[]): JsonSchema {
  return {
    type: 'string',
    enum: values.map((v) => v.value),
    enumDescriptions: values.map((v) => plain(v.description)),
    markdownEnumDescriptions: values.map((v) => v.description),
  };
}

/** The `properties` of a mapping: each key described by its spec, with its value's schema (default a text). */
export function keyed(specs: readonly KeySpec[], schemas: Readonly<Record<string, JsonSchema>>): JsonSchema {
  return Object.fromEntries(specs.map((s) => [s.key, described(s, schemas[s.key] ?? TEXT)]));
}

/** A description without markdown code marks, for editors that show `description` as plain text. */
export function plain(markdown: string): string {
  return markdown.replace(/`/g, '');
}
