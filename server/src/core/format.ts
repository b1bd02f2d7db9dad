/** The keys of the declaration format v1, with their types and meaning. */

export type FieldType = 'string' | 'string-list' | 'list' | 'layers';

export interface FieldSpec {
  readonly key: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly description: string;
}

export const TOP_LEVEL_FIELDS: readonly FieldSpec[] = [
  { key: 'workload', type: 'string', required: true, description: 'The workload\'s name.' },
  { key: 'matrix', type: 'string', required: false, description: 'The responsibility matrix, as id@version (e.g. azure@2026-01); default from srm.config.yaml, else reference@1.' },
  { key: 'model', type: 'string', required: true, description: 'The service model the workload runs under.' },
  { key: 'provider', type: 'string', required: false, description: 'Who runs the platform, e.g. aws, azure, gcp.' },
  { key: 'service', type: 'string', required: false, description: 'The provider\'s service, e.g. Azure App Service.' },
  { key: 'description', type: 'string', required: false, description: 'What the workload does.' },
  { key: 'iac', type: 'list', required: false, description: 'Where the workload is defined as code: a list of `path:` (a file or folder relative to this declaration) and optional `resources:` (Terraform addresses or CloudFormation logical ids).' },
  { key: 'layers', type: 'layers', required: false, description: 'One entry per layer this workload documents, keyed by layer id.' },
];

export const ENTRY_FIELDS: readonly FieldSpec[] = [
  { key: 'owner', type: 'string', required: true, description: 'The team, role or person who owns the layer; `provider` states that the workload relies on the provider for it.' },
  { key: 'handoff', type: 'string', required: false, description: 'Where the provider\'s part ends and the owner\'s begins (expected on shared layers).' },
  { key: 'contact', type: 'string', required: false, description: 'How to reach the owner.' },
  { key: 'controls', type: 'string-list', required: false, description: 'The controls the owner runs for this layer.' },
  { key: 'evidence', type: 'string', required: false, description: 'Where the evidence for those controls lives (a link).' },
  { key: 'notes', type: 'string', required: false, description: 'Free text.' },
  { key: 'responsibility', type: 'string', required: false, description: 'An override of the matrix\'s cell for this workload: customer, shared, provider, third-party or not-applicable; needs a reason:.' },
  { key: 'reason', type: 'string', required: false, description: 'Why this workload departs from the matrix\'s cell (required with responsibility:).' },
];

/** The reserved owner that states the workload relies on the provider for a layer. */
export const PROVIDER_OWNER = 'provider';

/** Characters that show as nothing (zero-width spaces, soft hyphens, direction marks, variation selectors). */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * An owner as the checker compares it: Unicode-normalised (NFKC, so a
 * fullwidth `ｐrovider` is `provider`), invisible characters dropped, trimmed,
 * lower case. Two owners are the same owner when their keys are equal.
 */
export function ownerKey(value: string): string {
  // ASCII is its own NFKC form and holds no invisible character: most owners skip the Unicode work.
  if (isAscii(value)) return value.trim().toLowerCase();
  return value.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();
}

/** True when every character is ASCII (U+0000–U+007F). */
function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Owners that only hold a place for the real one. */
export function isPlaceholder(value: string): boolean {
  return /^(todo|tbd|tba|fixme|xxx|unassigned|unknown|n\/?a|\?+|-+)$/.test(ownerKey(value));
}

/** `owner: provider`, however it is cased, spaced or disguised with invisible or fullwidth characters. */
export function isProviderOwner(value: string | undefined): boolean {
  return value !== undefined && ownerKey(value) === PROVIDER_OWNER;
}

/** An owner that names someone on the customer side: not empty, not a placeholder, not the provider. */
export function isRealOwner(value: string | undefined): boolean {
  return value !== undefined && ownerKey(value) !== '' && !isPlaceholder(value) && !isProviderOwner(value);
}

export type Disguise = { readonly kind: 'invisible' | 'compatibility' } | { readonly kind: 'mixed-scripts'; readonly scripts: readonly string[] };

/** What makes an owner look like another: invisible characters, compatibility forms (fullwidth), letters of several scripts in one word. */
export function ownerDisguise(value: string): Disguise | undefined {
  // ASCII has no invisible characters, no compatibility forms, and all its letters are Latin.
  if (isAscii(value)) return undefined;
  if (new RegExp(INVISIBLE.source, 'u').test(value)) return { kind: 'invisible' };
  if (value.normalize('NFKC') !== value.normalize('NFC')) return { kind: 'compatibility' };
  for (const word of value.split(/[^\p{L}\p{M}]+/u)) {
    const scripts = new Set([...word].map(scriptOf).filter((s) => s !== undefined));
    if (scripts.size > 1) return { kind: 'mixed-scripts', scripts: [...scripts].sort() };
  }
  return undefined;
}

/** The script of a letter, for the scripts whose letters are commonly confused with Latin ones. */
function scriptOf(char: string): string | undefined {
  if (/\p{Script=Latin}/u.test(char)) return 'Latin';
  if (/\p{Script=Cyrillic}/u.test(char)) return 'Cyrillic';
  if (/\p{Script=Greek}/u.test(char)) return 'Greek';
  if (/\p{Script=Armenian}/u.test(char)) return 'Armenian';
  return undefined;
}
