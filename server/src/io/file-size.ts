import { MAX_FILE_SIZE, fileTooLargeFinding, type Diagnostic } from '../core';

/**
 * Declaration files larger than this are not read at all, by the CLI or the
 * language server: the engine's own limit, so that a file on disk and the same
 * text in an editor get the same finding. Checked with a stat before reading,
 * so a huge file costs nothing.
 */
export const MAX_FILE_BYTES = MAX_FILE_SIZE;

/** The finding for a file left unread because of its size (`size` in bytes, from a stat): the engine's own. */
export function fileTooLargeToRead(size: number): Diagnostic {
  return fileTooLargeFinding(size, MAX_FILE_BYTES);
}
