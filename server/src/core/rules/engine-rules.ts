import type { Rule } from './rule';

/**
 * Findings the engine itself reports, outside any declaration's rules: they
 * have codes, severities and help like every rule, but no `check`.
 */
export const yamlSyntax: Rule = {
  code: 'SRM018',
  name: 'yaml-syntax',
  severity: 'error',
  description: 'The YAML does not parse.',
  help: 'The parser could not read part of the file. The rest is still checked as far as it can be, but findings near the error may be missing or wrong until it is fixed. Common causes: tabs used for indentation, an unclosed quote or bracket, a key indented differently from its siblings.',
  fixes: [],
};

export const tooManyAliases: Rule = {
  code: 'SRM019',
  name: 'too-many-aliases',
  severity: 'error',
  description: 'A document uses more YAML aliases than the checker follows (an alias bomb guard).',
  help: 'Aliases (`*name`) can make a small file expand into an enormous one. The checker never expands them, and a declaration has no need for many; past the limit the document is not checked.',
  fixes: [],
};

export const suppressionWithoutReason: Rule = {
  code: 'SRM020',
  name: 'suppression-without-reason',
  severity: 'warning',
  description: 'An `srm-ignore` comment that gives no reason.',
  help: 'A suppression hides a finding from everyone who reads the file after you. Say why: `# srm-ignore SRM001: covered by the landing-zone declaration`.',
  fixes: [],
};

export const unusedSuppression: Rule = {
  code: 'SRM021',
  name: 'unused-suppression',
  severity: 'warning',
  description: 'An `srm-ignore` comment that suppresses nothing.',
  help: 'The finding it was written for is gone (or the code is wrong), so the comment only misleads. Remove it.',
  fixes: ['Remove the comment'],
};

export const fileTooLarge: Rule = {
  code: 'SRM022',
  name: 'file-too-large',
  severity: 'error',
  description: 'The file is larger than the checker reads.',
  help: 'A declaration file holds a few workloads; one this large is almost certainly not one. Split it into smaller files.',
  fixes: [],
};

export const notText: Rule = {
  code: 'SRM023',
  name: 'not-text',
  severity: 'error',
  description: 'The file holds bytes that are not text (NUL characters or invalid UTF-8).',
  help: 'Declarations are UTF-8 text. NUL bytes or invalid UTF-8 usually mean a binary file, or a file saved in another encoding (UTF-16 files with a byte-order mark are read correctly by the CLI).',
  fixes: [],
};

export const tooManyProblems: Rule = {
  code: 'SRM024',
  name: 'too-many-problems',
  severity: 'warning',
  description: 'The file has more findings than the checker reports for one file.',
  help: 'Past a thousand findings, more of them help nobody and slow the editor down. Fix the ones shown (usually one mistake repeated), and the rest appear.',
  fixes: [],
};

export const tooComplex: Rule = {
  code: 'SRM025',
  name: 'too-complex',
  severity: 'error',
  description: 'A document nested too deeply, or too large, to be a declaration.',
  help: 'A declaration is a few dozen keys a few levels deep. A document far beyond that is not one, and reading it would cost the editor seconds and hundreds of megabytes, so the checker refuses it and reports nothing else in it. Split it, or flatten it.',
  fixes: [],
};

export const strayByteOrderMark: Rule = {
  code: 'SRM026',
  name: 'stray-byte-order-mark',
  severity: 'error',
  description: 'A byte-order mark (U+FEFF) inside the file.',
  help: 'A byte-order mark is allowed only at the very start of a file. Anywhere else it is an invisible character that becomes part of a key or value: `\\uFEFFlayers:` is not `layers:`. It usually comes from pasting one file into another. Remove it.',
  fixes: ['Remove the byte-order mark'],
};
