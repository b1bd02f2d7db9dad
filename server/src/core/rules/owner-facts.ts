import { isScalar } from 'yaml';
import { isRealOwner, ownerKey } from '../format';
import { fieldOf, stringValue, type Field, type LayerEntry } from '../parse/declaration';
import type { RuleContext } from './rule';

/** An entry's owner that names someone (not empty, a placeholder, the provider, nor the declaration's own `provider:`). */
export interface NamedOwner {
  readonly entry: LayerEntry;
  readonly field: Field;
  readonly written: string;
  readonly layerId: string | undefined;
  /** "of Identity & Access", or empty when the layer is unknown. */
  readonly of: string;
}

/** The last answer per declaration, with the matrix it was read with: SRM039 and SRM040 read the same owners of each declaration. */
const answered = new WeakMap<RuleContext['declaration'], { readonly matrix: RuleContext['matrix']; readonly owners: readonly NamedOwner[] }>();

/** Every entry of the declaration whose owner names a team, role or person: what the owner directory judges. */
export function namedOwners(ctx: RuleContext): readonly NamedOwner[] {
  const known = answered.get(ctx.declaration);
  if (known && known.matrix === ctx.matrix) return known.owners;
  const owners = readNamedOwners(ctx);
  answered.set(ctx.declaration, { matrix: ctx.matrix, owners });
  return owners;
}

function readNamedOwners(ctx: Pick<RuleContext, 'declaration' | 'matrix'>): NamedOwner[] {
  const provider = stringValue(fieldOf(ctx.declaration.fields, 'provider'));
  const out: NamedOwner[] = [];
  for (const entry of ctx.declaration.layers?.entries ?? []) {
    const field = fieldOf(entry.fields, 'owner');
    const value = field?.value;
    if (!field || !isScalar(value) || typeof value.value !== 'string' || !isRealOwner(value.value)) continue;
    // `owner: microsoft` beside `provider: microsoft` is the provider (SRM028 says so), not a team to look up.
    if (provider !== undefined && ownerKey(provider) !== '' && ownerKey(value.value) === ownerKey(provider)) continue;
    const layerId = ctx.matrix?.layerOf(entry);
    const name = layerId ? ctx.matrix?.layer(layerId)?.name : undefined;
    out.push({ entry, field, written: value.value.trim(), layerId, of: name ? ` of ${name}` : '' });
  }
  return out;
}
