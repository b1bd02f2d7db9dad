import type { WorkloadStack } from '../../../protocol/layer-stack';
import { h } from './dom';
import { gapCount, gapsText, workloadLabel } from './labels';

/** The workload picker of a multi-document file. */
export function renderPicker(workloads: readonly WorkloadStack[], selected: number, onSelect: (position: number) => void): HTMLElement {
  const select = h('select', { class: 'workload-select', attrs: { id: 'workload-select' } });
  workloads.forEach((workload, position) => {
    const gaps = gapCount(workload);
    const parts = [workloadLabel(workload), workload.model ?? 'no model'];
    if (gaps > 0) {
      parts.push(gapsText(gaps));
    }
    const option = h('option', { attrs: { value: position }, text: parts.join(' — ') });
    option.selected = position === selected;
    select.appendChild(option);
  });
  select.addEventListener('change', () => onSelect(Number(select.value)));
  return h(
    'div',
    { class: 'picker' },
    h('label', { class: 'picker-label', attrs: { for: 'workload-select' }, text: 'Workload' }),
    select,
    h('span', { class: 'picker-count', text: `${selected + 1} of ${workloads.length} in this file` }),
  );
}
