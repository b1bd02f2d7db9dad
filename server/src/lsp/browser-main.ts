import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { Lifecycle } from './lifecycle';
import { startServer } from './server';

/**
 * The language server in a web worker (vscode.dev, github.dev): the same
 * server as main.ts, speaking LSP over postMessage. The browser bundle
 * (scripts/build.mjs) swaps the modules that need Node for their `.browser.ts`
 * siblings: no disk to scan, no worker threads (see disk.browser.ts).
 */
// The worker's own global scope posts and receives the messages; the DOM types
// the project compiles with name no worker scope, and a Worker has the same API.
const scope = globalThis as unknown as Worker;

const lifecycle = new Lifecycle();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope), lifecycle.connectionOptions);
startServer(connection, lifecycle);
