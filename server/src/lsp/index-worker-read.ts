import type { SrmSettings } from '../../../protocol/settings';
import { Checker, readDeclarations, type CheckEnvironment } from '../core';
import type { ParsedSegment } from '../core/parse/parse-segment';
import { piecesOfCheck, portablePieces, reportCheck, reportPiecesOf, type PortablePieces, type ReportInput } from '../core/report';
import { MAX_FILE_BYTES } from '../io/file-size';
import type { DiskRead } from './disk';
import { summarize, summarizeRead, type FileSummary, type StringPool } from './file-summary';

/** What a report makes of a file as read from disk (the one definition for the scan and the report). */
export function reportInputOfRead(file: string, read: DiskRead, environment: CheckEnvironment): ReportInput {
  if (read.kind === 'text') return { file, text: read.text, environment };
  if (read.kind === 'too-large') return { file, skipped: `larger than ${MAX_FILE_BYTES} bytes, not read.` };
  return { file, skipped: 'could not be read.' };
}

export interface ScannedFile {
  readonly summary: FileSummary;
  /** The file's report pieces, made from the same check as its summary. */
  readonly pieces: PortablePieces;
}

/**
 * A file the scan read: its summary and its report pieces from ONE check.
 * The summary reads only the check's documents, which suppressions and decoder
 * facts do not change, so the report's check (suppressions off) serves it:
 * the summary equals summarizeRead's, the pieces reportPiecesOf's.
 * Undefined when the file could not be read.
 */
export function scanRead(uri: string, read: DiskRead, settings: SrmSettings, environment: CheckEnvironment, pool: StringPool): ScannedFile | undefined {
  if (read.kind === 'unreadable') return undefined;
  if (read.kind !== 'text') return { summary: summarizeRead(uri, read, settings, environment, pool)!, pieces: piecesOfRead(read, environment) };
  const result = reportCheck(read.text, environment);
  return {
    summary: summarize(uri, null, read.text, result, environment.config.overrides, pool),
    pieces: portablePieces(piecesOfCheck('', read.text, environment, result)),
  };
}

/** A file's report pieces as reportPiecesOf makes them, named on arrival (the file's name in the report depends on the workspace folders there). */
export function piecesOfRead(read: DiskRead, environment: CheckEnvironment, kept?: KeptParse): PortablePieces {
  if (read.kind !== 'text' || kept === undefined || kept.text !== read.text) return portablePieces(reportPiecesOf(reportInputOfRead('', read, environment)));
  // reportCheck's check, with the parse the summary was read from: the same text parsed with the same limits.
  const result = new Checker({ environment, inlineSuppressions: false, parsed: (segment) => kept.segments.get(segment) }).check(read.text);
  return portablePieces(piecesOfCheck('', read.text, environment, result));
}

/** A file's text as the scan's first phase read it, and the parse of each of its segments (by segment text). */
export interface KeptParse {
  readonly text: string;
  readonly segments: ReadonlyMap<string, ParsedSegment>;
}

/**
 * The parses the scan's first phase made, kept for its second phase, which
 * checks the same files (most of a check's cost is the parse). A parse holds
 * the syntax tree, some 25 bytes per character of text (measured on the
 * bench's files): the cache keeps files until their texts reach `maxChars`,
 * and the rest are parsed again. A count of characters, not of bytes
 * measured: the same on every run.
 */
export class ParseCache {
  private readonly kept = new Map<string, KeptParse>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  /** Whether a file of this length would be kept. */
  fits(length: number): boolean {
    return this.chars + length <= this.maxChars;
  }

  keep(uri: string, parse: KeptParse): void {
    if (!this.fits(parse.text.length) || this.kept.has(uri)) return;
    this.kept.set(uri, parse);
    this.chars += parse.text.length;
  }

  /** The kept parse of `uri`, handed over once: the cache lets go of it. */
  take(uri: string): KeptParse | undefined {
    const kept = this.kept.get(uri);
    if (kept) {
      this.kept.delete(uri);
      this.chars -= kept.text.length;
    }
    return kept;
  }

  clear(): void {
    this.kept.clear();
    this.chars = 0;
  }
}

/** summarizeRead's summary, keeping the parse in `cache` when it fits there (for the scan's second phase). */
export function summarizeReadKeeping(uri: string, read: DiskRead, settings: SrmSettings, environment: CheckEnvironment, pool: StringPool, cache: ParseCache): FileSummary | undefined {
  if (read.kind !== 'text' || !cache.fits(read.text.length)) return summarizeRead(uri, read, settings, environment, pool);
  const text = read.text;
  const segments = new Map<string, ParsedSegment>();
  // As summarizeRead reads the documents, with each segment's parse kept on the way.
  const summary = summarize(uri, null, text, { documents: readDeclarations(text, { environment, parsed: (segment, parse) => segments.set(segment, parse) }) }, environment.config.overrides, pool);
  cache.keep(uri, { text, segments });
  return summary;
}

/**
 * What a file read from disk held, in a few characters: the scan's second
 * phase compares it with the first phase's to know whether the summary it
 * already sent still stands for the file (a file changed on disk between the
 * phases is summarized again). Two texts that differ and yet agree here would
 * need to collide in both 32-bit halves of the hash and in length.
 */
export function fingerprintOf(read: DiskRead): string {
  if (read.kind === 'text') return `t${read.text.length}:${textHash(read.text)}`;
  return read.kind === 'too-large' ? `l${read.size}` : 'u';
}

/** Two FNV-1a hashes of the UTF-16 code units, with different offsets and a mixed second half: 64 bits. */
function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ (unit + i), 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}
