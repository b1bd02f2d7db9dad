/**
 * Compile-time only (`npx tsc -p .` fails, nothing runs): each `.browser.ts`
 * stand-in that the browser bundle puts in place of a Node module
 * (scripts/build.mjs) exports everything the Node module does, with types the
 * server's code accepts. Without this, a new export of disk.ts would fail
 * only the browser build, and a changed signature not even that.
 */
import type * as NodePackageInfo from '../../server/src/cli/package-info';
import type * as BrowserPackageInfo from '../../server/src/cli/package-info.browser';
import type * as NodeDataFileDisk from '../../server/src/lsp/data-file-disk';
import type * as BrowserDataFileDisk from '../../server/src/lsp/data-file-disk.browser';
import type * as NodeDisk from '../../server/src/lsp/disk';
import type * as NodeIac from '../../server/src/lsp/iac-documents';
import type * as BrowserIac from '../../server/src/lsp/iac-documents.browser';
import type * as BrowserDisk from '../../server/src/lsp/disk.browser';
import type * as NodeEnvironments from '../../server/src/lsp/environments';
import type * as BrowserEnvironments from '../../server/src/lsp/environments.browser';
import type * as NodeIndexWorker from '../../server/src/lsp/index-worker';
import type * as BrowserIndexWorker from '../../server/src/lsp/index-worker.browser';

/** `From` where a `To` is expected. */
type Stands<To, From extends To> = From;
/** A class's public members: private fields make two classes unassignable however alike they are. */
type PublicOf<T> = { [K in keyof T]: T[K] };

export type DiskParity = [
  Stands<Omit<typeof NodeDisk, 'WorkspaceFolders'>, Omit<typeof BrowserDisk, 'WorkspaceFolders'>>,
  Stands<PublicOf<NodeDisk.WorkspaceFolders>, BrowserDisk.WorkspaceFolders>,
];

export type EnvironmentsParity = Stands<PublicOf<NodeEnvironments.LspEnvironments>, BrowserEnvironments.LspEnvironments>;

export type IndexWorkerParity = Stands<typeof NodeIndexWorker, typeof BrowserIndexWorker>;

export type PackageInfoParity = Stands<typeof NodePackageInfo, typeof BrowserPackageInfo>;

export type IacParity = [
  Stands<Omit<typeof NodeIac, 'IacDocuments'>, Omit<typeof BrowserIac, 'IacDocuments'>>,
  Stands<PublicOf<NodeIac.IacDocuments>, BrowserIac.IacDocuments>,
];
export type DataFileDiskParity = Stands<typeof NodeDataFileDisk, typeof BrowserDataFileDisk>;
