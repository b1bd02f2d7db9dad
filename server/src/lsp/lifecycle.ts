import {
  ErrorCodes,
  ExitNotification,
  Message,
  ResponseError,
  ShutdownRequest,
  type Connection,
  type ConnectionOptions,
  type MessageStrategy,
  type RequestMessage,
} from 'vscode-languageserver';

type Dispatched = ReturnType<MessageStrategy['handleMessage']>;

/** What the parts that publish, scan or wait for the client need to know of the connection. */
export interface ConnectionState {
  /** Messages dispatched so far: unchanged over a few turns, the connection has handed over all it received. */
  readonly messagesDispatched: number;
  /** True once the server is shut down: from then on nothing is checked, published or asked of the client. */
  readonly isShutDown: boolean;
}

/** Where a request that arrives after `shutdown` is sent: it answers InvalidRequest. Not a method a client calls. */
const REFUSED = '$/srm/refusedAfterShutdown';

/**
 * The end of the server's life as LSP orders it: once `shutdown` has arrived,
 * every later request is refused with InvalidRequest (-32600), every
 * notification but `exit` is dropped, and the server sends nothing of its own
 * any more (`isShutDown` tells the parts that publish or scan).
 *
 * It sits in front of the connection's dispatch (a message strategy), so it
 * covers every request, ours and the library's alike, without each handler
 * having to check. Being there, it also counts the messages dispatched, which
 * tells the publisher when the connection has handed over all it received.
 */
export class Lifecycle implements ConnectionState {
  private down = false;
  private dispatched = 0;

  /** For `createConnection`: sees every message before its handler does. */
  readonly connectionOptions: ConnectionOptions = {
    messageStrategy: { handleMessage: (message, next) => this.dispatch(message, next) },
  };

  get isShutDown(): boolean {
    return this.down;
  }

  /** Messages handed to their handlers so far. */
  get messagesDispatched(): number {
    return this.dispatched;
  }

  /** Registers the handler that refuses what arrives after shutdown. */
  listen(connection: Connection): void {
    connection.onRequest(REFUSED, (params: { method: string }) =>
      new ResponseError(ErrorCodes.InvalidRequest, `${params.method}: the server has been shut down; it accepts only exit.`),
    );
  }

  private dispatch(message: Message, next: (message: Message) => Dispatched): Dispatched {
    this.dispatched++;
    if (!this.down) {
      // From the shutdown request on: everything queued behind it is refused, even before it is answered.
      if (Message.isRequest(message) && message.method === ShutdownRequest.method) this.down = true;
      return next(message);
    }
    if (Message.isRequest(message)) {
      const refused: RequestMessage = { jsonrpc: message.jsonrpc, id: message.id, method: REFUSED, params: { method: message.method } };
      return next(refused);
    }
    // Answers to the server's own requests still settle them; of the notifications, only exit counts.
    if (Message.isResponse(message) || (Message.isNotification(message) && message.method === ExitNotification.method)) return next(message);
    return undefined;
  }
}
