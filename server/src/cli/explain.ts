import { RULES, defaultMatrixOf, ruleByCode, type CheckEnvironment, type MatrixIndex } from '../core';
import { explainLayer, explainMatrix, explainModel, explainRule, explainService } from '../core/explain';
import { closest } from '../core/text/similarity';
import { CliError } from './errors';

/**
 * The markdown explanation of a word: a rule code or name, a matrix
 * (`azure@2026-01`, or one of its layers or models: `azure@2026-01:client-devices`),
 * a model (id or name) or a layer (id, display name or common spelling) of the
 * default matrix, or a catalogued service. Anything else is a CliError with
 * the closest candidates.
 */
export function explainWord(word: string, env: CheckEnvironment): string {
  const text = word.trim();
  if (/^srm\s*-?\s*\d+$/i.test(text)) {
    const code = `SRM${text.replace(/\D/g, '').padStart(3, '0')}`;
    const rule = ruleByCode(code);
    if (rule) return explainRule(rule);
    throw new CliError(`${text} is not a rule code: codes run from ${RULES[0]!.code} to ${RULES[RULES.length - 1]!.code}.`);
  }
  const [matrixPart, inner] = splitAtColon(text);
  const named = matrixPart !== undefined ? matrixNamed(matrixPart, env) : undefined;
  if (named && inner === undefined) return explainMatrix(named.index, named.where);
  if (named && inner !== undefined) return explainIn(named.index, inner) ?? notIn(named.index, inner);
  const matrix = defaultMatrixOf(env);
  const inDefault = explainIn(matrix, text);
  if (inDefault) return inDefault;
  const service = env.catalogue.find(text);
  if (service) return explainService(service, matrix);
  const rule = RULES.find((r) => r.name === text.toLowerCase());
  if (rule) return explainRule(rule);

  const candidates = [
    ...matrix.layers.map((l) => ({ label: l.id, spellings: [l.id, l.name, ...l.aliases] })),
    ...matrix.models.map((x) => ({ label: x.id, spellings: [x.id, x.name, x.shortName] })),
    ...env.registry.entries.map((e) => ({ label: e.ref, spellings: [e.ref, e.id] })),
    ...env.catalogue.entries.map((s) => ({ label: `"${s.name}"`, spellings: [s.name, ...s.aliases] })),
    ...RULES.map((r) => ({ label: r.name, spellings: [r.name] })),
  ];
  const suggestions = suggest(text, candidates);
  const hint = suggestions.length > 0
    ? `did you mean ${orList(suggestions)}?`
    : `try a layer such as ${matrix.layers[0]?.id ?? 'a layer id'}, a model (${matrix.models.map((x) => x.id).join(', ')}), a matrix (${env.registry.entries.map((e) => e.ref).join(', ')}), a code such as ${RULES[0]!.code}, or a service name.`;
  throw new CliError(`"${text}" is not a layer, model, matrix, rule code or catalogued service; ${hint}`);
}

/** A model or a layer of one matrix, by id or another spelling. */
function explainIn(matrix: MatrixIndex, text: string): string | undefined {
  const m = matrix.serviceModel(text) ?? matrix.modelByOtherSpelling(text);
  if (m) return explainModel(matrix, m.id);
  const layerId = matrix.layerIdOf(text);
  return layerId ? explainLayer(matrix, layerId) : undefined;
}

function notIn(matrix: MatrixIndex, text: string): never {
  throw new CliError(`"${text}" is neither a layer nor a service model of ${matrix.ref}: layers ${matrix.layers.map((l) => l.id).join(', ')}; models ${matrix.models.map((m) => m.id).join(', ')}.`);
}

/** `azure@2026-01:client-devices` → the matrix part and the rest; a word without a colon is all matrix part. */
function splitAtColon(text: string): [string | undefined, string | undefined] {
  const colon = text.indexOf(':');
  return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1).trim()];
}

/** The matrix a word names (`azure@2026-01`, or `azure` for its newest version), usable; broken ones are a CliError. */
function matrixNamed(text: string, env: CheckEnvironment): { index: MatrixIndex; where: string } | undefined {
  if (!/^[a-z0-9][a-z0-9-]*(@\S+)?$/.test(text)) return undefined;
  const resolution = env.registry.resolve(text);
  if (resolution.kind === 'unknown') {
    if (text.includes('@')) throw new CliError(`${text} is not a matrix the checker knows; known: ${env.registry.entries.map((e) => e.ref).join(', ')}.`);
    return undefined;
  }
  const entry = resolution.entry;
  const where = entry.origin.kind === 'built-in' ? 'built in' : entry.origin.uri;
  if (resolution.kind === 'broken') throw new CliError(`the matrix ${entry.ref} has errors (${where}): ${entry.broken?.message ?? ''}`);
  return { index: resolution.index, where };
}

/**
 * The closest candidates, by the core's one matcher: a spelling, or one word of
 * it (`opertaing` is near `operating` of `Operating System`).
 */
function suggest(text: string, candidates: readonly { label: string; spellings: readonly string[] }[]): string[] {
  const words = (c: { spellings: readonly string[] }) => c.spellings.flatMap((s) => [s, ...s.split(/[^A-Za-z0-9]+/).filter((w) => w.length >= 2)]);
  return [...new Set(closest(text, candidates, words, candidates.length).map((c) => c.label))].slice(0, 3);
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
