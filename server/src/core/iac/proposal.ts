import { PROVIDER_OWNER } from '../format';
import { dutyOf } from '../matrix/duties';
import type { MatrixIndex } from '../matrix/matrix-index';
import type { Cell } from '../matrix/types';
import { LineIndex } from '../text/line-index';
import { newDeclarationText } from '../templates';
import { classify, combinedOverrides, type Classification } from './classify';
import { addressFrom, rootFileOf, type Undeclared } from './claims';
import { basenameOf, dirnameOf, relativePath } from './paths';
import type { IacFile, ResourceInstance } from './types';

export type Grouping = 'resource' | 'folder';

/** A declaration `srm discover --write` (or the editor's "Create declaration") would create. */
export interface Proposal {
  /** Where the file goes: the folder of the root file that deploys its resources. */
  readonly folder: string;
  readonly fileName: string;
  readonly workload: string;
  readonly model: string;
  readonly text: string;
  readonly resources: readonly Undeclared[];
}

/** The matrix's model ids, the one that leaves the customer the most layers first: where resources disagree, a proposal takes the first. */
function mostDutiesFirst(matrix: MatrixIndex): string[] {
  const duties = (id: string) => Object.values(matrix.serviceModel(id)?.cells ?? {}).filter((c) => dutyOf(c.who).owner).length;
  return matrix.models.map((m) => m.id).sort((a, b) => duties(b) - duties(a));
}

/**
 * One proposed declaration per undeclared resource, or per folder, under the
 * given matrix (the default of the folder the proposal goes to): the `iac:`
 * link, the model and service, every entry the model requires (placeholder
 * owners, for the user to fill in) and the overrides the catalogued options
 * of its service call for, each with a reason that cites its source. File
 * names are unique within the set; the caller refuses to overwrite a file
 * that exists.
 */
export function proposeDeclarations(undeclared: readonly Undeclared[], matrixOf: MatrixIndex | ((declarationFile: string) => MatrixIndex), files: ReadonlyMap<string, IacFile>, grouping: Grouping): Proposal[] {
  const matrixFor = typeof matrixOf === 'function' ? matrixOf : () => matrixOf;
  const groups = new Map<string, Undeclared[]>();
  for (const u of undeclared) {
    const key = grouping === 'folder' ? dirnameOf(rootFileOf(u.instance)) : u.instance.key;
    const list = groups.get(key) ?? [];
    list.push(u);
    groups.set(key, list);
  }
  const proposals = [...groups.values()].map((members) => propose(members, matrixFor, files, grouping));
  // Two resources that would share a file name (aws_instance.web, aws_lambda_function.web) both take their type in it.
  const byPath = new Map<string, Proposal[]>();
  for (const p of proposals) byPath.set(`${p.folder}/${p.fileName}`, [...(byPath.get(`${p.folder}/${p.fileName}`) ?? []), p]);
  return proposals.map((p) => {
    const only = p.resources.length === 1 ? p.resources[0]!.instance : undefined;
    if ((byPath.get(`${p.folder}/${p.fileName}`) ?? []).length < 2 || !only) return p;
    return { ...p, fileName: `${slug(`${only.block.type}-${nameOf(only)}`)}.srm.yaml` };
  });
}

/** The layer of the matrix that a catalogue cell's reference layer id stands for: itself, or the one that names it `same-as`. */
function layerIn(matrix: MatrixIndex, referenceId: string): string | undefined {
  return matrix.layer(referenceId) ? referenceId : matrix.sameAsLayer(referenceId)?.id;
}

