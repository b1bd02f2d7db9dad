/**
 * Keyboard navigation of the band list: one band is in the Tab order at a time
 * (roving tabindex); arrow keys, Home and End move between bands; Enter and Space reveal.
 */

const BAND_SELECTOR = '.band-body';

export interface StackKeyboardOptions {
  /** Enter or Space on a band. */
  activate(body: HTMLElement): void;
  /** A band received focus and is now the one Tab returns to. */
  current(layerId: string): void;
}

export function installStackKeyboard(list: HTMLElement, opts: StackKeyboardOptions): void {
  const bodies = (): HTMLElement[] => Array.from(list.querySelectorAll<HTMLElement>(BAND_SELECTOR));

  list.addEventListener('focusin', (event) => {
    const body = (event.target as Element | null)?.closest<HTMLElement>(BAND_SELECTOR);
    if (!body) {
      return;
    }
    for (const other of bodies()) {
      other.tabIndex = other === body ? 0 : -1;
    }
    const id = body.dataset.layerId;
    if (id !== undefined) {
      opts.current(id);
    }
  });

  list.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (!target || !target.matches(BAND_SELECTOR) || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const all = bodies();
    const index = all.indexOf(target);
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = Math.min(index + 1, all.length - 1);
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = Math.max(index - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = all.length - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (!event.repeat) {
          opts.activate(target);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    const body = all[next];
    if (body && body !== target) {
      body.focus();
      body.scrollIntoView({ block: 'nearest' });
    }
  });
}
