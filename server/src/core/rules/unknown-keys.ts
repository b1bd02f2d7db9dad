import type { FieldSpec } from '../format';
import { keyIsEditable, type Field } from '../parse/declaration';
import { closest } from '../text/similarity';
import type { RuleContext } from './rule';

/** Reports the fields whose keys the format does not know, with a rename to the closest known key. */
export function reportUnknownKeys(ctx: RuleContext, fields: readonly Field[], specs: readonly FieldSpec[], where: string): void {
  for (const field of fields) {
    if (!field.keyIsScalar || specs.some((s) => s.key === field.key)) continue;
    const [guess] = closest(field.key, specs, (s) => [s.key], 1);
    const known = specs.map((s) => s.key).join(', ');
    ctx.report({
      message: guess
        ? `"${field.key}" is not a key of ${where}. Did you mean ${guess.key}:?`
        : `"${field.key}" is not a key of ${where}; it is ignored. Known keys: ${known}.`,
      span: field.keySpan,
      fixes: guess && keyIsEditable(field) ? [{ title: `Change to ${guess.key}`, edits: [{ start: field.keySpan.start, end: field.keySpan.end, text: guess.key }], safe: false, preferred: true }] : [],
    });
  }
}
