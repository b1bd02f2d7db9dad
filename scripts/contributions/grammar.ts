import { PROVIDER_OWNER } from '../../server/src/core/format';
import type { ResponsibilityModel } from '../../server/src/core/model/types';

export const SRM_SCOPE = 'source.srm';
export const YAML_SCOPE = 'source.yaml';

/**
 * Where the injection applies: only in our own files (`source.srm`), never in
 * comments or quoted strings, and never inside block scalars (`|`, `>`): their
 * text may look like `key: value` but is prose. `string.unquoted.block` is the
 * classic TextMate YAML grammar's scope for them, `meta.scalar` VS Code's.
 * (VS Code's grammar keeps `meta.scalar` open over comment lines that follow a
 * block scalar, so an `srm-ignore` there shows as a plain comment.)
 */
export const INJECTION_SELECTOR = `L:${SRM_SCOPE} -comment -string.quoted -string.unquoted.block -meta.scalar`;

/**
 * Never match at the very start of the file before the YAML grammar has: VS
 * Code's YAML grammar opens its document there with a zero-width `\A` rule, and
 * an `L:` injection matching at the same place would win and leave the whole
 * file without YAML structure. `\G` lets the match happen once the YAML grammar
 * has opened its rule at that position.
 */
const NOT_BEFORE_HOST = '(?:(?!\\A)|\\G)';

/** Mirrors the checker's `# srm-ignore CODE[, CODE]: reason` (server/src/core/suppress.ts). */
const SUPPRESSION_CODE = '(?i:SRM\\d{3})';

/**
 * The TextMate grammar of `*.srm.yaml`: VS Code's YAML grammar for everything,
 * plus an injection that marks what the format gives meaning to. Layer and model
 * ids come from the model. Every injected pattern matches only the token it
 * scopes (context goes in look-behinds), so the YAML grammar's own structure is
 * left as it would be without the injection.
 */
export function buildGrammar(model: ResponsibilityModel): Record<string, unknown> {
  const layers = alternation(model.layers.map((l) => l.id));
  const models = alternation(model.models.map((m) => m.id));
  const provider = caseInsensitive(PROVIDER_OWNER);
  return {
    $comment: 'Generated from the responsibility model by `npm run schema` (scripts/generate-schema.ts). Do not edit by hand.',
    name: 'SRM workload declaration',
    scopeName: SRM_SCOPE,
    patterns: [{ include: YAML_SCOPE }],
    injections: {
      [INJECTION_SELECTOR]: {
        patterns: [{ include: '#suppression' }, { include: '#model-id' }, { include: '#provider-owner' }, { include: '#layer-id' }],
      },
    },
    repository: {
      suppression: {
        comment: '# srm-ignore CODE[, CODE]: reason — suppresses findings on its line, or on the next when it stands alone.',
        begin: `${NOT_BEFORE_HOST}(?<=^|[ \\t])(#)[ \\t]*(srm-ignore)\\b`,
        beginCaptures: {
          1: { name: 'punctuation.definition.comment.yaml' },
          2: { name: 'keyword.other.suppression.srm' },
        },
        end: '$',
        name: 'comment.line.number-sign.yaml comment.line.suppression.srm',
        patterns: [
          {
            comment: 'The codes: everything before the first colon.',
            match: '\\G[^:]+',
            captures: { 0: { patterns: [{ match: SUPPRESSION_CODE, name: 'constant.other.code.srm' }] } },
          },
          { comment: 'The colon before the reason (the reason stays plain comment text).', match: '(?<=srm-ignore[^:]*):', name: 'punctuation.separator.reason.srm' },
        ],
      },
      'model-id': {
        comment: 'A model id as the value of the top-level model: key (block or flow style).',
        match: `(?<=^model[ \\t]*:[ \\t]+)${models}(?=[ \\t]+#|[ \\t]*$)|(?<=[{,][ \\t]*model[ \\t]*:[ \\t]+)${models}(?=[ \\t]*[,}])`,
        name: 'constant.language.model.srm',
      },
      'provider-owner': {
        comment: `The reserved owner ${PROVIDER_OWNER} (any case, as the checker reads it) as the value of an entry's owner: key.`,
        match: `(?<=^[ \\t]+owner[ \\t]*:[ \\t]+)${provider}(?=[ \\t]+#|[ \\t]*$)|(?<=[{,][ \\t]*owner[ \\t]*:[ \\t]+)${provider}(?=[ \\t]*[,}])`,
        name: 'keyword.other.provider.srm',
      },
      'layer-id': {
        comment: 'A layer id as an indented (or flow) mapping key: an entry under layers:.',
        match: `(?<=^[ \\t]+|[{,][ \\t]*)${layers}(?=[ \\t]*:(?:[ \\t]|$))`,
        name: 'entity.name.tag.yaml entity.name.tag.layer.srm support.type.layer.srm',
      },
    },
  };
}

/** A non-capturing alternation of literal words, in the model's order (the look-aheads after it make the order irrelevant). */
function alternation(words: readonly string[]): string {
  return `(?:${[...new Set(words)].map(escapeRegExp).join('|')})`;
}

function caseInsensitive(word: string): string {
  return `(?i:${escapeRegExp(word)})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
