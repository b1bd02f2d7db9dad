/**
 * The only way the page creates elements. Text from the declaration file goes in
 * through text nodes and setAttribute; nothing here parses HTML.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
}

/** Attributes that could run or load something are never set from here. */
const FORBIDDEN_ATTR = /^(on|style$|src$|href$|srcdoc$|formaction$|xlink:href$)/i;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) {
    el.className = props.class;
  }
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (value === undefined || value === false) {
        continue;
      }
      if (FORBIDDEN_ATTR.test(name)) {
        throw new Error(`refusing to set attribute ${name}`);
      }
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (props.text !== undefined) {
    el.textContent = props.text;
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Text only a screen reader hears. */
export function srOnly(text: string): HTMLSpanElement {
  return h('span', { class: 'sr-only', text });
}
