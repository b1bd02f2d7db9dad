/**
 * Open Terraform files and CloudFormation/SAM templates in the editor
 * (`srm.iac.enable`): each undeclared workload resource as an information
 * diagnostic (SRM066), what could not be read as SRM067, and the proposal
 * "Create declaration" writes. The files keep their language: the client
 * sends them by name only (every YAML and JSON file, since a template is known
 * by its text), and nothing here answers hovers, completion or formatting on
 * them. A YAML or JSON file that is not a template gets nothing published.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { defaultMatrixOf, LineIndex, type Diagnostic, type Span } from '../core';
import { classify, iacFileFindings, isUndeclaredFinding, mayHoldIacLinks, parseCloudFormation, proposeDeclarations, type IacFileSystem, type Proposal, type TerraformParser, type UndeclaredFinding } from '../core/iac';
import { NodeIacFileSystem, toCorePath, toNative } from '../io/iac-fs';
import { findDeclarationFiles, linkedDeclarations, readLinkedDeclarations, resolveLinksOnDisk } from '../io/iac-links';
import { loadTerraformParser } from '../io/tree-sitter';
import type { ClaimedResource } from '../core/layer-stack';
import { toLspDiagnostic } from './convert';
import type { LspEnvironments } from './environments';
import type { ConnectionState } from './lifecycle';
import type { SettingsStore } from './settings';
import { isDeclarationUri, type WorkspaceFolders } from './disk';
import { isIacUri, isTerraformUri } from './iac-uri';

export { isIacUri } from './iac-uri';

/** The open documents laid over the disk, so an unsaved edit counts. */
class OpenDocumentsFileSystem implements IacFileSystem {
  private readonly disk = new NodeIacFileSystem();
  constructor(private readonly open: ReadonlyMap<string, string>) {}
  list(dir: string) {
    return this.disk.list(dir);
  }
  read(file: string) {
    return this.open.get(file) ?? this.disk.read(file);
  }
  kind(file: string) {
    return this.open.has(file) ? 'file' : this.disk.kind(file);
  }
}

/** Where a part of an `iac:` entry leads. */
export interface ClaimTarget {
  readonly span: Span;
  readonly target: string;
  readonly label: string;
}

