/**
 * The report page's partial redraw: a node the new report still wants stays
 * the same node (its focus, its selection, no layout work), and only what a
 * patch changed is created. Rows are keyed by the report objects they draw:
 * applyReportPatch keeps every untouched workload, duty and owner as the same
 * object, so "same object" means "nothing to redraw".
 */

/**
 * Makes `parent`'s children exactly `wanted`, in order. Nodes no longer wanted
 * are removed first, so that one row gone from the middle of a long table moves
 * nothing; a node already in its place is not touched.
 */
export function reconcileChildren(parent: Node, wanted: readonly Node[]): void {
  const keep = new Set(wanted);
  for (let child = parent.firstChild; child; ) {
    const next = child.nextSibling;
    if (!keep.has(child)) parent.removeChild(child);
    child = next;
  }
  let cursor = parent.firstChild;
  for (const node of wanted) {
    if (node === cursor) {
      cursor = cursor.nextSibling;
    } else {
      parent.insertBefore(node, cursor);
    }
  }
}

/** The nodes for `items`, each drawn once per object and reused while the object lives. */
export class NodeCache<T extends object, N extends Node> {
  private readonly nodes = new WeakMap<T, N>();

  constructor(private readonly draw: (item: T) => N) {}

  nodesFor(items: readonly T[]): N[] {
    return items.map((item) => {
      let node = this.nodes.get(item);
      if (!node) {
        node = this.draw(item);
        this.nodes.set(item, node);
      }
      return node;
    });
  }
}