function propose(members: readonly Undeclared[], matrixFor: (declarationFile: string) => MatrixIndex, files: ReadonlyMap<string, IacFile>, grouping: Grouping): Proposal {
  const first = members[0]!.instance;
  const folder = dirnameOf(rootFileOf(first));
  const workload = grouping === 'folder' ? slug(basenameOf(folder)) || 'workload' : slug(nameOf(first)) || 'workload';
  const matrix = matrixFor(`${folder}/${workload}.srm.yaml`);
  const all = members.flatMap((m) => [m, ...m.parts.map((p) => ({ instance: p, classification: classify(p.block), parts: [] }))]);
  const classifications = all.map((m) => m.classification);
  const chosen = chooseModel(members.map((m) => m.classification), mostDutiesFirst(matrix));
  const serviceModel = matrix.serviceModel(chosen.model)!;
  const services = unique(classifications.map((c) => c.service?.name));
  const providers = unique(classifications.map((c) => c.provider));
  const overrides = new Map<string, { responsibility: Cell; reason: string }>();
  const notes: string[] = [];
  for (const [referenceLayer, o] of combinedOverrides(classifications)) {
    const layer = layerIn(matrix, referenceLayer);
    if (!layer) {
      notes.push(`${o.variant.name} moves ${referenceLayer}, which ${matrix.ref} has no layer for.`);
      continue;
    }
    const cell = serviceModel.cells[layer]?.who;
    // Equal to the cell, an override still records which option applies (SRM038), but only where service: says whose option it is.
    if (cell === o.responsibility && services.length !== 1) notes.push(`${layer} is ${cell} under ${serviceModel.shortName} already: ${o.reason}.`);
    else overrides.set(layer, { responsibility: o.responsibility, reason: `${o.reason} (${o.variant.source})` });
  }
  const comments = [
    `Proposed by srm discover for ${members.map((m) => describe(m.instance, files, folder)).join(', ')}.`,
    'Replace each TODO with the team, role or person who owns the layer (and say where each handoff falls).',
    ...chosen.notes,
    ...notes.map((n) => `Note: ${n}`),
    // A default a part replaces (a separate runtime management config) is not worth saying.
    ...all.filter((m) => !m.parts.some((p) => classify(p.block).applied.length > 0)).flatMap((m) => m.classification.notes.map((n) => `Note (${m.instance.address}): ${n}`)),
    ...all.flatMap((m) => undecidedComments(m.instance, m.classification, matrix)),
  ];
  const text = newDeclarationText(matrix, workload, chosen.model, {
    comments,
    ...(chosen.modelNote ? { modelNote: chosen.modelNote } : {}),
    ...(providers.length === 1 ? { provider: providers[0] } : {}),
    ...(services.length === 1 ? { service: services[0] } : {}),
    iac: iacLinks(members, folder),
    overrides,
    ownerWithoutDuty: PROVIDER_OWNER,
  });
  return { folder, fileName: `${workload}.srm.yaml`, workload, model: chosen.model, text, resources: members };
}

/** The model of the compute among the resources (else of the data); "model unknown" proposes the model with the most duties (IaaS), and says so. */
function chooseModel(classifications: readonly Classification[], order: readonly string[]): { model: string; modelNote?: string; notes: string[] } {
  const classified = classifications.filter((c) => c.row && c.service && order.includes(c.service.model));
  const compute = classified.filter((c) => c.row!.role === 'compute');
  const models = unique((compute.length > 0 ? compute : classified).map((c) => c.service!.model));
  const unknown = classifications.some((c) => c.status === 'model-unknown');
  const most = order[0]!;
  if (models.length === 0) {
    return {
      model: most,
      modelNote: `model unknown: choose ${order.join(', ')}`,
      notes: [`No resource here has a classification the resource table can cite, so the model is yours to choose; ${most}, which leaves you the most layers, is only the starting point.`],
    };
  }
  const sorted = [...models].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const notes: string[] = [];
  if (sorted.length > 1) notes.push(`These resources run under different models (${sorted.join(', ')}); the declaration takes ${sorted[0]}, which leaves you the most layers. Split it if the owners differ.`);
  if (unknown) notes.push('Some resources here have no classification the resource table can cite; check that the model fits them too.');
  return { model: sorted[0]!, notes };
}

function undecidedComments(instance: ResourceInstance, c: Classification, matrix: MatrixIndex): string[] {
  return c.undecided.flatMap((u) => [
    `Choose (${instance.address}): ${u.why}. Add the overrides of the option that applies:`,
    ...u.variants.flatMap((v) => v.variant.cells.map((cell) => `  ${v.label}: ${layerIn(matrix, cell.layer) ?? cell.layer} -> ${cell.responsibility}. ${cell.reason}. Source: ${v.variant.source}`)),
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
