import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { Lifecycle } from './lifecycle';
import { startServer } from './server';

/**
 * The language server in a web worker (vscode.dev, github.dev): the same
 * server as main.ts, speaking LSP over postMessage. The browser bundle
 * (scripts/build.mjs) swaps the modules that need Node for their `.browser.ts`
 * siblings: no disk to scan, no worker threads (see disk.browser.ts).
 */
type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = self as unknown as WorkerScope;

const lifecycle = new Lifecycle();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope), lifecycle.connectionOptions);
startServer(connection, lifecycle);
