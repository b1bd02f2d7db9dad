import type { ReportMatrixGroup, ReportWorkload } from '../../../protocol/report';
import type { FromReportPage } from '../../../protocol/report-messages';
import { cellLabel, matrixKey, modelLabel, overrideText } from '../../../server/src/core/report/cells';
import { h } from '../layer-stack/dom';
import { NodeCache, reconcileChildren } from './keyed';

type Post = (message: FromReportPage) => void;

/** One matrix group's table, kept while its head (title, source, layers, models) stays the same. */
interface GroupTable {
  group: ReportMatrixGroup;
  readonly section: HTMLElement;
  readonly body: HTMLTableSectionElement;
  readonly foot: HTMLTableSectionElement;
  readonly rows: NodeCache<ReportWorkload, HTMLTableRowElement>;
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
        reconcileChildren(table.body, table.rows.nodesFor(group.workloads));
        table.foot.replaceChildren(totalsRow(group));
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
    const head = h('tr', {}, h('th', { attrs: { scope: 'col' }, text: 'Workload' }), h('th', { attrs: { scope: 'col' }, text: 'Model' }));
    for (const layer of group.layers) head.appendChild(h('th', { attrs: { scope: 'col', 'data-layer-id': layer.id }, text: layer.name }));
    head.appendChild(h('th', { attrs: { scope: 'col' }, text: 'Gaps' }));
    // A row reads only its workload and the group's models, which a kept table keeps.
    const rows = new NodeCache<ReportWorkload, HTMLTableRowElement>((w) => this.row(group, w));
    const body = h('tbody', {}, ...rows.nodesFor(group.workloads));
    const foot = h('tfoot', {}, totalsRow(group));
    const section = h(
      'section',
      { class: 'matrix-group', attrs: { 'data-matrix': key, 'aria-label': `${group.title} ${key}` } },
      h('h2', { class: 'group-title' }, h('span', { class: 'matrix-title', text: group.title }), ' ', h('code', { class: 'matrix-ref', text: key }), ' · ', source),
      h('div', { class: 'table-wrap' }, h('table', { class: 'report-table' }, h('thead', {}, head), body, foot)),
    );
    return { group, section, body, foot, rows };
  }

  private row(group: ReportMatrixGroup, w: ReportWorkload): HTMLTableRowElement {
    const open = h('button', { class: 'link-button workload-open', text: w.name, attrs: { type: 'button', title: `${w.file}:${w.line}` } });
    open.addEventListener('click', () => this.post({ type: 'open', file: w.file, line: w.line }));
    const row = h('tr', { attrs: { 'data-workload': w.name, 'data-file': w.file } }, h('th', { attrs: { scope: 'row' } }, open, h('span', { class: 'workload-file', text: w.file })), h('td', { text: modelLabel(group, w.model) }));
    for (const cell of w.cells) {
      const td = h('td', { class: `cell state-${cell.state}${cell.override ? ' is-overridden' : ''}`, attrs: { 'data-layer-id': cell.layerId, 'data-state': cell.state } }, h('span', { class: 'cell-label', text: cellLabel(cell) }));
      if (cell.override) td.appendChild(h('span', { class: 'cell-override', text: overrideText(cell.override) }));
      if (cell.state === 'gap' && cell.gapReason) td.setAttribute('title', cell.gapReason);
      row.appendChild(td);
    }
    row.appendChild(h('td', { class: w.gaps > 0 ? 'gaps has-gaps' : 'gaps', text: String(w.gaps) }));
    return row;
  }
}

function totalsRow(group: ReportMatrixGroup): HTMLTableRowElement {
  const totals = h('tr', { class: 'totals-row' }, h('th', { attrs: { scope: 'row' }, text: 'Gaps per layer' }), h('td'));
  for (const t of group.totals) totals.appendChild(h('td', { attrs: { 'data-layer-id': t.layerId }, text: `${t.gaps} of ${t.required}` }));
  totals.appendChild(h('td', { text: String(group.workloads.reduce((n, w) => n + w.gaps, 0)) }));
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
