import type { ReportFormat, ReportMatrixGroup, ReportOwner, ResponsibilityReport } from '../../../protocol/report';
import { REPORT_FORMATS } from '../../../protocol/report';
import type { ReportPageState, ToReportPage } from '../../../protocol/report-messages';
import { applyReportPatch } from '../../../server/src/core/report/apply-patch';
import { cellLabel, matrixKey, modelLabel, overrideText } from '../../../server/src/core/report/cells';
import { h } from '../layer-stack/dom';
import type { ReportApi } from './vscode-api';

const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  markdown: 'Markdown',
  csv: 'CSV',
  html: 'HTML',
  json: 'JSON',
  'oscal-ssp': 'OSCAL SSP (JSON)',
};

/**
 * The workspace report page: what `srm report` says, by workload (one table
 * per matrix) or by owner, drawn from the report the extension posts. Every
 * value from the declarations goes in as text; the words of a cell are the
 * core's (report/cells.ts), as in every export.
 */
export class ReportApp {
  private report: ResponsibilityReport | null = null;
  private error: string | undefined;
  private by: ReportPageState['by'];
  private status = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly api: ReportApi,
  ) {
    this.by = api.getState()?.by === 'owner' ? 'owner' : 'workload';
  }

  start(win: Window): void {
    win.addEventListener('message', (event: MessageEvent) => this.receive(event.data as ToReportPage));
    this.api.postMessage({ type: 'ready' });
  }

  private receive(message: ToReportPage | null | undefined): void {
    if (!message || typeof message !== 'object') return;
    if (message.type === 'report') {
      this.report = message.report;
      this.error = message.error;
      this.render();
    } else if (message.type === 'patch') {
      // Only the changed files' parts; before the first report there is nothing to patch (the report follows).
      if (!this.report) return;
      this.report = applyReportPatch(this.report, message.patch);
      this.render();
    } else if (message.type === 'saved') {
      this.status = message.file ? `Saved as ${FORMAT_LABELS[message.format] ?? message.format}: ${message.file}` : '';
      this.render();
    }
  }

  private render(): void {
    const report = this.report;
    this.root.replaceChildren();
    if (!report) {
      this.root.appendChild(
        h('div', { class: 'empty-state' }, h('p', { class: 'empty-title', text: 'No report' }), h('p', { class: 'empty-text', text: this.error ?? 'The language server has not built the report yet.' })),
      );
      return;
    }
    this.root.append(
      h('h1', { class: 'report-title', text: 'Responsibility report' }),
      this.toolbar(),
      h('p', { class: 'save-status', attrs: { role: 'status', 'aria-live': 'polite' }, text: this.status }),
      totalsLine(report),
    );
    if (report.totals.workloads === 0) {
      this.root.appendChild(h('p', { class: 'empty-text', text: 'No workload in this workspace: declarations are *.srm.yaml files.' }));
    } else if (this.by === 'workload') {
      for (const group of report.groups) this.root.appendChild(this.groupSection(group));
    } else {
      this.root.appendChild(this.ownersSection(report.owners));
    }
    if (report.skipped.length > 0) this.root.appendChild(skippedSection(report.skipped));
  }

  private toolbar(): HTMLElement {
    const view = (by: ReportPageState['by'], label: string): HTMLButtonElement => {
      const button = h('button', { class: 'view-button', text: label, attrs: { type: 'button', 'aria-pressed': this.by === by ? 'true' : 'false', 'data-view': by } });
      button.addEventListener('click', () => {
        this.by = by;
        this.api.setState({ by });
        this.render();
      });
      return button;
    };
    const select = h('select', { class: 'format-select', attrs: { id: 'format-select', 'aria-label': 'Format' } });
    for (const format of REPORT_FORMATS) select.appendChild(h('option', { text: FORMAT_LABELS[format], attrs: { value: format } }));
    const save = h('button', { class: 'save-button', text: 'Save As…', attrs: { type: 'button', 'data-action': 'save' } });
    save.addEventListener('click', () => this.api.postMessage({ type: 'save', format: select.value as ReportFormat, by: this.by }));
    const refresh = h('button', { class: 'refresh-button', text: 'Refresh', attrs: { type: 'button', 'data-action': 'refresh' } });
    refresh.addEventListener('click', () => this.api.postMessage({ type: 'refresh' }));
    return h(
      'div',
      { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Report' } },
      h('span', { class: 'view-group', attrs: { role: 'group', 'aria-label': 'View' } }, view('workload', 'By workload'), view('owner', 'By owner')),
      h('span', { class: 'save-group' }, h('label', { text: 'Format', attrs: { for: 'format-select' } }), select, save),
      refresh,
    );
  }

  private groupSection(group: ReportMatrixGroup): HTMLElement {
    const key = matrixKey(group);
    const source = h('button', { class: 'link-button matrix-source', text: 'source', attrs: { type: 'button', title: group.source.url } });
    source.addEventListener('click', () => this.api.postMessage({ type: 'openLink', url: group.source.url }));
    const head = h('tr', {}, h('th', { attrs: { scope: 'col' }, text: 'Workload' }), h('th', { attrs: { scope: 'col' }, text: 'Model' }));
    for (const layer of group.layers) head.appendChild(h('th', { attrs: { scope: 'col', 'data-layer-id': layer.id }, text: layer.name }));
    head.appendChild(h('th', { attrs: { scope: 'col' }, text: 'Gaps' }));
    const body = h('tbody');
    for (const w of group.workloads) {
      const open = h('button', { class: 'link-button workload-open', text: w.name, attrs: { type: 'button', title: `${w.file}:${w.line}` } });
      open.addEventListener('click', () => this.api.postMessage({ type: 'open', file: w.file, line: w.line }));
      const row = h('tr', { attrs: { 'data-workload': w.name, 'data-file': w.file } }, h('th', { attrs: { scope: 'row' } }, open, h('span', { class: 'workload-file', text: w.file })), h('td', { text: modelLabel(group, w.model) }));
      for (const cell of w.cells) {
        const td = h('td', { class: `cell state-${cell.state}${cell.override ? ' is-overridden' : ''}`, attrs: { 'data-layer-id': cell.layerId, 'data-state': cell.state } }, h('span', { class: 'cell-label', text: cellLabel(cell) }));
        if (cell.override) td.appendChild(h('span', { class: 'cell-override', text: overrideText(cell.override) }));
        if (cell.state === 'gap' && cell.gapReason) td.setAttribute('title', cell.gapReason);
        row.appendChild(td);
      }
      row.appendChild(h('td', { class: w.gaps > 0 ? 'gaps has-gaps' : 'gaps', text: String(w.gaps) }));
      body.appendChild(row);
    }
    const totals = h('tr', { class: 'totals-row' }, h('th', { attrs: { scope: 'row' }, text: 'Gaps per layer' }), h('td'));
    for (const t of group.totals) totals.appendChild(h('td', { attrs: { 'data-layer-id': t.layerId }, text: `${t.gaps} of ${t.required}` }));
    totals.appendChild(h('td', { text: String(group.workloads.reduce((n, w) => n + w.gaps, 0)) }));
    return h(
      'section',
      { class: 'matrix-group', attrs: { 'data-matrix': key, 'aria-label': `${group.title} ${key}` } },
      h('h2', { class: 'group-title' }, h('span', { class: 'matrix-title', text: group.title }), ' ', h('code', { class: 'matrix-ref', text: key }), ' · ', source),
      h('div', { class: 'table-wrap' }, h('table', { class: 'report-table' }, h('thead', {}, head), body, h('tfoot', {}, totals))),
    );
  }

  private ownersSection(owners: readonly ReportOwner[]): HTMLElement {
    const section = h('section', { class: 'owners', attrs: { 'aria-label': 'By owner' } });
    for (const owner of owners) {
      const list = h('ul', { class: 'duties' });
      for (const d of owner.duties) {
        list.appendChild(
          h(
            'li',
            { class: `duty state-${d.state}`, attrs: { 'data-layer-id': d.layerId } },
            h('span', { class: 'duty-workload', text: d.workload }),
            ' — ',
            h('span', { class: 'duty-layer', text: d.layerName }),
            ' ',
            h('code', { class: 'duty-matrix', text: d.matrix }),
            d.state === 'shared' || d.state === 'third-party' ? h('span', { class: 'duty-state', text: ` (${d.state})` }) : null,
            d.handoff ? h('span', { class: 'duty-handoff', text: ` handoff: ${d.handoff}` }) : null,
            d.override ? h('span', { class: 'duty-override', text: ` ${overrideText(d.override)}` }) : null,
          ),
        );
      }
      section.appendChild(
        h(
          'article',
          { class: 'owner', attrs: { 'data-owner': owner.owner } },
          h('h2', { class: 'owner-name' }, h('span', { text: owner.owner }), owner.contact ? h('span', { class: 'owner-contact', text: ` ${owner.contact}` }) : null, h('span', { class: 'owner-count', text: ` ${owner.duties.length} ${owner.duties.length === 1 ? 'layer' : 'layers'}` })),
          list,
        ),
      );
    }
    return section;
  }
}

function totalsLine(report: ResponsibilityReport): HTMLElement {
  const t = report.totals;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  return h(
    'p',
    { class: t.gaps > 0 ? 'totals has-gaps' : 'totals', attrs: { 'data-gaps': t.gaps, 'data-workloads': t.workloads } },
    `${plural(t.workloads, 'workload', 'workloads')} · ${plural(t.required, 'layer needs', 'layers need')} an owner · ${plural(t.gaps, 'gap', 'gaps')} · ${t.overridden} overridden`,
  );
}

function skippedSection(skipped: ResponsibilityReport['skipped']): HTMLElement {
  const list = h('ul', { class: 'skipped-list' });
  for (const s of skipped) list.appendChild(h('li', {}, h('code', { text: s.file }), ': ', h('span', { text: s.reason })));
  return h('section', { class: 'skipped', attrs: { 'aria-label': 'Not reported' } }, h('h2', { text: `Not reported (${skipped.length})` }), list);
}
