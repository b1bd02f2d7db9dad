/*
 * Runs an extension's integration tests (a compiled mocha suite whose module
 * exports `run(): Promise<void>`, as for @vscode/test-electron) in the real
 * extension host of code-server, opened in headless Chromium, and exits with
 * the code the suite reports.
 *
 * Usage:
 *   node out/test/e2e/run-extension-host-tests.js \
 *     --extension <extension development folder> \
 *     --tests <compiled suite entry, e.g. out/test/suite/index.js> \
 *     [--workspace <folder to open>] [--timeout <ms>] [--vsix <other.vsix>]...
 * or with positional arguments: <extension folder> <suite entry> [workspace],
 * or with E2E_EXTENSION_PATH, E2E_TESTS_PATH, E2E_WORKSPACE, E2E_TIMEOUT_MS.
 *
 * Exit code: the suite's (0 = passed); 1 when it timed out or could not start.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  codeServerLogTail,
  createScratch,
  formatConsoleMessage,
  installVsix,
  launchBrowser,
  newPage,
  remoteUri,
  removeScratch,
  screenshot,
  startCodeServer,
  stopCodeServer,
  workbenchUrl,
  writeUserSettings,
  type CodeServer,
  type Scratch,
} from './harness';

interface Options {
  extensionPath: string;
  testsPath: string;
  workspace: string | undefined;
  timeoutMs: number;
  vsixes: string[];
}

function log(message: string): void {
  process.stdout.write(`[e2e-runner] ${message}\n`);
}

function usage(error: string): never {
  process.stderr.write(
    `${error}\nusage: run-extension-host-tests --extension DIR --tests SUITE_ENTRY.js [--workspace DIR] [--timeout MS] [--vsix FILE]...\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  const vsixes: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (!key || value === undefined) usage(`missing value for ${arg}`);
    if (key === 'vsix') vsixes.push(path.resolve(value));
    else named[key] = value;
  }
  const env = process.env;
  const extensionPath = named.extension ?? positional[0] ?? env.E2E_EXTENSION_PATH;
  const testsPath = named.tests ?? positional[1] ?? env.E2E_TESTS_PATH;
  const workspace = named.workspace ?? positional[2] ?? env.E2E_WORKSPACE;
  if (!extensionPath) usage('no extension development folder given');
  if (!testsPath) usage('no test suite entry given');
  const timeoutMs = Number(named.timeout ?? env.E2E_TIMEOUT_MS ?? 180_000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) usage(`bad timeout ${named.timeout ?? env.E2E_TIMEOUT_MS}`);
  return {
    extensionPath: path.resolve(extensionPath),
    testsPath: path.resolve(testsPath),
    workspace: workspace ? path.resolve(workspace) : undefined,
    timeoutMs,
    vsixes,
  };
}

function checkPaths(options: Options): void {
  if (!fs.existsSync(path.join(options.extensionPath, 'package.json'))) usage(`no package.json in ${options.extensionPath}`);
  if (!fs.existsSync(options.testsPath)) usage(`no test suite entry at ${options.testsPath} (compiled?)`);
  if (options.workspace && !fs.statSync(options.workspace, { throwIfNoEntry: false })?.isDirectory()) {
    usage(`workspace ${options.workspace} is not a folder`);
  }
}

/** Forwards the page's console to stdout in order; returns a function that waits for the backlog. */
function forwardConsole(page: Page): () => Promise<void> {
  let backlog = Promise.resolve();
  page.on('console', (message) => {
    backlog = backlog.then(async () => {
      const text = await formatConsoleMessage(message).catch(() => message.text());
      const type = message.type();
      const prefix = type === 'log' || type === 'info' ? '' : `[${type}] `;
      process.stdout.write(`${prefix}${text}\n`);
    });
  });
  page.on('pageerror', (error) => {
    backlog = backlog.then(() => {
      process.stdout.write(`[pageerror] ${error.stack ?? error.message}\n`);
    });
  });
  return () => backlog;
}

/**
 * Registers window.codeAutomationExit (must be before navigation). The result
 * is wrapped: an async function returning a bare promise would wait for it.
 */
async function exposeExit(page: Page): Promise<{ exited: Promise<number> }> {
  let report: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (report = resolve));
  await page.exposeFunction('codeAutomationExit', (code: unknown) => {
    report(typeof code === 'number' ? code : Number(code) || 1);
  });
  return { exited };
}

function timeout(ms: number): { promise: Promise<'timeout'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return { promise, cancel: () => clearTimeout(timer) };
}

async function runSuite(options: Options, server: CodeServer, browser: Browser, workspace: string): Promise<number> {
  const page = await newPage(browser);
  const flushConsole = forwardConsole(page);
  const { exited } = await exposeExit(page);
  const url = workbenchUrl(server, workspace, [
    ['extensionDevelopmentPath', remoteUri(server, options.extensionPath)],
    ['extensionTestsPath', remoteUri(server, options.testsPath)],
  ]);
  log(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const limit = timeout(options.timeoutMs);
  const crashed = new Promise<'crash'>((resolve) => page.once('crash', () => resolve('crash')));
  const outcome = await Promise.race([exited, limit.promise, crashed]);
  limit.cancel();
  await flushConsole();
  if (outcome === 'crash') {
    log('the browser page crashed before the suite reported an exit code');
    return 1;
  }
  if (outcome === 'timeout') {
    const shot = await screenshot(page, `extension-host-tests-timeout-${Date.now()}`).catch((e: Error) => `(no screenshot: ${e.message})`);
    log(`TIMEOUT: the suite did not report an exit code within ${options.timeoutMs} ms; screenshot: ${shot}`);
    log(`code-server log tail:\n${codeServerLogTail(server)}`);
    return 1;
  }
  return outcome;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  checkPaths(options);
  const started = Date.now();
  const scratch: Scratch = createScratch('e2e-ext-tests-');
  const workspace = options.workspace ?? fs.mkdtempSync(path.join(scratch.root, 'workspace-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    writeUserSettings(scratch);
    for (const vsix of options.vsixes) installVsix(scratch, vsix);
    server = await startCodeServer(scratch);
    log(`code-server ready at ${server.url} after ${Date.now() - started} ms`);
    browser = await launchBrowser(scratch);
    const code = await runSuite(options, server, browser, workspace);
    log(`suite exited with code ${code} after ${Date.now() - started} ms`);
    return code;
  } catch (error) {
    log(`ERROR: ${(error as Error).stack ?? String(error)}`);
    if (server) log(`code-server log tail:\n${codeServerLogTail(server)}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await stopCodeServer(server).catch((e: Error) => log(`could not stop code-server: ${e.message}`));
    if (!process.env.E2E_KEEP_SCRATCH) removeScratch(scratch);
    else log(`scratch kept: ${scratch.root}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`ERROR: ${String(error)}`);
    process.exit(1);
  },
);
