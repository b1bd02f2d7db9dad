/**
 * F2 on an owner in a real VS Code (code-server + Chromium, the packaged
 * srm-tools.vsix): the rename reaches a second declaration nobody opened, with
 * its quoting and comments, and File: Save All writes it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as h from './harness';


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
  const session = h.useWorkspaceSession('owners', { 'first.srm.yaml': FIRST, 'teams/second.srm.yaml': SECOND });

  it('renames the owner in the open declaration and in a second one that is not open', async () => {
    const { page, workspace } = session();
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
