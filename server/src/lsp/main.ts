import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneHeap } from './heap-settings';
import { isIndexWorker, runIndexWorker } from './index-worker';
import { Lifecycle } from './lifecycle';
import { startServer } from './server';
import { stdioConnection, transportOf } from './stdio';

tuneHeap();
if (isIndexWorker()) {
  // The same bundle runs the workspace index's worker threads.
  runIndexWorker();
} else {
  // Picks the transport from the command line: --node-ipc (VS Code), --stdio (other editors) or --socket.
  if (transportOf(process.argv) === undefined) process.argv.push('--stdio');
  const lifecycle = new Lifecycle();
  // stdio writes through our own writer (one write per turn); the other transports are vscode-languageserver's.
  const connection = transportOf(process.argv) === 'stdio' ? stdioConnection(lifecycle.connectionOptions, lifecycle) : createConnection(ProposedFeatures.all, lifecycle.connectionOptions);
  startServer(connection, lifecycle);
}
