import { classify, rowFor, wantedOptions } from './classify';
import { isTemplateCandidate, parseCloudFormation } from './cloudformation';
import { dirnameOf, isInside, joinPath, normalizePath } from './paths';
import type { TerraformParser } from './syntax-tree';
import { parseTerraform } from './terraform';
import type { IacDiagnostic, IacFile, ModuleCall, ModuleStep, ResourceInstance } from './types';

/**
 * The read-only file system the core reads IaC through: `/`-separated paths,
 * synchronous (a Node adapter reads the disk; a browser worker serves a snapshot).
 */
export interface IacFileSystem {
  /** A folder's entries, or undefined when it is not a readable folder. */
  list(dir: string): readonly { readonly name: string; readonly kind: 'file' | 'dir' }[] | undefined;
  /** A file's text, or undefined when it cannot be read as text. */
  read(file: string): string | undefined;
  kind(path: string): 'file' | 'dir' | undefined;
}

/** Folders a walk never enters: dependencies, VCS data, and tool caches that hold copies of templates and modules. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform', '.terragrunt-cache', '.aws-sam', 'cdk.out', '.serverless']);

/** Instances one inventory holds at most: a module called many times at many depths multiplies them. */
const MAX_INSTANCES = 100_000;
const MAX_MODULE_DEPTH = 32;

export interface Inventory {
  /** Every IaC file read, by path. */
  readonly files: ReadonlyMap<string, IacFile>;
  /** Every resource as deployed, roots first, in file order. */
  readonly instances: readonly ResourceInstance[];
  /** A resource that is part of another (a node group of its cluster): instance key → the other's key. */
  readonly partOf: ReadonlyMap<string, string>;
  /** Findings about module calls (a cycle, a missing folder), by the calling file. */
  readonly moduleDiagnostics: ReadonlyMap<string, readonly IacDiagnostic[]>;
}

export interface InventoryOptions {
  readonly fs: IacFileSystem;
  readonly parser: TerraformParser;
  /** Files and folders to read; folders are walked. */
  readonly roots: readonly string[];
}

/**
 * Reads every Terraform file and template below the roots, follows local
 * module calls (also into folders outside the roots), and lists the resources
 * as deployed. A folder that another folder calls as a module is not a root of
 * its own: its resources appear under the caller's module address.
 */
export function buildInventory(options: InventoryOptions): Inventory {
  return new InventoryBuilder(options).build();
}

class InventoryBuilder {
  private readonly files = new Map<string, IacFile>();
  /** Terraform files by folder. */
  private readonly folders = new Map<string, IacFile[]>();
  private readonly instances: ResourceInstance[] = [];
  private readonly moduleDiagnostics = new Map<string, IacDiagnostic[]>();
  private readonly expanded = new Set<string>();
  private capped = false;

  constructor(private readonly options: InventoryOptions) {}

  build(): Inventory {
    const rootFolders = new Set<string>();
    for (const root of this.options.roots.map(normalizePath)) {
      const kind = this.options.fs.kind(root);
      if (kind === 'dir') this.walk(root);
      else if (kind === 'file') this.readFile(root);
    }
    for (const folder of this.folders.keys()) rootFolders.add(folder);
    const called = this.loadCalledModules();
    for (const folder of [...rootFolders].sort()) if (!called.has(folder)) this.expand(folder, folder, [], new Set([folder]));
    // Folders that only call each other (a cycle) have no root: each is read as its own.
    for (const folder of [...this.folders.keys()].sort()) if (!this.expanded.has(folder) && rootFolders.has(folder)) this.expand(folder, folder, [], new Set([folder]));
    for (const file of [...this.files.values()].filter((f) => f.kind === 'cloudformation')) {
      for (const block of file.resources) {
        this.instances.push({ key: `cloudformation:${file.path}:${block.name}`, kind: 'cloudformation', file: file.path, block, address: block.name, modulePath: [] });
      }
    }
    return { files: this.files, instances: this.instances, partOf: this.linkParts(), moduleDiagnostics: this.moduleDiagnostics };
  }

