import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/**
 * Above this many characters a batch is written and a new one started: a
 * string has a maximum length, and one batch must never come near it.
 */
const BATCH_CHARS = 1 << 24;

interface Waiting {
  readonly message: Message;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** One write: framed messages joined, and who waits for it. */
interface Batch {
  text: string;
  readonly waiting: Waiting[];
}

/** The part of a Node stream the writer uses (stdout, a socket, a pipe). */
export interface WritableOut {
  write(text: string, encoding: 'utf8', callback: (error?: Error | null) => void): boolean;
  end(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/**
 * Writes LSP messages to a byte stream with as few writes as it can: each
 * message's header and body in one piece, and every message sent in the same
 * run of code (a publish's diagnostics and its status) in one write.
 *
 * vscode-jsonrpc's stream writer writes the header, waits for the stream to
 * take it, then writes the body, one message after another through a queue that
 * waits a turn of the event loop per message. On a pipe each write is a system
 * call that wakes the reader, so an edit's two notifications cost four wake-ups
 * of the editor and as many turns here. This writer frames a message as soon as
 * it is given (the same bytes: `Content-Length` of the UTF-8 body, blank line,
 * the JSON) and writes what was framed once the code that sent it has run, in a
 * microtask: before anything else happens, and in the order the messages were
 * sent.
 */
export class BatchingStreamWriter extends AbstractMessageWriter implements MessageWriter {
  private batches: Batch[] = [];
  private scheduled = false;
  private errorCount = 0;

  constructor(private readonly out: WritableOut) {
    super();
    out.on('error', (error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let framed: string;
    try {
      const body = JSON.stringify(message);
      framed = `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    } catch (thrown) {
      // JSON.stringify throws on a cycle or a BigInt: the message cannot be sent, and the sender hears why.
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      this.fireError(error);
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      const last = this.batches.at(-1);
      const waiting = { message, resolve, reject };
      if (last && last.text.length + framed.length <= BATCH_CHARS) {
        last.text += framed;
        last.waiting.push(waiting);
      } else {
        this.batches.push({ text: framed, waiting: [waiting] });
      }
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => this.flush());
      }
    });
  }

  end(): void {
    this.flush();
    this.out.end();
  }

  private flush(): void {
    this.scheduled = false;
    const batches = this.batches;
    this.batches = [];
    for (const batch of batches) {
      this.out.write(batch.text, 'utf8', (error) => {
        if (!error) {
          for (const w of batch.waiting) w.resolve();
          return;
        }
        for (const w of batch.waiting) {
          this.errorCount++;
          this.fireError(error, w.message, this.errorCount);
          w.reject(error);
        }
      });
    }
  }
}
