import type { ModelIndex } from '../model/model-index';
import type { Responsibility } from '../model/types';
import { LineIndex } from '../text/line-index';
import { newDeclarationText } from '../templates';
import { classify, combinedOverrides, type Classification } from './classify';
import { addressFrom, rootFileOf, type Undeclared } from './claims';
import { basenameOf, dirnameOf, relativePath } from './paths';
import type { IacFile, ResourceInstance } from './types';

export type Grouping = 'resource' | 'folder';

/** A declaration `srm discover --write` would create. */
export interface Proposal {
  /** Where the file goes: the folder of the root file that deploys its resources. */
  readonly folder: string;
  readonly fileName: string;
  readonly workload: string;
  readonly model: string;
  readonly text: string;
  readonly resources: readonly Undeclared[];
}

/** The model's ids, the one that leaves the customer the most layers first: where resources disagree, a proposal takes the first. */
function mostDutiesFirst(model: ModelIndex): string[] {
  const duties = (id: string) => Object.values(model.serviceModel(id)?.cells ?? {}).filter((c) => c.who !== 'provider').length;
  return model.models.map((m) => m.id).sort((a, b) => duties(b) - duties(a));
}

/**
 * One proposed declaration per undeclared resource, or per folder: the `iac:`
 * link, the model and service, every entry the model requires (placeholder
 * owners, for the user to fill in) and the overrides its options call for,
 * each with a reason that cites its source. File names are unique within the
 * set; the caller refuses to overwrite a file that exists.
 */
export function proposeDeclarations(undeclared: readonly Undeclared[], model: ModelIndex, files: ReadonlyMap<string, IacFile>, grouping: Grouping): Proposal[] {
  const groups = new Map<string, Undeclared[]>();
  for (const u of undeclared) {
    const key = grouping === 'folder' ? dirnameOf(rootFileOf(u.instance)) : u.instance.key;
    const list = groups.get(key) ?? [];
    list.push(u);
    groups.set(key, list);
  }
  const proposals = [...groups.values()].map((members) => propose(members, model, files, grouping));
  // Two resources that would share a file name (aws_instance.web, aws_lambda_function.web) both take their type in it.
  const byPath = new Map<string, Proposal[]>();
  for (const p of proposals) byPath.set(`${p.folder}/${p.fileName}`, [...(byPath.get(`${p.folder}/${p.fileName}`) ?? []), p]);
  return proposals.map((p) => {
    if ((byPath.get(`${p.folder}/${p.fileName}`) ?? []).length < 2 || p.resources.length !== 1) return p;
    const block = p.resources[0].instance.block;
    return { ...p, fileName: `${slug(`${block.type}-${nameOf(p.resources[0].instance)}`)}.srm.yaml` };
  });
}

function propose(members: readonly Undeclared[], model: ModelIndex, files: ReadonlyMap<string, IacFile>, grouping: Grouping): Proposal {
  const first = members[0].instance;
  const folder = dirnameOf(rootFileOf(first));
  const workload = grouping === 'folder' ? slug(basenameOf(folder)) || 'workload' : slug(nameOf(first)) || 'workload';
  const all = members.flatMap((m) => [m, ...m.parts.map((p) => ({ instance: p, classification: classify(p.block), parts: [] }))]);
  const classifications = all.map((m) => m.classification);
  const chosen = chooseModel(members.map((m) => m.classification), mostDutiesFirst(model));
  const serviceModel = model.serviceModel(chosen.model)!;
  const overrides = new Map<string, { responsibility: Responsibility; reason: string }>();
  const already: string[] = [];
  for (const [layer, o] of combinedOverrides(classifications)) {
    const cell = serviceModel.cells[layer]?.who;
    if (!model.layer(layer)) continue;
    if (cell === o.responsibility) already.push(`${layer} is ${cell} under ${serviceModel.shortName} already: ${o.reason}`);
    else overrides.set(layer, { responsibility: o.responsibility, reason: `${o.reason} Source: ${o.source.url}` });
  }
  const services = unique(classifications.map((c) => c.row?.service));
  const providers = unique(classifications.map((c) => c.provider));
  const comments = [
    `Proposed by srm discover for ${members.map((m) => describe(m.instance, files, folder)).join(', ')}.`,
    'Replace each TODO with the team, role or person who owns the layer (and say where each handoff falls).',
    ...chosen.notes,
    ...already.map((n) => `Note: ${n}`),
    // A default a part overrides (a separate runtime management config) is not worth saying.
    ...all.filter((m) => !m.parts.some((p) => classify(p.block).applied.length > 0)).flatMap((m) => m.classification.notes.map((n) => `Note (${m.instance.address}): ${n}`)),
    ...all.flatMap((m) => undecidedComments(m.instance, m.classification)),
  ];
  const text = newDeclarationText(model, workload, chosen.model, {
    comments,
    ...(chosen.modelNote ? { modelNote: chosen.modelNote } : {}),
    ...(providers.length === 1 ? { provider: providers[0] } : {}),
    ...(services.length === 1 ? { service: services[0] } : {}),
    iac: iacLinks(members, folder),
    overrides,
  });
  return { folder, fileName: `${workload}.srm.yaml`, workload, model: chosen.model, text, resources: members };
}

