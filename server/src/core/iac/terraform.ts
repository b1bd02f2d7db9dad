import type { Span } from '../types';
import type { SyntaxNode, TerraformParser } from './syntax-tree';
import type { IacDiagnostic, IacFile, ModuleCall, OptionValue, ResourceBlock } from './types';

/** Which options of a resource type the caller wants read (dotted paths such as `launch_type` or `compute_config.enabled`). */
export type WantedOptions = (type: string) => readonly string[] | undefined;

/** Terraform files larger than this are not parsed: no hand-written module comes near it. */
export const MAX_TERRAFORM_LENGTH = 8 * 1024 * 1024;
/** Syntax errors reported per file; the rest are counted in one last diagnostic. */
const MAX_SYNTAX_DIAGNOSTICS = 20;

/**
 * Reads the resources and module calls of one Terraform file. Resources are
 * found at any depth: a block that tree-sitter's error recovery nests inside
 * another (a missing `}` above it) is still a resource. A broken file gives a
 * diagnostic per syntax error with its exact range, and every resource that
 * can still be read.
 */
export function parseTerraform(path: string, text: string, parser: TerraformParser, wanted: WantedOptions = () => undefined): IacFile {
  const resources: ResourceBlock[] = [];
  const modules: ModuleCall[] = [];
  const diagnostics: IacDiagnostic[] = [];
  const file = { path, kind: 'terraform' as const, text, resources, modules, diagnostics };
  if (text.length > MAX_TERRAFORM_LENGTH) {
    diagnostics.push({ severity: 'error', message: `This file is ${(text.length / (1024 * 1024)).toFixed(1)} MB; discovery reads Terraform files of at most ${MAX_TERRAFORM_LENGTH / (1024 * 1024)} MB.`, span: { start: 0, end: 0 } });
    return file;
  }
  const tree = parser.parse(text);
  if (!tree) {
    diagnostics.push({ severity: 'error', message: 'The Terraform parser gave up on this file.', span: { start: 0, end: 0 } });
    return file;
  }
  try {
    const reader = new BlockReader(text, wanted, resources, modules);
    reader.visit(tree.rootNode);
    if (tree.rootNode.hasError) {
      collectSyntaxErrors(tree.rootNode, text, diagnostics);
      recoverHeaders(tree.rootNode, text, resources);
    }
  } finally {
    tree.delete();
  }
  return file;
}

class BlockReader {
  constructor(
    private readonly text: string,
    private readonly wanted: WantedOptions,
    private readonly resources: ResourceBlock[],
    private readonly modules: ModuleCall[],
  ) {}

  /** Blocks below `node`, descending only where blocks can be: bodies, error regions, and the bodies of broken blocks. */
  visit(node: SyntaxNode): void {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'block') this.block(child);
      else if (child.type === 'body' || child.type === 'ERROR') this.visit(child);
    }
  }

  private block(node: SyntaxNode): void {
    const header = readHeader(node, this.text);
    if (header) {
      const { keyword, labels, headerEnd, body } = header;
      const headerSpan = { start: node.startIndex, end: headerEnd };
      if (keyword === 'resource' && labels.length === 2 && labels[0] !== undefined && labels[1] !== undefined) {
        this.resource(node, labels[0], labels[1], headerSpan, body);
      } else if (keyword === 'module' && labels.length === 1 && labels[0] !== undefined) {
        const source = body ? attributeValue(body, 'source', this.text) : undefined;
        const written = source?.kind === 'literal' && typeof source.value === 'string' ? source.value : undefined;
        this.modules.push({ name: labels[0], source: written, span: spanOf(node), headerSpan, local: written !== undefined && isLocalSource(written) });
      }
      // A healthy block holds no resource; a broken one may hold the blocks that follow its missing `}`.
      if (body && node.hasError) this.visit(body);
    } else if (node.hasError) {
      this.visit(node);
    }
  }

  private resource(node: SyntaxNode, type: string, name: string, headerSpan: Span, body: SyntaxNode | undefined): void {
    const options = new Map<string, OptionValue>();
    let multiInstance: ResourceBlock['multiInstance'];
    if (body) {
      const want = this.wanted(type) ?? [];
      const topLevel = new Set(want.map((w) => w.split('.')[0]));
      for (const child of body.namedChildren) {
        if (!child) continue;
        const kind = child.type;
        if (kind === 'attribute') {
          // The key from the text: cheaper than asking the tree for the identifier node.
          const key = leadingIdentifier(this.text, child.startIndex);
          if (key === 'count' || key === 'for_each') multiInstance = key;
          if (key !== undefined && topLevel.has(key)) options.set(key, readExpression(child, this.text));
        } else if (kind === 'block' && topLevel.size > 0) {
          const nested = readHeader(child, this.text);
          if (!nested) continue;
          if (nested.keyword === 'dynamic' && nested.labels[0] !== undefined && topLevel.has(nested.labels[0])) {
            options.set(nested.labels[0], { kind: 'dynamic' });
          } else if (topLevel.has(nested.keyword) && nested.labels.length === 0) {
            this.nestedBlock(nested.keyword, nested.body, want, options);
          }
        }
      }
    }
    this.resources.push({ type, name, span: spanOf(node), headerSpan, ...(multiInstance ? { multiInstance } : {}), options });
  }

  /** A nested block the table asks about: present, and the attributes it asks for inside it; twice with different values is `mixed`. */
  private nestedBlock(key: string, body: SyntaxNode | undefined, want: readonly string[], options: Map<string, OptionValue>): void {
    const seen = options.get(key);
    options.set(key, seen?.kind === 'dynamic' ? seen : { kind: 'block' });
    for (const path of want) {
      if (!path.startsWith(`${key}.`)) continue;
      const attribute = path.slice(key.length + 1);
      const value = body ? attributeValue(body, attribute, this.text) : undefined;
      if (!value) continue;
      const before = options.get(path);
      options.set(path, before === undefined || sameValue(before, value) ? value : { kind: 'mixed' });
    }
  }
}

