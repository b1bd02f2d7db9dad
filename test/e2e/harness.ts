/*
 * End-to-end harness: run an extension in a real VS Code (code-server
 * 4.100.3, installed by scripts/e2e/install-code-server.sh) and drive it from
 * Debian's headless Chromium with playwright-core, as a person would.
 *
 * Everything that waits polls a condition with a timeout; nothing sleeps a
 * fixed time to synchronise. Only node builtins and playwright-core are used.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type FrameLocator, type JSHandle, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../shared/chromium';
import { GiveUp, waitFor } from '../shared/wait';

// ---------------------------------------------------------------------------
// Locations
// ---------------------------------------------------------------------------

/** The repository root: E2E_REPO_ROOT, else the nearest folder up with a tsconfig.json. */
export function repoRoot(): string {
  if (process.env.E2E_REPO_ROOT) return path.resolve(process.env.E2E_REPO_ROOT);
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'tsconfig.json')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${__dirname}`);
  }
}

/** The code-server launcher: CODE_SERVER_BIN, else .tools/code-server from the install script. */
export function codeServerBin(): string {
  const bin = process.env.CODE_SERVER_BIN ?? path.join(repoRoot(), '.tools/code-server/node_modules/.bin/code-server');
  if (!fs.existsSync(bin)) throw new Error(`code-server not found at ${bin}: run bash scripts/e2e/install-code-server.sh`);
  return bin;
}

/** Where screenshots go: E2E_ARTIFACTS_DIR, else <repo>/.artifacts/e2e (gitignored). */
export function artifactsDir(): string {
  const dir = process.env.E2E_ARTIFACTS_DIR ?? path.join(repoRoot(), '.artifacts/e2e');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}


// ---------------------------------------------------------------------------
// Polling
// ---------------------------------------------------------------------------

export { GiveUp, waitFor, type WaitOptions } from '../shared/wait';

// ---------------------------------------------------------------------------
// Scratch folder and user settings
// ---------------------------------------------------------------------------

export interface Scratch {
  root: string;
  home: string;
  tmpDir: string;
  userDataDir: string;
  extensionsDir: string;
  /** process.env with HOME, XDG_* and TMPDIR pointed into the scratch folder. */
  env: NodeJS.ProcessEnv;
}

/** A fresh folder holding HOME, XDG config/data/cache, TMPDIR, the user-data and extensions dirs. */
export function createScratch(prefix = 'e2e-code-server-'): Scratch {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = (name: string): string => {
    const full = path.join(root, name);
    fs.mkdirSync(full, { recursive: true });
    return full;
  };
  const home = dir('home');
  const tmpDir = dir('tmp');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: dir('home/.config'),
    XDG_DATA_HOME: dir('home/.local/share'),
    XDG_CACHE_HOME: dir('home/.cache'),
    XDG_RUNTIME_DIR: dir('runtime'),
    TMPDIR: tmpDir,
    // No marketplace: code-server would otherwise query open-vsx.org (unreachable here).
    EXTENSIONS_GALLERY: '{}',
  };
  // A parent session's VS Code variables would confuse code-server.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return { root, home, tmpDir, userDataDir: dir('user-data'), extensionsDir: dir('extensions'), env };
}

/** Removes the scratch folder (call after code-server stopped). */
export function removeScratch(scratch: Scratch): void {
  // SRM_E2E_KEEP=1 keeps the scratch folder (logs, settings, the workspace copy) to debug a failure.
  if (process.env.SRM_E2E_KEEP) {
    console.log(`[e2e] kept ${scratch.root}`);
    return;
  }
  fs.rmSync(scratch.root, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Copies a fixture folder into the scratch folder and returns the copy's path,
 * so that what a scenario edits (quick fixes, saves) never touches the source.
 */
export function copyWorkspace(scratch: Scratch, fixtureDir: string, name = path.basename(path.resolve(fixtureDir))): string {
  const target = path.join(scratch.root, 'workspaces', name);
  fs.cpSync(path.resolve(fixtureDir), target, { recursive: true });
  return target;
}

/** Settings for a quiet workbench: no startup editor, tips, update checks or trust prompt. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'telemetry.telemetryLevel': 'off',
  // The browser workbench defaults to autosave after 1 s (desktop: off), which
  // would silently write edits made by a scenario back to the fixture files.
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** Writes <user-data>/User/settings.json: QUIET_SETTINGS plus `extra`. Returns its path. */
export function writeUserSettings(scratch: Scratch, extra: Record<string, unknown> = {}): string {
  const file = path.join(scratch.userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2) + '\n');
  return file;
}

// ---------------------------------------------------------------------------
// code-server
// ---------------------------------------------------------------------------

/** Runs `code-server --install-extension <vsix>` into the scratch extensions dir. */
export function installVsix(scratch: Scratch, vsixPath: string, timeoutMs = 120_000): void {
  const result = spawnSync(
    codeServerBin(),
    ['--user-data-dir', scratch.userDataDir, '--extensions-dir', scratch.extensionsDir, '--install-extension', path.resolve(vsixPath)],
    { env: scratch.env, encoding: 'utf8', timeout: timeoutMs },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) throw new Error(`code-server --install-extension ${vsixPath}: ${result.error.message}\n${output}`);
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${result.status}):\n${output}`);
  }
}

