/*
 * The extension as a user meets it: the packaged srm-tools.vsix installed into a
 * scratch code-server, a copy of examples/ opened as the workspace, everything
 * done with the keyboard and the mouse in headless Chromium, and checked by what
 * the screen shows (Problems, squiggles, hovers, the status bar, the webview).
 *
 * The steps build on each other, like one person's session; each leaves a
 * screenshot in .artifacts/e2e/ (ui-NN-*.png), and a failing step adds one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import * as h from './harness';

/** The package under test: E2E_VSIX, else the one `npm run package` writes. */
const VSIX = path.resolve(process.env.E2E_VSIX ?? path.join(h.repoRoot(), 'srm-tools.vsix'));
const FILE = 'gaps.srm.yaml';
const GAPS_ITEM = 'srm-tools.srm-tools.srm.gaps';

interface Problem {
  severity: string;
  code: string;
  message: string;
  line: number;
}

/** A Problems row as a finding; undefined for a file row. */
function parseProblem(row: h.ProblemRow): Problem | undefined {
  const label = /^(Error|Warning|Info): (.*) at line (\d+) and character \d+\./s.exec(row.label);
  const code = /\b(SRM\d{3})\)? \[Ln \d+, Col \d+\]$/.exec(row.text);
  if (!label || !code) return undefined;
  return { severity: label[1]!, message: label[2]!, line: Number(label[3]), code: code[1]! };
}

async function allProblems(page: Page): Promise<Problem[]> {
  return (await h.readAllProblems(page)).map(parseProblem).filter((p): p is Problem => p !== undefined);
}

function countCodes(problems: readonly Problem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of [...problems].sort((a, b) => a.code.localeCompare(b.code))) counts[p.code] = (counts[p.code] ?? 0) + 1;
  return counts;
}

/**
 * Closes the completion list if typing opened one (the server offers model ids
 * after `model:`), so that a screenshot shows the editor under it.
 */
async function closeSuggestions(page: Page): Promise<void> {
  const suggest = page.locator('.editor-widget.suggest-widget.visible');
  if ((await suggest.count()) === 0) return;
  await page.keyboard.press('Escape');
  await suggest.first().waitFor({ state: 'hidden', timeout: 5_000 });
}

/** Typing a value after `model:` opens the completion list with the model ids: see it offer `id`, then close it. */
async function closeModelSuggestions(page: Page, id: string): Promise<void> {
  const suggest = page.locator('.editor-widget.suggest-widget.visible');
  await suggest.first().waitFor({ state: 'visible', timeout: 20_000 });
  await h.waitFor(`the completion list to offer ${id}`, async () =>
    (await suggest.first().locator('.monaco-list-row').allInnerTexts()).some((row) => row.trim().startsWith(id)),
  );
  await page.keyboard.press('Escape');
  await suggest.first().waitFor({ state: 'hidden', timeout: 5_000 });
}

async function waitForGaps(page: Page, text: string): Promise<void> {
  let last: string | undefined;
  await h.waitFor(`the status bar to say "${text}"`, async () => (last = await h.statusBarText(page, GAPS_ITEM)) === text).catch((error: Error) => {
    throw new Error(`${error.message} (it says "${last}")`);
  });
}

/** "Ln 17, Col 12 (4 selected)": where the cursor is and what is selected, as the status bar says. */
async function selectionStatus(page: Page): Promise<string> {
  return (await h.statusBarText(page, 'status.editor.selection')) ?? '';
}

/**
 * The pids of the SRM language servers the installed extension runs (their
 * command line names its dist/server.js). Linux's /proc: where code-server runs here.
 */
function languageServerPids(scratch: h.Scratch): number[] {
  const script = path.join('dist', 'server.js');
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (args.some((arg) => arg.startsWith(scratch.extensionsDir) && arg.endsWith(script))) pids.push(Number(entry));
  }
  return pids;
}

/**
 * How many times the SRM output (its log file; the current window's is the
 * newest) says the server runs: one more after every start and restart.
 */
function serverRunsLogged(scratch: h.Scratch): number {
  const logs: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'SRM.log') logs.push(full);
    }
  };
  walk(path.join(scratch.userDataDir, 'logs'));
  const newest = logs.sort((x, y) => fs.statSync(y).mtimeMs - fs.statSync(x).mtimeMs)[0];
  return newest ? (fs.readFileSync(newest, 'utf8').match(/\[client\] server health: running$/gm) ?? []).length : 0;
}

