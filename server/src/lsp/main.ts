import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Lifecycle } from './lifecycle';
import { startServer } from './server';

// Picks the transport from the command line: --node-ipc (VS Code), --stdio (other editors) or --socket.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');
const lifecycle = new Lifecycle();
startServer(createConnection(ProposedFeatures.all, lifecycle.connectionOptions), lifecycle);
