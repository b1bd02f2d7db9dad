/*
 * From raw screenshots to the committed files: pngquant for the stills and
 * ffmpeg for the animated GIF (one palette for all frames, no dithering, each
 * frame stored as the rectangle that changed). Both come from Debian
 * (scripts/screenshots/setup.sh installs them).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from './fix-animation';

/** The version line of each tool, or an error saying how to install it. */
export function toolVersions(): Record<string, string> {
  const version = (cmd: string, args: string[]): string => {
    const run = spawnSync(cmd, args, { encoding: 'utf8' });
    if (run.error || run.status !== 0) throw new Error(`${cmd} is not installed: run bash scripts/screenshots/setup.sh (as root)`);
    return `${run.stdout}${run.stderr}`.split('\n')[0]!.trim();
  };
  return { pngquant: version('pngquant', ['--version']), ffmpeg: version('ffmpeg', ['-hide_banner', '-version']) };
}

/**
 * Colours per picture. The workbench is flat colours plus anti-aliased text:
 * 64 look the same as the original here, at about a third of its bytes and
 * 15 % less than 256 colours.
 */
const COLOURS = 64;

function run(cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
}

/** Writes `to` as a palette PNG of `from`, without metadata. */
export function optimisePng(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  run('pngquant', ['--speed', '1', '--strip', '--force', '--output', to, String(COLOURS), '--', from]);
}

/** Writes an endlessly looping GIF of `frames`, each shown for its seconds. */
export function encodeGif(frames: readonly Frame[], to: string, workDir: string): void {
  if (frames.length === 0) throw new Error('no frames to animate');
  fs.mkdirSync(workDir, { recursive: true });
  const list = path.join(workDir, `${path.basename(to, '.gif')}.ffconcat`);
  const lines = ['ffconcat version 1.0'];
  for (const frame of frames) lines.push(`file '${frame.file.replace(/'/g, "'\\''")}'`, `duration ${frame.seconds}`);
  fs.writeFileSync(list, lines.join('\n') + '\n');
  const last = frames[frames.length - 1];
  fs.mkdirSync(path.dirname(to), { recursive: true });
  run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'concat', '-safe', '0', '-i', list,
    '-filter_complex', `[0:v]split[a][b];[a]palettegen=max_colors=${COLOURS}:stats_mode=full:reserve_transparent=0[p];[b][p]paletteuse=dither=none:diff_mode=rectangle`,
    // Each frame keeps its own duration; the concat list's last duration is not a frame delay, so say it.
    '-fps_mode', 'passthrough',
    '-final_delay', String(Math.round(last!.seconds * 100)),
    '-loop', '0',
    '-f', 'gif', to,
  ]);
}
