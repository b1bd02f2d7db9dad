import { RULES, ruleByCode, type ModelIndex, type ServiceCatalogue } from '../core';
import { explainLayer, explainModel, explainRule, explainService } from '../core/explain';
import { editDistance, normalizeName } from '../core/text/similarity';
import { CliError } from './errors';

/**
 * The markdown explanation of a word: a rule code or name, a model (id or
 * name), a layer (id, display name or common spelling) or a catalogued
 * service. Anything else is a CliError with the closest candidates.
 */
export function explainWord(word: string, model: ModelIndex, catalogue: ServiceCatalogue): string {
  const text = word.trim();
  if (/^srm\s*-?\s*\d+$/i.test(text)) {
    const code = `SRM${text.replace(/\D/g, '').padStart(3, '0')}`;
    const rule = ruleByCode(code);
    if (rule) return explainRule(rule);
    throw new CliError(`${text} is not a rule code: codes run from ${RULES[0].code} to ${RULES[RULES.length - 1].code}.`);
  }
  const m = model.serviceModel(text) ?? model.modelByOtherSpelling(text);
  if (m) return explainModel(model, m.id)!;
  const layer = model.layer(text) ?? model.layerByOtherSpelling(text);
  if (layer) return explainLayer(model, layer.id)!;
  const service = catalogue.find(text);
  if (service) return explainService(service, model);
  const rule = RULES.find((r) => r.name === text.toLowerCase());
  if (rule) return explainRule(rule);

  const candidates = [
    ...model.layers.map((l) => ({ label: l.id, spellings: [l.id, l.name, ...l.aliases] })),
    ...model.models.map((x) => ({ label: x.id, spellings: [x.id, x.name, x.shortName] })),
    ...catalogue.entries.map((s) => ({ label: `"${s.name}"`, spellings: [s.name, ...s.aliases] })),
    ...RULES.map((r) => ({ label: r.name, spellings: [r.name] })),
  ];
  const suggestions = suggest(text, candidates);
  const hint = suggestions.length > 0
    ? `did you mean ${orList(suggestions)}?`
    : `try a layer such as ${model.layers[0]?.id ?? 'a layer id'}, a model (${model.models.map((x) => x.id).join(', ')}), a code such as ${RULES[0].code}, or a service name.`;
  throw new CliError(`"${text}" is not a layer, model, rule code or catalogued service; ${hint}`);
}

/**
 * The closest candidates: a spelling, or one word of it (`opertaing` is near
 * `operating` of `Operating System`), within a third of its length in edits.
 */
function suggest(text: string, candidates: readonly { label: string; spellings: readonly string[] }[]): string[] {
  const needle = normalizeName(text);
  if (needle.length < 2) return [];
  const scored: { label: string; score: number }[] = [];
  for (const c of candidates) {
    let best = Infinity;
    for (const spelling of c.spellings) {
      const words = [spelling, ...spelling.split(/[^A-Za-z0-9]+/)].map(normalizeName).filter((w) => w.length >= 2);
      for (const word of words) {
        const limit = Math.max(1, Math.floor(Math.max(word.length, needle.length) / 3));
        const d = editDistance(needle, word, limit);
        if (d <= limit) best = Math.min(best, d);
      }
    }
    if (best < Infinity && !scored.some((s) => s.label === c.label)) scored.push({ label: c.label, score: best });
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, 3).map((s) => s.label);
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
