import type { Span } from '../types';
import { classify, type Classification } from './classify';
import { holdsIac, type IacFileSystem, type Inventory } from './inventory';
import type { IacLink, NamedResource } from './links';
import { dirnameOf, isInside, joinPath } from './paths';
import type { ResourceInstance } from './types';

/** What one declaration says about IaC: where it is, and its links. */
export interface DeclarationIac {
  /** The declaration file's path, as the file system names it. */
  readonly file: string;
  readonly workload?: string;
  readonly model?: string;
  readonly links: readonly IacLink[];
}

/** One resource an entry claims, and where the claim is written (the resource's name, or the path for a whole folder). */
export interface Claim {
  readonly instance: ResourceInstance;
  readonly span: Span;
}

export interface EntryResult {
  readonly link: IacLink;
  /** The path resolved against the declaration's folder. */
  readonly target: string;
  readonly exists: 'file' | 'dir' | undefined;
  /** The path holds at least one Terraform file or template. */
  readonly holdsIac: boolean;
  /** Named resources the path does not hold. */
  readonly missing: readonly NamedResource[];
  readonly claims: readonly Claim[];
  /** The workload resources at the path, by the address an entry names them with (for did-you-mean). */
  readonly known: readonly string[];
}

export interface Contradiction {
  readonly instance: ResourceInstance;
  /** The model the resource table gives the resource. */
  readonly model: string;
  readonly service: string;
  readonly entry: number;
  readonly span: Span;
}

export interface DeclarationResult {
  readonly declaration: DeclarationIac;
  readonly entries: readonly EntryResult[];
  readonly contradictions: readonly Contradiction[];
}

/** A resource claimed by more than one entry: each claim, with its declaration and entry. */
export interface DoubleClaim {
  readonly instance: ResourceInstance;
  readonly claims: readonly { readonly declaration: number; readonly entry: number; readonly span: Span }[];
}

export interface Undeclared {
  readonly instance: ResourceInstance;
  readonly classification: Classification;
  /** Resources declared with it (a cluster's node groups), which bring their variants along. */
  readonly parts: readonly ResourceInstance[];
}

export interface ClaimReport {
  readonly declarations: readonly DeclarationResult[];
  readonly twice: readonly DoubleClaim[];
  /** Workload resources no declaration claims, in inventory order. */
  readonly undeclared: readonly Undeclared[];
  /** Resources that are neither workloads nor supporting, by type: ignored, and counted. */
  readonly ignored: ReadonlyMap<string, number>;
}

/**
 * Which resources each declaration claims; the links that point nowhere; the
 * resources claimed twice; claimed compute whose model contradicts the
 * declaration's; and the workload resources no one claims. Only resources
 * rooted inside `scope` (the paths discovery was asked about) are reported
 * as undeclared; claims may point anywhere the inventory read.
 */
export function resolveClaims(declarations: readonly DeclarationIac[], inventory: Inventory, fs: IacFileSystem, scope?: readonly string[]): ClaimReport {
  const partsOf = new Map<string, ResourceInstance[]>();
  const byKey = new Map(inventory.instances.map((i) => [i.key, i]));
  for (const [part, whole] of inventory.partOf) {
    const list = partsOf.get(whole) ?? [];
    list.push(byKey.get(part)!);
    partsOf.set(whole, list);
  }
  const claimedBy = new Map<string, { declaration: number; entry: number; span: Span }[]>();
  const results = declarations.map((declaration, d): DeclarationResult => {
    const entries = declaration.links.map((link, e) => {
      const result = resolveEntry(declaration, link, inventory, fs, partsOf);
      for (const claim of result.claims) {
        const list = claimedBy.get(claim.instance.key) ?? [];
        list.push({ declaration: d, entry: e, span: claim.span });
        claimedBy.set(claim.instance.key, list);
      }
      return result;
    });
    return { declaration, entries, contradictions: contradictions(declaration, entries) };
  });

  const twice: DoubleClaim[] = [];
  for (const [key, claims] of claimedBy) {
    if (claims.length < 2 || inventory.partOf.has(key)) continue;
    const instance = byKey.get(key)!;
    if (isWorkload(instance)) twice.push({ instance, claims });
  }

  const undeclared: Undeclared[] = [];
  const ignored = new Map<string, number>();
  for (const instance of inventory.instances) {
    const c = classify(instance.block);
    if (c.status === 'ignored') ignored.set(instance.block.type, (ignored.get(instance.block.type) ?? 0) + 1);
    if (!isWorkload(instance) || claimedBy.has(instance.key)) continue;
    const whole = inventory.partOf.get(instance.key);
    if (whole !== undefined) continue; // declared with its whole, or reported with it
    if (scope && !scope.some((root) => isInside(rootFileOf(instance), root))) continue;
    const parts = (partsOf.get(instance.key) ?? []).filter((p) => !claimedBy.has(p.key));
    undeclared.push({ instance, classification: c, parts });
  }
  return { declarations: results, twice, undeclared, ignored };
}

