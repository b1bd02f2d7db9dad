import { ruleByCode, type Diagnostic } from '../core';

/**
 * Declaration files larger than this are not read at all, by the CLI or the
 * language server: no declaration comes near it, and the engine would refuse
 * the text anyway. Checked with a stat before reading, so a huge file costs
 * nothing.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The finding for a file left unread because of its size (`size` in bytes, from a stat). */
export function fileTooLargeToRead(size: number): Diagnostic {
  const rule = ruleByCode('SRM022');
  return {
    code: rule?.code ?? 'SRM022',
    severity: rule?.severity ?? 'error',
    message: `This file is ${(size / (1024 * 1024)).toFixed(0)} MB; srm does not read files over ${MAX_FILE_BYTES / (1024 * 1024)} MB. Split it into smaller declaration files.`,
    span: { start: 0, end: 0 },
    fixes: [],
  };
}
