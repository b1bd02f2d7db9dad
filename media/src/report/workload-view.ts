import type { ReportMatrixGroup, ReportWorkload } from '../../../protocol/report';
import type { FromReportPage } from '../../../protocol/report-messages';
import { cellLabel, matrixKey, modelLabel, overrideText } from '../../../server/src/core/report/cells';
import { h } from '../layer-stack/dom';
import { NodeCache, reconcileChildren } from './keyed';
import { ChunkedBody } from './row-chunks';

type Post = (message: FromReportPage) => void;

/*
 * The table is laid out as rows of fixed-width columns (report.css), not as a
 * CSS table: an auto-layout table of 10,000 rows is laid out whole again when
 * one row changes. Without the table display Chromium no longer derives the
 * table's roles, so they are said outright: a screen reader still gets a table.
 */
const ROW_GROUP = { role: 'rowgroup' } as const;
const ROW = { role: 'row' } as const;
const COLUMN_HEADER = { role: 'columnheader', scope: 'col' } as const;
const ROW_HEADER = { role: 'rowheader', scope: 'row' } as const;
const CELL = { role: 'cell' } as const;

/** One matrix group's table, kept while its head (title, source, layers, models) stays the same. */
interface GroupTable {
  group: ReportMatrixGroup;
  readonly section: HTMLElement;
  readonly table: HTMLTableElement;
  readonly head: HTMLTableSectionElement;
  readonly body: ChunkedBody<ReportWorkload, HTMLTableSectionElement>;
  readonly rows: NodeCache<ReportWorkload, HTMLTableRowElement>;
  readonly foot: HTMLTableSectionElement;
}

/**
 * The by-workload view: one table per matrix group. A redraw keeps every table
 * whose group did not change, and in a changed group every row whose workload
 * did not; the totals row of a changed group is drawn again (one row).
 */
export class WorkloadView {
  private tables = new Map<string, GroupTable>();

  constructor(private readonly post: Post) {}

  /** The sections for `groups`, in their order. */
  sections(groups: readonly ReportMatrixGroup[]): HTMLElement[] {
    const next = new Map<string, GroupTable>();
    for (const group of groups) {
      const key = matrixKey(group);
      let table = this.tables.get(key);
      if (!table || !sameHead(table.group, group)) {
        table = this.table(group);
      } else if (table.group !== group) {
        table.group = group;
        reconcileChildren(table.table, [table.head, ...table.body.bodies(group.workloads), table.foot]);
        table.foot.replaceChildren(totalsRow(group));
        numberRows(table.table, table.rows.nodesFor(group.workloads));
      }
      next.set(key, table);
    }
    this.tables = next;
    return [...next.values()].map((t) => t.section);
  }

  /** Forgets every table (the other view is shown). */
  clear(): void {
    this.tables = new Map();
  }

  private table(group: ReportMatrixGroup): GroupTable {
    const key = matrixKey(group);
    const source = h('button', { class: 'link-button matrix-source', text: 'source', attrs: { type: 'button', title: group.source.url } });
    const url = group.source.url;
    source.addEventListener('click', () => this.post({ type: 'openLink', url }));
    const head = h('tr', { attrs: { ...ROW, 'aria-rowindex': 1 } }, h('th', { class: 'col-workload', attrs: COLUMN_HEADER, text: 'Workload' }), h('th', { class: 'col-model', attrs: COLUMN_HEADER, text: 'Model' }));
    for (const layer of group.layers) head.appendChild(h('th', { class: 'col-layer', attrs: { ...COLUMN_HEADER, 'data-layer-id': layer.id }, text: layer.name }));
    head.appendChild(h('th', { class: 'col-gaps', attrs: COLUMN_HEADER, text: 'Gaps' }));
    // A row reads only its workload and the group's models, which a kept table keeps.
    const rows = new NodeCache<ReportWorkload, HTMLTableRowElement>((w) => this.row(group, w));
    const body = new ChunkedBody(rows, rowKey, () => h('tbody', { class: 'row-group', attrs: ROW_GROUP }));
    const thead = h('thead', { attrs: ROW_GROUP }, head);
    const foot = h('tfoot', { attrs: ROW_GROUP }, totalsRow(group));
    const table = h('table', { class: 'report-table', attrs: { role: 'table' } }, thead, ...body.bodies(group.workloads), foot);
    numberRows(table, rows.nodesFor(group.workloads));
    const section = h(
      'section',
      { class: 'matrix-group', attrs: { 'data-matrix': key, 'aria-label': `${group.title} ${key}` } },
      h('h2', { class: 'group-title' }, h('span', { class: 'matrix-title', text: group.title }), ' ', h('code', { class: 'matrix-ref', text: key }), ' · ', source),
      h('div', { class: 'table-wrap' }, table),
    );
    return { group, section, table, head: thead, body, rows, foot };
  }

