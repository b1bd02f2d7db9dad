import type { LayerStack, WorkloadStack } from '../../../protocol/layer-stack';
import { derivedMarker, whoClass } from './bands';
import { h, srOnly } from './dom';
import { layerNames, layerOrder, RESPONSIBILITY_LABEL, RESPONSIBILITY_SHORT } from './labels';

/**
 * Every model of the stack side by side, as the reference table draws them, with the
 * workload's model highlighted and derived cells marked and explained in notes.
 */
export function renderSideBySide(stack: LayerStack, workload: WorkloadStack | undefined, notes: ReadonlyMap<string, number>): HTMLElement {
  const currentModel = workload?.model;
  const names = layerNames(stack);
  const ids = layerOrder(stack, workload);
  const models = workload?.models ?? [];
  const hasCurrent = models.some((model) => model.id === currentModel);

  const caption = h(
    'caption',
    { class: 'sr-only' },
    hasCurrent
      ? `Who is responsible for each layer under each service model. This workload's model, ${currentModel}, is highlighted.`
      : 'Who is responsible for each layer under each service model.',
  );

  const headRow = h('tr', {}, h('th', { class: 'layer-col', attrs: { scope: 'col' }, text: 'Layer' }));
  for (const model of models) {
    const isCurrent = model.id === currentModel;
    headRow.appendChild(
      h(
        'th',
        {
          class: isCurrent ? 'model-col is-current' : 'model-col',
          attrs: { scope: 'col', 'data-model': model.id, title: model.name, 'aria-current': isCurrent ? 'true' : undefined },
        },
        h('span', { class: 'model-id', text: model.id }),
        h('span', { class: 'model-name', text: model.name }),
        isCurrent ? h('span', { class: 'current-badge', text: 'this workload' }) : null,
      ),
    );
  }

  const body = h('tbody');
  for (const layerId of ids) {
    const row = h('tr', { attrs: { 'data-layer-id': layerId } }, h('th', { class: 'layer-col', attrs: { scope: 'row' }, text: names.get(layerId) ?? layerId }));
    for (const model of models) {
      const cell = model.cells.find((c) => c.layerId === layerId);
      const isCurrent = model.id === currentModel;
      const td = h('td', {
        class: ['cell', isCurrent ? 'is-current' : '', cell ? whoClass(cell.who) : 'who-none', cell?.derived ? 'is-derived' : ''].filter(Boolean).join(' '),
        attrs: { 'data-model': model.id, 'data-who': cell?.who ?? 'none' },
      });
      if (cell) {
        const label = RESPONSIBILITY_LABEL[cell.who] ?? String(cell.who);
        td.appendChild(
          h(
            'span',
            { class: `chip ${whoClass(cell.who)}` },
            h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
            h('span', { class: 'chip-full', text: label }),
            h('span', { class: 'chip-short', attrs: { 'aria-hidden': 'true' }, text: RESPONSIBILITY_SHORT[cell.who] ?? '?' }),
            cell.derived ? derivedMarker(cell.derived, notes.get(cell.derived)) : null,
          ),
        );
      } else {
        td.append(h('span', { attrs: { 'aria-hidden': 'true' }, text: '—' }), srOnly('not in this model'));
      }
      row.appendChild(td);
    }
    body.appendChild(row);
  }

  const table = h('table', { class: 'models-table' }, caption, h('thead', {}, headRow), body);
  const section = h(
    'section',
    { class: 'side-by-side', attrs: { 'aria-labelledby': 'models-heading' } },
    h('h3', { class: 'section-heading', attrs: { id: 'models-heading' }, text: 'Service models side by side' }),
    h(
      'p',
      { class: 'section-hint' },
      hasCurrent
        ? `The highlighted column is this workload's model (${currentModel}).`
        : "This workload's model is missing or unknown, so no column is highlighted.",
    ),
    h('div', { class: 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': 'Service models table (scrolls sideways when narrow)' } }, table),
  );
  if (notes.size > 0) {
    const list = h('ol', { class: 'notes', attrs: { 'aria-label': 'Notes on derived cells' } });
    for (const [text, n] of notes) {
      list.appendChild(
        h(
          'li',
          { class: 'note', attrs: { id: `note-${n}`, 'data-note': n } },
          h('span', { class: 'note-marker', attrs: { 'aria-hidden': 'true' }, text: String(n) }),
          srOnly(`Note ${n}: `),
          h('span', { class: 'note-text', text }),
        ),
      );
    }
    section.append(h('h4', { class: 'notes-heading', text: 'Derived cells' }), list);
  }
  return section;
}
