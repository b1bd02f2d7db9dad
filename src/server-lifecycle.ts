import * as vscode from 'vscode';
import { CloseAction, ErrorAction, State, type BaseLanguageClient, type CloseHandlerResult, type NotificationType } from 'vscode-languageclient';
import type { ClientFactory, ClientParts } from './client-parts';
import { CrashBudget, type CrashVerdict } from './crash-budget';
import { describeHealth, type ServerHealth } from './server-health';

/** How long a command waits for a starting server before it says the server is not running. */
const START_WAIT_MS = 30_000;
const RESTART = 'Restart';
const SHOW_OUTPUT = 'Show Output';

/** One client from its start to its end, and what the crash budget said when its connection last closed. */
interface ClientRun extends ClientParts {
  closed: CrashVerdict | undefined;
}

/** A server notification fanned out to any number of listeners, re-attached to every new client. */
interface NotificationRelay {
  readonly event: vscode.Event<unknown>;
  attach(client: BaseLanguageClient): vscode.Disposable;
  dispose(): void;
}

/**
 * The one owner of the language client: starts, stops and restarts it, tracks
 * the server's health, and restarts a crashed server until it crashes too
 * often. Everything else asks it for the client now (a restart replaces the
 * client) and subscribes to server notifications through it, so that the
 * subscriptions outlive any one client. How a client is made (a Node process
 * on the desktop, a web worker in the browser) is the factory's business.
 */
export class ServerLifecycle implements vscode.Disposable {
  private run: ClientRun | undefined;
  private healthNow: ServerHealth = { state: 'stopped', detail: 'it was not started yet' };
  private readonly healthChanged = new vscode.EventEmitter<ServerHealth>();
  readonly onDidChangeHealth: vscode.Event<ServerHealth> = this.healthChanged.event;
  private readonly relays = new Map<string, NotificationRelay>();
  private readonly crashes = new CrashBudget();
  /** Start, stop and restart run one after another, never interleaved. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly createClient: ClientFactory,
    readonly output: vscode.LogOutputChannel,
  ) {}

  get health(): ServerHealth {
    return this.healthNow;
  }

  /** The client while the server runs; undefined while it starts or is down. */
  get client(): BaseLanguageClient | undefined {
    return this.healthNow.state === 'running' ? this.run?.client : undefined;
  }

