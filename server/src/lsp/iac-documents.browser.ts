/**
 * The browser's stand-in for iac-documents.ts (scripts/build.mjs resolves a
 * `.browser.ts` sibling first in the web worker bundle). Discovery reads
 * Terraform modules and their folders from disk and loads its parser's
 * WebAssembly from the extension folder; a web worker has neither, so in the
 * browser Terraform files and templates get nothing from us and `iac:` entries lead nowhere.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClaimedResource, Span } from '../core';
import type { Proposal, UndeclaredFinding } from '../core/iac';
import type { WorkspaceFolders } from './disk';
import type { LspEnvironments } from './environments';
import type { ConnectionState } from './lifecycle';
import type { SettingsStore } from './settings';

export { isIacUri } from './iac-uri';

export interface ClaimTarget {
  readonly span: Span;
  readonly target: string;
  readonly label: string;
}

export class IacDocuments {
  constructor(
    _connection: Connection,
    _documents: TextDocuments<TextDocument>,
    _settings: SettingsStore,
    _folders: WorkspaceFolders,
    _environments: LspEnvironments,
    _state: ConnectionState,
  ) {}

  schedule(_uri: string): void {}

  recheckAll(): void {}

  declarationChanged(_uri: string, _links: boolean): void {}

  closed(_uri: string): void {}

  undeclaredIn(_uri: string): readonly UndeclaredFinding[] {
    return [];
  }

  proposalFor(_finding: UndeclaredFinding, _uri: string): Proposal | undefined {
    return undefined;
  }

  uriOf(proposal: Proposal): string {
    return `${proposal.folder}/${proposal.fileName}`;
  }

  exists(_uri: string): boolean {
    return true;
  }

  claimTargets(_uri: string, _text: string): Promise<ClaimTarget[]> {
    return Promise.resolve([]);
  }

  claimedResources(_uri: string, _text: string): Promise<(readonly ClaimedResource[] | undefined)[]> {
    return Promise.resolve([]);
  }
}
