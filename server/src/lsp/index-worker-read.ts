import type { SrmSettings } from '../../../protocol/settings';
import type { CheckEnvironment } from '../core';
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
export function piecesOfRead(read: DiskRead, environment: CheckEnvironment): PortablePieces {
  return portablePieces(reportPiecesOf(reportInputOfRead('', read, environment)));
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
