import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection, type ConnectionOptions } from 'vscode-languageserver/node';
import type { ConnectionState } from './lifecycle';
import { BatchingStreamWriter } from './stdio-writer';

/** The transport the command line asks for, as vscode-languageserver reads it: the first transport flag wins. */
export function transportOf(argv: readonly string[]): string | undefined {
  return argv
    .slice(2)
    .map((a) => /^--(stdio|node-ipc|socket|pipe)(?=$|=)/.exec(a)?.[1])
    .find((t) => t !== undefined);
}

/**
 * The connection over stdin and stdout, writing through BatchingStreamWriter.
 * Given a reader and a writer instead of `--stdio`, vscode-languageserver does
 * two things no more, so they are done here as it does them: the server exits
 * when stdin ends (the editor is gone: 0 after shutdown, 1 otherwise), and
 * `console` goes to the client, as a library that logs must not write into
 * the protocol's stream.
 */
export function stdioConnection(options: ConnectionOptions, state: ConnectionState): Connection {
  const writer = new BatchingStreamWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), writer, options);
  const gone = () => {
    // What is framed but not yet written goes out first.
    writer.end();
    process.exit(state.isShutDown ? 0 : 1);
  };
  process.stdin.on('end', gone);
  process.stdin.on('close', gone);
  routeConsole(connection);
  return connection;
}

function routeConsole(connection: Connection): void {
  const text = (args: readonly unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.trace = (...args: unknown[]) => connection.console.log(`Trace${args.length > 0 ? `: ${text(args)}` : ''}\n${new Error().stack?.replace(/(.+\n){2}/, '') ?? ''}`);
  console.dir = (value: unknown, options?: object) => connection.console.log(inspect(value, options));
  console.assert = (assertion?: boolean, ...args: unknown[]) => {
    if (!assertion) connection.console.error(`Assertion failed${args.length > 0 ? `: ${text(args)}` : ''}`);
  };
}
