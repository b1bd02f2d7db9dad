/**
 * A small glob matcher (Node 20 has no fs.glob): `*`, `?`, `**`, `[abc]`,
 * `[!abc]` and `{a,b}`, matched against `/`-separated paths.
 */

const MAGIC = /[*?[\]{}]/;

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** The leading segments of a pattern that hold no glob characters: where a walk for it starts. */
export function globBase(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((s) => isGlob(s));
  if (firstMagic < 0) return { base: pattern, rest: '' };
  const base = segments.slice(0, firstMagic).join('/');
  return { base: base === '' && pattern.startsWith('/') ? '/' : base, rest: segments.slice(firstMagic).join('/') };
}

/** A regular expression that matches whole `/`-separated paths against the pattern. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        if (atStart && pattern[i + 2] === '/') {
          out += '(?:[^/]*/)*'; // `**/`: any number of folders, none included
          i += 2;
          continue;
        }
        if (atStart && i + 2 === pattern.length) {
          out += '.*';
          i += 1;
          continue;
        }
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\{}]/g, '\\$&');
    }
  }
  out += ')'.repeat(braces);
  return new RegExp(`^${out}$`);
}
