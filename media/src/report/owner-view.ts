import type { ReportOwner } from '../../../protocol/report';
import type { ReportOwnerDuty } from '../../../server/src/core/report/model';
import { overrideText } from '../../../server/src/core/report/cells';
import { h } from '../layer-stack/dom';
import { NodeCache, reconcileChildren } from './keyed';
import { ChunkedBody } from './row-chunks';

interface OwnerArticle {
  owner: ReportOwner;
  readonly article: HTMLElement;
  heading: HTMLElement;
  readonly list: HTMLElement;
  readonly duties: ChunkedBody<ReportOwnerDuty>;
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
        const duties = new ChunkedBody(new NodeCache<ReportOwnerDuty, HTMLLIElement>(dutyItem), dutyKey, dutyGroup);
        const list = h('div', { class: 'duties', attrs: { role: 'list' } }, ...duties.bodies(owner.duties));
        const heading = ownerHeading(owner);
        entry = { owner, article: h('article', { class: 'owner', attrs: { 'data-owner': owner.owner } }, heading, list), heading, list, duties };
      } else if (entry.owner !== owner) {
        const heading = ownerHeading(owner);
        entry.article.replaceChild(heading, entry.heading);
        entry.heading = heading;
        entry.owner = owner;
        reconcileChildren(entry.list, entry.duties.bodies(owner.duties));
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

/*
 * An owner may have thousands of duties: they come in groups (row-chunks.ts),
 * each a <ul> without a role of its own inside the owner's one list, so that a
 * screen reader hears one list of all of them.
 */
function dutyGroup(): HTMLUListElement {
  return h('ul', { class: 'duty-group', attrs: { role: 'none' } });
}

function dutyKey(d: ReportOwnerDuty): string {
  return `${d.file}\0${d.workload}\0${d.layerId}`;
}

function dutyItem(d: ReportOwnerDuty): HTMLLIElement {
  return h(
    'li',
    { class: `duty state-${d.state}`, attrs: { role: 'listitem', 'data-layer-id': d.layerId, 'data-file': d.file } },
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
