import type * as vscode from 'vscode';

/** The language server's health, as the lifecycle tracks it and the status bar shows it. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'crashed';

export interface ServerHealth {
  readonly state: ServerState;
  /** Why, in a few words (e.g. "restarting after a crash", "crashed 5 times in 3 minutes"). */
  readonly detail?: string;
}

/** Where the health comes from (the lifecycle), for those who only show it. */
export interface HealthSource {
  readonly health: ServerHealth;
  readonly onDidChangeHealth: vscode.Event<ServerHealth>;
}

/** Stopped or crashed: it will not come back by itself, the user has to restart it. */
export function isDown(health: ServerHealth): boolean {
  return health.state === 'stopped' || health.state === 'crashed';
}

/** One sentence for tooltips and messages, e.g. "The SRM language server is not running: it crashed 5 times in 3 minutes." */
export function describeHealth(health: ServerHealth): string {
  const lead = 'The SRM language server';
  switch (health.state) {
    case 'starting':
      return `${lead} is starting${health.detail ? ` (${health.detail})` : ''}…`;
    case 'running':
      return `${lead} is running.`;
    case 'stopped':
    case 'crashed':
      return `${lead} is not running${health.detail ? `: ${health.detail}` : ''}.`;
  }
}

/** What the SRM status-bar item shows while the server is not running. */
export interface HealthItemView {
  readonly text: string;
  readonly tooltip: string;
  /** The theme's status-bar background for it: `statusBarItem.<background>Background`. */
  readonly background: 'error' | 'warning' | undefined;
}

/** Undefined while the server runs: then the item shows the gap count, with no extra noise. */
export function healthItemView(health: ServerHealth): HealthItemView | undefined {
  switch (health.state) {
    case 'running':
      return undefined;
    case 'starting':
      return { text: '$(loading~spin) SRM', tooltip: describeHealth(health), background: undefined };
    case 'stopped':
      return { text: '$(circle-slash) SRM stopped', tooltip: `${describeHealth(health)} Click to restart it or see its output.`, background: 'warning' };
    case 'crashed':
      return { text: '$(error) SRM crashed', tooltip: `${describeHealth(health)} Click to restart it or see its output.`, background: 'error' };
  }
}