/** A free TCP port on 127.0.0.1 (asks the kernel for one, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface CodeServer {
  host: string;
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** pid of code-server, which is also its process group id. */
  pid: number;
  logFile: string;
  scratch: Scratch;
  child: ChildProcess;
}

export interface StartOptions {
  port?: number;
  healthTimeoutMs?: number;
  extraArgs?: string[];
}

const running = new Set<CodeServer>();
let exitHookInstalled = false;

/**
 * Kills every still-running code-server group if this node process exits
 * early; on a signal also removes their scratch folders (unless E2E_KEEP_SCRATCH).
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  let onSignal = false;
  process.on('exit', () => {
    for (const server of running) {
      killTree(server.pid, 'SIGKILL');
      if (onSignal && !process.env.E2E_KEEP_SCRATCH) fs.rmSync(server.scratch.root, { recursive: true, force: true });
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      onSignal = true;
      process.exit(128 + (os.constants.signals[signal] ?? 1));
    });
  }
}

/** Starts code-server on loopback in its own process group (detached = setsid) and waits for /healthz. */
export async function startCodeServer(scratch: Scratch, options: StartOptions = {}): Promise<CodeServer> {
  const host = '127.0.0.1';
  const port = options.port ?? (await freePort());
  const logFile = path.join(scratch.root, `code-server-${port}.log`);
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', scratch.userDataDir,
    '--extensions-dir', scratch.extensionsDir,
    ...(options.extraArgs ?? []),
  ];
  installExitHook();
  const child = spawn(codeServerBin(), args, { env: scratch.env, cwd: scratch.home, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  if (child.pid === undefined) throw new Error(`could not start code-server (log: ${logFile})`);
  const server: CodeServer = { host, port, url: `http://${host}:${port}`, pid: child.pid, logFile, scratch, child };
  running.add(server);
  try {
    await waitForHealthz(server, options.healthTimeoutMs ?? 60_000);
  } catch (error) {
    await stopCodeServer(server);
    throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${tailOfFile(logFile)}`, { cause: error });
  }
  return server;
}

/** Polls GET /healthz until it answers 200; fails early if code-server exited. */
export async function waitForHealthz(server: CodeServer, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `${server.url}/healthz`,
    async () => {
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        throw new GiveUp(`code-server exited (${server.child.exitCode ?? server.child.signalCode})`);
      }
      return (await httpStatus(`${server.url}/healthz`)) === 200;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

function httpStatus(url: string, timeoutMs = 2_000): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

/** Stops code-server: SIGTERM to its process group and descendants, SIGKILL after `graceMs`. */
export async function stopCodeServer(server: CodeServer, graceMs = 5_000): Promise<void> {
  const victims = [server.pid, ...descendantsOf(server.pid)];
  killTree(server.pid, 'SIGTERM');
  const allGone = (): boolean => !processGroupAlive(server.pid) && victims.every((pid) => !processAlive(pid));
  try {
    await waitFor('code-server to stop', allGone, { timeoutMs: graceMs, intervalMs: 50 });
  } catch {
    killTree(server.pid, 'SIGKILL');
    for (const pid of victims) signalQuietly(pid, 'SIGKILL');
    await waitFor('code-server to die', allGone, { timeoutMs: 5_000, intervalMs: 50 });
  }
  running.delete(server);
}

/** Sends `signal` to the process group `pgid` and to every descendant of it (some escape the group). */
export function killTree(pgid: number, signal: NodeJS.Signals): void {
  const victims = descendantsOf(pgid);
  signalQuietly(-pgid, signal);
  for (const pid of victims) signalQuietly(pid, signal);
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
}

/** True while process `pid` exists and is not a zombie. */
function processAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** True while any process of group `pgid` exists (zombies excluded). */
export function processGroupAlive(pgid: number): boolean {
  return readProcTable().some((p) => p.pgid === pgid && p.state !== 'Z');
}

interface ProcEntry {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
}

function readProcTable(): ProcEntry[] {
  const entries: ProcEntry[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ... ; comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      entries.push({ pid: Number(name), state: fields[0] ?? '?', ppid: Number(fields[1]), pgid: Number(fields[2]) });
    } catch {
      /* exited meanwhile */
    }
  }
  return entries;
}

function descendantsOf(root: number): number[] {
  const table = readProcTable();
  const found = new Set<number>([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table) {
      if (!found.has(p.pid) && (found.has(p.ppid) || p.pgid === root)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  found.delete(root);
  return [...found];
}

function tailOfFile(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The last lines of code-server's log (for failure reports). */
export function codeServerLogTail(server: CodeServer, lines = 40): string {
  return tailOfFile(server.logFile, lines);
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../shared/chromium';

/**
 * Launches Debian's Chromium headless through playwright-core (never downloads
 * a browser). Pass the scratch folder so that Chromium's own files (crash
 * reports, caches) land there instead of the real HOME.
 */
export function launchBrowser(scratch?: Scratch): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 60_000,
    ...(scratch ? { env: scratch.env } : {}),
  });
}

/** A new page with a roomy viewport. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  return context.newPage();
}

/** http://HOST:PORT/?folder=...&payload=... for a workspace folder (and an optional payload). */
export function workbenchUrl(server: CodeServer, folder: string, payload?: Array<[string, string]>): string {
  let url = `${server.url}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** vscode-remote://HOST:PORT/abs/path: how the browser workbench names a file on the server. */
export function remoteUri(server: CodeServer, absPath: string): string {
  return `vscode-remote://${server.host}:${server.port}${path.resolve(absPath)}`;
}

/** Formats a console message like node's console does (%s %d %i %f %o %O %j %c %%). */
export async function formatConsoleMessage(message: ConsoleMessage): Promise<string> {
  const values = await Promise.all(message.args().map((arg) => jsonValueOr(arg)));
  if (values.length === 0) return message.text();
  return formatWithPlaceholders(values);
}

async function jsonValueOr(handle: JSHandle): Promise<unknown> {
  try {
    return await handle.jsonValue();
  } catch {
    // Not serialisable (a DOM node, a cyclic object...): its String() form.
    return handle.evaluate((value) => String(value)).catch(() => '<unserializable>');
  }
}

/**
 * `util.format`-like: substitutes the placeholders of a leading string and
 * appends the rest. VS Code relays the extension host's console through its
 * logger as ('%c INFO', css, format, ...args), so a leftover argument list
 * that starts with a string is formatted again the same way.
 */
export function formatWithPlaceholders(values: unknown[]): string {
  const [first, ...rest] = values;
  if (typeof first !== 'string') return values.map(showValue).join(' ');
  const out = first.replace(/%([sdifoOjc%])/g, (match, kind: string) => {
    if (kind === '%') return '%';
    if (rest.length === 0) return match;
    return substitute(kind, rest.shift());
  });
  if (rest.length === 0) return out;
  const tail = formatWithPlaceholders(rest);
  return out.trim() === '' ? tail : `${out} ${tail}`;
}

function substitute(kind: string, value: unknown): string {
  switch (kind) {
    case 's': return showValue(value);
    case 'd':
    case 'i': return String(Math.trunc(Number(value)));
    case 'f': return String(Number(value));
    case 'c': return ''; // CSS: dropped
    default: return safeJson(value);
  }
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : safeJson(value);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Waits (up to `timeoutMs`, then goes on) until no finite animation runs in the
 * workbench, e.g. a hover's fade-in, so that a screenshot shows the end state.
 */
export async function settleAnimations(page: Page, timeoutMs = 2_000): Promise<void> {
  await waitFor(
    'animations to finish',
    () =>
      page.evaluate(() =>
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      ),
    { timeoutMs, intervalMs: 50 },
  ).catch(() => undefined);
}

/** Saves a full-page PNG under artifactsDir() once animations have settled; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(artifactsDir(), `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await settleAnimations(page);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------
// Workbench
// ---------------------------------------------------------------------------

const EXPLORER_ROWS = '.explorer-folders-view .monaco-list-row';
const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const PROBLEM_ROWS = '.markers-panel .monaco-list-row';
const HOVER = '.monaco-hover:not(.hidden)';
const ACTION_WIDGET = '.action-widget';

/** Opens the workbench on `folder` and waits until the explorer lists files. */
export async function openWorkspace(page: Page, server: CodeServer, folder: string, timeoutMs = 60_000): Promise<void> {
  await page.goto(workbenchUrl(server, folder), { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await waitForExplorer(page, timeoutMs);
}

/** Waits until the explorer shows at least one file or folder row. */
export async function waitForExplorer(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator(EXPLORER_ROWS).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Texts of the rows the explorer shows. */
export async function explorerEntries(page: Page): Promise<string[]> {
  return (await page.locator(EXPLORER_ROWS).allInnerTexts()).map((t) => t.trim());
}

/** Ctrl+P, types the workspace-relative path, Enter; waits until it is the active editor tab. */
export async function openFile(page: Page, relativePath: string, timeoutMs = 20_000): Promise<void> {
  const base = path.basename(relativePath);
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(relativePath);
  await waitFor(
    `quick open to offer ${relativePath}`,
    async () => ((await focusedQuickPickLabel(page)) ?? '').includes(base),
    { timeoutMs },
  );
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: timeoutMs });
  await page
    .locator('.tabs-container .tab.active', { hasText: base })
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Makes sure keystrokes reach the workbench (not the address bar or nothing). */
async function focusWorkbench(page: Page): Promise<void> {
  await page.bringToFront();
  await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
}

async function focusedQuickPickLabel(page: Page): Promise<string | undefined> {
  const focused = page.locator(`${QUICK_INPUT_ROWS}.focused`).first();
  if ((await focused.count()) === 0) return undefined;
  return (await focused.getAttribute('aria-label')) ?? (await focused.innerText());
}

/** Runs a command by its title: F1, type, pick the row whose label matches, Enter. */
export async function runCommand(page: Page, title: string, timeoutMs = 20_000): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(title);
  await waitFor(`command palette to list "${title}"`, async () => rowLabelsIncludes(page, QUICK_INPUT_ROWS, title), { timeoutMs });
  await moveFocusTo(page, () => focusedQuickPickLabel(page), title);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: timeoutMs });
}

async function rowLabelsIncludes(page: Page, rowsSelector: string, title: string): Promise<boolean> {
  const labels = await page.locator(rowsSelector).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
  return labels.some((label) => labelMatches(label, title));
}

function labelMatches(label: string, title: string): boolean {
  const clean = label.replace(/\s+/g, ' ').trim();
  return clean === title || clean.startsWith(`${title},`) || clean.startsWith(`${title} `) || clean.includes(title);
}

/** Presses Down (then Up) until `focusedLabel()` matches `title`. */
async function moveFocusTo(page: Page, focusedLabel: () => Promise<string | undefined>, title: string, maxSteps = 40): Promise<void> {
  const seen: string[] = [];
  for (const key of ['ArrowDown', 'ArrowUp'] as const) {
    for (let step = 0; step < maxSteps; step++) {
      const label = (await focusedLabel()) ?? '';
      if (labelMatches(label, title)) return;
      seen.push(label);
      await page.keyboard.press(key);
      // Wait until the focus really moved before reading it again.
      await waitFor('list focus to move', async () => ((await focusedLabel()) ?? '') !== label || undefined, { timeoutMs: 1_000 }).catch(
        () => undefined,
      );
    }
  }
  throw new Error(`no item "${title}" to focus; saw: ${[...new Set(seen)].join(' | ')}`);
}

/** Goes to a 1-based line with Ctrl+G (so that it is rendered and the cursor is there). */
export async function goToLine(page: Page, line: number, timeoutMs = 10_000): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: timeoutMs });
}

