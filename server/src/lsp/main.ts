import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Picks the transport from the command line: --node-ipc (VS Code), --stdio (other editors) or --socket.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');
startServer(createConnection(ProposedFeatures.all));
