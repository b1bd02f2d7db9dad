/*
 * The four stills of the README, in the order a user meets them: the Problems
 * view, a hover, the quick fix menu and the layer stack. Each scene leaves the
 * workbench as the next one expects it (nothing is edited).
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as h from '../../test/e2e/harness';
import { closeQuickFixMenu, editorBox, lineBox, lineOf, openExample, openQuickFixMenu } from './editor';
import { boxOf, capture, hidePanel, padWithin, parkMouse, union, viewportBox } from './workbench';

export const STILLS = ['problems', 'hover', 'quick-fix', 'layer-stack'] as const;
export type Still = (typeof STILLS)[number];

/** Space around a cropped widget, CSS pixels. */
const MARGIN = 12;

/** Takes every still into `dir` as `<still>-<suffix>.png`; returns the files. */
export async function takeStills(page: Page, dir: string, suffix: string): Promise<string[]> {
  const file = (still: Still): string => path.join(dir, `${still}-${suffix}.png`);
  await openExample(page);
  return [
    await problems(page, file('problems')),
    await hover(page, file('hover')),
    await quickFix(page, file('quick-fix')),
    await layerStack(page, file('layer-stack')),
  ];
}

/** The whole window: squiggles in the file, its findings in Problems, the gap count in the status bar. */
async function problems(page: Page, file: string): Promise<string> {
  await h.showProblems(page);
  await h.goToLine(page, lineOf('layers:'));
  await parkMouse(page);
  return capture(page, file);
}

/** A layer's hover (who is responsible under each model, what its owner must do), cropped to it and its line. */
async function hover(page: Page, file: string): Promise<string> {
  await hidePanel(page);
  const key = 'operating-system:';
  await h.goToLine(page, lineOf(key));
  const text = await h.hoverToken(page, key);
  if (!text.startsWith('Operating System')) throw new Error(`the hover over ${key} says: ${text.slice(0, 200)}`);
  const widget = await boxOf(page.locator('.monaco-hover:not(.hidden)').first(), 'the hover');
  const line = await lineBox(page, key);
  // Around the hover, and on the token's side cut at its line's edge, not through the next line.
  const around = padWithin(union(widget, line), MARGIN, union(await editorBox(page), widget));
  const above = widget.y < line.y;
  const top = above ? around.y : Math.floor(line.y);
  const bottom = above ? Math.ceil(line.y + line.height) : around.y + around.height;
  const clip = { x: around.x, y: top, width: around.width, height: bottom - top };
  await capture(page, file, clip);
  await parkMouse(page);
  return file;
}

/** Ctrl+. on `layers:`: a fix for each missing layer and one for all, cropped to the menu and its line. */
async function quickFix(page: Page, file: string): Promise<string> {
  const key = 'layers:';
  await h.goToLine(page, lineOf(key));
  const menu = await openQuickFixMenu(page, key, 'Add an entry for Endpoint Devices');
  const line = await lineBox(page, key);
  // Whole lines: three above the menu's line, so that the picture shows what the fixes are for, down to the menu's end.
  const top = line.y - 3 * line.height;
  const bottom = line.y + Math.ceil((menu.y + menu.height + MARGIN - line.y) / line.height) * line.height;
  const right = Math.ceil(menu.x + menu.width + MARGIN);
  await capture(page, file, { x: line.x, y: Math.floor(top), width: right - line.x, height: Math.ceil(bottom - top) });
  await closeQuickFixMenu(page);
  return file;
}

/** The layer-stack panel alone, its group maximised, the window as tall as the stack. */
async function layerStack(page: Page, file: string): Promise<string> {
  await h.runCommand(page, 'SRM: Show Layer Stack');
  const stack = h.webviewFrame(page).getByRole('list', { name: /^Layer stack of billing-batch/ });
  await stack.waitFor({ state: 'visible', timeout: 30_000 });
  await hidePanel(page);
  const tab = page.locator('.tabs-container .tab', { hasText: /^Layer Stack/ });
  await tab.click();
  await page.locator('.tabs-container .tab.active', { hasText: /^Layer Stack/ }).waitFor({ state: 'visible', timeout: 10_000 });
  await h.runCommand(page, 'View: Toggle Maximize Editor Group');
  const webview = page.locator('iframe.webview.ready');
  const editorArea = await boxOf(page.locator('.part.editor'), 'the editor area');
  await h.waitFor('the layer stack to fill the editor area', async () => ((await webview.boundingBox())?.width ?? 0) > editorArea.width * 0.95, { timeoutMs: 10_000 });

  // Grow the window until the whole stack fits in the panel, handoff line and provider layers included.
  const size = viewportBox(page);
  const overflow = async (): Promise<number> => {
    const frame = await boxOf(webview, 'the layer stack panel');
    const list = await boxOf(stack, 'the stack');
    return list.y + list.height + MARGIN - (frame.y + frame.height);
  };
  const extra = Math.ceil(await overflow());
  if (extra > 0) await page.setViewportSize({ width: size.width, height: size.height + extra });
  await h.waitFor('the whole stack to show', async () => (await overflow()) <= 0, { timeoutMs: 10_000 });

  const frame = await boxOf(webview, 'the layer stack panel');
  const list = await boxOf(stack, 'the stack');
  await parkMouse(page);
  await capture(page, file, { x: frame.x, y: frame.y, width: frame.width, height: Math.ceil(list.y + list.height + MARGIN - frame.y) });
  await page.setViewportSize({ width: size.width, height: size.height });
  return file;
}