export class IacDocuments {
  private parser: Promise<TerraformParser> | undefined;
  private readonly findings = new Map<string, { version: number; diagnostics: readonly Diagnostic[] }>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly waiting = new Set<string>();
  /** Open declarations whose text links to IaC. */
  private readonly linking = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly folders: WorkspaceFolders,
    private readonly environments: LspEnvironments,
    private readonly state: ConnectionState,
  ) {}

  /**
   * Reads the document again (after a change, or after a declaration changed on disk). A burst of
   * changes is read once, at its newest version: at most one update waits per file, and it reads
   * the document when it starts.
   */
  schedule(uri: string): void {
    if (this.waiting.has(uri)) return;
    this.waiting.add(uri);
    const before = this.running.get(uri) ?? Promise.resolve();
    const next = before
      .then(() => {
        this.waiting.delete(uri);
        return this.update(uri);
      })
      .catch((err: unknown) => this.connection.console.error(`srm: reading ${uri} failed: ${(err as Error).stack ?? String(err)}`));
    this.running.set(uri, next);
  }

  recheckAll(): void {
    for (const doc of this.documents.all()) if (isIacUri(doc.uri)) this.schedule(doc.uri);
  }

  /**
   * An open declaration was checked after a change: the IaC files are read again only when it links
   * to IaC now (`links`: a declaration of it has an `iac:` key) or did before (to drop its old
   * claims), not on every keystroke in every declaration.
   */
  declarationChanged(uri: string, links: boolean): void {
    if (!links && !this.linking.has(uri)) return;
    if (links) this.linking.add(uri);
    else this.linking.delete(uri);
    this.recheckAll();
  }

  closed(uri: string): void {
    const published = this.findings.delete(uri);
    if ((published || isTerraformUri(uri)) && !this.state.isShutDown) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The undeclared workload findings of an open document, as last published. */
  undeclaredIn(uri: string): readonly UndeclaredFinding[] {
    return (this.findings.get(uri)?.diagnostics ?? []).filter(isUndeclaredFinding);
  }

  /** The declaration "Create declaration" writes for a finding: beside the file, never over one. */
  proposalFor(finding: UndeclaredFinding, uri: string): Proposal | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const matrixOf = (file: string) => defaultMatrixOf(this.environments.environment(URI.file(toNative(file)).toString()));
    const file = toCorePath(URI.parse(uri).fsPath);
    const kind = isTerraformUri(uri) ? ('terraform' as const) : ('cloudformation' as const);
    const files = new Map([[file, { path: file, kind, text: doc.getText(), resources: [], modules: [], diagnostics: [] }]]);
    return proposeDeclarations([finding.undeclared], matrixOf, files, 'resource')[0];
  }

  /** Where a proposal's file goes. */
  uriOf(proposal: Proposal): string {
    return URI.file(toNative(`${proposal.folder}/${proposal.fileName}`)).toString();
  }

  /** Whether a file is on disk: "Create declaration" never writes over one. */
  exists(uri: string): boolean {
    return fs.existsSync(URI.parse(uri).fsPath);
  }

  /**
   * Where each `iac:` entry of a declaration leads: a named resource to the
   * line that defines it, a path that is a file to the file. Empty when the
   * text has no links or `srm.iac.enable` is off.
   */
  async claimTargets(uri: string, text: string): Promise<ClaimTarget[]> {
    if (!mayHoldIacLinks(text) || URI.parse(uri).scheme !== 'file') return [];
    const settings = await this.settings.get(uri);
    if (!settings.enable || !settings.iacEnable) return [];
    const parser = await (this.parser ??= loadTerraformParser());
    const linked = linkedDeclarations(URI.parse(uri).fsPath, text);
    const open = new Map(this.documents.all().filter((d) => isIacUri(d.uri)).map((d) => [toCorePath(URI.parse(d.uri).fsPath), d.getText()]));
    const { report, inventory } = await resolveLinksOnDisk(linked, { parser, fs: new OpenDocumentsFileSystem(open) });
    const out: ClaimTarget[] = [];
    for (const declaration of report.declarations) {
      for (const entry of declaration.entries) {
        if (entry.exists === 'file') out.push({ span: entry.link.pathSpan, target: URI.file(toNative(entry.target)).toString(), label: entry.link.path });
        for (const claim of entry.claims) {
          if (claim.span.start === entry.link.pathSpan.start) continue;
          const file = inventory.files.get(claim.instance.file);
          const line = file ? new LineIndex(file.text).position(claim.instance.block.headerSpan.start).line : 1;
          const c = classify(claim.instance.block);
          const what = c.service ? `${c.service.name}, ${defaultMatrixOf(this.environments.environment(uri)).serviceModel(c.service.model)?.shortName ?? c.service.model}` : 'model unknown';
          out.push({ span: claim.span, target: `${URI.file(toNative(claim.instance.file)).toString()}#L${line}`, label: `${claim.instance.address} (${what}), ${path.basename(toNative(claim.instance.file))}:${line}` });
        }
      }
    }
    return out;
  }

  /**
   * The resources each declaration of a file claims, by the declaration's
   * position in the file; `undefined` for a declaration without `iac:`
   * entries, and for every one when `srm.iac.enable` is off.
   */
  async claimedResources(uri: string, text: string): Promise<(readonly ClaimedResource[] | undefined)[]> {
    if (!mayHoldIacLinks(text) || URI.parse(uri).scheme !== 'file') return [];
    const settings = await this.settings.get(uri);
    if (!settings.enable || !settings.iacEnable) return [];
    const parser = await (this.parser ??= loadTerraformParser());
    const native = URI.parse(uri).fsPath;
    const linked = linkedDeclarations(native, text);
    const open = new Map(this.documents.all().filter((d) => isIacUri(d.uri)).map((d) => [toCorePath(URI.parse(d.uri).fsPath), d.getText()]));
    const { report, inventory } = await resolveLinksOnDisk(linked, { parser, fs: new OpenDocumentsFileSystem(open) });
    const shown = (file: string) => path.relative(path.dirname(native), toNative(file)).split(path.sep).join('/');
    return report.declarations.map((declaration) => {
      if (declaration.entries.length === 0) return undefined;
      const out: ClaimedResource[] = [];
      const seen = new Set<string>();
      for (const entry of declaration.entries) {
        if (entry.exists === undefined && entry.missing.length === 0) out.push({ address: entry.link.path, file: entry.link.path, line: 0, status: 'missing' });
        for (const claim of entry.claims) {
          if (seen.has(claim.instance.key)) continue;
          seen.add(claim.instance.key);
          const file = inventory.files.get(claim.instance.file);
          const line = file ? new LineIndex(file.text).position(claim.instance.block.headerSpan.start).line : 1;
          out.push({ address: claim.instance.address, file: shown(claim.instance.file), line, status: 'resolved', target: `${URI.file(toNative(claim.instance.file)).toString()}#L${line}` });
        }
        for (const named of entry.missing) {
          out.push({ address: named.name, file: entry.link.path, line: 0, status: 'missing', ...(entry.exists === 'file' ? { target: URI.file(toNative(entry.target)).toString() } : {}) });
        }
      }
      return out;
    });
  }

  private async update(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || this.state.isShutDown) return;
    const terraform = isTerraformUri(uri);
    // Most YAML and JSON files are not templates: those are left alone, cleared only if they were one before.
    if (!terraform && parseCloudFormation(toCorePath(URI.parse(uri).fsPath), doc.getText()) === undefined) {
      if (this.findings.delete(uri)) void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    const settings = await this.settings.get(uri);
    if (!settings.enable || !settings.iacEnable || URI.parse(uri).scheme !== 'file') {
      const published = this.findings.delete(uri);
      if (published || terraform) void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    const parser = await (this.parser ??= loadTerraformParser());
    const current = this.documents.get(uri);
    if (!current || current.version !== doc.version) return;
    const native = URI.parse(uri).fsPath;
    const file = toCorePath(native);
    const folder = this.folders.all.map((f) => URI.parse(f.uri).fsPath).find((f) => native.startsWith(f + path.sep)) ?? path.dirname(native);
    const open = new Map(this.documents.all().filter((d) => isIacUri(d.uri)).map((d) => [toCorePath(URI.parse(d.uri).fsPath), d.getText()]));
    // An open declaration counts as the editor holds it, saved or not.
    const openDeclarations = new Map(this.documents.all().filter((d) => isDeclarationUri(d.uri)).map((d) => [toCorePath(URI.parse(d.uri).fsPath), d.getText()]));
    const onDisk = findDeclarationFiles([toCorePath(folder)]).filter((f) => !openDeclarations.has(f));
    const declarations = [...onDisk.flatMap((f) => readLinkedDeclarations(f)), ...[...openDeclarations].flatMap(([f, text]) => linkedDeclarations(toNative(f), text))];
    // A Terraform module is its folder; a template stands alone.
    const root = terraform ? toCorePath(path.dirname(native)) : file;
    const resolved = await resolveLinksOnDisk(declarations, { roots: [root], scope: [root], parser, fs: new OpenDocumentsFileSystem(open) });
    const matrixOf = (f: string) => defaultMatrixOf(this.environments.environment(URI.file(toNative(f)).toString()));
    const diagnostics = iacFileFindings(resolved.report, resolved.inventory, matrixOf).get(file) ?? [];
    const latest = this.documents.get(uri);
    if (!latest || latest.version !== doc.version || this.state.isShutDown) return;
    this.findings.set(uri, { version: doc.version, diagnostics });
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnostics.map((d) => toLspDiagnostic(latest, d, d.severity)) });
  }
}
