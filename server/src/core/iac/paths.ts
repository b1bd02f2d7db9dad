/**
 * `/`-separated paths, as the IaC file system hands them to the core. The
 * core joins and compares them itself: it has no `node:path`.
 */

/** Resolves `.` and `..` segments and repeated slashes; keeps a leading `/` (or a drive such as `C:`). */
export function normalizePath(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function joinPath(base: string, relative: string): string {
  if (relative.startsWith('/') || /^[A-Za-z]:\//.test(relative)) return normalizePath(relative);
  return normalizePath(`${base}/${relative}`);
}

export function dirnameOf(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : p.slice(0, i);
}

export function basenameOf(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** True when `p` is `dir` or lies below it. */
export function isInside(p: string, dir: string): boolean {
  if (p === dir || dir === '.') return true;
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return p.startsWith(prefix);
}

/** The path from folder `from` to `to`, `/`-separated (both normalised and both absolute or both relative). */
export function relativePath(from: string, to: string): string {
  const a = from === '/' ? [] : from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  const rest = [...up, ...b.slice(common)].join('/');
  return rest === '' ? '.' : rest;
}
