import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneHeap } from './heap-settings';
import { isIndexWorker, runIndexWorker } from './index-worker';
import { Lifecycle } from './lifecycle';
import { startServer } from './server';

tuneHeap();
if (isIndexWorker()) {
  // The same bundle runs the workspace index's worker threads.
  runIndexWorker();
} else {
  // Picks the transport from the command line: --node-ipc (VS Code), --stdio (other editors) or --socket.
  if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');
  const lifecycle = new Lifecycle();
  startServer(createConnection(ProposedFeatures.all, lifecycle.connectionOptions), lifecycle);
}
