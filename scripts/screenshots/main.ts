/*
 * npm run screenshots: the README's pictures, taken from the real product.
 *
 * The packaged srm-tools.vsix runs in code-server (VS Code 1.100.3) driven by
 * headless Chromium, on a copy of examples/, once per theme (VS Code's
 * "Default Light Modern" and "Default Dark Modern"): four stills (Problems, a
 * hover, the quick fix menu, the layer stack) in each, and the frames of one
 * fix, made into an animated GIF, in the dark theme (VS Code's default; one
 * animation keeps the pictures within their size budget). The results go to
 * media/readme/ (scripts/screenshots/README.md).
 *
 * Usage: node out/scripts/screenshots/main.js [--out DIR] [--themes light,dark] [--only stills|fix]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as h from '../../test/e2e/harness';
import { encodeGif, optimisePng, toolVersions } from './encode';
import { FIX_SETTINGS, FIX_WINDOW, takeFixFrames } from './fix-animation';
import { readImageInfo } from './image-info';
import { THEMES, withWorkbench, type Theme } from './session';
import { takeStills } from './stills';

interface Options {
  out: string;
  themes: Theme[];
  stills: boolean;
  fix: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { out: path.join(h.repoRoot(), 'media/readme'), themes: [...THEMES], stills: true, fix: true };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return next;
    };
    const arg = argv[i];
    if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--themes') options.themes = value().split(',').map(theme);
    else if (arg === '--only') {
      const only = value();
      if (only !== 'stills' && only !== 'fix') throw new Error(`--only takes stills or fix, not ${only}`);
      options.stills = only === 'stills';
      options.fix = only === 'fix';
    } else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

function theme(name: string): Theme {
  if (!(THEMES as readonly string[]).includes(name)) throw new Error(`unknown theme ${name} (${THEMES.join(', ')})`);
  return name as Theme;
}

/** The theme of the one animation. */
const FIX_THEME: Theme = 'dark';

const started = Date.now();
function say(message: string): void {
  console.log(`[screenshots ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.fix && !options.themes.includes(FIX_THEME)) throw new Error(`the animation is made in the ${FIX_THEME} theme: add it to --themes, or --only stills`);
  for (const [tool, version] of Object.entries(toolVersions())) say(`${tool}: ${version}`);
  const vsix = path.join(h.repoRoot(), 'srm-tools.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  const raw = path.join(h.repoRoot(), '.artifacts/screenshots');
  fs.rmSync(raw, { recursive: true, force: true });
  fs.mkdirSync(raw, { recursive: true });

  const written: string[] = [];
  for (const t of options.themes) {
    if (options.stills) {
      say(`stills, ${t} theme`);
      const files = await withWorkbench({ theme: t, vsix, debugDir: raw }, (page) => takeStills(page, raw, t));
      for (const file of files) {
        const to = path.join(options.out, path.basename(file));
        optimisePng(file, to);
        written.push(to);
      }
    }
    if (options.fix && t === FIX_THEME) {
      say(`fix animation, ${t} theme`);
      const frames = await withWorkbench({ theme: t, vsix, debugDir: raw, window: FIX_WINDOW, settings: FIX_SETTINGS }, (page) => takeFixFrames(page, raw, t));
      const to = path.join(options.out, 'fix.gif');
      encodeGif(frames, to, raw);
      written.push(to);
    }
  }
  report(written);
  say(`done; raw frames and screenshots in ${path.relative(h.repoRoot(), raw)}/`);
}

/** Prints each file's size and checks that it reads back as the image it should be. */
function report(files: readonly string[]): void {
  let total = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const info = readImageInfo(bytes);
    total += bytes.length;
    const frames = info.frames > 1 ? `, ${info.frames} frames` : '';
    say(`${path.relative(h.repoRoot(), file)}: ${info.width}×${info.height}${frames}, ${(bytes.length / 1024).toFixed(1)} KB`);
  }
  say(`${files.length} files, ${(total / 1024).toFixed(1)} KB in all`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
