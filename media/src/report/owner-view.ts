import type { ReportOwner } from '../../../protocol/report';
import type { ReportOwnerDuty } from '../../../server/src/core/report/model';
import { overrideText } from '../../../server/src/core/report/cells';
import { h } from '../layer-stack/dom';
import { NodeCache, reconcileChildren } from './keyed';

interface OwnerArticle {
  owner: ReportOwner;
  readonly article: HTMLElement;
  heading: HTMLElement;
  readonly list: HTMLUListElement;
  readonly duties: NodeCache<ReportOwnerDuty, HTMLLIElement>;
}

/**
 * The by-owner view: one article per owner. A redraw keeps the article of an
 * owner whose duties did not change, and in a changed one every duty that
 * stayed (an owner may have thousands; a file changes a handful).
 */
export class OwnerView {
  private readonly section = h('section', { class: 'owners', attrs: { 'aria-label': 'By owner' } });
  private articles = new Map<string, OwnerArticle>();

  element(owners: readonly ReportOwner[]): HTMLElement {
    const next = new Map<string, OwnerArticle>();
    for (const owner of owners) {
      let entry = this.articles.get(owner.owner);
      if (!entry) {
        const duties = new NodeCache<ReportOwnerDuty, HTMLLIElement>(dutyItem);
        const list = h('ul', { class: 'duties' }, ...duties.nodesFor(owner.duties));
        const heading = ownerHeading(owner);
        entry = { owner, article: h('article', { class: 'owner', attrs: { 'data-owner': owner.owner } }, heading, list), heading, list, duties };
      } else if (entry.owner !== owner) {
        const heading = ownerHeading(owner);
        entry.article.replaceChild(heading, entry.heading);
        entry.heading = heading;
        entry.owner = owner;
        reconcileChildren(entry.list, entry.duties.nodesFor(owner.duties));
      }
      next.set(owner.owner, entry);
    }
    this.articles = next;
    reconcileChildren(this.section, [...next.values()].map((e) => e.article));
    return this.section;
  }

  /** Forgets every article (the other view is shown). */
  clear(): void {
    this.articles = new Map();
    this.section.replaceChildren();
  }
}

function ownerHeading(owner: ReportOwner): HTMLElement {
  return h(
    'h2',
    { class: 'owner-name' },
    h('span', { text: owner.owner }),
    owner.contact ? h('span', { class: 'owner-contact', text: ` ${owner.contact}` }) : null,
    h('span', { class: 'owner-count', text: ` ${owner.duties.length} ${owner.duties.length === 1 ? 'layer' : 'layers'}` }),
  );
}

function dutyItem(d: ReportOwnerDuty): HTMLLIElement {
  return h(
    'li',
    { class: `duty state-${d.state}`, attrs: { 'data-layer-id': d.layerId, 'data-file': d.file } },
    h('span', { class: 'duty-workload', text: d.workload }),
    ' — ',
    h('span', { class: 'duty-layer', text: d.layerName }),
    ' ',
    h('code', { class: 'duty-matrix', text: d.matrix }),
    d.state === 'shared' || d.state === 'third-party' ? h('span', { class: 'duty-state', text: ` (${d.state})` }) : null,
    d.handoff ? h('span', { class: 'duty-handoff', text: ` handoff: ${d.handoff}` }) : null,
    d.override ? h('span', { class: 'duty-override', text: ` ${overrideText(d.override)}` }) : null,
  );
}
