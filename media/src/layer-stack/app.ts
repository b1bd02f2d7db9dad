import { resourcesOf, type LayerBand, type LayerStack, type WorkloadStack } from '../../../protocol/layer-stack';
import type { ToWebview, WebviewState } from '../../../protocol/webview-messages';
import { renderStack } from './bands';
import { append, h } from './dom';
import { buildMarkdownTable } from './export-markdown';
import { buildStackSvg, suggestedSvgName } from './export-svg';
import { installStackKeyboard } from './keyboard';
import { derivedNotes, workloadLabel } from './labels';
import { renderMatrixLine, renderResources } from './matrix-line';
import { renderPicker } from './picker';
import { renderSideBySide } from './side-by-side';
import { renderLegend, renderSummary } from './summary';
import { fileStem } from './text';
import type { VsCodeApi } from './vscode-api';

type StackMessage = Extract<ToWebview, { type: 'stack' }>;

/** Accepts only a well-formed `stack` message; anything else posted to the page is ignored. */
export function isStackMessage(data: unknown): data is StackMessage {
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'stack') {
    return false;
  }
  const { stack, fileName } = data as { stack?: unknown; fileName?: unknown };
  if (fileName !== undefined && typeof fileName !== 'string') {
    return false;
  }
  if (stack === null) {
    return true;
  }
  if (typeof stack !== 'object' || stack === undefined) {
    return false;
  }
  const s = stack as Partial<LayerStack>;
  return (
    typeof s.uri === 'string' &&
    typeof s.version === 'number' &&
    Array.isArray(s.workloads) &&
    (s.workloads as readonly unknown[]).every((item) => {
      const w = item as Partial<WorkloadStack> | null;
      return typeof w === 'object' && w !== null && Array.isArray(w.bands) && Array.isArray(w.models) && typeof w.index === 'number' && typeof w.summary === 'object';
    })
  );
}

interface FocusMemo {
  readonly kind: 'band' | 'assign' | 'select' | 'toolbar';
  readonly key?: string;
}

const SUMMARY_ID = 'stack-summary';
/** How long an Assign owner button waits for the new stack before it can be pressed again. */
const ASSIGN_RETRY_MS = 4000;

