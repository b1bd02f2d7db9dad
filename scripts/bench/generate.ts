/**
 * Deterministic generator of realistic multi-document `*.srm.yaml` files for the
 * benchmark: mixed service models, catalogue services (a few contradicting their
 * model), comments, flow and block lists, some gaps (missing entries and handoffs),
 * a few entries on provider layers, the odd spelling or typo of a layer id.
 *
 * The document in the middle of the file is always the same known declaration,
 * so that the benchmark has fixed places to edit, hover and ask for fixes.
 */

type Model = 'iaas' | 'paas' | 'saas';
type Who = 'C' | 'S' | 'P';

const LAYERS = [
  'data-classification',
  'endpoint-devices',
  'identity-access',
  'applications',
  'runtime-middleware',
  'operating-system',
  'network-config',
  'physical-servers',
  'datacenter-network',
  'physical-security',
] as const;

/** The reference table of the format (C customer, S shared, P provider), per layer above. */
const RESPONSIBILITY: Record<Model, readonly Who[]> = {
  iaas: ['C', 'C', 'C', 'C', 'C', 'C', 'S', 'P', 'P', 'P'],
  paas: ['C', 'C', 'C', 'C', 'S', 'P', 'P', 'P', 'P', 'P'],
  saas: ['C', 'C', 'C', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
};

const SERVICES: Record<Model, readonly [string, string][]> = {
  iaas: [['aws', 'Amazon EC2'], ['azure', 'Azure Virtual Machines'], ['gcp', 'Google Compute Engine'], ['digitalocean', 'DigitalOcean Droplets'], ['aws', 'EC2']],
  paas: [['azure', 'Azure App Service'], ['gcp', 'Google App Engine'], ['aws', 'AWS Elastic Beanstalk'], ['salesforce', 'Heroku']],
  saas: [['microsoft', 'Microsoft 365'], ['salesforce', 'Salesforce'], ['google', 'Google Workspace'], ['salesforce', 'Slack'], ['servicenow', 'ServiceNow']],
};

/** Ways people write a layer instead of its id (recognised by the checker, with a fix). */
const SPELLINGS: Partial<Record<(typeof LAYERS)[number], readonly string[]>> = {
  'identity-access': ['iam', 'Identity & Access'],
  'operating-system': ['os', 'Operating System'],
  'data-classification': ['data'],
  applications: ['apps'],
};
const TYPOS: Partial<Record<(typeof LAYERS)[number], string>> = {
  'identity-access': 'identity-acess',
  'runtime-middleware': 'runtime-midleware',
  'network-config': 'network-configuration',
  applications: 'aplications',
};

/** The owning teams the generated files name (the features bench puts them in an owner directory). */
export const TEAMS = ['platform', 'payments', 'iam', 'data-governance', 'workplace-it', 'sre', 'secops', 'billing', 'analytics', 'growth', 'hr-systems', 'finance-data', 'network', 'edge', 'mobile', 'search'];
const NOUNS = ['api', 'portal', 'batch', 'worker', 'gateway', 'ledger', 'reports', 'crm', 'chat', 'mail', 'etl', 'search', 'catalog', 'checkout', 'scheduler'];
const CONTROLS = [
  'DLP policy',
  'quarterly access review',
  'MFA enforced for all staff',
  'disk encryption on managed devices',
  'dependency scanning in CI',
  'CIS benchmark hardening',
  'weekly patch window',
  'least-privilege roles reviewed monthly',
  'WAF in front of the app',
  'secrets in a managed vault',
];
const HANDOFFS = [
  'Provider patches the runtime; we pin the version and redeploy monthly.',
  'Provider runs the fabric; we own security groups, routes and firewall rules.',
  'We choose the stack version and follow the deprecation notices.',
  'Provider manages the hypervisor network; VPC design and peering are ours.',
];

/** mulberry32: a small, fast, seeded PRNG (deterministic across runs and machines). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedFile {
  readonly text: string;
  readonly workloads: number;
  /** Offsets into `text`, all inside the middle document. */
  readonly targets: {
    /** Just after the value `iam-team` of the middle document's identity-access owner: insert/delete a character here. */
    readonly edit: number;
    /** Inside the key `runtime-middleware` (a shared layer). */
    readonly hover: number;
    /** The `layers:` key, where the missing endpoint-devices entry is reported (with a quick fix). */
    readonly action: { readonly start: number; readonly end: number };
  };
}

