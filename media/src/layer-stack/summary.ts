import type { WorkloadStack } from '../../../protocol/layer-stack';
import { h } from './dom';
import { countStatuses, RESPONSIBILITY_HINT, RESPONSIBILITY_LABEL, RESPONSIBILITY_SHORT, summaryText } from './labels';

/** "4 of 5 layers that need a customer owner have one", with the count of problems. */
export function renderSummary(workload: WorkloadStack, id: string): HTMLElement {
  const { required, assigned } = workload.summary;
  const { problems, attention } = countStatuses(workload.bands);
  const complete = required > 0 && assigned >= required && problems === 0;
  const state = workload.handoffAfter === undefined ? 'unknown' : complete && attention === 0 ? 'ok' : problems > 0 || assigned < required ? 'problem' : 'attention';
  const extra: string[] = [];
  if (problems > 0) {
    extra.push(`${problems} ${problems === 1 ? 'gap' : 'gaps'}`);
  }
  if (attention > 0) {
    extra.push(`${attention} ${attention === 1 ? 'needs' : 'need'} attention`);
  }
  return h(
    'p',
    { class: `summary summary-${state}`, attrs: { id, 'data-required': required, 'data-assigned': assigned } },
    h('span', { class: 'summary-icon', attrs: { 'aria-hidden': 'true' }, text: state === 'ok' ? '✔' : state === 'unknown' ? '?' : '⚠' }),
    h(
      'span',
      { class: 'summary-body' },
      h('span', { class: 'summary-text', text: summaryText(workload) }),
      extra.length > 0 ? ' ' : null,
      extra.length > 0 ? h('span', { class: 'summary-extra', text: extra.join(' · ') }) : null,
    ),
  );
}

/** What the colours and badges mean. */
export function renderLegend(): HTMLElement {
  const items = (['customer', 'shared', 'provider'] as const).map((who) =>
    h(
      'li',
      { class: `legend-item who-${who}`, attrs: { title: RESPONSIBILITY_HINT[who] } },
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'legend-label', text: RESPONSIBILITY_LABEL[who] }),
      h('span', { class: 'legend-short', attrs: { 'aria-hidden': 'true' }, text: `(${RESPONSIBILITY_SHORT[who]})` }),
    ),
  );
  items.push(
    h(
      'li',
      { class: 'legend-item legend-problem', attrs: { title: 'A layer the customer owns or shares that nobody was assigned, or that was left to the provider' } },
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'legend-label', text: 'Gap' }),
    ),
    h(
      'li',
      { class: 'legend-item legend-attention', attrs: { title: 'Assigned, but something about the entry needs attention' } },
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'legend-label', text: 'Needs attention' }),
    ),
  );
  return h('ul', { class: 'legend', attrs: { 'aria-label': 'Legend' } }, ...items);
}