  private walk(dir: string): void {
    const entries = this.options.fs.list(dir);
    if (!entries) return;
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = joinPath(dir, entry.name);
      if (entry.kind === 'dir') {
        if (!SKIPPED_FOLDERS.has(entry.name)) this.walk(full);
      } else {
        this.readFile(full);
      }
    }
  }

  private readFile(path: string): void {
    if (this.files.has(path)) return;
    const isTerraform = /\.tf$/i.test(path);
    if (!isTerraform && !isTemplateCandidate(path)) return;
    const text = this.options.fs.read(path);
    if (text === undefined) return;
    if (isTerraform) {
      const file = parseTerraform(path, text, this.options.parser, wantedOptions);
      this.files.set(path, file);
      const folder = dirnameOf(path);
      const list = this.folders.get(folder) ?? [];
      list.push(file);
      this.folders.set(folder, list);
    } else {
      const file = parseCloudFormation(path, text, wantedOptions);
      if (file) this.files.set(path, file);
    }
  }

  /** Loads every folder a local module call reaches, transitively; returns the folders called from another folder. */
  private loadCalledModules(): Set<string> {
    const called = new Set<string>();
    const queue = [...this.folders.keys()];
    for (let i = 0; i < queue.length; i++) {
      const folder = queue[i]!;
      for (const file of this.folders.get(folder) ?? []) {
        for (const call of file.modules) {
          if (!call.local || call.source === undefined) continue;
          const target = joinPath(folder, call.source);
          if (target !== folder) called.add(target);
          if (!this.folders.has(target) && this.loadFolder(target)) queue.push(target);
        }
      }
    }
    return called;
  }

  /** The `.tf` files of one module folder (not its subfolders: a module is one folder). */
  private loadFolder(dir: string): boolean {
    const entries = this.options.fs.list(dir);
    if (!entries) return false;
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.kind === 'file' && /\.tf$/i.test(entry.name)) this.readFile(joinPath(dir, entry.name));
    }
    if (!this.folders.has(dir)) this.folders.set(dir, []);
    return true;
  }

  private expand(root: string, folder: string, chain: readonly ModuleStep[], visiting: ReadonlySet<string>): void {
    this.expanded.add(folder);
    const prefix = chain.map((s) => `module.${s.name}.`).join('');
    for (const file of this.folders.get(folder) ?? []) {
      for (const block of file.resources) {
        if (this.instances.length >= MAX_INSTANCES) return this.cap(file);
        const address = `${prefix}${block.type}.${block.name}`;
        this.instances.push({ key: `terraform:${root}:${address}`, kind: 'terraform', file: file.path, block, address, modulePath: chain });
      }
      for (const call of file.modules) this.follow(root, folder, file, call, chain, visiting);
    }
  }

  private follow(root: string, folder: string, file: IacFile, call: ModuleCall, chain: readonly ModuleStep[], visiting: ReadonlySet<string>): void {
    if (!call.local || call.source === undefined) return;
    const target = joinPath(folder, call.source);
    if (visiting.has(target)) {
      this.noteModule(file.path, { severity: 'warning', message: `Module ${call.name} (${call.source}) calls back into a module that is already being read: a cycle. Its resources are read once.`, span: call.headerSpan });
      return;
    }
    if (!this.folders.has(target)) {
      this.noteModule(file.path, { severity: 'warning', message: `Module ${call.name}: its source ${call.source} is not a folder here, so its resources cannot be read.`, span: call.headerSpan });
      return;
    }
    if (chain.length >= MAX_MODULE_DEPTH) {
      this.noteModule(file.path, { severity: 'warning', message: `Module ${call.name} is nested more than ${MAX_MODULE_DEPTH} calls deep; discovery stops following here.`, span: call.headerSpan });
      return;
    }
    this.expand(root, target, [...chain, { name: call.name, file: file.path, headerSpan: call.headerSpan }], new Set([...visiting, target]));
  }

  private cap(file: IacFile): void {
    if (this.capped) return;
    this.capped = true;
    this.noteModule(file.path, { severity: 'warning', message: `More than ${MAX_INSTANCES} resources once modules are expanded; discovery stops counting here.`, span: { start: 0, end: 0 } });
  }

  private noteModule(file: string, d: IacDiagnostic): void {
    const list = this.moduleDiagnostics.get(file) ?? [];
    if (!list.some((x) => x.span.start === d.span.start && x.message === d.message)) list.push(d);
    this.moduleDiagnostics.set(file, list);
  }

  /** Parts name their whole by reference: a node group's `cluster_name = aws_eks_cluster.main.name`, a `ClusterName: !Ref Cluster`. */
  private linkParts(): Map<string, string> {
    const parts = new Map<string, string>();
    const byScope = new Map<string, ResourceInstance>();
    const scopeOf = (i: ResourceInstance) => (i.kind === 'cloudformation' ? i.file : `${i.key.slice(0, i.key.length - i.block.type.length - i.block.name.length - 1)}`);
    for (const i of this.instances) byScope.set(`${scopeOf(i)}\u0000${i.kind === 'cloudformation' ? i.block.name : `${i.block.type}.${i.block.name}`}`, i);
    for (const i of this.instances) {
      const partOf = rowFor(i.block.type)?.partOf;
      const value = partOf ? i.block.options.get(partOf.option) : undefined;
      if (!partOf || value?.kind !== 'expression') continue;
      for (const ref of value.refs) {
        const whole = byScope.get(`${scopeOf(i)}\u0000${ref}`);
        if (whole && partOf.types.includes(whole.block.type) && classify(whole.block).status === 'workload') {
          parts.set(i.key, whole.key);
          break;
        }
      }
    }
    return parts;
  }
}

/** Whether a path is one the inventory read, or a folder holding one. */
export function holdsIac(inventory: Inventory, path: string): boolean {
  for (const file of inventory.files.keys()) if (isInside(file, path)) return true;
  return false;
}

