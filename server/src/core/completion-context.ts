/**
 * Where the cursor is, read from the lines above it rather than from the YAML
 * tree: while a user types, the document is usually not valid YAML.
 */
export type CompletionContext =
  | { readonly kind: 'top-level-key'; readonly present: readonly string[] }
  | { readonly kind: 'layer-key'; readonly present: readonly string[] }
  | { readonly kind: 'entry-key'; readonly present: readonly string[] }
  | { readonly kind: 'value'; readonly key: string; readonly parentKey?: string }
  | { readonly kind: 'none' };

interface Line {
  readonly indent: number;
  readonly key?: string;
  readonly hasValue: boolean;
}

export function completionContextAt(text: string, offset: number): CompletionContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/(^|\s)#/.test(before)) return { kind: 'none' };
  const keyValue = /^(\s*)(?:-\s+)?([^\s:#][^:#]*?)\s*:\s+(\S*)$/.exec(before);
  if (keyValue) {
    const parent = parentKey(text, lineStart, keyValue[1]!.length);
    return { kind: 'value', key: keyValue[2]!.trim(), ...(parent ? { parentKey: parent.key } : {}) };
  }
  const keyTyping = /^(\s*)([^\s:#]*)$/.exec(before);
  if (!keyTyping) return { kind: 'none' };
  const indent = keyTyping[1]!.length;
  const parent = parentKey(text, lineStart, indent);
  const siblings = siblingKeys(text, lineStart, indent);
  if (!parent) return { kind: 'top-level-key', present: siblings };
  if (parent.key === 'layers') return { kind: 'layer-key', present: siblings };
  const grand = parentKey(text, parent.start, parent.indent);
  if (grand?.key === 'layers') return { kind: 'entry-key', present: siblings };
  return { kind: 'none' };
}

/** The nearest line above with less indentation: the key the cursor's line belongs to. */
function parentKey(text: string, lineStart: number, indent: number): (Line & { start: number; key: string }) | undefined {
  for (let end = lineStart - 1; end > 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = readLine(text.slice(start, end));
    if (line && /^---/.test(text.slice(start, end))) return undefined;
    if (line && line.indent < indent) return line.key ? { ...line, start, key: line.key } : undefined;
    end = start - 1;
  }
  return undefined;
}

/** Keys at the same indentation in the same block, above and below the cursor's line. */
function siblingKeys(text: string, lineStart: number, indent: number): string[] {
  const keys: string[] = [];
  const scan = (from: number, step: 1 | -1): void => {
    let pos = from;
    for (;;) {
      const start = step === -1 ? text.lastIndexOf('\n', pos - 2) + 1 : pos;
      if (step === -1 && pos <= 0) return;
      if (step === 1 && start >= text.length) return;
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      const raw = text.slice(start, end);
      if (/^(---|\.\.\.)/.test(raw)) return;
      const line = readLine(raw);
      if (line) {
        if (line.indent < indent) return;
        if (line.indent === indent && line.key) keys.push(line.key);
      }
      pos = step === -1 ? start : end + 1;
    }
  };
  scan(lineStart, -1);
  const nextLine = text.indexOf('\n', lineStart);
  if (nextLine >= 0) scan(nextLine + 1, 1);
  return keys;
}

/** A line's indentation and key; undefined for blank and comment-only lines. */
function readLine(raw: string): Line | undefined {
  const line = raw.replace(/\r$/, '');
  if (!line.trim() || line.trim().startsWith('#')) return undefined;
  const indent = line.length - line.trimStart().length;
  const m = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(\s|$)/.exec(line);
  if (!m) return { indent, hasValue: true };
  const key = m[1]!.replace(/^["']|["']$/g, '');
  return { indent, key, hasValue: line.slice(m[0].length).trim() !== '' };
}
