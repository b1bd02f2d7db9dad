/*
 * The frames of one fix, as a user makes it: the gap under `layers:`, Ctrl+.,
 * "Add an entry for Endpoint Devices", the placeholder owner selected, the
 * owner typed, and the gap count in the status bar one lower. Each frame is
 * taken once the page shows its step.
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as h from '../../test/e2e/harness';
import { lineOf, openExample, openQuickFixMenu, scrollToTopLine, selectionStatus, squiggleUnder, waitForGaps } from './editor';
import { capture, hidePanel, parkMouse } from './workbench';

export interface Frame {
  file: string;
  /** How long the frame stays on screen. */
  seconds: number;
}

/** The window of the animation (CSS pixels): the file's first workload and the status bar. */
export const FIX_WINDOW = { width: 720, height: 420 } as const;

/**
 * No completion list while the owner is typed: whether it is open when a frame
 * is taken would depend on timing, and it would hide the lines below.
 */
export const FIX_SETTINGS: Readonly<Record<string, unknown>> = {
  '[srm]': { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' } },
};

const FIX = 'Add an entry for Endpoint Devices';
const OWNER = 'workplace-it';

export async function takeFixFrames(page: Page, dir: string, suffix: string): Promise<Frame[]> {
  const frames: Frame[] = [];
  const frame = async (step: string, seconds: number): Promise<void> => {
    const file = path.join(dir, `fix-${suffix}-${String(frames.length + 1).padStart(2, '0')}-${step}.png`);
    frames.push({ file: await capture(page, file), seconds });
  };
  const editorText = (): Promise<string> => h.visibleEditorText(page);

  const gaps = await openExample(page);
  await hidePanel(page);
  // The workload from its comment down: its missing layers' entry lands in view.
  await scrollToTopLine(page, lineOf('workload:') - 2);
  await h.placeCursorOn(page, 'layers:');
  await parkMouse(page);
  await frame('gap', 1.6);

  await openQuickFixMenu(page, 'layers:', FIX);
  await frame('menu', 2);

  await page.keyboard.press('Enter');
  await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });
  await h.waitFor('the new entry with its placeholder owner', async () => /endpoint-devices:\n\s+owner: TODO\b/.test(await editorText()), { timeoutMs: 20_000 });
  await h.waitFor('the placeholder to be reported', () => squiggleUnder(page, 'owner: TODO'), { timeoutMs: 20_000 });
  await frame('entry-added', 1.4);

  await h.doubleClickWord(page, 'owner: TODO', 'TODO');
  await h.waitFor('the placeholder to be selected', async () => (await selectionStatus(page)).includes('(4 selected)'), { timeoutMs: 10_000 });
  await parkMouse(page);
  await frame('placeholder-selected', 1.2);

  const problemsBefore = await h.statusBarLabel(page, 'status.problems');
  await page.keyboard.type(OWNER);
  const pattern = new RegExp(`endpoint-devices:\\n\\s+owner: ${OWNER}\\n`);
  await h.waitFor(`the owner ${OWNER} in the new entry`, async () => pattern.test(await editorText()), { timeoutMs: 10_000 });
  await waitForGaps(page, (n) => n === gaps - 1);
  await h.waitFor('the placeholder finding to go', async () => !(await squiggleUnder(page, `owner: ${OWNER}`)), { timeoutMs: 20_000 });
  await h.waitFor('the status bar to count one error less', async () => (await h.statusBarLabel(page, 'status.problems')) !== problemsBefore, { timeoutMs: 20_000 });
  await frame('owner-typed', 3);
  return frames;
}