/** The messages of the notification centre that `accept` picks, once there are `count` of them (newest first). */
async function notificationMessages(page: Page, accept: (message: string) => boolean, count: number): Promise<string[]> {
  await h.runCommand(page, 'Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.waitFor({ state: 'visible', timeout: 10_000 });
  let messages: string[] = [];
  await h
    .waitFor(`${count} notification(s)`, async () => {
      const all = await center.locator('.notification-list-item-message').allInnerTexts();
      messages = all.map((m) => m.replace(/\s+/g, ' ').trim()).filter(accept);
      return messages.length >= count;
    }, { timeoutMs: 10_000 })
    .catch(() => undefined); // the assertion on what was found says more than a timeout
  await h.runCommand(page, 'Notifications: Hide Notifications');
  return messages;
}

/** Clicks the SRM status-bar item and picks `choice` in the list it opens; returns the labels it offered. */
async function clickStatusItemAndPick(page: Page, choice: string): Promise<string[]> {
  await page.locator(`.part.statusbar [id="${GAPS_ITEM}"]`).click();
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
  const labels = (await rows.locator('.label-name').allInnerTexts()).map((l) => l.trim());
  await rows.filter({ hasText: choice }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  return labels;
}

interface Band {
  id: string;
  name: string;
  who: string;
  status: string;
  owner: string;
  canAssign: boolean;
}

/** The bands of the layer stack the panel draws now, top first. */
async function readBands(frame: FrameLocator): Promise<Band[]> {
  return frame.locator('ol.stack .band').evaluateAll((els) =>
    els.map((el) => {
      const band = el as HTMLElement;
      return {
        id: band.dataset.layerId ?? '',
        name: band.querySelector('.band-name')?.textContent ?? '',
        who: band.dataset.who ?? '',
        status: band.dataset.status ?? '',
        owner: band.querySelector('.band-details .detail dd')?.textContent ?? '',
        canAssign: band.querySelector('button.assign-owner') !== null,
      };
    }),
  );
}

/** `id → who:status` of every band, for compact comparisons. */
function bandStates(bands: readonly Band[]): Record<string, string> {
  return Object.fromEntries(bands.map((b) => [b.id, `${b.who}:${b.status}`]));
}

describe('SRM in a real VS Code, as a user (code-server + Chromium)', function () {
  this.timeout(180_000);
  let scratch: h.Scratch | undefined;
  let server: h.CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let step = 0;
  const shot = async (name: string): Promise<string> => {
    await closeSuggestions(page);
    return h.screenshot(page, `ui-${String(++step).padStart(2, '0')}-${name}`);
  };

  before(async function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
    // This run's screenshots only.
    for (const file of fs.readdirSync(h.artifactsDir())) if (/^ui-.*\.png$/.test(file)) fs.rmSync(path.join(h.artifactsDir(), file));
    scratch = h.createScratch('e2e-ui-');
    h.writeUserSettings(scratch);
    h.installVsix(scratch, VSIX);
    server = await h.startCodeServer(scratch);
    browser = await h.launchBrowser(scratch);
    page = await h.newPage(browser);
    const workspace = h.copyWorkspace(scratch, path.join(h.repoRoot(), 'examples'));
    await h.openWorkspace(page, server, workspace);
    assert.ok((await h.explorerEntries(page)).includes(FILE), 'the explorer lists the examples');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await h.screenshot(page, `ui-FAILED-${this.currentTest.title.slice(0, 60)}`).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await h.stopCodeServer(server);
    if (scratch && !process.env.E2E_KEEP_SCRATCH) h.removeScratch(scratch);
  });

  it('opens gaps.srm.yaml with Ctrl+P: its findings fill the Problems view, squiggles mark them, the status bar counts the gaps', async () => {
    await h.openFile(page, FILE);
    await h.waitForProblem(page, 'SRM001');
    await h.waitForProblemsBadge(page, 15);
    const problems = await allProblems(page);
    assert.equal(problems.length, 15, `rows: ${problems.map((p) => p.code).join(' ')}`);
    assert.deepEqual(countCodes(problems), { SRM001: 7, SRM002: 1, SRM003: 1, SRM004: 1, SRM005: 1, SRM007: 1, SRM008: 2, SRM017: 1 });
    assert.equal(problems.filter((p) => p.severity === 'Error').length, 11);
    assert.equal(problems.filter((p) => p.severity === 'Warning').length, 4);
    const missing = problems.filter((p) => p.line === 12).map((p) => p.message.replace(/ has no owner\..*/, ''));
    assert.deepEqual(missing, ['Endpoint Devices (endpoint-devices)', 'Identity & Access (identity-access)', 'Runtime & Middleware (runtime-middleware)', 'Network Config (network-config)']);
    assert.equal(await h.statusBarLabel(page, 'status.problems'), 'Errors: 11, Warnings: 4');

    // Squiggles: errors and warnings in the editor, one of them under `layers:` (line 12), where the missing layers are reported.
    const layers = await h.waitFor('layers: to be rendered', () => h.tokenBox(page, 'layers:'));
    await h.waitFor('an error squiggle under layers: and warning squiggles', async () => {
      const squiggles = await h.countSquiggles(page);
      const underLayers = await page.locator('.editor-instance .squiggly-error').evaluateAll(
        (els, box) =>
          els.some((el) => {
            const r = el.getBoundingClientRect();
            return r.top < box.y + box.height && r.bottom > box.y && r.left <= box.x + 1 && r.right > box.x;
          }),
        layers,
      );
      return underLayers && squiggles.warnings > 0;
    });

    await waitForGaps(page, '10 gaps');
    assert.match((await h.statusBarLabel(page, GAPS_ITEM)) ?? '', /10 customer or shared layer\(s\) without an owner; 11 error\(s\), 4 warning\(s\)/);
    await shot('problems');
  });

  it('explains a layer on hover: display name, who is responsible under each model, what the owner must do', async () => {
    const text = await h.hoverToken(page, 'operating-system');
    assert.match(text, /^Operating System \(operating-system\)/);
    assert.match(text, /Under IaaS \(this file's model\) it is the customer's/);
    assert.match(text, /What the owner must do:/);
    const table = await page.locator('.monaco-hover:not(.hidden) table tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim())),
    );
    assert.deepEqual(table, [
      ['Model', 'IaaS (this file)', 'PaaS', 'SaaS'],
      ['Responsible', 'customer', 'provider', 'provider'],
    ]);
    await shot('hover');
    await page.mouse.move(1, 1);
  });

  it('adds the missing Endpoint Devices entry with Ctrl+. on layers:, and the count drops once the owner is typed', async () => {
    await h.goToLine(page, 12);
    const offered = await h.applyQuickFix(page, 'layers:', 'Add an entry for Endpoint Devices');
    assert.deepEqual(
      offered.filter((t) => t.startsWith('Add an entry') || t.startsWith('Add entries')),
      // The preferred fix first, then the batch, then the other layers.
      ['Add an entry for Endpoint Devices', 'Add entries for all 4 missing layers', 'Add an entry for Identity & Access', 'Add an entry for Runtime & Middleware', 'Add an entry for Network Config'],
    );
    // The gap is closed with a placeholder owner to type over, which is itself reported:
    // the IaaS endpoint-devices finding gives way to SRM012 on the new line 17.
    const placeholder = await h.waitForProblem(page, /The owner of Endpoint Devices is a placeholder/);
    assert.match(placeholder.text, /SRM012 \[Ln 17, Col 12\]$/);
    const afterFix = await allProblems(page);
    assert.ok(!afterFix.some((p) => p.code === 'SRM001' && p.line === 12 && p.message.startsWith('Endpoint Devices')), 'the IaaS endpoint-devices gap is gone');
    assert.equal(await h.problemsBadgeCount(page), 15, 'one finding replaced by another');
    await waitForGaps(page, '10 gaps'); // a placeholder owner is still a gap
    // The inlay hint may show the layer's cell after the new key.
    assert.match(await h.visibleEditorText(page), /owner: finance-data-stewards\n {2}endpoint-devices:[^\n]*\n {4}owner: TODO\n {2}identity-acess:/);
    await shot('quick-fix');

    await h.doubleClickWord(page, 'owner: TODO', 'TODO');
    await h.waitFor('TODO to be selected', async () => (await selectionStatus(page)) === 'Ln 17, Col 16 (4 selected)');
    await page.keyboard.type('workplace-it');
    await h.waitForProblemsBadge(page, 14);
    assert.ok(!(await allProblems(page)).some((p) => p.code === 'SRM012'), 'no placeholder left');
    await waitForGaps(page, '9 gaps');
    await shot('owner-typed');
  });

  it('"SRM: Fix All Gaps" (F1) adds every missing entry: what is left needs a person', async () => {
    await h.runCommand(page, 'SRM: Fix All Gaps');
    await h.waitForProblemsBadge(page, 13);
    const problems = await allProblems(page);
    assert.deepEqual(countCodes(problems), { SRM003: 2, SRM004: 1, SRM005: 1, SRM007: 1, SRM012: 7, SRM017: 1 });
    assert.ok(!problems.some((p) => ['SRM001', 'SRM002', 'SRM008'].includes(p.code)), 'no missing layer and no misspelt key is left');
    // The entries it added carry placeholder owners, one per layer that was missing.
    const placeholders = problems.filter((p) => p.code === 'SRM012').map((p) => `${p.line}:${/^The owner of (.+) is a placeholder/.exec(p.message)?.[1]}`);
    assert.deepEqual(placeholders, [
      '19:Identity & Access',
      '25:Runtime & Middleware',
      '29:Network Config',
      '53:Endpoint Devices',
      '68:Data & Classification',
      '70:Endpoint Devices',
      '72:Identity & Access',
    ]);
    // What no fix can decide: the typo, the provider left with our layers, the model the catalogue contradicts,
    // and the handoffs still to be written.
    assert.deepEqual(
      problems.filter((p) => p.code !== 'SRM012').map((p) => `${p.code}:${p.severity}`).sort(),
      ['SRM003:Warning', 'SRM003:Warning', 'SRM004:Error', 'SRM005:Error', 'SRM007:Error', 'SRM017:Warning'],
    );
    assert.equal(await h.statusBarLabel(page, 'status.problems'), 'Errors: 10, Warnings: 3');
    // The provider left with our layers, and the seven placeholder owners that still need a person.
    await waitForGaps(page, '9 gaps');
    await shot('fix-all');
  });

  it('the layer stack panel draws the gaps; "Assign owner" closes one and puts the cursor on the new owner', async () => {
    // Start again from the file as it is on disk (nothing was saved).
    await h.runCommand(page, 'File: Revert File');
    await h.waitForProblemsBadge(page, 15);
    await waitForGaps(page, '10 gaps');
    await h.runCommand(page, 'SRM: Show Layer Stack');
    const frame = h.webviewFrame(page);
    const stack = frame.getByRole('list', { name: 'Layer stack of billing-batch, top of the stack first' });
    await stack.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'Layer Stack: gaps.srm.yaml' }).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal((await frame.locator('.workload-heading .model-tag').innerText()).trim(), 'iaas');
    assert.deepEqual(await frame.locator('#workload-select option').allInnerTexts(), [
      'billing-batch — iaas — 5 gaps',
      'hr-portal — saas',
      'partner-api — paas — 2 gaps',
      'team-chat — saas — 3 gaps',
    ]);
    assert.equal(await frame.locator('.summary-text').innerText(), '2 of 7 layers that need a customer owner have one.');
    const bands = await readBands(frame);
    assert.deepEqual(bands.map((b) => b.name), [
      'Data & Classification', 'Endpoint Devices', 'Identity & Access', 'Applications', 'Runtime & Middleware',
      'Operating System', 'Network Config', 'Physical Servers', 'Data Center & Network', 'Physical Security',
    ]);
    assert.deepEqual(bandStates(bands), {
      'data-classification': 'customer:assigned',
      'endpoint-devices': 'customer:gap',
      'identity-access': 'customer:gap',
      applications: 'customer:assigned',
      'runtime-middleware': 'customer:gap',
      'operating-system': 'customer:wrongly-provider',
      'network-config': 'shared:gap',
      'physical-servers': 'provider:provider',
      'datacenter-network': 'provider:provider',
      'physical-security': 'provider:provider',
    });
    assert.deepEqual(bands.filter((b) => b.canAssign).map((b) => b.id), ['endpoint-devices', 'identity-access', 'runtime-middleware', 'network-config']);
    await shot('layer-stack');

    await frame.getByRole('button', { name: 'Assign owner for Endpoint Devices' }).click();
    // A placeholder is not an owner (srm-format.md, settled questions): the band keeps its gap until a name is typed.
    await h.waitFor('the Endpoint Devices band to get its placeholder owner', async () => {
      const band = (await readBands(frame)).find((b) => b.id === 'endpoint-devices');
      return band?.status === 'gap' && band.owner === 'TODO' && !band.canAssign;
    });
    assert.equal(await frame.locator('.summary-extra').innerText(), '5 gaps');
    await h.waitForProblem(page, /The owner of Endpoint Devices is a placeholder/);
    assert.ok(!(await allProblems(page)).some((p) => p.code === 'SRM001' && p.line === 12 && p.message.startsWith('Endpoint Devices')), 'the gap left Problems too');
    await waitForGaps(page, '10 gaps'); // until an owner is typed over the placeholder
    // The editor has the focus, with the placeholder selected: typing replaces it.
    await h.waitFor('the placeholder to be selected in the editor', async () => (await selectionStatus(page)) === 'Ln 17, Col 16 (4 selected)');
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'visible', timeout: 10_000 });
    await shot('assign-owner');

    await page.keyboard.type('workplace-it');
    await h.waitForProblemsBadge(page, 14);
    assert.ok(!(await allProblems(page)).some((p) => p.code === 'SRM012'), 'the placeholder finding went with the typed owner');
    await waitForGaps(page, '9 gaps');
    await h.waitFor('the band to show the typed owner', async () => {
      const band = (await readBands(frame)).find((b) => b.id === 'endpoint-devices');
      return band?.status === 'assigned' && band.owner === 'workplace-it';
    });
    assert.equal(await frame.locator('.summary-text').innerText(), '3 of 7 layers that need a customer owner have one.');
    await shot('assign-owner-typed');
  });

  it('the layer stack follows the model as it is edited (iaas → paas moves the handoff)', async () => {
    const frame = h.webviewFrame(page);
    await h.goToLine(page, 9);
    await h.doubleClickWord(page, 'model: iaas', 'iaas');
    await h.waitFor('iaas to be selected', async () => (await selectionStatus(page)) === 'Ln 9, Col 12 (4 selected)');
    await page.keyboard.type('paas');
    await closeModelSuggestions(page, 'paas');
    await h.waitFor('the panel to show the paas model', async () => (await frame.locator('.workload-heading .model-tag').innerText()).trim() === 'paas');
    const bands = await h.waitFor('the bands to follow PaaS', async () => {
      const now = await readBands(frame);
      return now.find((b) => b.id === 'runtime-middleware')?.who === 'shared' ? now : undefined;
    });
    assert.deepEqual(bandStates(bands), {
      'data-classification': 'customer:assigned',
      'endpoint-devices': 'customer:assigned',
      'identity-access': 'customer:gap',
      applications: 'customer:assigned',
      'runtime-middleware': 'shared:gap',
      'operating-system': 'provider:provider',
      'network-config': 'provider:provider',
      'physical-servers': 'provider:provider',
      'datacenter-network': 'provider:provider',
      'physical-security': 'provider:provider',
    });
    assert.equal(await frame.locator('.summary-text').innerText(), '3 of 5 layers that need a customer owner have one.');
    assert.equal(
      await frame.locator('.models-table th.model-col.is-current .model-id').innerText(),
      'paas',
      'the side-by-side table highlights the new model',
    );
    await h.waitFor('the IaaS-only findings to leave Problems', async () =>
      !(await h.readProblems(page)).some((r) => r.label.includes("Operating System is the customer's under IaaS")),
    );
    await waitForGaps(page, '7 gaps');
    await shot('layer-stack-paas');

    // The panel alone, with the room the Problems panel took.
    await closeSuggestions(page);
    await h.runCommand(page, 'View: Hide Panel');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 10_000 });
    await frame.getByRole('list', { name: /^Layer stack of billing-batch/ }).waitFor({ state: 'visible' });
    await h.settleAnimations(page);
    await page.locator('iframe.webview.ready').screenshot({ path: path.join(h.artifactsDir(), `ui-${String(++step).padStart(2, '0')}-layer-stack-panel.png`) });
  });

  it('the status bar keeps counting gaps after the layer stack panel is closed', async () => {
    const tab = page.locator('.tabs-container .tab', { hasText: 'Layer Stack: gaps.srm.yaml' });
    await tab.click();
    await tab.getByRole('button', { name: /^Close/ }).click();
    await tab.waitFor({ state: 'detached', timeout: 10_000 });
    await h.goToLine(page, 9);
    await h.doubleClickWord(page, 'model: paas', 'paas');
    await h.waitFor('paas to be selected', async () => (await selectionStatus(page)) === 'Ln 9, Col 12 (4 selected)');
    await page.keyboard.type('iaas');
    await closeModelSuggestions(page, 'iaas');
    // Back to IaaS: identity-access, runtime-middleware, network-config and the operating system are gaps again.
    await waitForGaps(page, '9 gaps');
    await shot('panel-closed');
  });

  it('the layer stack comes back after a window reload, restored by its serializer', async () => {
    await h.runCommand(page, 'SRM: Show Layer Stack');
    const tab = page.locator('.tabs-container .tab', { hasText: 'Layer Stack: gaps.srm.yaml' });
    await tab.waitFor({ state: 'visible', timeout: 10_000 });
    await h.waitFor('the panel to draw its bands', async () => ((await readBands(h.webviewFrame(page))).length > 0 ? true : undefined));

    await h.runCommand(page, 'Developer: Reload Window');
    await h.waitForExplorer(page);
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    await tab.click();
    const bands = await h.waitFor(
      'the restored panel to draw the stack of gaps.srm.yaml',
      async () => {
        const now = await readBands(h.webviewFrame(page));
        return now.length > 0 ? now : undefined;
      },
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(bands.map((b) => b.id).slice(0, 3), ['data-classification', 'endpoint-devices', 'identity-access'], 'every layer, top of the stack first');
    assert.ok(bands.some((b) => b.status === 'gap'), 'the gaps are drawn again');
    await shot('layer-stack-restored');
  });

  it('a crashed server is restarted and reported once; after five crashes the status bar says so, and its click restarts it', async () => {
    const ws = scratch!;
    // The status bar shows the SRM item for an SRM editor: bring back the file's tab (open it when run alone).
    const tab = page.locator(`.tabs-container .tab[data-resource-name="${FILE}"]`);
    if ((await tab.count()) > 0) await tab.first().click();
    else await h.openFile(page, FILE);
    const counted = await h.waitFor('the status bar to count gaps', async () => {
      const text = await h.statusBarText(page, GAPS_ITEM);
      return text !== undefined && /^\d+ gaps?$/.test(text) && text;
    });
    // Five crashes in a row: the first four are restarted, the fifth is one too many. The
    // output says when each new server runs, so each crash hits a server that had started.
    let runs = await h.waitFor('the SRM output to say the server runs', () => serverRunsLogged(ws));
    for (let crash = 1; crash <= 5; crash++) {
      const pids = languageServerPids(ws);
      assert.equal(pids.length, 1, `one server process before crash ${crash}`);
      process.kill(pids[0]!, 'SIGKILL');
      if (crash === 5) break;
      await h.waitFor(`the server to run again after crash ${crash}`, () => serverRunsLogged(ws) > runs);
      runs = serverRunsLogged(ws);
      await waitForGaps(page, counted);
    }
    await waitForGaps(page, 'SRM crashed');
    assert.match((await h.statusBarLabel(page, GAPS_ITEM)) ?? '', /not running: it crashed 5 times in 3 minutes and was not restarted/);
    assert.deepEqual(languageServerPids(ws), [], 'no server runs: no restart loop');
    await shot('server-crashed');

    // Told once when it was restarted, once when it was given up on, and nothing else.
    const messages = await notificationMessages(page, (m) => /SRM Language Server|SRM language server/i.test(m), 3);
    assert.deepEqual(messages, [
      'The SRM language server crashed 5 times in 3 minutes and was not restarted.',
      'The SRM language server crashed and was restarted. Details are in the "SRM" output.',
    ]);

    assert.deepEqual(await clickStatusItemAndPick(page, 'Show Output'), ['Restart', 'Show Output']);
    // Monaco renders spaces as no-break spaces: read the text with its white space collapsed.
    const output = page.locator('.part.panel .output-view .view-lines');
    await h.waitFor('the SRM output to say why', async () => /stopped unexpectedly \(5 time\(s\)/.test((await output.innerText()).replace(/\s+/g, ' ')));
    assert.equal(await h.statusBarText(page, GAPS_ITEM), 'SRM crashed', 'Show Output does not restart');
    await shot('server-output');

    assert.deepEqual(await clickStatusItemAndPick(page, 'Restart'), ['Restart', 'Show Output']);
    await h.waitFor('the server to run again', () => serverRunsLogged(ws) > runs);
    await waitForGaps(page, counted);
    assert.equal(languageServerPids(ws).length, 1, 'one server runs again');
    await shot('server-restarted');
  });
});