interface Header {
  readonly keyword: string;
  /** Each label's text; undefined for a label that is not a plain string (`"${x}"`). */
  readonly labels: readonly (string | undefined)[];
  readonly headerEnd: number;
  readonly body: SyntaxNode | undefined;
}

function readHeader(block: SyntaxNode, text: string): Header | undefined {
  let keyword: string | undefined;
  const labels: (string | undefined)[] = [];
  let headerEnd = block.startIndex;
  let body: SyntaxNode | undefined;
  for (const child of block.children) {
    if (!child) continue;
    if (child.type === 'identifier' && keyword === undefined) {
      keyword = text.slice(child.startIndex, child.endIndex);
      headerEnd = child.endIndex;
    } else if (child.type === 'string_lit' || child.type === 'identifier') {
      labels.push(child.type === 'identifier' ? text.slice(child.startIndex, child.endIndex) : stringLiteral(child, text));
      headerEnd = child.endIndex;
    } else if (child.type === 'body') {
      body = child;
    }
  }
  return keyword === undefined ? undefined : { keyword, labels, headerEnd, body };
}

function attributeValue(body: SyntaxNode, key: string, text: string): OptionValue | undefined {
  for (const child of body.namedChildren) {
    if (child?.type === 'attribute' && leadingIdentifier(text, child.startIndex) === key) return readExpression(child, text);
  }
  return undefined;
}

const IDENTIFIER = /[A-Za-z_][\w-]*/y;

/** The identifier an attribute or block starts with, read from the text at its start. */
function leadingIdentifier(text: string, at: number): string | undefined {
  IDENTIFIER.lastIndex = at;
  return IDENTIFIER.exec(text)?.[0];
}

/** An attribute's value: a literal when it is one, else the expression's text and the resources it names. */
function readExpression(attribute: SyntaxNode, text: string): OptionValue {
  const expression = attribute.namedChildren.find((c) => c?.type === 'expression') ?? undefined;
  if (!expression) return { kind: 'expression', text: '', refs: [] };
  const inner = expression.namedChildren[0];
  if (inner?.type === 'literal_value') {
    const lit = inner.namedChildren[0];
    const raw = lit ? text.slice(lit.startIndex, lit.endIndex) : '';
    if (lit?.type === 'bool_lit') return { kind: 'literal', value: raw === 'true' };
    if (lit?.type === 'numeric_lit' && Number.isFinite(Number(raw))) return { kind: 'literal', value: Number(raw) };
    if (lit?.type === 'null_lit') return { kind: 'literal', value: null };
    if (lit?.type === 'string_lit') {
      const value = stringLiteral(lit, text);
      if (value !== undefined) return { kind: 'literal', value };
    }
  }
  const written = text.slice(expression.startIndex, expression.endIndex);
  return { kind: 'expression', text: written, refs: resourceRefs(written) };
}

/**
 * A quoted string without interpolation, as its text (escapes kept as
 * written); undefined when it interpolates (`${…}`, `%{…}`) or is not closed.
 * Read from the text between the quotes: cheaper than the tree's parts.
 */
