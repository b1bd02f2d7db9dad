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
  // Pieces are named on arrival (the file's name in the report depends on the workspace folders there).
  if (read.kind !== 'text') return { summary: summarizeRead(uri, read, settings, environment, pool)!, pieces: portablePieces(reportPiecesOf(reportInputOfRead('', read, environment))) };
  const result = reportCheck(read.text, environment);
  return {
    summary: summarize(uri, null, read.text, result, environment.config.overrides, pool),
    pieces: portablePieces(piecesOfCheck('', read.text, environment, result)),
  };
}
