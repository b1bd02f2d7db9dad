/**
 * Layer stacks shaped like the ones the language server sends, for the webview tests.
 * The model table is test data, copied from the design reference, so these tests do not
 * depend on the engine; the page itself reads everything from the stack.
 */
import type { BandStatus, LayerBand, LayerStack, ModelColumn, Responsibility, StackRange, WorkloadStack } from '../../protocol/layer-stack';

export const ENDPOINT_DERIVED =
  "Derived, not listed: the reference table lists Endpoint Devices only under SaaS, but its key pattern says the customer never escapes endpoint security under any model, so it is the customer's here too.";
export const DATACENTER_DERIVED =
  "Derived, not listed: the reference table lists Data Center & Network only under IaaS and PaaS; under SaaS the provider runs the whole platform, so the data center is the provider's.";

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

const C = 'customer';
const S = 'shared';
const P = 'provider';
const TABLE: Readonly<Record<string, readonly [Responsibility, Responsibility, Responsibility]>> = {
  'data-classification': [C, C, C],
  'endpoint-devices': [C, C, C],
  'identity-access': [C, C, C],
  applications: [C, C, P],
  'runtime-middleware': [C, S, P],
  'operating-system': [C, P, P],
  'network-config': [S, P, P],
  'physical-servers': [P, P, P],
  'datacenter-network': [P, P, P],
  'physical-security': [P, P, P],
};

const MODEL_NAMES: readonly (readonly [string, string])[] = [
  ['iaas', 'Infrastructure as a Service'],
  ['paas', 'Platform as a Service'],
  ['saas', 'Software as a Service'],
];

function derivedFor(modelId: string, layerId: string): string | undefined {
  if (layerId === 'endpoint-devices' && modelId !== 'saas') {
    return ENDPOINT_DERIVED;
  }
  if (layerId === 'datacenter-network' && modelId === 'saas') {
    return DATACENTER_DERIVED;
  }
  return undefined;
}

export const MODELS: readonly ModelColumn[] = MODEL_NAMES.map(([id, name], column) => ({
  id,
  name,
  cells: LAYERS.map((layer) => {
    const derived = derivedFor(id, layer.id);
    const who = TABLE[layer.id]![column]!;
    return derived ? { layerId: layer.id, who, derived } : { layerId: layer.id, who };
  }),
}));

export interface EntrySpec {
  readonly owner?: string;
  readonly handoff?: string;
}

export interface WorkloadSpec {
  readonly index: number;
  readonly workload?: string;
  readonly model?: string;
  readonly layers: Readonly<Record<string, EntrySpec>>;
  /** Reasons to use instead of the generated ones (e.g. hostile text). */
  readonly reasons?: Readonly<Record<string, string>>;
  /** First line of the YAML document, to place reveal ranges plausibly. */
  readonly line?: number;
}

const PLACEHOLDER = 'TODO-owner';

function range(line: number, from: number, to: number): StackRange {
  return { start: { line, character: from }, end: { line, character: to } };
}

/** Builds a workload the way the server does: status, reason, canAssign, summary, handoff line. */
export function buildWorkload(spec: WorkloadSpec, models: readonly ModelColumn[] = MODELS): WorkloadStack {
  const model = models.find((m) => m.id === spec.model);
  const firstLine = spec.line ?? 0;
  let entryLine = firstLine + 4;
  const bands: LayerBand[] = LAYERS.map((layer) => {
    const cell = model?.cells.find((c) => c.layerId === layer.id);
    const entry = spec.layers[layer.id];
    const who = cell?.who;
    let status: BandStatus;
    let reason: string | undefined;
    let canAssign = false;
    const modelId = spec.model ?? '?';
    if (!who) {
      status = 'unknown';
    } else if (who === 'provider') {
      status = 'provider';
    } else if (!entry) {
      status = 'gap';
      reason = `Nobody owns ${layer.name}: under ${modelId} this layer is ${who === 'shared' ? 'shared, and the customer half needs an owner' : "the customer's"}.`;
      canAssign = true;
    } else if (entry.owner === 'provider') {
      status = 'wrongly-provider';
      reason =
        who === 'shared'
          ? `owner: provider on a shared layer: under ${modelId} the customer's half of ${layer.name} is still unassigned.`
          : `owner: provider, but under ${modelId} ${layer.name} is the customer's; the provider does not cover it.`;
      canAssign = true;
    } else if (entry.owner === PLACEHOLDER) {
      status = 'incomplete';
      reason = `The owner is still the placeholder "${PLACEHOLDER}"; name a team, role or person.`;
    } else if (who === 'shared' && !entry.handoff) {
      status = 'incomplete';
      reason = `${layer.name} is shared under ${modelId}: say where the handoff is (handoff:).`;
    } else {
      status = 'assigned';
    }
    if (spec.reasons?.[layer.id] !== undefined) {
      reason = spec.reasons[layer.id];
    }
    const line = entry ? entryLine++ : firstLine + 3;
    const band: LayerBand = {
      id: layer.id,
      name: layer.name,
      status,
      canAssign,
      reveal: range(line, 2, 2 + layer.id.length),
      ...(who ? { who } : {}),
      ...(cell?.derived ? { derived: cell.derived } : {}),
      ...(entry?.owner !== undefined ? { owner: entry.owner } : {}),
      ...(entry?.handoff !== undefined ? { handoff: entry.handoff } : {}),
      ...(reason !== undefined ? { reason } : {}),
    };
    return band;
  });
  const needing = bands.filter((b) => b.who === 'customer' || b.who === 'shared');
  const assigned = needing.filter((b) => b.status === 'assigned' || b.status === 'incomplete').length;
  let handoffAfter: number | undefined;
  if (model) {
    handoffAfter = -1;
    bands.forEach((b, i) => {
      if (b.who !== 'provider') {
        handoffAfter = i;
      }
    });
  }
  const modelName = model?.name;
  return {
    index: spec.index,
    ...(spec.workload !== undefined ? { workload: spec.workload } : {}),
    ...(spec.model !== undefined ? { model: spec.model } : {}),
    ...(modelName !== undefined ? { modelName } : {}),
    bands,
    summary: { required: needing.length, assigned, gaps: needing.length - assigned },
    ...(handoffAfter !== undefined ? { handoffAfter } : {}),
    range: range(firstLine, 0, 0),
    models,
  };
}

