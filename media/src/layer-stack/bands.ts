import type { LayerBand, WorkloadStack } from '../../../protocol/layer-stack';
import { h, srOnly } from './dom';
import { asksForOwner, isKnownResponsibility, isProblem, overrideLabel, RESPONSIBILITY_HINT, responsibilityLabel, statusLabel, workloadLabel } from './labels';

export interface BandHandlers {
  /** The user clicked a band or pressed Enter on it. */
  reveal(band: LayerBand): void;
  /** The user pressed "Assign owner" on a band. */
  assignOwner(band: LayerBand, button: HTMLButtonElement): void;
  /** The user asked to open a source's address (the extension decides whether it may). */
  openLink(url: string): void;
}

export interface StackOptions {
  readonly workload: WorkloadStack;
  /** Note numbers of derived cells. */
  readonly notes: ReadonlyMap<string, number>;
  /** The band that takes Tab focus (roving tabindex); the first band when absent or not found. */
  readonly currentLayerId?: string;
  readonly handlers: BandHandlers;
  readonly summaryId: string;
}

/** Class of the band by who is responsible, so colour follows the model. */
export function whoClass(who: unknown): string {
  return isKnownResponsibility(who) ? `who-${who}` : 'who-unknown';
}

/** The ordered list of bands, top of the stack first, with the handoff line where it falls. */
export function renderStack(opts: StackOptions): HTMLOListElement {
  const { workload } = opts;
  const bands = workload.bands;
  const list = h('ol', {
    class: 'stack',
    attrs: {
      'aria-label': `Layer stack of ${workloadLabel(workload)}, top of the stack first`,
      'aria-describedby': opts.summaryId,
    },
  });
  const current = bands.some((band) => band.id === opts.currentLayerId) ? opts.currentLayerId : bands[0]?.id;
  const handoff = workload.handoffAfter;

  bands.forEach((band, index) => {
    const item = h('li', { class: 'band-item', attrs: { 'data-layer-id': band.id } });
    if (handoff === -1 && index === 0) {
      item.appendChild(handoffLine('top', 'Handoff: the provider runs every layer of this stack'));
    }
    item.appendChild(renderBand(band, index, band.id === current, opts));
    if (handoff !== undefined && handoff >= 0 && handoff === index) {
      item.appendChild(
        index === bands.length - 1
          ? handoffLine('bottom', 'Handoff: no layer of this stack is left to the provider')
          : handoffLine('between', "Handoff: the customer's part ends here; the provider's part begins below"),
      );
    }
    list.appendChild(item);
  });
  return list;
}

function handoffLine(where: 'top' | 'between' | 'bottom', label: string): HTMLElement {
  return h(
    'div',
    { class: `handoff-line handoff-${where}`, attrs: { role: 'separator', 'aria-label': label } },
    h('span', { class: 'handoff-rule', attrs: { 'aria-hidden': 'true' } }),
    h(
      'span',
      { class: 'handoff-label', attrs: { 'aria-hidden': 'true' } },
      where === 'top' ? '▼ Provider from here' : where === 'bottom' ? '▲ Customer throughout' : '▲ Customer · Handoff · Provider ▼',
    ),
    h('span', { class: 'handoff-rule', attrs: { 'aria-hidden': 'true' } }),
  );
}

function renderBand(band: LayerBand, index: number, isCurrent: boolean, opts: StackOptions): HTMLElement {
  const who = band.who;
  const classes = ['band', whoClass(who), `status-${band.status}`];
  if (isProblem(band.status)) {
    classes.push('is-problem');
  }
  if (band.override) {
    classes.push('is-overridden');
  }
  if (band.advice) {
    classes.push('is-advised');
  }
  const el = h('div', {
    class: classes.join(' '),
    attrs: {
      'data-layer-id': band.id,
      'data-band-index': index,
      'data-who': who ?? 'unknown',
      'data-status': band.status,
      'data-overridden': band.override ? 'true' : undefined,
      'data-advised': band.advice ? 'true' : undefined,
    },
  });

  const noteNumber = band.derived ? opts.notes.get(band.derived) : undefined;
  const cellNote = band.note ? opts.notes.get(band.note) : undefined;
  const whoTag = h(
    'span',
    { class: `who-tag ${whoClass(who)}`, attrs: { title: isKnownResponsibility(who) ? RESPONSIBILITY_HINT[who] : 'The model is missing or unknown' } },
    h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
    responsibilityLabel(who),
    band.derived ? derivedMarker(band.derived, noteNumber) : null,
    band.note ? derivedMarker(band.note, cellNote, 'note') : null,
  );

  const head = h(
    'div',
    { class: 'band-head' },
    h('span', { class: 'band-name', text: band.name }),
    whoTag,
    band.override ? h('span', { class: 'override-badge', text: 'Overridden' }) : null,
    band.status !== 'provider' && band.status !== 'assigned' && band.status !== 'not-applicable'
      ? h('span', { class: `status-badge status-${band.status}`, text: statusLabel(band.status) })
      : null,
  );

  const details = h('dl', { class: 'band-details' });
  if (band.owner !== undefined && band.owner !== '') {
    details.appendChild(detail(who === 'third-party' ? 'Third party' : 'Owner', band.owner, band.status === 'wrongly-provider' || band.status === 'gap' ? 'value is-wrong' : 'value'));
  } else if (asksForOwner(who)) {
    details.appendChild(detail(who === 'third-party' ? 'Third party' : 'Owner', 'nobody assigned', 'value is-missing'));
  }
  if (who === 'shared' || who === 'third-party' || (band.handoff !== undefined && band.handoff !== '')) {
    details.appendChild(
      band.handoff !== undefined && band.handoff !== ''
        ? detail('Handoff', band.handoff, 'value')
        : detail('Handoff', 'not stated', 'value is-missing'),
    );
  }
  if (band.override) {
    details.appendChild(detail(overrideLabel(band.override), `because ${band.override.reason}`, 'value override-reason'));
  }

  const body = h(
    'div',
    {
      class: 'band-body',
      attrs: {
        role: 'button',
        tabindex: isCurrent ? 0 : -1,
        'aria-label': bandAccessibleName(band, noteNumber),
        'aria-keyshortcuts': 'Enter',
        'data-layer-id': band.id,
      },
    },
    head,
    details.childElementCount > 0 ? details : null,
    band.reason
      ? h(
          'p',
          { class: 'band-reason' },
          h('span', { class: 'reason-icon', attrs: { 'aria-hidden': 'true' }, text: '!' }),
          h('span', { class: 'reason-text', text: band.reason }),
        )
      : null,
  );
  el.appendChild(body);
  if (band.advice) {
    el.appendChild(renderAdvice(band.advice, opts.handlers));
  }

  if (band.canAssign) {
    const button = h('button', {
      class: 'button assign-owner',
      text: 'Assign owner',
      attrs: { type: 'button', 'aria-label': `Assign owner for ${band.name}`, 'data-layer-id': band.id },
    });
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      opts.handlers.assignOwner(band, button);
    });
    el.appendChild(h('div', { class: 'band-actions' }, button));
  }

  el.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    if (target?.closest('button')) {
      return;
    }
    // A click anywhere on the band reveals it, and makes it the band Tab returns to.
    body.focus({ preventScroll: true });
    opts.handlers.reveal(band);
  });
  return el;
}

