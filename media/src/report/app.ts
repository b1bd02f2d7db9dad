import type { ReportFormat, ResponsibilityReport } from '../../../protocol/report';
import { REPORT_FORMATS } from '../../../protocol/report';
import type { FromReportPage, ReportPageState, ToReportPage } from '../../../protocol/report-messages';
import { applyReportPatch } from '../../../server/src/core/report/apply-patch';
import { h } from '../layer-stack/dom';
import { NodeCache, reconcileChildren } from './keyed';
import { OwnerView } from './owner-view';
import type { ReportApi } from './vscode-api';
import { WorkloadView } from './workload-view';

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
 * core's (report/cells.ts), as in every export. A patch redraws only what it
 * changed (keyed.ts): at 10,000 workloads, one edited file is a few rows.
 */
export class ReportApp {
  private report: ResponsibilityReport | null = null;
  private error: string | undefined;
  private by: ReportPageState['by'];
  private readonly post = (message: FromReportPage): void => this.api.postMessage(message);
  private readonly workloads = new WorkloadView(this.post);
  private readonly owners = new OwnerView();
  private readonly skipped = new SkippedSection();
  private readonly title = h('h1', { class: 'report-title', text: 'Responsibility report' });
  private readonly viewButtons: HTMLButtonElement[] = [];
  private readonly toolbar: HTMLElement;
  private readonly status = h('p', { class: 'save-status', attrs: { role: 'status', 'aria-live': 'polite' }, text: '' });
  private readonly noWorkload = h('p', { class: 'empty-text', text: 'No workload in this workspace: declarations are *.srm.yaml files.' });
  private totals: { readonly of: ResponsibilityReport['totals']; readonly line: HTMLElement } | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: ReportApi,
  ) {
    this.by = api.getState()?.by === 'owner' ? 'owner' : 'workload';
    this.toolbar = this.makeToolbar();
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
      this.status.textContent = message.file ? `Saved as ${FORMAT_LABELS[message.format] ?? message.format}: ${message.file}` : '';
    }
  }

  private render(): void {
    const report = this.report;
    if (!report) {
      this.workloads.clear();
      this.owners.clear();
      this.totals = undefined;
      this.root.replaceChildren(
        h('div', { class: 'empty-state' }, h('p', { class: 'empty-title', text: 'No report' }), h('p', { class: 'empty-text', text: this.error ?? 'The language server has not built the report yet.' })),
      );
      return;
    }
    if (this.totals?.of !== report.totals) this.totals = { of: report.totals, line: totalsLine(report) };
    const content: Node[] = [this.title, this.toolbar, this.status, this.totals.line];
    if (report.totals.workloads === 0) {
      content.push(this.noWorkload);
    } else if (this.by === 'workload') {
      this.owners.clear();
      content.push(...this.workloads.sections(report.groups));
    } else {
      this.workloads.clear();
      content.push(this.owners.element(report.owners));
    }
    const skipped = this.skipped.element(report.skipped);
    if (skipped) content.push(skipped);
    reconcileChildren(this.root, content);
  }

  private makeToolbar(): HTMLElement {
    const view = (by: ReportPageState['by'], label: string): HTMLButtonElement => {
      const button = h('button', { class: 'view-button', text: label, attrs: { type: 'button', 'aria-pressed': this.by === by ? 'true' : 'false', 'data-view': by } });
      button.addEventListener('click', () => {
        this.by = by;
        this.api.setState({ by });
        for (const b of this.viewButtons) b.setAttribute('aria-pressed', b.dataset.view === by ? 'true' : 'false');
        this.render();
      });
      this.viewButtons.push(button);
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

type Skipped = ResponsibilityReport['skipped'][number];

/** The files not reported: one item per entry, kept while the entry is. */
class SkippedSection {
  private readonly heading = h('h2', { text: '' });
  private readonly list = h('ul', { class: 'skipped-list' });
  private readonly section = h('section', { class: 'skipped', attrs: { 'aria-label': 'Not reported' } }, this.heading, this.list);
  private readonly items = new NodeCache<Skipped, HTMLLIElement>((s) => h('li', {}, h('code', { text: s.file }), ': ', h('span', { text: s.reason })));

  element(skipped: readonly Skipped[]): HTMLElement | undefined {
    if (skipped.length === 0) return undefined;
    this.heading.textContent = `Not reported (${skipped.length})`;
    reconcileChildren(this.list, this.items.nodesFor(skipped));
    return this.section;
  }
}
