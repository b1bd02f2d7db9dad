import type { Rule } from '../../server/src/core/rules/rule';

export const RULES_DOC_PATH = 'docs/rules.md';

/** The README's table of findings sits between these two lines, generated from the rule registry. */
const REGION_START = '<!-- rules:start (generated from the rule registry by npm run schema; do not edit) -->';
const REGION_END = '<!-- rules:end -->';

/** A table cell: one line, with its pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** One row per rule: code (linked to its section of docs/rules.md), default severity, what it finds. */
export function readmeRulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => `| [${r.code}](${RULES_DOC_PATH}#${r.code.toLowerCase()}) | ${r.severity} | ${cell(r.description)}${r.fixes.length > 0 ? ' (fix)' : ''} |`);
  return ['| code | default | finding |', '|---|---|---|', ...rows].join('\n');
}

/** The README with its table of findings regenerated; the rest byte for byte. */
export function withRulesTable(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(REGION_START);
  const end = readme.indexOf(REGION_END);
  if (start < 0 || end < start) throw new Error(`README.md has no generated rules region: add the lines\n${REGION_START}\n${REGION_END}`);
  return `${readme.slice(0, start + REGION_START.length)}\n${readmeRulesTable(rules)}\n${readme.slice(end)}`;
}

/** Every rule in full: what it finds, why it matters and how to resolve it, and what its fixes do. */
export function rulesDoc(rules: readonly Rule[]): string {
  const out = [
    '# Rules',
    '',
    '<!-- Generated from the rule registry (server/src/core/rules/registry.ts) by npm run schema; do not edit. -->',
    '',
    'Every finding of `srm check` and the editor, by code. Codes are stable: a',
    'retired code is never reused. The default severity can be changed per code',
    'in `srm.config.yaml` (`severity:`). `srm explain SRMnnn` prints the same text.',
    '',
  ];
  for (const r of rules) {
    out.push(`## ${r.code}`, '', `**${r.name}** · default severity: ${r.severity}`, '', r.description, '', r.help, '');
    if (r.fixes.length > 0) out.push('Fixes:', '', ...r.fixes.map((f) => `- ${f}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
