import { Composer, Parser, visit, type CST, type Document, type Schema } from 'yaml';
import type { Diagnostic, Span } from '../types';
import { tooComplex, tooManyAliases, yamlSyntax } from '../rules/engine-rules';
import { readDeclaration, type Declaration } from './declaration';
import { cutTooDeep, estimateNodes, type StructureLimits } from './structure';

export interface ParsedDocument {
  readonly declaration: Declaration;
  /** Parser findings: syntax errors, warnings, unresolved aliases, the alias cap. */
  readonly problems: readonly Diagnostic[];
  /** False when the document must not be checked further (alias cap exceeded). */
  readonly checkable: boolean;
  /** True when the document has no content at all (only comments or nothing). */
  readonly empty: boolean;
}

export interface ParsedSegment {
  readonly documents: readonly ParsedDocument[];
  /** What was not read, each with the finding that says why: a document too large, or what is nested too deeply. */
  readonly refused: readonly Diagnostic[];
  /** True when a whole document was not read (too large): then the segment has no declaration to show. */
  readonly wholeRefused: boolean;
}

export interface ParseLimits extends StructureLimits {
  /** Aliases a document may use before it is treated as an alias bomb. */
  readonly maxAliases: number;
}

/** YAML 1.2, strict, duplicate keys kept (a rule reports them), YAML 1.1 merge keys (`<<`) understood. */
export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, merge: true } as const;

/**
 * Parses one segment of the stream. Never throws: every parser error becomes
 * a diagnostic, and the documents are returned with whatever parsed. A
 * document too large or too deeply nested to check is refused before the
 * expensive steps, with one finding instead of a crash or a wait.
 */
export function parseSegment(text: string, limits: ParseLimits): ParsedSegment {
  const nodes = estimateNodes(text);
  if (nodes > limits.maxNodes) {
    return { documents: [], wholeRefused: true, refused: [refusal(`This document is too large to check: about ${nodes} YAML nodes, where the checker reads at most ${limits.maxNodes}. A declaration holds a few dozen; split this one up.`, { start: 0, end: Math.min(1, text.length) })] };
  }
  const refused: Diagnostic[] = [];
  const composer = new Composer(PARSE_OPTIONS);
  const documents: ParsedDocument[] = [];
  for (const doc of composer.compose(guardDepth(new Parser().parse(text), limits.maxDepth, refused))) documents.push(parseDocument(doc, text, limits));
  return { documents, refused, wholeRefused: false };
}

/**
 * Passes the CST through, cut where a document nests deeper than the composer
 * can recurse: one finding says where, and the rest of the document is read.
 */
function* guardDepth(tokens: Iterable<CST.Token>, maxDepth: number, cuts: Diagnostic[]): Generator<CST.Token> {
  for (const token of tokens) {
    const at = token.type === 'document' ? cutTooDeep(token, maxDepth) : undefined;
    if (at !== undefined) {
      cuts.push(refusal(`This is nested too deeply to check: more than ${maxDepth} levels of mappings and lists, where a declaration needs four. What is inside is not read.`, { start: at, end: at + 1 }));
    }
    yield token;
  }
}

function refusal(message: string, span: Span): Diagnostic {
  return { code: tooComplex.code, severity: tooComplex.severity, message, span, fixes: [] };
}

/**
 * The parser makes a schema (its tags and their tables) for every document,
 * and a checked document keeps its tree, so a file of 3,000 workloads kept
 * 3,000 equal schemas. A schema follows from the parse options, which are
 * always PARSE_OPTIONS, and the document's YAML version, which names it: each
 * document gets the first schema of its name instead, the same in every respect.
 */
const SHARED_SCHEMAS = new Map<string, Schema>();

function shareSchema(doc: Document.Parsed): void {
  const kept = SHARED_SCHEMAS.get(doc.schema.name);
  if (kept) doc.schema = kept;
  else SHARED_SCHEMAS.set(doc.schema.name, doc.schema);
}

function parseDocument(doc: Document.Parsed, text: string, limits: ParseLimits): ParsedDocument {
  shareSchema(doc);
  const problems = parserProblems(doc, text.length);
  const declaration = readDeclaration(doc, text);
  const empty = doc.contents === null || (doc.contents.range?.[0] === doc.contents.range?.[1] && declaration.fields.length === 0);
  if (declaration.aliasCount > limits.maxAliases) {
    problems.push({
      code: tooManyAliases.code,
      severity: tooManyAliases.severity,
      message: `This document uses ${declaration.aliasCount} aliases; the checker follows at most ${limits.maxAliases} (a guard against alias bombs). It was not checked further.`,
      span: { start: doc.range[0], end: Math.min(doc.range[1], doc.range[0] + 1) },
      fixes: [],
    });
    return { declaration, problems, checkable: false, empty };
  }
  // Aliases are rare in declarations: walk the tree for unresolved ones only when there are any.
  if (declaration.aliasCount > 0) visit(doc, {
    Alias(_, alias) {
      if (alias.range && !alias.resolve(doc)) {
        problems.push(syntax(`The alias *${alias.source} refers to no anchor (&${alias.source}) before it.`, [alias.range[0], alias.range[1]], 'error', text.length));
      }
    },
  });
  return { declaration, problems, checkable: true, empty };
}

/**
 * The parser's errors and warnings as plain findings, each once. The error
 * objects themselves are dropped from the document: each holds the stack it
 * was made with, whose frames hold the check that parsed it and the earlier
 * results that check reused, so kept they would chain every check of an
 * editing session together. `problems` is where a document's parser findings
 * live from here on.
 */
function parserProblems(doc: Document.Parsed, length: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (d: Diagnostic): void => {
    const key = `${d.span.start}:${d.span.end}:${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  };
  for (const e of doc.errors) add(syntax(e.message, e.pos, 'error', length));
  for (const w of doc.warnings) add(syntax(w.message, w.pos, 'warning', length));
  doc.errors.length = 0;
  doc.warnings.length = 0;
  return out;
}

/** `length` is the text's: the parser reports what is missing at the end of the text one character past it. */
function syntax(message: string, pos: [number, number], severity: 'error' | 'warning', length: number): Diagnostic {
  const clean = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  const start = Math.min(pos[0], length);
  return { code: yamlSyntax.code, severity, message: `YAML: ${clean}.`.replace(/\.\.$/, '.'), span: { start, end: Math.min(Math.max(pos[1], start), length) }, fixes: [] };
}
