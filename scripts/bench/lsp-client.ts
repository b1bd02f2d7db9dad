/**
 * A minimal LSP client for the benchmark: spawns a server over stdio (or node
 * IPC, as VS Code starts a Node server), answers what servers ask of a client
 * (configuration, registrations, progress), and records when each
 * publishDiagnostics arrives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SERVER_NODE_FLAGS } from '../../protocol/server-start';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createMessageConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Command,
  type ConfigurationItem,
  type Diagnostic,
  type Hover,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  readonly name: string;
  /** Arguments to `node` (the script and its own arguments). */
  readonly args: readonly string[];
  readonly languageId: string;
  /** What the client answers to workspace/configuration for one item. */
  readonly configuration: (item: ConfigurationItem) => unknown;
}

/**
 * Our server on `script`, started as the VS Code client starts it (with its
 * node flags) and configured with the defaults: what every bench measures is
 * what users get.
 */
export function srmServer(script: string, languageId = 'srm'): ServerSpec {
  return { name: 'srm', args: [...SERVER_NODE_FLAGS, script, '--stdio'], languageId, configuration: (item) => (item.section === 'srm' ? {} : null) };
}

export interface Published {
  readonly params: PublishDiagnosticsParams;
  /** performance.now() when the notification was read. */
  readonly at: number;
}

/** How a session starts its server. */
export interface LaunchOptions {
  /** Flags to `node`, before the spec's arguments. */
  readonly nodeFlags?: readonly string[];
  /**
   * `stdio` (the default): messages on stdin/stdout. `ipc`: over a node IPC channel, as VS Code's client starts a
   * Node server (TransportKind.ipc; the spec's arguments then say `--node-ipc`), which leaves stdout to `onStdout`.
   */
  readonly transport?: 'stdio' | 'ipc';
  /** Each chunk the server writes to stdout (IPC only: over stdio, stdout carries the messages). */
  readonly onStdout?: (chunk: Buffer) => void;
  readonly cwd?: string;
}

interface Waiter {
  readonly uri: string;
  readonly accept: (p: PublishDiagnosticsParams) => boolean;
  readonly resolve: (p: Published) => void;
}

/** A running server and the connection to it. */
export class LspSession {
  readonly spawnedAt: number;
  readonly proc: ChildProcess;
  readonly connection: MessageConnection;
  /** The last diagnostics published per URI. */
  readonly latest = new Map<string, Published>();
  private waiters: Waiter[] = [];
  private stderr = '';
  private exited = false;

  private constructor(
    readonly spec: ServerSpec,
    options: LaunchOptions,
  ) {
    this.spawnedAt = performance.now();
    const args = [...(options.nodeFlags ?? []), ...spec.args];
    const ipc = options.transport === 'ipc';
    this.proc = spawn(process.execPath, args, { stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'], ...(options.cwd ? { cwd: options.cwd } : {}) });
    this.proc.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.proc.on('exit', () => {
      this.exited = true;
    });
    if (ipc) {
      const onStdout = options.onStdout;
      if (onStdout) this.proc.stdout!.on('data', (chunk: Buffer) => onStdout(chunk));
      else this.proc.stdout!.resume();
    }
    this.connection = ipc
      ? createMessageConnection(new IPCMessageReader(this.proc), new IPCMessageWriter(this.proc))
      : createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const published = { params, at: performance.now() };
      this.latest.set(params.uri, published);
      const ready = this.waiters.filter((w) => w.uri === params.uri && w.accept(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(published);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => spec.configuration(item)));
    // registerCapability, workDoneProgress/create, codeLens/refresh ...: accept and do nothing.
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(spec: ServerSpec, rootUri: string, nodeFlags: readonly string[] = []): Promise<LspSession> {
    const session = LspSession.launch(spec, { nodeFlags });
    await session.initialize(rootUri);
    return session;
  }

  /** Spawns the server only, for a caller that watches the process from its first moment; `initialize` next. */
  static launch(spec: ServerSpec, options: LaunchOptions = {}): LspSession {
    return new LspSession(spec, options);
  }

  /** The initialize handshake, with the capabilities VS Code declares for what the bench asks. */
  async initialize(rootUri: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: false, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          // As VS Code: fix-all's edits are resolved (codeAction/resolve) when it is applied, not listed with it.
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] } },
        },
        window: { workDoneProgress: false },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  get pid(): number {
    return this.proc.pid!;
  }

  /** The process's peak resident set (VmHWM), in bytes; NaN where /proc is not there. */
  peakRss(): number {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return kb ? Number(kb[1]) * 1024 : Number.NaN;
    } catch {
      return Number.NaN;
    }
  }

  /**
   * Scheduler counters of the server process (/proc/PID/task/TID/schedstat): ms its threads (JS, GC helpers, libuv)
   * spent on a CPU, and ms its main thread spent runnable but waiting for a CPU (what a busy machine adds to a
   * latency). NaN where /proc lacks them.
   */
  schedstat(): { cpuMs: number; waitMs: number } {
    let cpu = 0;
    let wait = Number.NaN;
    try {
      for (const tid of readdirSync(`/proc/${this.pid}/task`)) {
        try {
          const [onCpu, waiting] = readFileSync(`/proc/${this.pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
          cpu += onCpu!;
          if (Number(tid) === this.pid) wait = waiting!;
        } catch {
          // the thread ended meanwhile
        }
      }
    } catch {
      return { cpuMs: Number.NaN, waitMs: Number.NaN };
    }
    return { cpuMs: cpu / 1e6, waitMs: wait / 1e6 };
  }

  /** The next diagnostics for `uri` that `accept` takes (the first new one by default). */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 120_000): Promise<Published> {
    return new Promise<Published>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.spec.name}: no diagnostics for ${uri} within ${timeoutMs} ms${this.exited ? ' (the server exited)' : ''}. stderr: ${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      this.waiters.push(waiter);
    });
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: this.spec.languageId, version, text } });
  }

  async change(uri: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<(Command | CodeAction)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } });
  }

  /** Asks the server to shut down and exit; kills it if it has not within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(graceMs)]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the connection may already be closed
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
