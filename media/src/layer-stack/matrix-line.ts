import type { StackResource, WorkloadStack } from '../../../protocol/layer-stack';
import { h } from './dom';

/**
 * Which table the picture rests on: the matrix's title, id and version, and
 * its source (a button: the extension opens the address), where it is not the
 * default (srm-matrix.md: views name the matrix where it is not the default, so
 * the usual picture stays as it was). When the declaration names a matrix that
 * is unknown or broken, what is wrong with it instead.
 */
export function renderMatrixLine(workload: WorkloadStack, openLink: (url: string) => void): HTMLElement | null {
  const matrix = workload.matrix;
  if (!matrix) {
    return h(
      'p',
      { class: 'matrix-line matrix-problem', attrs: { role: 'alert' } },
      h('span', { class: 'matrix-label', text: 'Matrix' }),
      h('span', { class: 'matrix-problem-text', text: workload.matrixProblem ?? 'The matrix this declaration names cannot be used.' }),
    );
  }
  if (matrix.isDefault) {
    return null;
  }
  const source = h('button', { class: 'link-button matrix-source', text: 'source', attrs: { type: 'button', title: matrix.sourceUrl, 'data-url': matrix.sourceUrl } });
  source.addEventListener('click', () => openLink(matrix.sourceUrl));
  return h(
    'p',
    { class: 'matrix-line', attrs: { 'data-matrix': matrix.ref } },
    h('span', { class: 'matrix-label', text: 'Matrix' }),
    h('span', { class: 'matrix-title', text: matrix.title }),
    ' ',
    h('code', { class: 'matrix-ref', text: matrix.ref }),
    ' · ',
    source,
  );
}

/**
 * The infrastructure resources the workload's `iac:` entries claim, each a
 * button that asks the extension to open it (by position: the extension opens
 * only what its own stack names). Nothing when the declaration has no entries.
 */
export function renderResources(resources: readonly StackResource[], open: (position: number) => void): HTMLElement | null {
  if (resources.length === 0) {
    return null;
  }
  const list = h('ul', { class: 'resources' });
  resources.forEach((r, position) => {
    const where = r.status === 'missing' ? `not found in ${r.file}` : `${r.file}:${r.line}`;
    const content = [h('code', { class: 'resource-address', text: r.address }), ' ', h('span', { class: 'resource-where', text: where })];
    let item: HTMLElement;
    if (r.target !== undefined) {
      item = h('button', { class: 'resource-open', attrs: { type: 'button', title: `Open ${r.address}` } }, ...content);
      item.addEventListener('click', () => open(position));
    } else {
      item = h('span', { class: 'resource-text' }, ...content);
    }
    list.appendChild(h('li', { class: `resource ${r.status}`, attrs: { 'data-address': r.address, 'data-status': r.status } }, item));
  });
  return h(
    'section',
    { class: 'resources-section', attrs: { 'aria-labelledby': 'resources-heading' } },
    h('h3', { class: 'section-heading', attrs: { id: 'resources-heading' }, text: `Infrastructure (${resources.length})` }),
    list,
  );
}
