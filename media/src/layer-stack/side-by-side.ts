import type { WorkloadStack } from '../../../protocol/layer-stack';
import { derivedMarker, whoClass } from './bands';
import { h, srOnly } from './dom';
import { layerNames, layerOrder, responsibilityLabel, RESPONSIBILITY_LABEL, RESPONSIBILITY_SHORT } from './labels';

/**
 * Every service model of the workload's matrix side by side, as its table draws
 * them (any number of columns, any layers), with the workload's model
 * highlighted, derived cells and the matrix's notes marked and explained, and
 * where this workload overrides its column's cell.
 */
export function renderSideBySide(workload: WorkloadStack | undefined, notes: ReadonlyMap<string, number>): HTMLElement {
  const currentModel = workload?.model;
  const names = layerNames(workload);
  const ids = layerOrder(workload);
  const overrides = new Map((workload?.bands ?? []).flatMap((b) => (b.override ? [[b.id, b.override] as const] : [])));
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
      const override = isCurrent ? overrides.get(layerId) : undefined;
      const td = h('td', {
        class: ['cell', isCurrent ? 'is-current' : '', cell ? whoClass(cell.who) : 'who-none', cell?.derived ? 'is-derived' : '', override ? 'is-overridden' : ''].filter(Boolean).join(' '),
        attrs: { 'data-model': model.id, 'data-who': cell?.who ?? 'none', 'data-override': override?.to },
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
            cell.note ? derivedMarker(cell.note, notes.get(cell.note), 'note') : null,
          ),
        );
        if (override) {
          td.appendChild(
            h(
              'span',
              { class: 'override-note', attrs: { title: `because ${override.reason}` } },
              h('span', { attrs: { 'aria-hidden': 'true' }, text: '→ ' }),
              srOnly('this workload overrides it: '),
              h('span', { class: 'override-to', text: responsibilityLabel(override.to) }),
            ),
          );
        }
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
    const list = h('ol', { class: 'notes', attrs: { 'aria-label': 'Notes on cells' } });
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
    section.append(h('h4', { class: 'notes-heading', text: 'Notes on cells' }), list);
  }
  return section;
}
