/**
 * What the core needs of a tree-sitter parser, as structural types: the core
 * never loads a parser or a grammar. An adapter (server/src/io/tree-sitter.ts
 * in Node, a web worker in a browser) initialises web-tree-sitter with the
 * Terraform grammar's bytes and hands the parser in; web-tree-sitter's own
 * `Parser` and `Node` satisfy these types as they are.
 */

/** One node of a concrete syntax tree. Offsets are UTF-16 code units into the parsed text (web-tree-sitter's `startIndex`). */
export interface SyntaxNode {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  /** An `ERROR` node: text the grammar could not place. */
  readonly isError: boolean;
  /** A token the parser inserted to recover (a `}` that is not there). */
  readonly isMissing: boolean;
  /** This node or one below it is an error or missing. */
  readonly hasError: boolean;
  readonly children: readonly (SyntaxNode | null)[];
  readonly namedChildren: readonly (SyntaxNode | null)[];
}

export interface SyntaxTree {
  readonly rootNode: SyntaxNode;
  /** Frees the tree (web-tree-sitter trees live in WebAssembly memory). */
  delete(): void;
}

/** A parser with the Terraform grammar set. */
export interface TerraformParser {
  parse(text: string): SyntaxTree | null;
}