// --- Problems ---------------------------------------------------------------

export interface ProblemRow {
  /** The row's accessible label, e.g. "Error: message at line 2 column 1 in file.x" (resource rows name the file). */
  label: string;
  /** The visible text of the row. */
  text: string;
}

/** Shows the Problems panel (Ctrl+Shift+M only if it is hidden: that key toggles). */
export async function showProblems(page: Page, timeoutMs = 10_000): Promise<void> {
  const panel = page.locator('.markers-panel');
  if (await panel.isVisible()) return;
  await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The rows of the Problems panel as they are now (opens the panel if needed). */
export async function readProblems(page: Page): Promise<ProblemRow[]> {
  await showProblems(page);
  return page.locator(PROBLEM_ROWS).evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.getAttribute('aria-label') ?? '',
      text: ((row as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}

/** Polls the Problems panel until a row's label or text contains `needle` (or matches it). */
export async function waitForProblem(page: Page, needle: string | RegExp, timeoutMs = 30_000): Promise<ProblemRow> {
  const test = (s: string): boolean => (typeof needle === 'string' ? s.includes(needle) : needle.test(s));
  return waitFor(`a Problems row matching ${String(needle)}`, async () => (await readProblems(page)).find((r) => test(r.label) || test(r.text)), {
    timeoutMs,
    intervalMs: 250,
  });
}

/**
 * The count in the Problems tab's badge (what the user reads next to "Problems");
 * 0 when the badge is hidden. Opens the Problems panel if needed.
 */
export async function problemsBadgeCount(page: Page): Promise<number> {
  await showProblems(page);
  const tab = page.locator('.part.panel .composite-bar .action-item[role="tab"]', { has: page.locator('.action-label', { hasText: /^Problems$/ }) });
  if ((await tab.count()) === 0) throw new Error('no Problems tab in the panel');
  const badge = tab.first().locator('.badge');
  if (!(await badge.isVisible())) return 0;
  const text = (await badge.innerText()).trim();
  const count = Number(text.replace(/[^\d]/g, ''));
  if (!/\d/.test(text) || !Number.isInteger(count)) throw new Error(`unreadable Problems badge "${text}"`);
  return count;
}

/** Polls until the Problems badge shows `count`. */
export async function waitForProblemsBadge(page: Page, count: number, timeoutMs = 30_000): Promise<void> {
  let last: number | undefined;
  await waitFor(`the Problems badge to show ${count}`, async () => (last = await problemsBadgeCount(page)) === count, { timeoutMs, intervalMs: 200 }).catch(
    (error: Error) => {
      throw new Error(`${error.message} (it shows ${last})`);
    },
  );
}

/**
 * Every row of the Problems panel, top to bottom, including those scrolled out
 * of view (the list only renders what fits): scrolls through it with the mouse
 * wheel, collecting rows by their index, then scrolls back to the top.
 */
export async function readAllProblems(page: Page): Promise<ProblemRow[]> {
  await showProblems(page);
  const list = page.locator('.markers-panel .monaco-list').first();
  const box = await list.boundingBox();
  if (!box) throw new Error('the Problems list has no box');
  const rendered = (): Promise<Array<{ index: number } & ProblemRow>> =>
    page.locator(PROBLEM_ROWS).evaluateAll((rows) =>
      rows.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        label: row.getAttribute('aria-label') ?? '',
        text: ((row as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  // The list's rows container is moved up by the scroll offset and is as tall as all rows.
  const scrollState = (): Promise<{ top: number; height: number; viewport: number }> =>
    list.evaluate((el) => {
      const rows = el.querySelector<HTMLElement>('.monaco-list-rows');
      return { top: -parseFloat(rows?.style.top || '0'), height: parseFloat(rows?.style.height || '0'), viewport: el.clientHeight };
    });
  const wheel = async (deltaY: number): Promise<void> => {
    const before = (await scrollState()).top;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, deltaY);
    await waitFor('the Problems list to scroll', async () => (await scrollState()).top !== before, { timeoutMs: 5_000, intervalMs: 30 });
  };
  const rows = new Map<number, ProblemRow>();
  let state = await scrollState();
  if (state.top > 0) await wheel(-state.top - 1_000);
  for (let step = 0; step < 500; step++) {
    for (const row of await rendered()) rows.set(row.index, { label: row.label, text: row.text });
    state = await scrollState();
    if (!(state.height > 0) || state.top + state.viewport >= state.height - 1) break;
    await wheel(Math.max(20, state.viewport * 0.8));
  }
  state = await scrollState();
  if (state.top > 0) await wheel(-state.top - 1_000);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** The text of a status bar item by its id (e.g. `status.problems`), whitespace collapsed; undefined when absent or hidden. */
export async function statusBarText(page: Page, id: string): Promise<string | undefined> {
  const item = page.locator(`.part.statusbar [id="${id}"]`);
  if ((await item.count()) === 0 || !(await item.first().isVisible())) return undefined;
  return (await item.first().innerText()).replace(/\s+/g, ' ').trim();
}

/** The accessible label of a status bar item (codicons spelled out, tooltip appended). */
export async function statusBarLabel(page: Page, id: string): Promise<string | undefined> {
  const item = page.locator(`.part.statusbar [id="${id}"]`);
  if ((await item.count()) === 0) return undefined;
  return (await item.first().getAttribute('aria-label')) ?? undefined;
}

/** The content of the (single) webview shown: two iframes deep in the workbench. */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

// --- Editor text, hover, quick fix ------------------------------------------

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The on-screen box of the `occurrence`-th (0-based) occurrence of `text` in
 * the active editor's rendered lines (exact substring, within one line).
 */
export async function tokenBox(page: Page, text: string, occurrence = 0): Promise<Box | undefined> {
  return page.evaluate(
    ({ needle, nth }) => {
      const editors = Array.from(document.querySelectorAll('.editor-instance .monaco-editor')).filter(
        (e) => (e as HTMLElement).offsetParent !== null,
      );
      const editor = editors.find((e) => e.classList.contains('focused')) ?? editors[0];
      if (!editor) return undefined;
      // Lines in DOM order are not always in line order: sort by their top.
      const lines = Array.from(editor.querySelectorAll('.view-lines .view-line')).sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      let seen = 0;
      for (const line of lines) {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const full = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
        for (let at = full.indexOf(needle); at >= 0; at = full.indexOf(needle, at + 1)) {
          if (seen++ < nth) continue;
          const range = document.createRange();
          let offset = 0;
          for (const node of nodes) {
            const end = offset + node.data.length;
            if (at >= offset && at < end) range.setStart(node, at - offset);
            if (at + needle.length > offset && at + needle.length <= end) range.setEnd(node, at + needle.length - offset);
            offset = end;
          }
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
      }
      return undefined;
    },
    { needle: text, nth: occurrence },
  );
}

async function waitForTokenBox(page: Page, text: string, occurrence: number, timeoutMs: number): Promise<Box> {
  return waitFor(`"${text}" to be rendered in the editor`, () => tokenBox(page, text, occurrence), { timeoutMs });
}

/** Moves the mouse to the centre of the token and returns the hover's text once it has content. */
export async function hoverToken(page: Page, text: string, occurrence = 0, timeoutMs = 20_000): Promise<string> {
  const box = await waitForTokenBox(page, text, occurrence, timeoutMs);
  // Start from outside the editor so that a previous hover closes and a new one opens.
  await page.mouse.move(1, 1);
  await page.locator(HOVER).first().waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => undefined);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  return waitFor(
    `a hover over "${text}"`,
    async () => {
      const hover = page.locator(HOVER).first();
      if (!(await hover.isVisible())) return undefined;
      const content = (await hover.innerText()).trim();
      return content && !/^Loading\.*$/.test(content) ? content : undefined;
    },
    { timeoutMs },
  );
}

/** Puts the cursor in the middle of the token (a click there). */
export async function placeCursorOn(page: Page, text: string, occurrence = 0, timeoutMs = 20_000): Promise<void> {
  const box = await waitForTokenBox(page, text, occurrence, timeoutMs);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Double-clicks `word` where it stands inside the rendered text `context` (e.g.
 * the word `TODO` in `owner: TODO`), which selects it as a person would before
 * typing over it. The editor font is monospaced, so the word's place within the
 * context's box follows from its offset.
 */
export async function doubleClickWord(page: Page, context: string, word: string, occurrence = 0, timeoutMs = 20_000): Promise<void> {
  const at = context.indexOf(word);
  if (at < 0) throw new Error(`"${word}" is not in "${context}"`);
  const box = await waitForTokenBox(page, context, occurrence, timeoutMs);
  const charWidth = box.width / context.length;
  await page.mouse.dblclick(box.x + charWidth * (at + word.length / 2), box.y + box.height / 2);
}

/** Titles the open code-action widget offers. */
export async function codeActionTitles(page: Page): Promise<string[]> {
  return page
    .locator(`${ACTION_WIDGET} .monaco-list-row.action`)
    .evaluateAll((rows) => rows.map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim()));
}

async function focusedCodeActionTitle(page: Page): Promise<string | undefined> {
  const focused = page.locator(`${ACTION_WIDGET} .monaco-list-row.action.focused`).first();
  if ((await focused.count()) === 0) return undefined;
  return ((await focused.getAttribute('aria-label')) ?? (await focused.innerText())).trim();
}

/**
 * Cursor on the token, Ctrl+., then moves with the keyboard to the action whose
 * title contains `actionTitle` and presses Enter (an overlay blocks clicks).
 * Returns the titles the widget offered.
 */
/**
 * Puts the cursor on `tokenText` and presses Ctrl+. until the code-action widget
 * opens. One press can open nothing when the click lands while the editor is
 * still moving its lines (a code lens or inlay hint arriving above the token)
 * or while the editor has not taken the focus yet; a person presses again.
 */
export async function openCodeActions(page: Page, tokenText: string, occurrence = 0, timeoutMs = 20_000): Promise<void> {
  const widget = page.locator(ACTION_WIDGET).first();
  await waitFor(
    `Ctrl+. on "${tokenText}" to open the code-action widget`,
    async () => {
      await placeCursorOn(page, tokenText, occurrence, timeoutMs);
      await page.keyboard.press('Control+.');
      try {
        await widget.waitFor({ state: 'visible', timeout: 5_000 });
        return true;
      } catch {
        await page.keyboard.press('Escape');
        return false;
      }
    },
    { timeoutMs, intervalMs: 250 },
  );
}

export async function applyQuickFix(page: Page, tokenText: string, actionTitle: string, occurrence = 0, timeoutMs = 20_000): Promise<string[]> {
  await openCodeActions(page, tokenText, occurrence, timeoutMs);
  await waitFor(`quick fix "${actionTitle}" to be offered`, async () => (await codeActionTitles(page)).some((t) => t.includes(actionTitle)), {
    timeoutMs,
  }).catch(async (error: Error) => {
    throw new Error(`${error.message}; offered: ${(await codeActionTitles(page)).join(' | ')}`);
  });
  const offered = await codeActionTitles(page);
  if ((await focusedCodeActionTitle(page)) === undefined) await page.keyboard.press('ArrowDown');
  await moveFocusTo(page, () => focusedCodeActionTitle(page), actionTitle);
  await page.keyboard.press('Enter');
  await page.locator(ACTION_WIDGET).first().waitFor({ state: 'hidden', timeout: timeoutMs });
  return offered;
}

/** The active editor's rendered text (visible lines only), lines in order. */
export async function visibleEditorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor.focused') ?? document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return '';
    return Array.from(editor.querySelectorAll('.view-lines .view-line'))
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n');
  });
}

/** Squiggles shown in the active editor now. */
export async function countSquiggles(page: Page): Promise<{ errors: number; warnings: number }> {
  return {
    errors: await page.locator('.editor-instance .squiggly-error').count(),
    warnings: await page.locator('.editor-instance .squiggly-warning').count(),
  };
}

/** The packaged extension the e2e tests install (`npm run package` makes it; E2E_VSIX names another). */
export const VSIX = path.resolve(process.env.E2E_VSIX ?? path.join(repoRoot(), 'srm-tools.vsix'));

/** A running code-server with the packaged extension, and a Chromium page on a workspace folder of its own. */
export interface WorkspaceSession {
  readonly scratch: Scratch;
  readonly server: CodeServer;
  readonly page: Page;
  /** The workspace folder on disk. */
  readonly workspace: string;
}

/**
 * Registers, in the calling `describe`, a session for its tests: a fresh
 * scratch folder with the packaged .vsix installed, code-server, and a page on
 * a workspace holding `files` (relative path → text). A failed test leaves a
 * screenshot named after `name`; everything is stopped and removed after the
 * suite (SRM_E2E_KEEP keeps the scratch folder). Returns the session, ready
 * once the suite's `before` has run.
 */
export function useWorkspaceSession(name: string, files: Readonly<Record<string, string>>): () => WorkspaceSession {
  let session: WorkspaceSession | undefined;
  let scratch: Scratch | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  before(async function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
    scratch = createScratch(`e2e-${name}-`);
    writeUserSettings(scratch);
    installVsix(scratch, VSIX);
    server = await startCodeServer(scratch);
    browser = await launchBrowser(scratch);
    const page = await newPage(browser);
    const workspace = path.join(scratch.root, 'workspaces', name);
    for (const [relative, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
      fs.writeFileSync(path.join(workspace, relative), text);
    }
    await openWorkspace(page, server, workspace);
    session = { scratch, server, page, workspace };
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) await screenshot(session.page, `${name}-FAILED-${this.currentTest.title.slice(0, 60)}`).catch(() => undefined);
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopCodeServer(server);
    if (scratch) removeScratch(scratch);
  });
  return () => {
    assert.ok(session, 'the e2e session did not start (see the before hook)');
    return session;
  };
}
