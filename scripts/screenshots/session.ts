/*
 * One screenshot session: the packaged srm-tools.vsix installed into a scratch
 * code-server, a copy of examples/ opened in headless Chromium, in one theme,
 * with settings that make the pictures readable and the same on every run.
 * Built on the end-to-end harness (test/e2e/harness.ts), so the pictures come
 * from the same real VS Code the UI tests drive.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as h from '../../test/e2e/harness';
import { hideSideBar } from './workbench';

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];

/** VS Code's built-in themes, the ones a new user starts with. */
const THEME_NAMES: Record<Theme, string> = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

/**
 * Device pixels per CSS pixel. The browser workbench ignores `window.zoomLevel`
 * (a desktop setting), so the zoom is the browser's: at 1.25 VS Code's 13 px
 * interface text comes out at 16 px, as at 125 % zoom.
 */
export const SCALE = 1.25;

/** The window (CSS pixels): small enough that a picture needs no shrinking in a README column. */
export const WINDOW = { width: 800, height: 560 } as const;

/**
 * User settings on top of the harness's quiet ones. Only what makes a picture
 * readable or repeatable; every SRM feature keeps its default.
 */
export function screenshotSettings(theme: Theme): Record<string, unknown> {
  return {
    'workbench.colorTheme': THEME_NAMES[theme],
    'editor.fontSize': 15,
    // No decorations that depend on where the cursor was or that belong to VS Code rather than SRM.
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'editor.occurrencesHighlight': 'off',
    'editor.selectionHighlight': false,
    'workbench.layoutControl.enabled': false,
    // A caret that is always drawn, and no transitions caught half way.
    'editor.cursorBlinking': 'solid',
    'editor.cursorSmoothCaretAnimation': 'off',
    'workbench.reduceMotion': 'on',
    // code-server would count ports that other programs on the machine open (a badge on Ports, a status bar number).
    'remote.autoForwardPorts': false,
  };
}

export interface SessionOptions {
  theme: Theme;
  vsix: string;
  /** Where a failing step leaves its screenshot. */
  debugDir: string;
  window?: { width: number; height: number };
  /** Settings of the scene on top of screenshotSettings(). */
  settings?: Record<string, unknown>;
}

/**
 * Runs `scene` on a fresh workbench (sidebar hidden) and tears everything down
 * after, also when it fails (then a screenshot of the moment goes to debugDir).
 */
export async function withWorkbench<T>(options: SessionOptions, scene: (page: Page) => Promise<T>): Promise<T> {
  const scratch = h.createScratch(`srm-shots-${options.theme}-`);
  let server: h.CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof h.launchBrowser>> | undefined;
  let page: Page | undefined;
  try {
    h.writeUserSettings(scratch, { ...screenshotSettings(options.theme), ...options.settings });
    h.installVsix(scratch, options.vsix);
    server = await h.startCodeServer(scratch);
    browser = await h.launchBrowser(scratch);
    const context = await browser.newContext({
      viewport: { ...(options.window ?? WINDOW) },
      deviceScaleFactor: SCALE,
      colorScheme: options.theme,
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    // The copy is named examples/ too: the window title reads "examples".
    const workspace = h.copyWorkspace(scratch, path.join(h.repoRoot(), 'examples'));
    await h.openWorkspace(page, server, workspace);
    await hideSideBar(page);
    return await scene(page);
  } catch (error) {
    if (server) console.error(`--- the end of code-server's log ---\n${h.codeServerLogTail(server)}`);
    if (page) {
      fs.mkdirSync(options.debugDir, { recursive: true });
      const file = path.join(options.debugDir, `FAILED-${options.theme}.png`);
      if (await page.screenshot({ path: file }).then(() => true, () => false)) console.error(`the window when it failed: ${file}`);
    }
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await h.stopCodeServer(server);
    if (!process.env.E2E_KEEP_SCRATCH) h.removeScratch(scratch);
  }
}
