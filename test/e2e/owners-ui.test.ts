/**
 * F2 on an owner in a real VS Code (code-server + Chromium, the packaged
 * srm-tools.vsix): the rename reaches a second declaration nobody opened, with
 * its quoting and comments, and File: Save All writes it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as h from './harness';

const VSIX = path.resolve(process.env.E2E_VSIX ?? path.join(h.repoRoot(), 'srm-tools.vsix'));

const FIRST = `workload: rename-first
model: iaas
layers:
  applications:
    owner: e2e-rename-team   # the team that gets a new name
  operating-system:
    owner: another-team
`;

const SECOND = `# never opened in this test
workload: rename-second
model: paas
layers:
  identity-access:
    owner: "e2e-rename-team"
  applications: { owner: e2e-rename-team }
`;

describe('F2 on an owner in a real VS Code', function () {
  this.timeout(180_000);
  let scratch: h.Scratch | undefined;
  let server: h.CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let workspace = '';

  before(async function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
    scratch = h.createScratch('e2e-owners-');
    h.writeUserSettings(scratch);
    h.installVsix(scratch, VSIX);
    server = await h.startCodeServer(scratch);
    browser = await h.launchBrowser(scratch);
    page = await h.newPage(browser);
    workspace = path.join(scratch.root, 'workspaces', 'owners');
    fs.mkdirSync(path.join(workspace, 'teams'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'first.srm.yaml'), FIRST);
    fs.writeFileSync(path.join(workspace, 'teams', 'second.srm.yaml'), SECOND);
    await h.openWorkspace(page, server, workspace);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await h.screenshot(page, `owners-FAILED-${this.currentTest.title.slice(0, 60)}`).catch(() => undefined);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await h.stopCodeServer(server);
    if (scratch && !process.env.E2E_KEEP_SCRATCH) h.removeScratch(scratch);
  });

  it('renames the owner in the open declaration and in a second one that is not open', async () => {
    await h.openFile(page, 'first.srm.yaml');
    // The server is up once it reports the file's gaps.
    await h.waitForProblem(page, 'SRM001');
    await h.placeCursorOn(page, 'e2e-rename-team');
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-box textarea').first();
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await h.waitFor('the rename box to offer the owner', async () => (await input.inputValue()) === 'e2e-rename-team');
    // Typed into the rename box itself: keystrokes sent before it takes the focus would land in the editor.
    await input.fill('renamed-team');
    await input.press('Enter');
    await h.waitFor('the open declaration to show the new owner', async () => /owner: renamed-team {3}# the team that gets a new name/.test(await h.visibleEditorText(page)));
    await h.runCommand(page, 'File: Save All');
    const second = path.join(workspace, 'teams', 'second.srm.yaml');
    const expected = SECOND.replace('"e2e-rename-team"', '"renamed-team"').replace('{ owner: e2e-rename-team }', '{ owner: renamed-team }');
    await h.waitFor('the second declaration to be renamed on disk', () => fs.readFileSync(second, 'utf8') === expected, { timeoutMs: 20_000 }).catch((error: Error) => {
      throw new Error(`${error.message}; it holds:\n${fs.readFileSync(second, 'utf8')}`);
    });
    assert.equal(fs.readFileSync(path.join(workspace, 'first.srm.yaml'), 'utf8'), FIRST.replace('owner: e2e-rename-team', 'owner: renamed-team'));
    await h.screenshot(page, 'owners-renamed');
  });
});