export class LayerStackApp {
  /** `undefined` until the extension sends the first stack. */
  private stack: LayerStack | null | undefined;
  private fileName: string | undefined;
  /** Document index (WorkloadStack.index) of the selected workload. */
  private selectedIndex: number | undefined;
  private currentLayerId: string | undefined;
  /** Assign requests sent since the last stack arrived, so a double click sends one. */
  private readonly pending = new Set<string>();
  /** The file of the last stack shown (from the saved state before the first one arrives). */
  private lastUri: string | undefined;
  /**
   * Set by "Assign owner", which sends the cursor to the editor: until the user
   * comes back to the page, a re-render must not focus anything here, or VS Code
   * makes the panel the active editor again while the user types in the text.
   */
  private focusLeftForEditor = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
  ) {
    const saved = api.getState();
    this.selectedIndex = typeof saved?.selectedWorkload === 'number' ? saved.selectedWorkload : undefined;
    this.lastUri = typeof saved?.uri === 'string' ? saved.uri : undefined;
  }

  start(target: Window): void {
    const userIsBack = (): void => {
      this.focusLeftForEditor = false;
    };
    target.addEventListener('pointerdown', userIsBack, true);
    target.addEventListener('keydown', userIsBack, true);
    target.addEventListener('message', (event: MessageEvent) => {
      if (isStackMessage(event.data)) {
        this.receive(event.data);
      }
    });
    this.api.postMessage({ type: 'ready' });
  }

  receive(message: StackMessage): void {
    this.stack = message.stack;
    this.fileName = message.fileName;
    this.pending.clear();
    if (message.stack && message.stack.uri !== this.lastUri) {
      // Another file: start from its first workload, unless the state was saved for this very file.
      this.selectedIndex = undefined;
      this.currentLayerId = undefined;
    }
    if (message.stack) {
      this.lastUri = message.stack.uri;
    }
    this.render();
  }

  private selectedWorkload(stack: LayerStack): WorkloadStack | undefined {
    return stack.workloads.find((w) => w.index === this.selectedIndex) ?? stack.workloads[0];
  }

  private saveState(): void {
    const state: WebviewState = { uri: this.lastUri, selectedWorkload: this.selectedIndex };
    this.api.setState(state);
  }

  render(): void {
    const focus = this.rememberFocus();
    const stack = this.stack;
    if (stack === undefined) {
      this.root.replaceChildren(h('p', { class: 'loading', text: 'Loading the layer stack…' }));
      return;
    }
    if (stack === null) {
      this.root.replaceChildren(
        emptyState(
          'No declaration to show',
          'Open a *.srm.yaml file (or switch to its editor) to see who owns each layer of its stack and where the provider takes over.',
        ),
      );
      return;
    }
    const workload = this.selectedWorkload(stack);
    const title = this.fileName ?? fileStem(stack.uri);
    const header = h(
      'header',
      { class: 'page-header' },
      h('h1', { class: 'page-title' }, 'Layer stack', title ? h('span', { class: 'file-name', text: title }) : null),
      workload ? this.toolbar(stack, workload) : null,
    );
    if (!workload) {
      this.root.replaceChildren(
        header,
        emptyState('No workload in this file', 'Declare a workload with workload:, model: and layers: to see its layer stack here.'),
      );
      return;
    }
    if (this.selectedIndex !== workload.index) {
      this.selectedIndex = workload.index;
    }
    this.saveState();

    const notes = derivedNotes(workload);
    const position = stack.workloads.indexOf(workload);
    const list = renderStack({
      workload,
      notes,
      currentLayerId: this.currentLayerId,
      summaryId: SUMMARY_ID,
      handlers: {
        reveal: (band) => this.reveal(stack, workload, band),
        assignOwner: (band, button) => this.assignOwner(stack, workload, band, button),
        openLink: (url) => this.api.postMessage({ type: 'openLink', url }),
      },
    });
    installStackKeyboard(list, {
      activate: (body) => {
        const band = workload.bands.find((b) => b.id === body.dataset.layerId);
        if (band) {
          this.reveal(stack, workload, band);
        }
      },
      current: (layerId) => {
        this.currentLayerId = layerId;
      },
    });

    this.root.replaceChildren();
    append(
      this.root,
      header,
      stack.workloads.length > 1
        ? renderPicker(stack.workloads, position, (next) => {
            const chosen = stack.workloads[next];
            if (chosen) {
              this.selectedIndex = chosen.index;
              this.currentLayerId = undefined;
              this.render();
            }
          })
        : null,
      h(
        'section',
        { class: 'workload', attrs: { 'aria-labelledby': 'workload-heading' } },
        h(
          'h2',
          { class: 'workload-heading', attrs: { id: 'workload-heading' } },
          h('span', { class: 'workload-name', text: workloadLabel(workload) }),
          h('span', { class: 'model-tag', attrs: { title: workload.modelName ?? '' } }, workload.model ? workload.model : 'no model'),
          workload.modelName ? h('span', { class: 'model-full', text: workload.modelName }) : null,
        ),
        renderMatrixLine(workload, (url) => this.api.postMessage({ type: 'openLink', url })),
        renderSummary(workload, SUMMARY_ID),
        renderLegend(workload),
        h(
          'div',
          { class: 'layout' },
          h(
            'section',
            { class: 'stack-section', attrs: { 'aria-labelledby': 'stack-heading' } },
            h('h3', { class: 'section-heading', attrs: { id: 'stack-heading' }, text: 'Layers, top of the stack first' }),
            workload.bands.length > 0 ? list : h('p', { class: 'no-bands', text: 'No layers to draw: the matrix this declaration names cannot be used.' }),
          ),
          renderSideBySide(workload, notes),
        ),
        renderResources(resourcesOf(workload), (resource) => this.api.postMessage({ type: 'openResource', uri: stack.uri, workloadIndex: workload.index, resource })),
      ),
    );
    this.restoreFocus(focus);
  }

  private toolbar(stack: LayerStack, workload: WorkloadStack): HTMLElement {
    const svgButton = h('button', { class: 'button secondary', text: 'Export as SVG', attrs: { type: 'button', 'data-action': 'export-svg' } });
    svgButton.addEventListener('click', () => {
      this.api.postMessage({
        type: 'exportSvg',
        svg: buildStackSvg(stack, workload, { fileName: this.fileName }),
        suggestedName: suggestedSvgName(stack, workload, this.fileName),
      });
    });
    const mdButton = h('button', { class: 'button secondary', text: 'Copy as Markdown table', attrs: { type: 'button', 'data-action': 'copy-markdown' } });
    mdButton.addEventListener('click', () => {
      this.api.postMessage({ type: 'copyMarkdown', markdown: buildMarkdownTable(workload, { fileName: this.fileName }) });
    });
    return h('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Export' } }, svgButton, mdButton);
  }

  private reveal(stack: LayerStack, workload: WorkloadStack, band: LayerBand): void {
    this.currentLayerId = band.id;
    this.api.postMessage({ type: 'reveal', uri: stack.uri, workloadIndex: workload.index, layerId: band.id });
  }

  private assignOwner(stack: LayerStack, workload: WorkloadStack, band: LayerBand, button: HTMLButtonElement): void {
    const key = `${stack.version}:${workload.index}:${band.id}`;
    if (this.pending.has(key)) {
      return;
    }
    this.pending.add(key);
    this.currentLayerId = band.id;
    const label = button.textContent;
    button.setAttribute('aria-disabled', 'true');
    button.classList.add('is-pending');
    button.textContent = 'Assigning…';
    this.focusLeftForEditor = true;
    this.api.postMessage({ type: 'assignOwner', uri: stack.uri, version: stack.version, workloadIndex: workload.index, layerId: band.id });
    // A successful fix edits the file and a new stack replaces this button. If none comes
    // (the extension refused a stale version, the edit failed), let the user try again.
    window.setTimeout(() => {
      if (this.pending.delete(key) && button.isConnected) {
        button.removeAttribute('aria-disabled');
        button.classList.remove('is-pending');
        button.textContent = label;
      }
    }, ASSIGN_RETRY_MS);
  }

  private rememberFocus(): FocusMemo | undefined {
    // A page without focus keeps its activeElement (e.g. the Assign owner button after
    // the editor took the focus): focusing it again would pull VS Code's focus back here.
    if (!document.hasFocus() || this.focusLeftForEditor) {
      return undefined;
    }
    const active = document.activeElement as HTMLElement | null;
    if (!active || !this.root.contains(active)) {
      return undefined;
    }
    if (active.matches('.band-body')) {
      return { kind: 'band', key: active.dataset.layerId };
    }
    if (active.matches('.assign-owner')) {
      return { kind: 'assign', key: active.dataset.layerId };
    }
    if (active.matches('.workload-select')) {
      return { kind: 'select' };
    }
    if (active.matches('[data-action]')) {
      return { kind: 'toolbar', key: active.dataset.action };
    }
    return undefined;
  }

  private restoreFocus(memo: FocusMemo | undefined): void {
    if (!memo) {
      return;
    }
    const byKey = (selector: string): HTMLElement | undefined =>
      Array.from(this.root.querySelectorAll<HTMLElement>(selector)).find((el) => el.dataset.layerId === memo.key || el.dataset.action === memo.key);
    let target: HTMLElement | undefined;
    switch (memo.kind) {
      case 'band':
        target = byKey('.band-body');
        break;
      case 'assign':
        // The gap may be closed now: fall back to the band itself.
        target = byKey('.assign-owner') ?? byKey('.band-body');
        break;
      case 'select':
        target = this.root.querySelector<HTMLElement>('.workload-select') ?? undefined;
        break;
      case 'toolbar':
        target = byKey('[data-action]');
        break;
    }
    target?.focus({ preventScroll: true });
  }
}

function emptyState(title: string, text: string): HTMLElement {
  return h(
    'div',
    { class: 'empty-state', attrs: { role: 'status' } },
    h('div', { class: 'empty-icon', attrs: { 'aria-hidden': 'true' } }, h('span'), h('span'), h('span')),
    h('h2', { class: 'empty-title', text: title }),
    h('p', { class: 'empty-text', text }),
  );
}
