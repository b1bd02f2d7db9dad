/*
 * The extension in a web extension host: the packaged srm-tools.vsix in
 * code-server, with `remote.extensionKind` telling the workbench to run it as
 * a web extension. The browser then loads the package.json `browser` entry
 * (dist/browser-extension.js) in its web worker extension host, which starts
 * the server (dist/browser-server.js) in a web worker of its own: what
 * vscode.dev and github.dev do. No Node process runs the SRM server, yet the
 * user gets the Problems, a hover, the quick fix and the layer stack.
 *
 * What differs from vscode.dev: the files come from code-server's disk (a
 * `vscode-remote:` workspace), not a virtual file system, and the extension
 * from its extensions folder, not the marketplace's CDN.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as h from './harness';

const VSIX = path.resolve(process.env.E2E_VSIX ?? path.join(h.repoRoot(), 'srm-tools.vsix'));
const FILE = 'gaps.srm.yaml';

/** Processes whose command line runs a dist/server.js of the installed extension (Linux's /proc). */
function nodeServerPids(scratch: h.Scratch): number[] {
  const script = path.join('dist', 'server.js');
  return fs.readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      return fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').some((arg) => arg.startsWith(scratch.extensionsDir) && arg.endsWith(script));
    } catch {
      return false; // gone meanwhile
    }
  }).map(Number);
}

/** The notification centre's messages that `accept` picks, once there are `count` of them. */
async function notificationMessages(page: Page, accept: (message: string) => boolean, count: number): Promise<string[]> {
  await h.runCommand(page, 'Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.waitFor({ state: 'visible', timeout: 10_000 });
  let messages: string[] = [];
  await h
    .waitFor(`${count} notification(s)`, async () => {
      messages = (await center.locator('.notification-list-item-message').allInnerTexts()).map((m) => m.replace(/\s+/g, ' ').trim()).filter(accept);
      return messages.length >= count;
    }, { timeoutMs: 20_000 })
    .catch(() => undefined); // the assertions on what was found say more than a timeout
  await h.runCommand(page, 'Notifications: Hide Notifications');
  return messages;
}

describe('SRM as a web extension (code-server\'s web worker extension host)', function () {
  this.timeout(180_000);
  let scratch: h.Scratch | undefined;
  let server: h.CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const consoleLines: string[] = [];

  before(async function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
    scratch = h.createScratch('e2e-web-');
    // The workspace-wide scope, and a configuration file: what the browser cannot honour, and must say so.
    h.writeUserSettings(scratch, { 'remote.extensionKind': { 'srm-tools.srm-tools': ['web'] }, 'srm.problems.scope': 'workspace' });
    h.installVsix(scratch, VSIX);
    server = await h.startCodeServer(scratch);
    browser = await h.launchBrowser(scratch);
    page = await h.newPage(browser);
    page.on('console', (message) => void h.formatConsoleMessage(message).then((line) => consoleLines.push(line)));
    const workspace = h.copyWorkspace(scratch, path.join(h.repoRoot(), 'examples'));
    fs.writeFileSync(path.join(workspace, 'srm.config.yaml'), 'severity:\n  SRM007: off\n');
    await h.openWorkspace(page, server, workspace);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await h.screenshot(page, `web-FAILED-${this.currentTest.title.slice(0, 60)}`).catch(() => undefined);
      console.log(consoleLines.filter((l) => /srm|error|worker/i.test(l)).slice(-40).join('\n'));
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await h.stopCodeServer(server);
    if (scratch && !process.env.E2E_KEEP_SCRATCH) h.removeScratch(scratch);
  });

  it('checks gaps.srm.yaml with the server in a web worker: its findings fill the Problems view, and no Node process runs the server', async () => {
    await h.openFile(page, FILE);
    // SRM007 is reported: the srm.config.yaml that turns it off is not read in the browser.
    const typo = await h.waitForProblem(page, 'SRM007', 60_000);
    assert.match(typo.label, /identity-access/);
    assert.deepEqual(nodeServerPids(scratch!), [], 'no dist/server.js process: the server is the web worker');
    await h.screenshot(page, 'web-01-problems');
  });

  it('says that the workspace scope and the configuration file need a disk, and reports the open file only', async () => {
    const messages = await notificationMessages(page, (m) => m.startsWith('SRM '), 2);
    assert.ok(messages.some((m) => /workspace.*need a folder on disk/.test(m)), `the workspace scope is explained: ${JSON.stringify(messages)}`);
    assert.ok(messages.some((m) => /cannot read srm\.config\.yaml/.test(m)), `the configuration file is explained: ${JSON.stringify(messages)}`);
    const files = (await h.readAllProblems(page)).filter((row) => !/SRM\d{3}/.test(row.text)).map((row) => row.text);
    assert.equal(files.length, 1, `one file in Problems, the open one: ${JSON.stringify(files)}`);
    assert.match(files[0]!, /gaps\.srm\.yaml/);
  });

  it('explains a layer on hover', async () => {
    const text = await h.hoverToken(page, 'operating-system');
    assert.match(text, /^Operating System \(operating-system\)/);
    assert.match(text, /Under IaaS \(this file's model\) it is the customer's/);
    await page.mouse.move(1, 1);
  });

  it('fixes the typo with Ctrl+., and its finding goes', async () => {
    await h.applyQuickFix(page, 'identity-acess', 'identity-access');
    await h.waitFor('SRM007 to leave the Problems view', async () => !(await h.readAllProblems(page)).some((row) => row.text.includes('SRM007')));
    // The inlay hint may show the layer's cell (in its own spacing) between the key and the comment.
    assert.match(await h.visibleEditorText(page), /\n {2}identity-access:[^\n#]*# SRM007/);
  });

  it('draws the layer stack', async () => {
    await h.runCommand(page, 'SRM: Show Layer Stack');
    const bands = h.webviewFrame(page).locator('ol.stack .band');
    await h.waitFor('the layer stack to draw its bands', async () => (await bands.count()) > 0, { timeoutMs: 30_000 });
    await h.screenshot(page, 'web-02-layer-stack');
    assert.deepEqual(nodeServerPids(scratch!), []);
  });
});
