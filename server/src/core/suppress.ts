import { visit, type Document } from 'yaml';
import { suppressionWithoutReason, unusedSuppression } from './rules/engine-rules';
import { LineIndex } from './text/line-index';
import type { Diagnostic, Span } from './types';

interface Suppression {
  readonly codes: readonly string[];
  readonly reason: string;
  /** The comment itself, from `#` to the end of its text. */
  readonly span: Span;
  /** What removing the comment deletes: its whole line when it stands alone, else the comment and the space before it. */
  readonly removal: Span;
  /** The line whose findings it suppresses (0-based, in this text). */
  readonly targetLine: number;
}

const COMMENT = /(^|[ \t])#[ \t]*srm-ignore\b([^\r\n]*)/gm;

/**
 * The `# srm-ignore CODE[, CODE]: reason` comments of a text: on a finding's
 * line, or alone on the line(s) directly above it. Read before the rules run,
 * so that a fix that closes several findings at once (add every missing entry)
 * leaves out the suppressed ones, then applied to the rules' findings.
 */
export class Suppressions {
  private constructor(
    private readonly lines: LineIndex | undefined,
    private readonly list: readonly Suppression[],
  ) {}

  static find(text: string, docs: readonly Document[] = []): Suppressions {
    if (!text.includes('srm-ignore')) return new Suppressions(undefined, []);
    const lines = new LineIndex(text);
    return new Suppressions(lines, findSuppressions(text, lines, scalarRanges(docs)));
  }

  /** True when a finding of `code` that starts at `offset` will be suppressed. */
  covers(code: string, offset: number): boolean {
    return this.matching(code, offset) !== undefined;
  }

  /**
   * The findings that remain, plus a warning for each suppression with no
   * reason or that suppresses nothing. Removing an unused suppression is never
   * done unattended: the comment holds a person's reason, and a suppression can
   * look unused only because a fix round closed what it was written for.
   */
  apply(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    if (this.list.length === 0) return [...diagnostics];
    const used = new Set<Suppression>();
    const kept = diagnostics.filter((d) => {
      const hit = this.matching(d.code, d.span.start);
      if (hit) used.add(hit);
      return !hit;
    });
    for (const s of this.list) {
      if (!s.reason) {
        kept.push({
          code: suppressionWithoutReason.code,
          severity: suppressionWithoutReason.severity,
          message: `Say why ${s.codes.join(', ')} is suppressed here: # srm-ignore ${s.codes.join(', ')}: <reason>.`,
          span: s.span,
          fixes: [],
        });
      }
      if (!used.has(s)) {
        kept.push({
          code: unusedSuppression.code,
          severity: unusedSuppression.severity,
          message: `This srm-ignore suppresses nothing: no ${s.codes.join(' or ')} finding is on the line it applies to. Remove it.`,
          span: s.span,
          fixes: [{ title: 'Remove the unused srm-ignore comment', edits: [{ ...s.removal, text: '' }], safe: false, preferred: true }],
        });
      }
    }
    return kept;
  }

  private matching(code: string, offset: number): Suppression | undefined {
    if (!this.lines) return undefined;
    const line = this.lines.lineOf(offset);
    return this.list.find((s) => s.targetLine === line && s.codes.includes(code));
  }
}

/** Where the documents hold text: `# srm-ignore` inside a string or block scalar is content, not a comment. */
function scalarRanges(docs: readonly Document[]): Span[] {
  const out: Span[] = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_, node) {
        if (node.range && node.range[1] > node.range[0]) out.push({ start: node.range[0], end: node.range[1] });
      },
    });
  }
  return out;
}

function findSuppressions(text: string, lines: LineIndex, scalars: readonly Span[]): Suppression[] {
  const out: Suppression[] = [];
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const hash = m.index + m[1]!.length;
    if (scalars.some((r) => hash >= r.start && hash < r.end)) continue;
    const line = lines.lineOf(hash);
    const { start: lineStart, end: lineEnd } = lines.lineSpan(line);
    const standalone = text.slice(lineStart, hash).trim() === '';
    let before = hash; // a trailing comment goes with all the white space before it
    while (before > lineStart && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
    const body = m[2];
    const colon = body!.indexOf(':');
    const codesPart = colon >= 0 ? body!.slice(0, colon) : body;
    const codes = codesPart!.match(/SRM\d{3}/gi)?.map((c) => c.toUpperCase()) ?? [];
    if (codes.length === 0) continue;
    const end = hash + m[0].length - m[1]!.length;
    const trimmedEnd = end - (text.slice(hash, end).length - text.slice(hash, end).trimEnd().length);
    out.push({
      codes,
      reason: colon >= 0 ? body!.slice(colon + 1).trim() : '',
      span: { start: hash, end: trimmedEnd },
      removal: standalone ? { start: lineStart, end: lineEnd } : { start: before, end: trimmedEnd },
      targetLine: standalone ? nextContentLine(text, lines, line) : line,
    });
  }
  return out;
}

/** The first line after `line` that is not only a comment (a blank line ends the search there). */
function nextContentLine(text: string, lines: LineIndex, line: number): number {
  for (let l = line + 1; l < lines.lineCount; l++) {
    const { start, end } = lines.lineSpan(l);
    const content = text.slice(start, end).trim();
    if (!content.startsWith('#')) return l;
  }
  return -1;
}