  private row(group: ReportMatrixGroup, w: ReportWorkload): HTMLTableRowElement {
    const open = h('button', { class: 'link-button workload-open', text: w.name, attrs: { type: 'button', title: `${w.file}:${w.line}` } });
    open.addEventListener('click', () => this.post({ type: 'open', file: w.file, line: w.line }));
    const row = h(
      'tr',
      { class: 'workload-row', attrs: { ...ROW, 'data-workload': w.name, 'data-file': w.file } },
      h('th', { class: 'col-workload', attrs: ROW_HEADER }, open, h('span', { class: 'workload-file', text: w.file })),
      h('td', { class: 'col-model', attrs: CELL, text: modelLabel(group, w.model) }),
    );
    for (const cell of w.cells) {
      const td = h('td', { class: `col-layer cell state-${cell.state}${cell.override ? ' is-overridden' : ''}`, attrs: { ...CELL, 'data-layer-id': cell.layerId, 'data-state': cell.state } }, h('span', { class: 'cell-label', text: cellLabel(cell) }));
      if (cell.override) td.appendChild(h('span', { class: 'cell-override', text: overrideText(cell.override) }));
      if (cell.state === 'gap' && cell.gapReason) td.setAttribute('title', cell.gapReason);
      row.appendChild(td);
    }
    row.appendChild(h('td', { class: w.gaps > 0 ? 'col-gaps gaps has-gaps' : 'col-gaps gaps', attrs: CELL, text: String(w.gaps) }));
    return row;
  }
}

/** What a row's group is cut by: the same for a workload's row however often its file changes. */
function rowKey(w: ReportWorkload): string {
  return `${w.file}\0${w.name}`;
}

/**
 * Chromium leaves the rows of a skipped group out of its accessibility tree,
 * so a screen reader hears only the rows near the viewport: the table says how
 * many rows it has and each row which one it is (header 1, totals last). Only
 * rows whose place changed are touched.
 */
function numberRows(table: HTMLTableElement, rows: readonly HTMLTableRowElement[]): void {
  table.setAttribute('aria-rowcount', String(rows.length + 2));
  rows.forEach((row, i) => {
    const index = String(i + 2);
    if (row.getAttribute('aria-rowindex') !== index) row.setAttribute('aria-rowindex', index);
  });
}

function totalsRow(group: ReportMatrixGroup): HTMLTableRowElement {
  const totals = h('tr', { class: 'totals-row', attrs: { ...ROW, 'aria-rowindex': group.workloads.length + 2 } }, h('th', { class: 'col-workload', attrs: ROW_HEADER, text: 'Gaps per layer' }), h('td', { class: 'col-model', attrs: CELL }));
  for (const t of group.totals) totals.appendChild(h('td', { class: 'col-layer', attrs: { ...CELL, 'data-layer-id': t.layerId }, text: `${t.gaps} of ${t.required}` }));
  totals.appendChild(h('td', { class: 'col-gaps', attrs: CELL, text: String(group.workloads.reduce((n, w) => n + w.gaps, 0)) }));
  return totals;
}

/** True when everything a table draws outside its rows and totals is the same. */
function sameHead(a: ReportMatrixGroup, b: ReportMatrixGroup): boolean {
  if (a === b) return true;
  return (
    a.title === b.title &&
    a.source.url === b.source.url &&
    a.layers.length === b.layers.length &&
    a.layers.every((l, i) => l.id === b.layers[i]?.id && l.name === b.layers[i]?.name) &&
    a.models.length === b.models.length &&
    a.models.every((m, i) => m.id === b.models[i]?.id && m.shortName === b.models[i]?.shortName)
  );
}
