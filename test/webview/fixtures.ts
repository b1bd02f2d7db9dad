/**
 * Layer stacks for the webview tests, made by the engine from declaration
 * texts (engine-stack.ts): what the page draws is what the server would send,
 * so a change of meaning in the engine (what a gap is, which cell applies)
 * cannot leave these tests checking an old picture. The expectations in the
 * tests (which layer is customer, shared, provider) are written from the
 * design references, not read from the engine.
 */
import type { LayerStack } from '../../protocol/layer-stack';
import type { MatrixFileText } from '../../server/src/core';
import { engineStack } from './engine-stack';

export const ENDPOINT_DERIVED =
  "Derived, not listed: the reference table lists Endpoint Devices only under SaaS, but its key pattern says the customer never escapes endpoint security under any model, so it is the customer's here too.";
export const DATACENTER_DERIVED =
  "Derived, not listed: the reference table lists Data Center & Network only under IaaS and PaaS; under SaaS the provider runs the whole platform, so the data center is the provider's.";

/** The reference matrix's layers (srm-format.md), top of the stack first. */
export const LAYERS: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'data-classification', name: 'Data & Classification' },
  { id: 'endpoint-devices', name: 'Endpoint Devices' },
  { id: 'identity-access', name: 'Identity & Access' },
  { id: 'applications', name: 'Applications' },
  { id: 'runtime-middleware', name: 'Runtime & Middleware' },
  { id: 'operating-system', name: 'Operating System' },
  { id: 'network-config', name: 'Network Config' },
  { id: 'physical-servers', name: 'Physical Servers' },
  { id: 'datacenter-network', name: 'Data Center & Network' },
  { id: 'physical-security', name: 'Physical Security' },
];

/** The reference matrix's service models and their cells (srm-format.md), for expectations. */
export const MODELS: readonly { readonly id: string; readonly name: string; readonly cells: readonly string[] }[] = [
  { id: 'iaas', name: 'IaaS — Infrastructure as a Service', cells: ['customer', 'customer', 'customer', 'customer', 'customer', 'customer', 'shared', 'provider', 'provider', 'provider'] },
  { id: 'paas', name: 'PaaS — Platform as a Service', cells: ['customer', 'customer', 'customer', 'customer', 'shared', 'provider', 'provider', 'provider', 'provider', 'provider'] },
  { id: 'saas', name: 'SaaS — Software as a Service', cells: ['customer', 'customer', 'customer', 'provider', 'provider', 'provider', 'provider', 'provider', 'provider', 'provider'] },
];

export interface EntrySpec {
  readonly owner?: string;
  readonly handoff?: string;
  readonly responsibility?: string;
  readonly reason?: string;
}

export interface WorkloadSpec {
  readonly workload?: string;
  readonly matrix?: string;
  readonly model?: string;
  readonly service?: string;
  /** Entries in the order they are written. */
  readonly layers: Readonly<Record<string, EntrySpec>>;
}

