/**
 * Runs the layer stack page in headless Chromium the way VS Code would: the HTML from
 * renderLayerStackHtml with its real CSP, the bundled script and the CSS served from a
 * loopback server, `acquireVsCodeApi` stubbed to record messages and state, and the theme
 * applied as body classes and --vscode-* variables.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { LayerStack } from '../../protocol/layer-stack';
import type { ToReportPage } from '../../protocol/report-messages';
import type { FromWebview, ToWebview, WebviewState } from '../../protocol/webview-messages';
import { renderLayerStackHtml } from '../../src/webview/html';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../shared/chromium';

/** The repository root, from out/test/webview or test/webview. */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const ARTIFACTS = path.join(ROOT, '.artifacts', 'webview');

export type ThemeKind = 'light' | 'dark' | 'high-contrast';

/** A representative subset of what VS Code puts on <html> for its default themes. */
const THEMES: Readonly<Record<ThemeKind, { readonly bodyClass: string; readonly vars: Readonly<Record<string, string>> }>> = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
      'font-size': '13px',
      'font-weight': 'normal',
      'editor-font-family': 'Menlo, Monaco, "Courier New", monospace',
      foreground: '#3b3b3b',
      descriptionForeground: '#3b3b3b',
      errorForeground: '#f85149',
      focusBorder: '#005fb8',
      'editor-background': '#ffffff',
      'editor-foreground': '#3b3b3b',
      'widget-border': '#e5e5e5',
      'panel-border': '#e5e5e5',
      'button-background': '#005fb8',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#0258a8',
      'button-border': '#0000001a',
      'button-secondaryBackground': '#e5e5e5',
      'button-secondaryForeground': '#3b3b3b',
      'button-secondaryHoverBackground': '#cccccc',
      'dropdown-background': '#ffffff',
      'dropdown-foreground': '#3b3b3b',
      'dropdown-border': '#cecece',
      'badge-background': '#cccccc',
      'badge-foreground': '#3b3b3b',
      'textLink-foreground': '#005fb8',
      'editorWarning-foreground': '#bf8803',
      'charts-foreground': '#616161',
      'charts-red': '#e51400',
      'charts-blue': '#1a85ff',
      'charts-yellow': '#bf8803',
      'charts-orange': '#d18616',
      'charts-green': '#388a34',
      'charts-purple': '#652d90',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
      'font-size': '13px',
      'font-weight': 'normal',
      'editor-font-family': 'Menlo, Monaco, "Courier New", monospace',
      foreground: '#cccccc',
      descriptionForeground: '#9d9d9d',
      errorForeground: '#f85149',
      focusBorder: '#0078d4',
      'editor-background': '#1f1f1f',
      'editor-foreground': '#cccccc',
      'widget-border': '#313131',
      'panel-border': '#2b2b2b',
      'button-background': '#0078d4',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#026ec1',
      'button-border': '#ffffff12',
      'button-secondaryBackground': '#313131',
      'button-secondaryForeground': '#cccccc',
      'button-secondaryHoverBackground': '#3c3c3c',
      'dropdown-background': '#313131',
      'dropdown-foreground': '#cccccc',
      'dropdown-border': '#3c3c3c',
      'badge-background': '#616161',
      'badge-foreground': '#f8f8f8',
      'textLink-foreground': '#4daafc',
      'editorWarning-foreground': '#cca700',
      'charts-foreground': '#cccccc',
      'charts-red': '#f14c4c',
      'charts-blue': '#3794ff',
      'charts-yellow': '#cca700',
      'charts-orange': '#d18616',
      'charts-green': '#89d185',
      'charts-purple': '#b180d7',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
      'font-size': '13px',
      'font-weight': 'normal',
      'editor-font-family': 'Menlo, Monaco, "Courier New", monospace',
      foreground: '#ffffff',
      descriptionForeground: '#ffffff',
      errorForeground: '#f48771',
      focusBorder: '#f38518',
      contrastBorder: '#6fc3df',
      contrastActiveBorder: '#f38518',
      'editor-background': '#000000',
      'editor-foreground': '#ffffff',
      'button-background': '#000000',
      'button-foreground': '#ffffff',
      'button-border': '#6fc3df',
      'button-secondaryBackground': '#000000',
      'button-secondaryForeground': '#ffffff',
      'dropdown-background': '#000000',
      'dropdown-foreground': '#ffffff',
      'dropdown-border': '#6fc3df',
      'badge-background': '#000000',
      'badge-foreground': '#ffffff',
      'textLink-foreground': '#21a6ff',
      'editorWarning-foreground': '#fff50a',
      'charts-foreground': '#ffffff',
      'charts-red': '#f48771',
      'charts-blue': '#3794ff',
      'charts-yellow': '#fff50a',
      'charts-orange': '#d18616',
      'charts-green': '#89d185',
      'charts-purple': '#b180d7',
    },
  },
};

