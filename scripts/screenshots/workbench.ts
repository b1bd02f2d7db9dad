/*
 * Workbench chores before a picture: panels in the wanted state, no toast, no
 * stray hover, everything settled; then the picture itself, whole or clipped.
 * Every wait is on a condition of the page, never a fixed sleep.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import * as h from '../../test/e2e/harness';

export type Box = h.Box;

const SIDE_BAR = '.part.sidebar';
const PANEL = '.part.panel';
const TOASTS = '.notifications-toasts .notification-toast';
const HOVER = '.monaco-hover:not(.hidden)';

/** Hides the primary side bar (the toggle only when it shows). */
export async function hideSideBar(page: Page): Promise<void> {
  const bar = page.locator(SIDE_BAR);
  if (!(await bar.isVisible())) return;
  await h.runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await bar.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Hides the bottom panel (Problems, Output...) when it shows. */
export async function hidePanel(page: Page): Promise<void> {
  const panel = page.locator(PANEL);
  if (!(await panel.isVisible())) return;
  await h.runCommand(page, 'View: Hide Panel');
  await panel.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Clears every notification toast (a toast that pops up would hide part of the picture). */
export async function clearNotifications(page: Page): Promise<void> {
  const toasts = page.locator(TOASTS);
  if ((await toasts.count()) === 0 || !(await toasts.first().isVisible())) return;
  await h.runCommand(page, 'Notifications: Clear All Notifications');
  await h.waitFor('the notification toasts to go', async () => (await toasts.count()) === 0 || !(await toasts.first().isVisible()), { timeoutMs: 10_000 });
}

/**
 * Moves the mouse to the window's top-left corner, over nothing that reacts,
 * and waits until any hover it left open has closed. A headless screenshot
 * never shows the pointer itself.
 */
export async function parkMouse(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await h.waitFor('open hovers to close', async () => !(await page.locator(HOVER).first().isVisible()), { timeoutMs: 10_000 });
}

/** The box of a locator (CSS pixels, main-frame viewport), or an error naming it. */
export async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await h.waitFor(`${what} to have a box`, () => locator.boundingBox().then((b) => b ?? undefined), { timeoutMs: 10_000 });
  return box;
}

/** The smallest box holding every given box. */
export function union(...boxes: Box[]): Box {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** `box` grown by `by` CSS pixels on every side, then cut to `within`, on whole pixels. */
export function padWithin(box: Box, by: number, within: Box): Box {
  const left = Math.max(within.x, Math.floor(box.x - by));
  const top = Math.max(within.y, Math.floor(box.y - by));
  const right = Math.min(within.x + within.width, Math.ceil(box.x + box.width + by));
  const bottom = Math.min(within.y + within.height, Math.ceil(box.y + box.height + by));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Saves a PNG of the page (or of `clip`, in CSS pixels) at device scale once
 * nothing moves: no toast, animations finished (the harness waits for the
 * hover's fade-in), and Playwright stops any that loop.
 */
export async function capture(page: Page, file: string, clip?: Box): Promise<string> {
  await clearNotifications(page);
  await scrollbarsFaded(page);
  await statusBarIdle(page);
  await h.settleAnimations(page);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, animations: 'disabled', ...(clip ? { clip } : {}) });
  return file;
}

/**
 * Waits (up to 3 s, then goes on) until no scrollbar is shown: VS Code shows
 * one for a moment after a scroll (Ctrl+G, an inserted line), then fades it.
 */
async function scrollbarsFaded(page: Page): Promise<void> {
  await h
    .waitFor('the scrollbars to fade', async () => (await page.locator('.monaco-scrollable-element > .scrollbar.visible').count()) === 0, { timeoutMs: 3_000, intervalMs: 50 })
    .catch(() => undefined);
}

/**
 * Waits (up to 5 s, then goes on) until no status bar item spins: a language
 * status busy for a moment after an edit, "Checking…" before the first count.
 */
async function statusBarIdle(page: Page): Promise<void> {
  const spinning = page.locator('.part.statusbar .codicon-modifier-spin');
  await h.waitFor('the status bar to stop spinning', async () => (await spinning.count()) === 0, { timeoutMs: 5_000, intervalMs: 50 }).catch(() => undefined);
}

/** The whole viewport as a box. */
export function viewportBox(page: Page): Box {
  const size = page.viewportSize();
  if (!size) throw new Error('the page has no fixed viewport');
  return { x: 0, y: 0, width: size.width, height: size.height };
}
