/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self and inclusive
 * time per function, and self time per source file, mapped through source maps
 * back to the TypeScript (or the bundled package) it came from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileRow {
  readonly name: string;
  readonly where: string;
  /** Percent of the non-idle samples. */
  readonly percent: number;
  readonly ms: number;
}

export interface ProfileSummary {
  /** Non-idle time covered by the profile, ms. */
  readonly busyMs: number;
  readonly self: readonly ProfileRow[];
  readonly inclusive: readonly ProfileRow[];
  readonly files: readonly ProfileRow[];
}

const IDLE = new Set(['(idle)', '(root)']);

/**
 * `window`: only the samples taken between these two times, in µs of the monotonic clock the profile's
 * timestamps use (process.hrtime in another process on the same machine reads the same clock).
 */
export function summariseProfile(file: string, root: string, top = 15, window?: readonly [number, number]): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap | null>();
  const locate = (frame: CallFrame): { where: string; file: string } => {
    if (!frame.url) return { where: frame.functionName.startsWith('(') ? '' : '(native)', file: frame.functionName || '(native)' };
    let local: string;
    try {
      local = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
    } catch {
      local = frame.url;
    }
    let map = maps.get(local);
    if (map === undefined) {
      map = null;
      try {
        if (existsSync(`${local}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${local}.map`, 'utf8')));
      } catch {
        map = null;
      }
      maps.set(local, map);
    }
    let source = local;
    let line = frame.lineNumber + 1;
    if (map) {
      const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
      if (entry?.originalSource) {
        source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(local), entry.originalSource);
        line = (entry.originalLine ?? 0) + 1;
      }
    }
    const rel = shorten(path.relative(root, source));
    return { where: `${rel}:${line}`, file: rel };
  };

  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const info = new Map<number, { key: string; name: string; where: string; file: string; idle: boolean }>();
  for (const node of profile.nodes) {
    const name = node.callFrame.functionName || '(anonymous)';
    const { where, file: f } = locate(node.callFrame);
    info.set(node.id, { key: `${name}\0${where}`, name, where, file: f, idle: IDLE.has(name) });
  }

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const files = new Map<string, number>();
  let busy = 0;
  // timeDeltas[i] is the time since the sample before; charge it to sample i (the usual convention).
  let now = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = Math.max(0, profile.timeDeltas[i] ?? 0);
    now += profile.timeDeltas[i] ?? 0;
    if (window && (now < window[0] || now > window[1])) return;
    const me = info.get(id)!;
    if (me.idle) return;
    busy += dt;
    self.set(me.key, (self.get(me.key) ?? 0) + dt);
    files.set(me.file, (files.get(me.file) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = info.get(n)!;
      if (k.idle || seen.has(k.key)) continue;
      seen.add(k.key);
      inclusive.set(k.key, (inclusive.get(k.key) ?? 0) + dt);
    }
  });
  const names = new Map([...info.values()].map((v) => [v.key, v]));
  const rows = (m: Map<string, number>, fileRows = false): ProfileRow[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => ({
        name: fileRows ? key : names.get(key)!.name,
        where: fileRows ? '' : names.get(key)!.where,
        percent: busy > 0 ? (100 * us) / busy : 0,
        ms: us / 1000,
      }));
  return { busyMs: busy / 1000, self: rows(self), inclusive: rows(inclusive), files: rows(files, true) };
}

/** node_modules/yaml/dist/parse/lexer.js → yaml/dist/parse/lexer.js; a path in the project stays as it is. */
function shorten(p: string): string {
  const nm = p.lastIndexOf('node_modules/');
  return nm >= 0 ? p.slice(nm + 'node_modules/'.length) : p;
}
