/*
 * The editor side of the scenes: the example file, where its lines are, the
 * gap count in the status bar, the Ctrl+. menu. Elements are found by what
 * they say, so that new features (inlay hints, code lenses, more menu items)
 * move the pictures' content but do not break the script.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as h from '../../test/e2e/harness';
import { boxOf, parkMouse, type Box } from './workbench';

/** The example every picture shows: the one meant to have gaps. */
export const EXAMPLE = 'gaps.srm.yaml';
const GAPS_ITEM = 'srm-tools.srm-tools.srm.gaps';
const ACTION_WIDGET = '.action-widget';

/** The 1-based number of the first line of the example that contains `text`. */
export function lineOf(text: string): number {
  const lines = fs.readFileSync(path.join(h.repoRoot(), 'examples', EXAMPLE), 'utf8').split(/\r?\n/);
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`examples/${EXAMPLE} has no line with "${text}"`);
  return index + 1;
}

/** Opens the example with Ctrl+P and waits for its findings and the status bar's gap count; returns the count. */
export async function openExample(page: Page): Promise<number> {
  await h.openFile(page, EXAMPLE);
  await h.waitForProblem(page, 'SRM001');
  return waitForGaps(page, (n) => n > 0);
}

/** Polls the status bar until its gap count satisfies `accept`; returns the count. */
export async function waitForGaps(page: Page, accept: (gaps: number) => boolean): Promise<number> {
  let last: string | undefined;
  return h
    .waitFor('the status bar gap count', async () => {
      last = await h.statusBarText(page, GAPS_ITEM);
      const match = /^(?:\S+ )?(\d+) gaps?\b/.exec(last ?? '');
      const gaps = match ? Number(match[1]) : undefined;
      return gaps !== undefined && accept(gaps) ? gaps : undefined;
    }, { timeoutMs: 30_000, intervalMs: 100 })
    .catch((error: Error) => {
      throw new Error(`${error.message} (it says "${last}")`);
    });
}

/** The visible text editor's box (gutter included). */
export function editorBox(page: Page): Promise<Box> {
  return boxOf(page.locator('.editor-instance .monaco-editor').first(), 'the text editor');
}

/** The box of a rendered line's text `text`, from the editor's left edge (line numbers) to the text's end. */
export async function lineBox(page: Page, text: string): Promise<Box> {
  const token = await h.waitFor(`"${text}" to be rendered`, () => h.tokenBox(page, text), { timeoutMs: 20_000 });
  const editor = await editorBox(page);
  return { x: editor.x, y: token.y, width: token.x + token.width - editor.x, height: token.height };
}

/** The number of the topmost line the editor shows whole. */
async function firstVisibleLine(page: Page): Promise<number | undefined> {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    const top = editor?.querySelector('.overflow-guard')?.getBoundingClientRect().top;
    if (!editor || top === undefined) return undefined;
    const numbers = Array.from(editor.querySelectorAll('.margin-view-overlays .line-numbers'))
      .map((el) => ({ line: Number(el.textContent), top: el.getBoundingClientRect().top }))
      .filter((n) => Number.isInteger(n.line) && n.top >= top - 0.5)
      .sort((a, b) => a.top - b.top);
    return numbers[0]?.line;
  });
}

/**
 * Scrolls the editor so that `line` is its top line, exactly (no line cut in
 * half at the top): from the top of the file, one line per Ctrl+Down.
 */
export async function scrollToTopLine(page: Page, line: number): Promise<void> {
  await h.goToLine(page, 1);
  await h.waitFor('the editor to show line 1 at the top', async () => (await firstVisibleLine(page)) === 1, { timeoutMs: 10_000 });
  for (let top = 1; top < line; top++) {
    await page.keyboard.press('Control+ArrowDown');
    await h.waitFor(`line ${top + 1} at the top of the editor`, async () => (await firstVisibleLine(page)) === top + 1, { timeoutMs: 5_000, intervalMs: 30 });
  }
}

/** "(4 selected)" and the like: the status bar's cursor item. */
export async function selectionStatus(page: Page): Promise<string> {
  return (await h.statusBarText(page, 'status.editor.selection')) ?? '';
}

/** Ctrl+. with the cursor on `token`; waits until the menu offers `title` and returns the menu's box. */
export async function openQuickFixMenu(page: Page, token: string, title: string): Promise<Box> {
  await h.placeCursorOn(page, token);
  // The click left the mouse over the token: move it away before its hover opens.
  await parkMouse(page);
  await page.keyboard.press('Control+.');
  const widget = page.locator(ACTION_WIDGET).first();
  await widget.waitFor({ state: 'visible', timeout: 20_000 });
  await h
    .waitFor(`the quick fix menu to offer "${title}"`, async () => (await h.codeActionTitles(page)).some((t) => t.startsWith(title)), { timeoutMs: 20_000 })
    .catch(async (error: Error) => {
      throw new Error(`${error.message}; it offers: ${(await h.codeActionTitles(page)).join(' | ')}`);
    });
  await focusQuickFix(page, title);
  return boxOf(widget, 'the quick fix menu');
}

/** Moves the menu's focus with the arrow keys to the action whose title starts with `title`. */
async function focusQuickFix(page: Page, title: string): Promise<void> {
  const focused = async (): Promise<string> =>
    (await page.locator(`${ACTION_WIDGET} .monaco-list-row.action.focused`).first().getAttribute('aria-label').catch(() => null)) ?? '';
  const count = (await h.codeActionTitles(page)).length;
  for (let step = 0; step <= count; step++) {
    const now = await focused();
    if (now.startsWith(title)) return;
    await page.keyboard.press('ArrowDown');
    await h.waitFor('the menu focus to move', async () => (await focused()) !== now, { timeoutMs: 5_000, intervalMs: 30 });
  }
  throw new Error(`could not focus "${title}" in the quick fix menu`);
}

/** Closes the quick fix menu with Escape. */
export async function closeQuickFixMenu(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator(ACTION_WIDGET).first().waitFor({ state: 'hidden', timeout: 10_000 });
}

/** True when an error squiggle lies under the first rendered occurrence of `text`. */
export async function squiggleUnder(page: Page, text: string): Promise<boolean> {
  const box = await h.tokenBox(page, text);
  if (!box) return false;
  return page.locator('.editor-instance .squiggly-error').evaluateAll(
    (els, b) =>
      els.some((el) => {
        const r = el.getBoundingClientRect();
        return r.top < b.y + b.height && r.bottom > b.y && r.left < b.x + b.width && r.right > b.x;
      }),
    box,
  );
}