function isWorkload(instance: ResourceInstance): boolean {
  const status = classify(instance.block).status;
  return status === 'workload' || status === 'model-unknown';
}

/** Where a resource's deployment starts: the root file that calls its module chain, or its own file. */
export function rootFileOf(instance: ResourceInstance): string {
  return instance.modulePath[0]?.file ?? instance.file;
}

/** The files from the root to the block: the file of each module call, then the block's own. */
function chainFiles(instance: ResourceInstance): string[] {
  return [...instance.modulePath.map((s) => s.file), instance.file];
}

/** The address as seen from the first file of the chain inside `target`: what an entry pointing there calls it. */
export function addressFrom(instance: ResourceInstance, target: string): string | undefined {
  const files = chainFiles(instance);
  const at = files.findIndex((f) => isInside(f, target));
  if (at < 0) return undefined;
  if (instance.kind === 'cloudformation') return instance.address;
  const modules = instance.modulePath.slice(at).map((s) => `module.${s.name}.`).join('');
  return `${modules}${instance.block.type}.${instance.block.name}`;
}

function resolveEntry(declaration: DeclarationIac, link: IacLink, inventory: Inventory, fs: IacFileSystem, partsOf: ReadonlyMap<string, ResourceInstance[]>): EntryResult {
  const target = joinPath(dirnameOf(declaration.file), link.path);
  const exists = fs.kind(target);
  const holds = exists !== undefined && holdsIac(inventory, target);
  const base = { link, target, exists, holdsIac: holds };
  if (!holds) return { ...base, missing: link.resources ?? [], claims: [], known: [] };
  const seen = new Map<string, { instance: ResourceInstance; address: string }>();
  for (const instance of inventory.instances) {
    const address = addressFrom(instance, target);
    if (address !== undefined && !seen.has(instance.key)) seen.set(instance.key, { instance, address });
  }
  const candidates = [...seen.values()];
  const claims: Claim[] = [];
  const missing: NamedResource[] = [];
  const claim = (instance: ResourceInstance, span: Span) => {
    claims.push({ instance, span });
    for (const part of partsOf.get(instance.key) ?? []) claims.push({ instance: part, span });
  };
  if (!link.resources) {
    for (const { instance } of candidates) if (isWorkload(instance) && !inventory.partOf.has(instance.key)) claim(instance, link.pathSpan);
  } else {
    for (const named of link.resources) {
      const wanted = named.name.replace(/\[[^\]]*\]/g, ''); // `aws_instance.web[0]`: one instance of a counted block is the block
      const matches = candidates.filter(({ address }) => address === wanted || address.startsWith(`${wanted}.`) && wanted.startsWith('module.'));
      if (matches.length === 0) missing.push(named);
      for (const { instance } of matches) claim(instance, named.span);
    }
  }
  const known = candidates.filter(({ instance }) => isWorkload(instance)).map(({ address }) => address);
  return { ...base, missing, claims: dedupe(claims), known };
}

function dedupe(claims: readonly Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => !seen.has(c.instance.key) && (seen.add(c.instance.key), true));
}

/**
 * Claimed resources whose model differs from `model:`. Compute decides: a
 * database or bucket contradicts only a declaration that claims no compute
 * (a Lambda function's workload may well keep its files in S3).
 */
function contradictions(declaration: DeclarationIac, entries: readonly EntryResult[]): Contradiction[] {
  const model = declaration.model;
  if (!model) return [];
  const claimed = entries.flatMap((entry, e) => entry.claims.map((c) => ({ ...c, entry: e, c: classify(c.instance.block) })));
  const classified = claimed.flatMap((x) => (x.c.row && x.c.service ? [{ ...x, row: x.c.row, service: x.c.service }] : []));
  const compute = classified.filter((x) => x.row.role === 'compute');
  const judged = compute.length > 0 ? compute : classified;
  return judged
    .filter((x) => x.service.model !== model)
    .map((x) => ({ instance: x.instance, model: x.service.model, service: x.service.name, entry: x.entry, span: x.span }));
}