/** The model of the compute among the resources (else of the data); "model unknown" proposes the model with the most duties (IaaS), and says so. */
function chooseModel(classifications: readonly Classification[], order: readonly string[]): { model: string; modelNote?: string; notes: string[] } {
  const rows = classifications.map((c) => c.row).filter((r) => r !== undefined);
  const compute = rows.filter((r) => r.role === 'compute');
  const models = unique((compute.length > 0 ? compute : rows).map((r) => r.model));
  const unknown = classifications.some((c) => c.status === 'model-unknown');
  if (models.length === 0) {
    return {
      model: order[0],
      modelNote: `model unknown: choose ${order.join(', ')}`,
      notes: [`No resource here has a classification the resource table can cite, so the model is yours to choose; ${order[0]}, which leaves you the most layers, is only the starting point.`],
    };
  }
  const sorted = [...models].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const notes: string[] = [];
  if (sorted.length > 1) notes.push(`These resources run under different models (${sorted.join(', ')}); the declaration takes ${sorted[0]}, which leaves you the most layers. Split it if the owners differ.`);
  if (unknown) notes.push('Some resources here have no classification the resource table can cite; check that the model fits them too.');
  return { model: sorted[0], notes };
}

function undecidedComments(instance: ResourceInstance, c: Classification): string[] {
  return c.undecided.flatMap((u) => [
    `Choose (${instance.address}): ${u.why}. Add the override of the variant that applies:`,
    ...u.variants.flatMap((v) => v.overrides.map((o) => `  ${v.label}: ${o.layer} -> ${o.responsibility}. ${o.reason} Source: ${v.source.url}`)),
  ]);
}

/** One `iac:` entry per root file, naming each resource by its address in that file. */
function iacLinks(members: readonly Undeclared[], folder: string): { path: string; resources: string[] }[] {
  const byFile = new Map<string, string[]>();
  for (const m of members) {
    const file = rootFileOf(m.instance);
    const list = byFile.get(file) ?? [];
    list.push(addressFrom(m.instance, file) ?? m.instance.address);
    byFile.set(file, list);
  }
  return [...byFile].map(([file, resources]) => ({ path: relativePath(folder, file), resources }));
}

function describe(instance: ResourceInstance, files: ReadonlyMap<string, IacFile>, folder: string): string {
  const file = files.get(instance.file);
  const line = file ? new LineIndex(file.text).position(instance.block.headerSpan.start).line : 0;
  return `${instance.address} (${relativePath(folder, instance.file)}${line ? `:${line}` : ''})`;
}

/** A workload name from the resource: its module path and name (`module.pay.aws_lambda_function.api` → pay-api). */
function nameOf(instance: ResourceInstance): string {
  return [...instance.modulePath.map((s) => s.name), instance.block.name].join('-');
}

export function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function unique<T>(values: readonly (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}