function detail(term: string, value: string, valueClass: string): HTMLElement {
  return h('div', { class: 'detail' }, h('dt', { text: term }), h('dd', { class: valueClass, text: value }));
}

/** A superscript that points to a note below: why a cell was derived, or what the matrix's source says about it. */
export function derivedMarker(text: string, note: number | undefined, kind: 'derived' | 'note' = 'derived'): HTMLElement {
  const words = kind === 'derived' ? 'derived' : 'matrix note';
  return h(
    'sup',
    { class: kind === 'derived' ? 'derived-marker' : 'note-marker-ref', attrs: { title: text, 'data-note': note } },
    h('span', { attrs: { 'aria-hidden': 'true' }, text: note !== undefined ? String(note) : '*' }),
    srOnly(note !== undefined ? ` (${words}, see note ${note})` : ` (${words})`),
  );
}

/** Who owns this layer depends on an option of the service: each cited option and what it makes of the layer. */
function renderAdvice(advice: NonNullable<LayerBand['advice']>, handlers: BandHandlers): HTMLElement {
  const list = h('ul', { class: 'advice-options' });
  for (const option of advice.options) {
    const source = h('button', { class: 'link-button advice-source', text: 'source', attrs: { type: 'button', title: option.source, 'data-url': option.source } });
    source.addEventListener('click', (event) => {
      event.stopPropagation();
      handlers.openLink(option.source);
    });
    list.appendChild(
      h(
        'li',
        { class: 'advice-option', attrs: { 'data-who': option.who } },
        h('span', { class: 'advice-name', text: option.name }),
        ' → ',
        h('span', { class: `chip ${whoClass(option.who)}` }, h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'chip-full', text: responsibilityLabel(option.who) })),
        ' ',
        source,
      ),
    );
  }
  return h(
    'div',
    { class: 'band-advice', attrs: { role: 'note', 'aria-label': `Service advice for ${advice.service}` } },
    h('p', { class: 'advice-text' }, h('span', { class: 'advice-service', text: advice.service }), ': ', h('span', { class: 'advice-depends', text: advice.depends }), ' Record the option that applies as an override (the quick fix on service: writes it).'),
    list,
  );
}

function bandAccessibleName(band: LayerBand, note: number | undefined): string {
  const parts = [`${band.name}: ${responsibilityLabel(band.who).toLowerCase()}`];
  if (band.derived) {
    parts[0] += note !== undefined ? ` (derived, see note ${note})` : ' (derived)';
  }
  if (band.owner) {
    parts.push(`owner ${band.owner}`);
  } else if (asksForOwner(band.who)) {
    parts.push('no owner');
  }
  if (band.handoff) {
    parts.push(`handoff ${band.handoff}`);
  }
  if (band.override) {
    parts.push(`${overrideLabel(band.override).toLowerCase()}, because ${band.override.reason}`);
  }
  if (band.advice) {
    parts.push(`depends on an option of ${band.advice.service}`);
  }
  if (band.status !== 'assigned' && band.status !== 'provider' && band.status !== 'not-applicable') {
    parts.push(band.reason ? `${statusLabel(band.status)}: ${band.reason}` : statusLabel(band.status));
  }
  const text = parts.join('; ');
  return `${text}${/[.!?]$/.test(text) ? '' : '.'} Press Enter to show it in the editor.`;
}
