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

/** A pattern that cannot be matched; the message says why, for the user. */
export class InvalidGlobError extends Error {
  override readonly name = 'InvalidGlobError';
}

/** A regular expression that matches whole `/`-separated paths against the pattern; throws InvalidGlobError. */
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
      checkRanges(body);
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
      out += c!.replace(/[.+^$()|\\{}]/g, '\\$&');
    }
  }
  out += ')'.repeat(braces);
  try {
    return new RegExp(`^${out}$`);
  } catch (err) {
    throw new InvalidGlobError(`srm cannot read it as a pattern (${(err as Error).message})`);
  }
}

/** A range such as `z-a` matches nothing: say so rather than fail in the regular expression. */
function checkRanges(body: string): void {
  for (let j = 0; j + 2 < body.length; j++) {
    if (body[j + 1] !== '-') continue;
    const [from, to] = [body[j], body[j + 2]];
    if (from! > to!) throw new InvalidGlobError(`the range ${from}-${to} runs backwards (write ${to}-${from})`);
    j += 2;
  }
}
