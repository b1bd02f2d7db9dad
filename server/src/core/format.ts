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
];

/** The reserved owner that states the workload relies on the provider for a layer. */
export const PROVIDER_OWNER = 'provider';

/** Owners that only hold a place for the real one. */
export function isPlaceholder(value: string): boolean {
  return /^\s*(todo|tbd|tba|fixme|xxx|unassigned|unknown|n\/?a|\?+|-+)\s*$/i.test(value);
}

/** `owner: provider`, however it is cased or spaced. */
export function isProviderOwner(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === PROVIDER_OWNER;
}

/** An owner that names someone on the customer side: not empty, not a placeholder, not the provider. */
export function isRealOwner(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '' && !isPlaceholder(value) && !isProviderOwner(value);
}
