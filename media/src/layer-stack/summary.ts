import type { Responsibility, WorkloadStack } from '../../../protocol/layer-stack';
import { h } from './dom';
import { attentionCount, gapCount, gapsText, RESPONSIBILITY_HINT, RESPONSIBILITY_LABEL, RESPONSIBILITY_SHORT, summaryText } from './labels';

/** "4 of 5 layers that need a customer owner have one", with the core's gap count and what needs attention. */
export function renderSummary(workload: WorkloadStack, id: string): HTMLElement {
  const { required, assigned } = workload.summary;
  const gaps = gapCount(workload);
  const attention = attentionCount(workload);
  const state = workload.handoffAfter === undefined ? 'unknown' : gaps > 0 ? 'problem' : attention > 0 ? 'attention' : 'ok';
  const extra: string[] = [];
  if (gaps > 0) {
    extra.push(gapsText(gaps));
  }
  if (attention > 0) {
    extra.push(`${attention} ${attention === 1 ? 'needs' : 'need'} attention`);
  }
  return h(
    'p',
    { class: `summary summary-${state}`, attrs: { id, 'data-required': required, 'data-assigned': assigned, 'data-gaps': gaps } },
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

const LEGEND_ORDER: readonly Responsibility[] = ['customer', 'shared', 'third-party', 'provider', 'not-applicable'];

/**
 * What the colours and badges mean: customer, shared and provider always (the
 * picture's three bands), third-party and not-applicable when the workload's
 * matrix has such cells.
 */
export function renderLegend(workload: WorkloadStack): HTMLElement {
  const present = new Set<string>();
  for (const band of workload.bands) {
    present.add(String(band.who));
  }
  for (const model of workload.models) {
    for (const cell of model.cells) {
      present.add(cell.who);
    }
  }
  const shown = LEGEND_ORDER.filter((who) => who === 'customer' || who === 'shared' || who === 'provider' || present.has(who));
  const items = shown.map((who) =>
    h(
      'li',
      { class: `legend-item who-${who}`, attrs: { title: RESPONSIBILITY_HINT[who], 'data-who': who } },
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'legend-label', text: RESPONSIBILITY_LABEL[who] }),
      h('span', { class: 'legend-short', attrs: { 'aria-hidden': 'true' }, text: `(${RESPONSIBILITY_SHORT[who]})` }),
    ),
  );
  items.push(
    h(
      'li',
      { class: 'legend-item legend-problem', attrs: { title: 'A layer the customer owns, shares or outsources that has no real owner: no entry, a placeholder, or left to the provider' } },
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'legend-label', text: 'Gap' }),
    ),
    h(
      'li',
      { class: 'legend-item legend-attention', attrs: { title: 'Owned, but the handoff the layer asks for is not stated' } },
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'legend-label', text: 'Needs attention' }),
    ),
  );
  return h('ul', { class: 'legend', attrs: { 'aria-label': 'Legend' } }, ...items);
}