/** A declaration's text; every value double-quoted (JSON strings are YAML), so hostile text stays one scalar. */
export function declarationText(spec: WorkloadSpec): string {
  const q = (value: string): string => JSON.stringify(value);
  const lines: string[] = [];
  if (spec.workload !== undefined) lines.push(`workload: ${q(spec.workload)}`);
  if (spec.matrix !== undefined) lines.push(`matrix: ${q(spec.matrix)}`);
  if (spec.model !== undefined) lines.push(`model: ${q(spec.model)}`);
  if (spec.service !== undefined) lines.push(`service: ${q(spec.service)}`);
  lines.push('layers:');
  for (const [layer, entry] of Object.entries(spec.layers)) {
    lines.push(`  ${layer}:`);
    for (const key of ['owner', 'handoff', 'responsibility', 'reason'] as const) {
      const value = entry[key];
      if (value !== undefined) lines.push(`    ${key}: ${q(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const URI = 'file:///work/examples/payments.srm.yaml';

/** PaaS: one customer gap (identity, no entry), shared runtime with a handoff, derived endpoint cell. */
export const PAAS_SPEC: WorkloadSpec = {
  workload: 'payments-api',
  model: 'paas',
  layers: {
    'data-classification': { owner: 'data-governance' },
    'endpoint-devices': { owner: 'workplace-it' },
    applications: { owner: 'payments-team' },
    'runtime-middleware': { owner: 'platform-team', handoff: 'Provider patches the runtime; we pin the version and redeploy monthly' },
  },
};

/** IaaS: owner: provider on the OS, a shared network layer without a handoff, a missing runtime. */
export const IAAS_SPEC: WorkloadSpec = {
  workload: 'legacy-batch',
  model: 'iaas',
  layers: {
    'data-classification': { owner: 'data-governance' },
    'endpoint-devices': { owner: 'workplace-it' },
    'identity-access': { owner: 'iam-team' },
    applications: { owner: 'batch-team' },
    'operating-system': { owner: 'provider' },
    'network-config': { owner: 'netops' },
  },
};

/** SaaS: complete, with a documented provider layer and the derived data center cell. */
export const SAAS_SPEC: WorkloadSpec = {
  workload: 'm365-tenant',
  model: 'saas',
  layers: {
    'data-classification': { owner: 'records-management' },
    'endpoint-devices': { owner: 'workplace-it' },
    'identity-access': { owner: 'iam-team' },
    'physical-security': { owner: 'provider' },
  },
};

/** A document with neither a name nor a known model. */
export const UNKNOWN_SPEC: WorkloadSpec = {
  model: 'serverless',
  layers: { applications: { owner: 'app-team' } },
};

/** A file of these declarations, one YAML document each, in this order (document index = position). */
export function stack(specs: readonly WorkloadSpec[], opts: { uri?: string; version?: number; matrices?: readonly MatrixFileText[] } = {}): LayerStack {
  return engineStack(specs.map(declarationText).join('---\n'), { uri: opts.uri ?? URI, version: opts.version ?? 7, matrices: opts.matrices ?? [] });
}

/** The usual multi-document file: paas, iaas, saas. */
export function multiDocStack(version = 7): LayerStack {
  return stack([PAAS_SPEC, IAAS_SPEC, SAAS_SPEC], { version });
}

export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';
export const HOSTILE_PIPE = 'ops | sec\nnight shift & "on call" <b>bold</b> `code` *star*';
export const HOSTILE_FILE = '<svg onload=alert(1)>.srm.yaml';
export const HOSTILE_REASON = `${HOSTILE_IMG} is missing ${HOSTILE_SCRIPT}`;

/** Every string the page shows from the file carries markup or table syntax. */
export const HOSTILE_SPEC: WorkloadSpec = {
  workload: HOSTILE_IMG,
  model: 'paas',
  layers: {
    'data-classification': { owner: HOSTILE_SCRIPT },
    'endpoint-devices': { owner: HOSTILE_PIPE },
    applications: { owner: '"><iframe srcdoc="<script>parent.__pwned=1</script>">' },
    'runtime-middleware': { owner: "platform'team", handoff: 'line one\nline two | with pipe\u0001 & <i>markup</i> ]]> <!--' },
  },
};

/** Hostile text everywhere, a hostile file name, and a reason (the engine's words) replaced by hostile text too. */
export function hostileStack(): LayerStack {
  const s = stack([HOSTILE_SPEC, { ...IAAS_SPEC, workload: '</select><img src=x onerror=alert(2)>' }], {
    uri: 'file:///tmp/%3Cimg%20src%3Dx%3E.srm.yaml',
  });
  const [first, ...rest] = s.workloads;
  return {
    ...s,
    workloads: [{ ...first!, bands: first!.bands.map((b) => (b.id === 'identity-access' ? { ...b, reason: HOSTILE_REASON } : b)) }, ...rest],
  };
}

/**
 * An organisation's own matrix (the shape of examples' org matrices): the
 * reference extended with a fourth service model, a third-party layer and a
 * layer that does not apply under SaaS.
 */
export const ORG_MATRIX: MatrixFileText = {
  uri: 'file:///work/governance/acme.srm-matrix.yaml',
  text: `matrix: acme
version: "2"
title: Acme responsibility matrix
source:
  url: https://wiki.acme.example/security/srm
  published: 2026-10
extends: reference@1
layers:
  - id: security-monitoring
    name: Security Monitoring
    after: identity-access
service-models:
  - id: iaas
    cells:
      security-monitoring: { who: third-party, note: Our MSSP runs the SOC. }
  - id: paas
    cells:
      security-monitoring: third-party
  - id: saas
    cells:
      security-monitoring: not-applicable
  - id: faas
    name: Functions as a Service
    short: FaaS
    cells:
      data-classification: customer
      endpoint-devices: customer
      identity-access: customer
      security-monitoring: third-party
      applications: customer
      runtime-middleware: shared
      operating-system: provider
      network-config: provider
      physical-servers: provider
      datacenter-network: provider
      physical-security: provider
`,
};

/** A workload of the organisation's matrix under its own fourth model, with a third-party layer. */
export function fourModelStack(): LayerStack {
  return stack(
    [
      {
        workload: 'thumbnailer',
        matrix: 'acme@2',
        model: 'faas',
        layers: {
          'data-classification': { owner: 'media-team' },
          'endpoint-devices': { owner: 'workplace-it' },
          'identity-access': { owner: 'iam-team' },
          'security-monitoring': { owner: 'mssp-corp', handoff: 'The MSSP watches the logs around the clock; we own the response' },
          applications: { owner: 'media-team' },
          'runtime-middleware': { owner: 'platform-team', handoff: 'The provider patches the runtime; we pin it' },
        },
      },
    ],
    { uri: 'file:///work/examples/fn.srm.yaml', matrices: [ORG_MATRIX] },
  );
}

/** Azure's matrix (azure@2026-01), SaaS: client devices and applications shared. */
export const AZURE_SAAS_SPEC: WorkloadSpec = {
  workload: 'crm-online',
  matrix: 'azure@2026-01',
  model: 'saas',
  layers: {
    'customer-data': { owner: 'sales-ops' },
    'configurations-settings': { owner: 'crm-admins' },
    'identities-users': { owner: 'iam-team' },
    'client-devices': { owner: 'workplace-it', handoff: 'Intune manages the devices; we own endpoint protection' },
  },
};

/** A PaaS workload that departs from its matrix on two layers, each with its reason. */
export const OVERRIDE_SPEC: WorkloadSpec = {
  workload: 'events-fn',
  model: 'paas',
  layers: {
    'data-classification': { owner: 'data-governance' },
    'endpoint-devices': { owner: 'workplace-it' },
    'identity-access': { owner: 'iam-team' },
    applications: { owner: 'events-team' },
    'runtime-middleware': { owner: 'platform-team', responsibility: 'provider', reason: 'Lambda runtime update mode Auto: AWS applies runtime patches' },
    'operating-system': { owner: 'platform-team', responsibility: 'customer', reason: 'We run our own hardened image on this platform' },
  },
};

/** AWS Lambda names a service whose runtime patching depends on an option: the runtime band carries the advice. */
export const ADVICE_SPEC: WorkloadSpec = {
  workload: 'resize-fn',
  model: 'paas',
  service: 'AWS Lambda',
  layers: {
    'data-classification': { owner: 'data-governance' },
    'endpoint-devices': { owner: 'workplace-it' },
    'identity-access': { owner: 'iam-team' },
    applications: { owner: 'media-team' },
    'runtime-middleware': { owner: 'platform-team', handoff: 'We redeploy monthly' },
  },
};

/** A declaration whose matrix nobody defines. */
export const UNKNOWN_MATRIX_SPEC: WorkloadSpec = {
  workload: 'lost-app',
  matrix: 'nosuch@1',
  model: 'paas',
  layers: { applications: { owner: 'app-team' } },
};

/** A placeholder owner is a gap (the core's one definition), not "needs attention". */
export const PLACEHOLDER_SPEC: WorkloadSpec = {
  ...PAAS_SPEC,
  layers: { ...PAAS_SPEC.layers, 'identity-access': { owner: 'TODO' } },
};
