import { CST } from 'yaml';

/**
 * Limits that keep the cost of one document bounded whatever its text: a
 * declaration is a few dozen nodes a few levels deep, so anything far beyond
 * is not one, and checking it would only cost the user time and memory.
 */
export interface StructureLimits {
  /** Nesting of collections inside one another. The parser recurses per level: past ~800 it overflows the stack. */
  readonly maxDepth: number;
  /** Structural characters (`:`, `,`, `[`, `{`, line breaks) in one document: an upper bound on its nodes. */
  readonly maxNodes: number;
}

export const DEFAULT_STRUCTURE_LIMITS: StructureLimits = { maxDepth: 64, maxNodes: 100_000 };

/**
 * An upper bound on the nodes of a text, from its structural characters: cheap
 * (one pass, no allocation), so it can run before the parser, whose cost grows
 * with the nodes.
 */
export function estimateNodes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // : , [ { \n
    if (c === 58 || c === 44 || c === 91 || c === 123 || c === 10) n++;
  }
  return n;
}

/**
 * Cuts a document's CST where its nesting goes past `limit`: each collection
 * that deep becomes an empty scalar, so the rest of the document is read and
 * checked as usual. Returns where the first cut was made, or undefined when the
 * document stays within the limit. Iterative: it never recurses.
 */
export function cutTooDeep(doc: CST.Document, limit: number): number | undefined {
  let first: number | undefined;
  const stack: { token: CST.Token; depth: number }[] = doc.value ? [{ token: doc.value, depth: 1 }] : [];
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!CST.isCollection(token)) continue;
    for (const item of token.items as CST.CollectionItem[]) {
      for (const side of ['key', 'value'] as const) {
        const child = item[side];
        if (!child || !CST.isCollection(child)) continue;
        if (depth + 1 > limit) {
          first = Math.min(first ?? child.offset, child.offset);
          item[side] = { type: 'scalar', offset: child.offset, indent: child.indent, source: '' };
        } else stack.push({ token: child, depth: depth + 1 });
      }
    }
  }
  return first;
}
