import { parseAllDocuments, visit, type Document } from 'yaml';
import type { Diagnostic } from '../types';
import { tooManyAliases, yamlSyntax } from '../rules/engine-rules';
import { readDeclaration, type Declaration } from './declaration';

export interface ParsedDocument {
  readonly declaration: Declaration;
  /** Parser findings: syntax errors, warnings, unresolved aliases, the alias cap. */
  readonly problems: readonly Diagnostic[];
  /** False when the document must not be checked further (alias cap exceeded). */
  readonly checkable: boolean;
  /** True when the document has no content at all (only comments or nothing). */
  readonly empty: boolean;
}

export interface ParseLimits {
  /** Aliases a document may use before it is treated as an alias bomb. */
  readonly maxAliases: number;
}

/**
 * Parses one segment of the stream. Never throws: every parser error becomes
 * a diagnostic, and the documents are returned with whatever parsed.
 */
export function parseSegment(text: string, limits: ParseLimits): ParsedDocument[] {
  const docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: true });
  return docs.map((doc) => parseDocument(doc, text, limits));
}

function parseDocument(doc: Document.Parsed, text: string, limits: ParseLimits): ParsedDocument {
  const problems: Diagnostic[] = [];
  for (const e of doc.errors) problems.push(syntax(e.message, e.pos, 'error', text.length));
  for (const w of doc.warnings) problems.push(syntax(w.message, w.pos, 'warning', text.length));
  // Only their plain data is kept. Each error holds the stack it was made with, whose frames hold the
  // check that parsed it and the earlier results that check reused: kept, they chain every check of an
  // editing session together. `problems` is where a document's parser findings live from here on.
  doc.errors.length = 0;
  doc.warnings.length = 0;
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

/** `length` is the text's: the parser reports what is missing at the end of the text one character past it. */
function syntax(message: string, pos: [number, number], severity: 'error' | 'warning', length: number): Diagnostic {
  const clean = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  const start = Math.min(pos[0], length);
  return { code: yamlSyntax.code, severity, message: `YAML: ${clean}.`.replace(/\.\.$/, '.'), span: { start, end: Math.min(Math.max(pos[1], start), length) }, fixes: [] };
}
