/**
 * The report as GitHub-flavoured Markdown: one table per matrix group (a row
 * per workload, a column per layer), or `--by owner` one row per owner.
 *
 * Every value from a declaration is hostile text: it is escaped so that it
 * shows as written and never becomes markup (a pipe that splits a cell, a
 * backtick, an HTML tag, an emoji code, a mention, `$math$`). A cell's second
 * line (the handoff, an override) follows a `<br>`, the one tag GitHub keeps
 * inside a table cell.
 */
import { cellLabel, gapCells, matrixKey, modelLabel, overrideText } from './cells';
import type { ReportCell, ReportMatrixGroup, ReportOwner, ResponsibilityReport } from './model';

export interface MarkdownOptions {
  /** `workload` (default): a table per matrix group; `owner`: a row per owner. */
  readonly by?: 'workload' | 'owner';
}

export function formatMarkdown(report: ResponsibilityReport, options: MarkdownOptions = {}): string {
  const out: string[] = ['# Responsibility report', '', summaryLine(report), ''];
  if (options.by === 'owner') byOwner(report, out);
  else for (const group of report.groups) groupSection(group, out);
  if (report.groups.length === 0) out.push('No workload to report.', '');
  skippedSection(report, out);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function summaryLine(r: ResponsibilityReport): string {
  const t = r.totals;
  return `${md(`srm ${r.tool.version}`)} · ${t.workloads} workload${s(t.workloads)} · ${t.required} layer${s(t.required)} that need an owner · **${t.gaps} gap${s(t.gaps)}** · ${t.overridden} overridden`;
}

function groupSection(group: ReportMatrixGroup, out: string[]): void {
  out.push(`## ${md(matrixKey(group))}: ${md(group.title)}`, '');
  out.push(sourceLine(group), '');
  const header = ['Workload', 'Model', ...group.layers.map((l) => `${md(l.name)}<br>${code(l.id)}`), 'Gaps / required'];
  out.push(row(header), row(header.map(() => '---')));
  for (const w of group.workloads) {
    const cells = group.layers.map((l) => {
      const c = w.cells.find((x) => x.layerId === l.id);
      return c ? cellMarkdown(c) : '';
    });
    out.push(row([`**${md(w.name)}**<br>${code(`${w.file}:${w.line}`)}`, md(modelLabel(group, w.model)), ...cells, `${w.gaps} / ${w.required}`]));
  }
  const totals = group.layers.map((l) => {
    const t = group.totals.find((x) => x.layerId === l.id);
    return t ? `${t.gaps} / ${t.required}${t.overridden ? `<br>${t.overridden} overridden` : ''}` : '';
  });
  const gaps = group.workloads.reduce((n, w) => n + w.gaps, 0);
  const required = group.workloads.reduce((n, w) => n + w.required, 0);
  out.push(row(['**Gaps / required**', '', ...totals, `**${gaps} / ${required}**`]), '');
  if (group.workloads.some((w) => w.cells.some((c) => c.derived))) out.push('† derived: the source does not list this cell; the matrix derives it.', '');
  const gapList = group.workloads.flatMap((w) =>
    w.cells.filter((c) => c.state === 'gap').map((c) => `- **${md(w.name)}**, ${md(group.layers.find((l) => l.id === c.layerId)?.name ?? c.layerId)}: ${md(c.gapReason ?? 'no owner')}`),
  );
  if (gapList.length) out.push('Gaps:', '', ...gapList, '');
}

function sourceLine(group: ReportMatrixGroup): string {
  const src = group.source;
  const parts = [`Source: ${link(src.url)}`];
  if (src.published) parts.push(`published ${md(src.published)}`);
  let line = parts.join(', ');
  if (src.note) line += `. ${md(src.note)}`;
  return line;
}

/** A cell: its label, then (on a second line) the handoff, an override, and why it is a gap. */
export function cellMarkdown(c: ReportCell): string {
  const label = c.state === 'gap' ? '**GAP**' : c.state === 'owner' || c.state === 'shared' || c.state === 'third-party' ? cellLabel({ state: c.state, owner: md(c.owner ?? '') }) : cellLabel(c);
  const lines = [c.derived ? `${label} †` : label];
  if (c.state === 'shared' || c.state === 'third-party') lines.push(c.handoff?.trim() ? `handoff: ${md(c.handoff)}` : '*no handoff*');
  if (c.override) lines.push(`*${md(overrideText(c.override))}*`);
  return lines.join('<br>');
}

function byOwner(report: ResponsibilityReport, out: string[]): void {
  out.push('## By owner', '');
  if (report.owners.length === 0) out.push('No layer has an owner yet.', '');
  else {
    out.push(row(['Owner', 'Contact', 'Layers', 'Workloads', 'What they own']), row(['---', '---', '---:', '---:', '---']));
    for (const o of report.owners) out.push(ownerRow(o));
    out.push('');
  }
  const gaps = gapCells(report);
  out.push('## Unassigned (gaps)', '');
  if (gaps.length === 0) {
    out.push('None: every layer that needs an owner has one.', '');
    return;
  }
  out.push(row(['Workload', 'Matrix', 'Layer', 'Why']), row(['---', '---', '---', '---']));
  for (const g of gaps) {
    const why = [g.cell.gapReason ? md(g.cell.gapReason) : '', g.cell.override ? `*${md(overrideText(g.cell.override))}*` : ''].filter(Boolean).join('<br>');
    out.push(row([`**${md(g.workload.name)}**<br>${code(`${g.workload.file}:${g.workload.line}`)}`, md(matrixKey(g.group)), md(g.layer.name), why]));
  }
  out.push('');
}

function ownerRow(o: ReportOwner): string {
  const byWorkload = new Map<string, string[]>();
  for (const d of o.duties) {
    const key = `**${md(d.workload)}** ${code(`${d.file}:${d.line}`)} (${md(d.matrix)})`;
    let layers = byWorkload.get(key);
    if (!layers) byWorkload.set(key, (layers = []));
    let what = md(d.layerName);
    if (d.state === 'shared') what += ' (shared)';
    if (d.state === 'third-party') what += ' (third party)';
    if (d.override) what += ` *(${md(overrideText(d.override))})*`;
    layers.push(what);
  }
  const what = [...byWorkload].map(([w, layers]) => `${w}: ${layers.join(', ')}`).join('<br>');
  const workloads = new Set(o.duties.map((d) => `${d.file}\u0000${d.line}`)).size;
  return row([`**${md(o.owner)}**`, o.contact ? md(o.contact) : '', String(o.duties.length), String(workloads), what]);
}

function skippedSection(report: ResponsibilityReport, out: string[]): void {
  if (report.skipped.length === 0) return;
  out.push('## Not reported', '');
  for (const sk of report.skipped) out.push(`- ${code(sk.file)}: ${md(sk.reason)}`);
  out.push('');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Text that shows literally in GitHub Markdown, inside a table cell too. The
 * marks that mean something inline are backslash-escaped: code, emphasis,
 * links and images (`[` `]`), the cell's pipe, strikethrough, `$` math,
 * issue references and mentions (`#`, `@`) and emoji codes (`:` before a
 * word). Block syntax needs no escape: the text never starts a line. `&` `<`
 * `>` become entities (no tag, no entity of the author's), line breaks become
 * `<br>`, and other control characters are dropped.
 */
export function md(text: string): string {
  return text
    .replace(/\r\n?|[\n\u2028\u2029]/g, '\n')
    .replace(/[\\`*_[\]|~$#@]|:(?=[\w+-])/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .join('<br>');
}

/**
 * A code span that shows its text as written. Backticks inside it cannot be
 * escaped, so the fence is one backtick longer than the longest run inside;
 * a pipe is the one character a table still sees, so it is written `\|`.
 */
function code(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A link when the URL is plainly http(s) with nothing that could end it early; else the text. */
function link(url: string): string {
  return /^https?:\/\/[^\s<>()[\]|`"'\\]+$/i.test(url) ? `<${url}>` : md(url);
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