function stringLiteral(node: SyntaxNode, text: string): string | undefined {
  const start = node.startIndex;
  const end = node.endIndex;
  if (end - start < 2 || text.charCodeAt(start) !== 0x22 || text.charCodeAt(end - 1) !== 0x22) return undefined;
  const inner = text.slice(start + 1, end - 1);
  return /(^|[^$%])[$%]\{/.test(inner) ? undefined : inner;
}

/** `aws_eks_cluster.main` in `aws_eks_cluster.main.name`: resource types always hold an underscore, which `var.`, `local.` and `each.` do not. */
export function resourceRefs(expression: string): string[] {
  const refs = new Set<string>();
  for (const m of expression.matchAll(/(^|[^.\w])([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g)) refs.add(`${m[2]}.${m[3]}`);
  return [...refs];
}

function sameValue(a: OptionValue, b: OptionValue): boolean {
  if (a.kind === 'literal' && b.kind === 'literal') return a.value === b.value;
  if (a.kind === 'expression' && b.kind === 'expression') return a.text === b.text;
  return a.kind === b.kind;
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

function spanOf(node: SyntaxNode): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** One diagnostic per error region or missing token, in order, with the range tree-sitter gives it. */
function collectSyntaxErrors(root: SyntaxNode, text: string, out: IacDiagnostic[]): void {
  const found: IacDiagnostic[] = [];
  const walk = (node: SyntaxNode, block: SyntaxNode | undefined): void => {
    for (const child of node.children) {
      if (!child) continue;
      if (child.isMissing) found.push(missingToken(child, block, text));
      else if (child.isError) found.push(errorRegion(child, text));
      else if (child.hasError) walk(child, child.type === 'block' ? child : block);
    }
  };
  walk(root, undefined);
  found.sort((a, b) => a.span.start - b.span.start);
  out.push(...found.slice(0, MAX_SYNTAX_DIAGNOSTICS));
  if (found.length > MAX_SYNTAX_DIAGNOSTICS) {
    const at = found[MAX_SYNTAX_DIAGNOSTICS]!.span;
    out.push({ severity: 'error', message: `…and ${found.length - MAX_SYNTAX_DIAGNOSTICS} more syntax errors in this file.`, span: at });
  }
}

function missingToken(node: SyntaxNode, block: SyntaxNode | undefined, text: string): IacDiagnostic {
  if ((node.type === '}' || node.type === 'block_end') && block) {
    const header = readHeader(block, text);
    const end = header ? header.headerEnd : block.startIndex;
    return { severity: 'error', message: 'This block is never closed: a "}" is missing. Terraform cannot read this file.', span: { start: block.startIndex, end: Math.max(end, block.startIndex + 1) } };
  }
  const what = /^[a-z_]+$/.test(node.type) ? node.type.replace(/_/g, ' ') : `"${node.type}"`;
  return { severity: 'error', message: `Syntax error: Terraform expects ${what} here.`, span: widen({ start: node.startIndex, end: node.endIndex }, text) };
}

function errorRegion(node: SyntaxNode, text: string): IacDiagnostic {
  const written = text.slice(node.startIndex, node.endIndex).replace(/\s+/g, ' ').trim();
  const shown = written.length > 40 ? `${written.slice(0, 40)}…` : written;
  return { severity: 'error', message: `Syntax error: Terraform cannot read ${shown ? `"${shown}"` : 'this'}.`, span: widen({ start: node.startIndex, end: node.endIndex }, text) };
}

/** A zero-width range covers the character after it, so that an editor can show it (none at the end of the text). */
function widen(span: Span, text: string): Span {
  return span.end > span.start || span.end >= text.length ? span : { start: span.start, end: span.start + 1 };
}

const RESOURCE_HEADER = /^[ \t]*resource[ \t]+"([^"\r\n]+)"[ \t]+"([^"\r\n]+)"[ \t]*\{/gm;

/**
 * Where error recovery swallowed blocks (an unclosed heredoc or string takes
 * everything after it), the resource headers in the text that no block
 * covers are still read, without their options: a syntax error must not hide
 * a workload. Headers inside a healthy comment or string are not resources.
 */
function recoverHeaders(root: SyntaxNode, text: string, resources: ResourceBlock[]): void {
  const literal: Span[] = [];
  const collect = (node: SyntaxNode): void => {
    for (const child of node.children) {
      if (!child) continue;
      if (!child.hasError && (child.type === 'comment' || child.type === 'template_expr' || child.type === 'string_lit')) literal.push(spanOf(child));
      else if (child.children.length > 0) collect(child);
    }
  };
  collect(root);
  for (const m of text.matchAll(RESOURCE_HEADER)) {
    const start = m.index + m[0].length - m[0].trimStart().length;
    if (resources.some((r) => r.headerSpan.start === start) || literal.some((s) => s.start <= start && start < s.end)) continue;
    const headerEnd = m.index + m[0].length - 1;
    const headerSpan = { start, end: text.slice(start, headerEnd).trimEnd().length + start };
    resources.push({ type: m[1]!, name: m[2]!, span: { start, end: headerEnd + 1 }, headerSpan, options: new Map() });
  }
  resources.sort((a, b) => a.span.start - b.span.start);
}