  /** The server process's id while it runs (the integration suite crashes it on purpose); undefined for a web worker. */
  get serverPid(): number | undefined {
    return this.client ? this.run?.serverPid() : undefined;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.startRun());
  }

  stop(): Promise<void> {
    return this.enqueue(async () => {
      await this.endRun();
      this.setHealth({ state: 'stopped', detail: 'it was stopped' });
    });
  }

  /** A new client and server process; past crashes are forgotten (the user chose to try again). */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.setHealth({ state: 'starting', detail: 'restarting' });
      await this.endRun();
      this.crashes.reset();
      await this.startRun();
      this.output.info('[client] SRM language server restarted');
    });
  }

  /** A server notification as an event with any number of listeners, firing for whichever client is current. */
  onNotification<P>(type: NotificationType<P>): vscode.Event<P> {
    let relay = this.relays.get(type.method);
    if (!relay) {
      const emitter = new vscode.EventEmitter<P>();
      relay = {
        event: emitter.event as vscode.Event<unknown>,
        // The client keeps one handler per method: a second registration would replace this one.
        attach: (client) => client.onNotification(type, (params: P) => emitter.fire(params)),
        dispose: () => emitter.dispose(),
      };
      this.relays.set(type.method, relay);
      if (this.run) this.run.disposables.push(relay.attach(this.run.client));
    }
    return relay.event as vscode.Event<P>;
  }

  /** The client once the server runs (waiting while it starts); undefined, quietly, when it is down. */
  async readyClient(): Promise<BaseLanguageClient | undefined> {
    await this.queue;
    await until(this.onDidChangeHealth, () => this.healthNow.state !== 'starting', START_WAIT_MS);
    return this.client;
  }

  /** The client for a command that needs the server; when it is down, says so and offers Restart and Show Output. */
  async whenRunning(): Promise<BaseLanguageClient | undefined> {
    const client = await this.readyClient();
    if (!client) this.tellDown(this.healthNow.state === 'starting' ? { state: 'stopped', detail: 'it is still starting' } : this.healthNow);
    return client;
  }

  /** What a click on a failed state in the status bar does: Restart or Show Output. */
  async offerRecovery(): Promise<void> {
    const restart: vscode.QuickPickItem = { label: `$(debug-restart) ${RESTART}`, description: 'start the SRM language server again' };
    const show: vscode.QuickPickItem = { label: `$(output) ${SHOW_OUTPUT}`, description: 'what the server logged before it stopped' };
    const pick = await vscode.window.showQuickPick([restart, show], { title: describeHealth(this.healthNow), placeHolder: 'Restart the server, or read why it stopped' });
    if (pick === restart) await this.restart();
    else if (pick === show) this.output.show(true);
  }

  dispose(): void {
    for (const relay of this.relays.values()) relay.dispose();
    this.healthChanged.dispose();
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const next = this.queue.then(operation);
    this.queue = next.catch((error: unknown) => this.output.error(`[client] ${errorMessage(error)}`));
    return next;
  }

  private async startRun(): Promise<void> {
    const current: ClientRun = {
      ...this.createClient({
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => this.onConnectionClosed(current),
      }),
      closed: undefined,
    };
    this.run = current;
    for (const relay of this.relays.values()) current.disposables.push(relay.attach(current.client));
    current.disposables.push(current.client.onDidChangeState((e) => this.onClientState(current, e.newState)));
    if (this.healthNow.state !== 'starting') this.setHealth({ state: 'starting' });
    try {
      await current.client.start();
    } catch (error) {
      this.output.error(`[client] the SRM language server did not start: ${errorMessage(error)}`);
      // Unless a crash restart is already under way, the start failed for good.
      if (this.run === current && current.client.state !== State.Starting && this.healthNow.state === 'starting') {
        this.setHealth({ state: 'stopped', detail: 'it could not start (see the output)' });
        this.tellDown(this.healthNow);
      }
    }
  }

  /** Ends the current client, leaving no server process behind. */
  private async endRun(): Promise<void> {
    const run = this.run;
    if (!run) return;
    this.run = undefined; // from here on its state changes no longer speak for the server
    for (const d of run.disposables) d.dispose();
    await until(run.client.onDidChangeState, () => run.client.state !== State.Starting, START_WAIT_MS);
    try {
      await run.client.dispose();
    } catch {
      // Not running (its start failed, or it crashed for good): nothing to shut down politely.
      run.kill();
    }
  }

  /** The client's error handler: restart a crashed server, tell the user once per burst, give up when it keeps crashing. */
  private onConnectionClosed(run: ClientRun): CloseHandlerResult {
    if (run !== this.run) return { action: CloseAction.DoNotRestart, handled: true };
    const verdict = this.crashes.record(Date.now());
    run.closed = verdict;
    const minutes = this.crashes.windowMs / 60_000;
    this.output.warn(`[client] the SRM language server stopped unexpectedly (${verdict.count} time(s) in the last ${minutes} minutes)`);
    if (verdict.action === 'give-up') {
      const message = `The SRM language server crashed ${verdict.count} times in ${minutes} minutes and was not restarted.`;
      void this.offer(vscode.window.showErrorMessage(message, RESTART, SHOW_OUTPUT));
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (verdict.tell) {
      void this.offer(vscode.window.showWarningMessage('The SRM language server crashed and was restarted. Details are in the "SRM" output.', SHOW_OUTPUT));
    }
    return { action: CloseAction.Restart, handled: true };
  }

  private onClientState(run: ClientRun, state: State): void {
    if (run !== this.run) return; // an old client winding down
    const crashed = run.closed;
    switch (state) {
      case State.Starting:
        run.closed = undefined; // the crash restart is under way; a failure from here on is a failed start
        if (this.healthNow.state !== 'starting') this.setHealth({ state: 'starting' });
        return;
      case State.Running:
        this.setHealth({ state: 'running' });
        return;
      case State.Stopped:
      case State.StartFailed:
        if (crashed?.action === 'restart') this.setHealth({ state: 'starting', detail: 'restarting after a crash' });
        else if (crashed?.action === 'give-up') this.setHealth({ state: 'crashed', detail: `it crashed ${crashed.count} times in ${this.crashes.windowMs / 60_000} minutes and was not restarted` });
        else {
          this.setHealth({ state: 'stopped', detail: state === State.StartFailed ? 'it could not start (see the output)' : 'it stopped' });
          this.tellDown(this.healthNow);
        }
        return;
    }
  }

  private setHealth(health: ServerHealth): void {
    if (health.state === this.healthNow.state && health.detail === this.healthNow.detail) return;
    this.healthNow = health;
    this.output.info(`[client] server health: ${health.state}${health.detail ? ` (${health.detail})` : ''}`);
    this.healthChanged.fire(health);
  }

  /** "The SRM language server is not running: …" with Restart and Show Output. */
  private tellDown(health: ServerHealth): void {
    void this.offer(vscode.window.showErrorMessage(describeHealth(health), RESTART, SHOW_OUTPUT));
  }

  private async offer(choice: Thenable<string | undefined>): Promise<void> {
    const pick = await choice;
    if (pick === RESTART) await this.restart();
    else if (pick === SHOW_OUTPUT) this.output.show(true);
  }
}

/** Resolves once `condition` holds, checked now and on every `event`; or after `timeoutMs`, whichever comes first. */
function until(event: vscode.Event<unknown>, condition: () => boolean, timeoutMs: number): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    const listener = event(() => {
      if (condition()) finish();
    });
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
