import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { ENTRY_FIELDS, TOP_LEVEL_FIELDS, type FieldSpec, type FieldType } from '../format';
import type { Field } from '../parse/declaration';
import type { Rule, RuleContext } from './rule';

export const wrongType: Rule = {
  code: 'SRM014',
  name: 'wrong-type',
  severity: 'error',
  description: 'A value of the wrong type: a declaration that is not a mapping, a list where text belongs, and so on.',
  help: 'Each key of the format takes one kind of value: text for names, a mapping for `layers:` and each entry, a list of text for `controls:`. A value of another kind is ignored by the checker.',
  fixes: [],
  check(ctx) {
    const decl = ctx.declaration;
    if (!decl.root) {
      const contents = decl.doc.contents as Node | null;
      if (contents?.range) ctx.report({ message: `A declaration must be a mapping of keys (workload:, model:, layers:, …), not ${kindOf(contents)}.`, span: { start: contents.range[0], end: contents.range[1] } });
      return;
    }
    const entries = decl.layers?.entries ?? [];
    // Keys first (top level, entry keys, then the entries' own keys), as one list would give them.
    for (const field of decl.fields) keyNotText(ctx, field);
    for (const entry of entries) keyNotText(ctx, entry);
    for (const entry of entries) for (const field of entry.fields) keyNotText(ctx, field);
    for (const span of decl.badMerges) ctx.report({ message: 'A merge key (<<) takes an alias to a mapping, or a list of them: what it names here is ignored.', span });
    checkFields(ctx, decl.fields, TOP_LEVEL_FIELDS, TOP_LEVEL_INDEX, '');
    for (const entry of entries) {
      if (entry.value !== null && !isMap(entry.value)) {
        ctx.report({ message: `The entry for ${entry.key} must be a mapping with owner: and the other entry keys, not ${kindOf(entry.value)}.`, span: entry.valueSpan ?? entry.keySpan });
        continue;
      }
      checkFields(ctx, entry.fields, ENTRY_FIELDS, ENTRY_INDEX, `${entry.key}.`, 'owner');
    }
  },
};

function keyNotText(ctx: RuleContext, field: Field): void {
  if (!field.keyIsScalar) ctx.report({ message: `A key must be text (a layer id or a field name), not ${keyKind(field.key)}: ${field.key.length > 40 ? `${field.key.slice(0, 40)}…` : field.key}.`, span: field.keySpan });
}

/** Each spec's position in its list, to find a mapping's field of each spec in one pass over the fields. */
const specIndex = (specs: readonly FieldSpec[]): ReadonlyMap<string, number> => new Map(specs.map((s, i) => [s.key, i]));
const TOP_LEVEL_INDEX = specIndex(TOP_LEVEL_FIELDS);
const ENTRY_INDEX = specIndex(ENTRY_FIELDS);
/** Reused for every mapping, cleared before each (a check never runs inside another): the first field of each spec, what `fieldOf` finds, by spec position. */
const firstOfSpec = new Array<Field | undefined>(Math.max(TOP_LEVEL_FIELDS.length, ENTRY_FIELDS.length)).fill(undefined);

/** Checks the first field of each spec, in the specs' order, but `skip`; an entry's fields are named `entry.key` in messages (`prefix`). */
function checkFields(ctx: RuleContext, fields: readonly Field[], specs: readonly FieldSpec[], index: ReadonlyMap<string, number>, prefix: string, skip?: string): void {
  firstOfSpec.fill(undefined);
  let found = 0;
  for (const field of fields) {
    if (!field.keyIsScalar) continue;
    const at = index.get(field.key);
    if (at !== undefined && firstOfSpec[at] === undefined) {
      firstOfSpec[at] = field;
      found++;
    }
  }
  if (found === 0) return;
  for (let i = 0; i < specs.length; i++) {
    const field = firstOfSpec[i];
    if (!field) continue;
    const spec = specs[i]!;
    if (spec.key !== skip) checkField(ctx, field, spec.type, `${prefix}${spec.key}`);
  }
}

function checkField(ctx: RuleContext, field: Field, type: FieldType, label: string): void {
  if (field.value === null) return;
  const v = field.value;
  const span = field.valueSpan ?? field.keySpan;
  const ok =
    type === 'string' ? isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number')
    : type === 'layers' ? isMap(v)
    : type === 'list' ? isSeq(v)
    : (isScalar(v) && typeof v.value === 'string') || (isSeq(v) && v.items.every((i) => isScalar(i) && i.value !== null));
  if (ok) return;
  const want = type === 'string' ? 'text' : type === 'layers' ? 'a mapping of layer ids to entries' : type === 'list' ? 'a list' : 'a list of text';
  ctx.report({ message: `${label} must be ${want}, not ${kindOf(v)}.`, span });
}

function keyKind(source: string): string {
  const t = source.trim();
  return t.startsWith('[') || t.startsWith('-') ? 'a list' : t.startsWith('{') ? 'a mapping' : t === '' || t === '~' || t === 'null' ? 'empty' : 'that';
}

function kindOf(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'null';
    if (typeof node.value === 'boolean') return 'true/false';
    if (typeof node.value === 'number') return 'a number';
    return 'text';
  }
  return 'that value';
}
