/**
 * Renders the small markdown subset of core/explain.ts for a terminal:
 * headings, paragraphs, `-` lists, tables (aligned columns), `**bold**`,
 * `_italic_`, `code` and links. Headings are bold when colour is on.
 */
export function toPlainText(markdown: string, bold: (text: string) => string = (t) => t): string {
  const out: string[] = [];
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isTableRow(line!)) {
      const rows: string[][] = [];
      for (; i < lines.length && isTableRow(lines[i]!); i++) {
        if (!/^\|[\s:|-]+\|$/.test(lines[i]!.trim())) rows.push(cells(lines[i]!).map(inline));
      }
      i--;
      out.push(...table(rows));
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line!);
    if (heading) {
      out.push(bold(inline(heading[1]!)));
      continue;
    }
    const item = /^(\s*)[-*]\s+(.*)$/.exec(line!);
    out.push(item ? `${item[1]}  • ${inline(item[2]!)}` : inline(line!));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function isTableRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') && t.endsWith('|') && t.length > 1;
}

function cells(row: string): string[] {
  return row.trim().slice(1, -1).split('|').map((c) => c.trim());
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, j) => (widths[j] = Math.max(widths[j] ?? 0, c.length)));
  return rows.map((row) => '  ' + row.map((c, j) => c.padEnd(widths[j]!)).join('  ').trimEnd());
}

/** Inline markup dropped: the words stay. */
export function inline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s).,:;])/g, '$1$2')
    .replace(/\\([\\`*_|#-])/g, '$1');
}
