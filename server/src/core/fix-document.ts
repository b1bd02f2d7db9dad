import { Checker, type CheckOptions } from './check';
import { fixText, type FixOutcome } from './fixes/fix-all';
import { notText } from './rules/engine-rules';

/** What fix-all made of a file: `refused` when it may not rewrite it at all. */
export interface FixAllResult extends FixOutcome {
  /** A file that is not text (a NUL byte, bytes that are not UTF-8) is never rewritten: it would replace bytes the user may need. */
  readonly refused?: 'not-text';
}

/**
 * Fix-all, the one way: what `srm check --fix`, the editor's `source.fixAll.srm`,
 * its fix-all command and fix on save all apply. A fresh checker under the
 * file's environment (the configuration decides which codes exist, so a code
 * switched off there has no fixes anywhere), safe fixes only, repeated until
 * nothing changes. Display preferences of one editor play no part.
 */
export function fixAll(text: string, options: CheckOptions & { readonly invalidUtf8At?: number } = {}): FixAllResult {
  const checker = new Checker(options);
  const facts = options.invalidUtf8At === undefined ? {} : { invalidUtf8At: options.invalidUtf8At };
  if (facts.invalidUtf8At !== undefined || checker.check(text, facts).diagnostics.some((d) => d.code === notText.code)) {
    return { text, edits: [], rounds: 0, dropped: [], refused: 'not-text' };
  }
  return fixText(text, checker);
}