/** A file of `workloads` declarations separated by `---`. The same (workloads, seed) always gives the same text. */
export function generateFile(workloads: number, seed = 0x5eed): GeneratedFile {
  const random = rng(seed ^ Math.imul(workloads, 2654435761));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const middle = Math.floor(workloads / 2);
  let text = '';
  let targets: GeneratedFile['targets'] | undefined;
  for (let i = 0; i < workloads; i++) {
    if (i > 0) text += chance(0.1) ? `---\n# ${pick(TEAMS)} workloads\n` : '---\n';
    if (i === middle) {
      const start = text.length;
      const doc = MIDDLE_DOCUMENT;
      text += doc;
      const edit = start + doc.indexOf('owner: iam-team') + 'owner: iam-team'.length;
      const hover = start + doc.indexOf('  runtime-middleware:') + 4;
      const layersAt = start + doc.indexOf('\nlayers:') + 1;
      targets = { edit, hover, action: { start: layersAt, end: layersAt + 'layers'.length } };
      continue;
    }
    text += declaration(i, pick, chance);
  }
  return { text, workloads, targets: targets! };
}

const MIDDLE_DOCUMENT = `# The workload the benchmark edits: a PaaS API that forgot its devices
# and does not say where the runtime handoff is.
workload: bench-target-api
model: paas
provider: azure
service: Azure App Service
description: The declaration in the middle of the file.
layers:
  data-classification:
    owner: data-governance
    controls: [DLP policy, quarterly access review]
  identity-access:
    owner: iam-team
    contact: iam@example.com
  applications:
    owner: payments-team
  runtime-middleware:             # shared under PaaS
    owner: platform-team
`;

function declaration(i: number, pick: <T>(xs: readonly T[]) => T, chance: (p: number) => boolean): string {
  const model: Model = pick(['iaas', 'iaas', 'iaas', 'paas', 'paas', 'paas', 'paas', 'saas', 'saas', 'saas'] as const);
  const lines: string[] = [];
  if (chance(0.3)) {
    lines.push(`# ${pick(NOUNS)} for the ${pick(TEAMS)} team (${model}).`);
    if (chance(0.5)) lines.push('# Reviewed at the quarterly security review; owners below are accountable.');
  }
  lines.push(`workload: ${pick(TEAMS)}-${pick(NOUNS)}-${i}`);
  let service: [string, string] | undefined;
  if (chance(0.8)) service = pick(SERVICES[model]);
  else if (chance(0.25)) service = pick(SERVICES[pick(['iaas', 'paas', 'saas'] as const)]); // may contradict the model
  lines.push(chance(0.1) ? `model: ${model}                     # ${model === 'saas' ? 'vendor-run' : 'we run the app'}` : `model: ${model}`);
  if (service) {
    lines.push(`provider: ${service[0]}`);
    lines.push(chance(0.15) ? `service: "${service[1]}"` : `service: ${service[1]}`);
  }
  if (chance(0.5)) lines.push(`description: ${pick(NOUNS)} used by ${pick(TEAMS)}; ${chance(0.5) ? 'customer-facing' : 'internal only'}.`);
  const who = RESPONSIBILITY[model];
  const entries: string[][] = [];
  LAYERS.forEach((layer, l) => {
    const responsibility = who[l];
    if (responsibility === 'P') {
      // A few declarations document an assumption about a provider layer.
      if (chance(0.04)) {
        const entry = [];
        if (chance(0.5)) entry.push('  # srm-ignore SRM006: kept to document the provider\'s attestation');
        entry.push(`  ${layer}:`, '    owner: provider', `    evidence: https://trust.example.com/${model}/${layer}`);
        entries.push(entry);
      }
      return;
    }
    if (chance(0.06)) return; // a gap: the entry is missing
    let key: string = layer;
    if (chance(0.02) && SPELLINGS[layer]) key = pick(SPELLINGS[layer]);
    else if (chance(0.01) && TYPOS[layer]) key = TYPOS[layer]!;
    if (key.includes('&')) key = `"${key}"`;
    const entry = [chance(0.1) ? `  ${key}:${' '.repeat(Math.max(1, 30 - key.length))}# ${responsibility === 'S' ? 'shared' : 'ours'}` : `  ${key}:`];
    entry.push(chance(0.02) ? '    owner: provider' : `    owner: ${pick(TEAMS)}${chance(0.3) ? '-team' : ''}`);
    if (responsibility === 'S' && chance(0.8)) entry.push(`    handoff: ${pick(HANDOFFS)}`);
    if (chance(0.5)) entry.push(`    contact: ${pick(TEAMS)}@example.com`);
    if (chance(0.4)) {
      if (chance(0.5)) entry.push(`    controls: [${pick(CONTROLS)}, ${pick(CONTROLS)}]`);
      else entry.push('    controls:', `      - ${pick(CONTROLS)}`, `      - ${pick(CONTROLS)}`);
    }
    if (chance(0.3)) entry.push(`    evidence: https://wiki.example.com/${i}/${layer}`);
    if (chance(0.15)) entry.push(`    notes: ${chance(0.5) ? 'Reviewed' : 'Revisit'} after the ${pick(NOUNS)} migration.`);
    entries.push(entry);
  });
  if (entries.length > 0) {
    lines.push('layers:');
    const blank = chance(0.3);
    entries.forEach((e, k) => {
      if (blank && k > 0) lines.push('');
      lines.push(...e);
    });
  }
  return `${lines.join('\n')}\n`;
}