export const URI = 'file:///work/examples/payments.srm.yaml';

/** PaaS: one customer gap (identity), shared runtime with a handoff, derived endpoint cell. */
export const PAAS_SPEC: WorkloadSpec = {
  index: 0,
  workload: 'payments-api',
  model: 'paas',
  line: 0,
  layers: {
    'data-classification': { owner: 'data-governance' },
    'endpoint-devices': { owner: 'workplace-it' },
    applications: { owner: 'payments-team' },
    'runtime-middleware': { owner: 'platform-team', handoff: 'Provider patches the runtime; we pin the version and redeploy monthly' },
  },
};

/** IaaS: owner: provider on the OS, a shared network layer without handoff, a missing runtime. */
export const IAAS_SPEC: WorkloadSpec = {
  index: 1,
  workload: 'legacy-batch',
  model: 'iaas',
  line: 20,
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
  index: 2,
  workload: 'm365-tenant',
  model: 'saas',
  line: 40,
  layers: {
    'data-classification': { owner: 'records-management' },
    'endpoint-devices': { owner: 'workplace-it' },
    'identity-access': { owner: 'iam-team' },
    'physical-security': { owner: 'provider' },
  },
};

/** A document with neither name nor known model. */
export const UNKNOWN_SPEC: WorkloadSpec = {
  index: 3,
  model: 'serverless',
  line: 60,
  layers: { applications: { owner: 'app-team' } },
};

export function stack(specs: readonly WorkloadSpec[], opts: { uri?: string; version?: number; models?: readonly ModelColumn[] } = {}): LayerStack {
  const models = opts.models ?? MODELS;
  return {
    uri: opts.uri ?? URI,
    version: opts.version ?? 7,
    workloads: specs.map((spec) => buildWorkload(spec, models)),
  };
}

/** The usual multi-document file: paas, iaas, saas. */
export function multiDocStack(version = 7): LayerStack {
  return stack([PAAS_SPEC, IAAS_SPEC, SAAS_SPEC], { version });
}

export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';
export const HOSTILE_PIPE = 'ops | sec\nnight shift & "on call" <b>bold</b> `code` *star*';
export const HOSTILE_FILE = '<svg onload=alert(1)>.srm.yaml';

/** Every string the page shows from the file carries markup or table syntax. */
export const HOSTILE_SPEC: WorkloadSpec = {
  index: 0,
  workload: HOSTILE_IMG,
  model: 'paas',
  layers: {
    'data-classification': { owner: HOSTILE_SCRIPT },
    'endpoint-devices': { owner: HOSTILE_PIPE },
    applications: { owner: '"><iframe srcdoc="<script>parent.__pwned=1</script>">' },
    'runtime-middleware': { owner: "platform'team", handoff: 'line one\nline two | with pipe\u0001 & <i>markup</i> ]]> <!--' },
  },
  reasons: { 'identity-access': `${HOSTILE_IMG} is missing ${HOSTILE_SCRIPT}` },
};

export function hostileStack(): LayerStack {
  return stack([HOSTILE_SPEC, { ...IAAS_SPEC, workload: '</select><img src=x onerror=alert(2)>' }], {
    uri: 'file:///tmp/%3Cimg%20src%3Dx%3E.srm.yaml',
  });
}

/** A fourth, custom model, to prove the side-by-side reads its columns from the stack. */
export function fourModelStack(): LayerStack {
  const faas: ModelColumn = {
    id: 'faas',
    name: 'Functions as a Service',
    cells: LAYERS.map((layer, i) => ({ layerId: layer.id, who: i < 4 ? 'customer' : i === 4 ? 'shared' : 'provider' })),
  };
  const models = [...MODELS, faas];
  return stack([{ ...PAAS_SPEC, model: 'faas', workload: 'thumbnailer' }], { models, uri: 'file:///work/examples/fn.srm.yaml' });
}