export function themeVar(kind: ThemeKind, name: string): string {
  const value = THEMES[kind].vars[name];
  if (value === undefined) {
    throw new Error(`no --vscode-${name} in theme ${kind}`);
  }
  return value;
}


const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface PageProblems {
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
  readonly dialogs: string[];
}

export interface Panel {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: PageProblems;
}

export interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  readonly theme?: ThemeKind;
  /** What getState() returns before the page has saved anything. */
  readonly state?: WebviewState;
}

/** Which page the harness serves: the layer stack (default) or the workspace report. */
export interface PageFiles {
  readonly script: string;
  readonly style: string;
}
export const LAYER_STACK_PAGE: PageFiles = { script: 'layer-stack.js', style: 'layer-stack.css' };
export const REPORT_PAGE: PageFiles = { script: 'report.js', style: 'report.css' };

export class Harness {
  constructor(private readonly files: PageFiles = LAYER_STACK_PAGE) {}

  private browser: Browser | undefined;
  private server: http.Server | undefined;
  private origin = '';
  private readonly panels: Panel[] = [];

  /** Builds the bundle with the repository's build script, starts the server and the browser. */
  async start(): Promise<void> {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--only=webview'], { cwd: ROOT, stdio: 'pipe' });
    this.server = http.createServer((req, res) => {
      void this.serve(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const nonce = randomBytes(16).toString('base64');
      const html = renderLayerStackHtml({
        cspSource: `'self' ${this.origin}`,
        nonce,
        scriptUri: `${this.origin}/media/dist/${this.files.script}`,
        styleUri: `${this.origin}/media/${this.files.style}`,
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    const media = path.join(ROOT, 'media');
    const file = path.normalize(path.join(ROOT, decodeURIComponent(url.pathname)));
    const type = CONTENT_TYPES[path.extname(file)];
    if (!file.startsWith(media + path.sep) || !type) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  }

  /** Opens the panel, waits until the page has posted `ready`. */
  async open(opts: OpenOptions = {}): Promise<Panel> {
    if (!this.browser) {
      throw new Error('harness not started');
    }
    const theme = THEMES[opts.theme ?? 'dark'];
    const context = await this.browser.newContext({ viewport: { width: opts.width ?? 1000, height: opts.height ?? 900 } });
    const page = await context.newPage();
    const problems: PageProblems = { pageErrors: [], consoleErrors: [], dialogs: [] };
    page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
      }
    });
    page.on('console', (message) => {
      // Chromium's own "Failed to load resource" line is reported with its URL by the response handler.
      if ((message.type() === 'error' && !message.text().startsWith('Failed to load resource')) || /Content Security Policy/i.test(message.text())) {
        problems.consoleErrors.push(message.text());
      }
    });
    page.on('dialog', (dialog) => {
      problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.addInitScript(
      ({ state, bodyClass, vars }) => {
        const w = window as unknown as Record<string, unknown>;
        w.__posted = [];
        w.__state = state;
        w.__setStateCalls = 0;
        w.__alerted = false;
        w.__csp = [];
        for (const name of ['alert', 'confirm', 'prompt'] as const) {
          const original = window[name].bind(window);
          (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
            w.__alerted = true;
            return (original as (...a: unknown[]) => unknown)(...args);
          };
        }
        document.addEventListener('securitypolicyviolation', (event) => {
          (w.__csp as string[]).push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
        });
        let acquired = false;
        w.acquireVsCodeApi = () => {
          if (acquired) {
            throw new Error('acquireVsCodeApi called twice');
          }
          acquired = true;
          return Object.freeze({
            postMessage: (message: unknown) => (w.__posted as unknown[]).push(structuredClone(message)),
            getState: () => w.__state,
            setState: (next: unknown) => {
              w.__state = structuredClone(next);
              w.__setStateCalls = (w.__setStateCalls as number) + 1;
              return next;
            },
          });
        };
        // VS Code sets the theme on <html> and <body> as the page loads.
        const applyTheme = (): void => {
          for (const [name, value] of Object.entries(vars)) {
            document.documentElement.style.setProperty(`--vscode-${name}`, value);
          }
          document.body.classList.add(bodyClass);
          document.body.dataset.vscodeThemeKind = bodyClass;
        };
        if (document.body) {
          applyTheme();
        } else {
          document.addEventListener('DOMContentLoaded', applyTheme, { once: true });
        }
      },
      { state: opts.state, bodyClass: theme.bodyClass, vars: theme.vars },
    );
    await page.goto(`${this.origin}/`);
    await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
    const panel = { page, context, problems };
    this.panels.push(panel);
    return panel;
  }

  /** The panel the running test opened last. */
  get lastOpened(): Panel | undefined {
    return this.panels[this.panels.length - 1];
  }

  async closeAll(): Promise<void> {
    while (this.panels.length > 0) {
      await this.panels.pop()!.context.close();
    }
  }
}

/**
 * Posts a message to the page as the extension would and returns once the page has
 * handled it: a second message is posted behind it and awaited, so no timing guess.
 */
export async function send(page: Page, message: ToWebview | ToReportPage): Promise<void> {
  await page.evaluate(
    (msg) =>
      new Promise<void>((resolve) => {
        const token = `sync-${Math.random()}`;
        const onMessage = (event: MessageEvent): void => {
          if ((event.data as { __sync?: string } | null)?.__sync === token) {
            window.removeEventListener('message', onMessage);
            // One more frame so layout-dependent assertions see the new DOM laid out.
            requestAnimationFrame(() => resolve());
          }
        };
        window.addEventListener('message', onMessage);
        window.postMessage(msg, '*');
        window.postMessage({ __sync: token }, '*');
      }),
    message as unknown as Record<string, unknown>,
  );
}

export async function sendStack(page: Page, stack: LayerStack | null, fileName?: string): Promise<void> {
  await send(page, fileName !== undefined ? { type: 'stack', stack, fileName } : { type: 'stack', stack });
}

export async function posted(page: Page): Promise<FromWebview[]> {
  return page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted);
}

/** Waits until the page has posted a message of this type beyond the first `after` ones, and returns it. */
export async function waitForPosted<T extends FromWebview['type']>(page: Page, type: T, after = 0): Promise<Extract<FromWebview, { type: T }>> {
  const handle = await page.waitForFunction(
    ({ type, after }) => (window as unknown as { __posted: { type: string }[] }).__posted.slice(after).find((m) => m.type === type),
    { type, after },
  );
  return (await handle.jsonValue()) as Extract<FromWebview, { type: T }>;
}

export async function postedCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted.length);
}

export async function savedState(page: Page): Promise<WebviewState | undefined> {
  return page.evaluate(() => (window as unknown as { __state: WebviewState | undefined }).__state);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/**
 * Registers a page suite's hooks around `harness`: started before, stopped
 * after, and after every passed test the check that nothing ran that should not
 * have and that the CSP blocked nothing the page needs (on the panel it opened
 * last), then every panel closed.
 */
export function useHarness(harness: Harness): void {
  before(async function () {
    this.timeout(120_000);
    await harness.start();
  });
  after(async () => {
    await harness.stop();
  });
  afterEach(async function () {
    const panel = harness.lastOpened;
    if (panel && this.currentTest?.state === 'passed') {
      const { page, problems } = panel;
      assert.deepEqual(problems.pageErrors, [], 'page errors');
      assert.deepEqual(problems.dialogs, [], 'dialogs');
      assert.deepEqual(problems.consoleErrors, [], 'console errors / CSP reports');
      assert.deepEqual(await cspViolations(page), [], 'CSP violations');
      assert.equal(await page.evaluate(() => (window as unknown as { __alerted: boolean }).__alerted), false, 'alert() was called');
    }
    await harness.closeAll();
  });
}
