/**
 * Markdown explanations of layers, models, rules and services, shared by the
 * editor's hovers and `srm explain`. Everything is read from the model index,
 * the rule and the catalogue entry: nothing here names a layer or a model.
 *
 * The markdown keeps to a small subset (headings, paragraphs, `-` lists, one
 * kind of table, `**bold**`, `_italic_` and `code`) so that the CLI can render
 * it as plain text.
 */
import type { CatalogueEntry } from './catalogue/services';
import type { ModelIndex } from './model/model-index';
import type { LayerDefinition, Responsibility, ServiceModelDefinition } from './model/types';
import type { Rule } from './rules/rule';

/** What each kind of cell asks of a declaration, in a few words. */
const DUTY: Readonly<Record<Responsibility, string>> = {
  customer: 'an entry naming its owner is required',
  shared: 'an entry naming who owns the customer\'s half, with a `handoff:`, is required',
  provider: 'nothing is required; an entry documents an assumption about the provider',
};

const WHO: Readonly<Record<Responsibility, string>> = {
  customer: 'the customer\'s',
  shared: 'shared between the provider and the customer',
  provider: 'the provider\'s',
};

/** `Operating System` (`operating-system`) — the layer's name and id as every explanation writes them. */
function layerLabel(layer: LayerDefinition): string {
  return `${layer.name} (\`${layer.id}\`)`;
}

function modelLabel(m: ServiceModelDefinition): string {
  return `${m.shortName} (${m.name}, \`${m.id}\`)`;
}

/** A table cell: no pipes or line breaks, whatever the model's texts hold. */
function cell(text: string): string {
  return text.replace(/\|/g, '/').replace(/\s*\n\s*/g, ' ');
}

/**
 * A layer: what it covers, who carries it under the file's model and under
 * every model side by side, what its owner must do and the risk at its handoff.
 * Undefined when the model has no such layer.
 */
export function explainLayer(model: ModelIndex, layerId: string, currentModelId?: string): string | undefined {
  const layer = model.layer(layerId);
  if (!layer) return undefined;
  const current = currentModelId === undefined ? undefined : model.serviceModel(currentModelId);
  const out: string[] = [`### ${layerLabel(layer)}`, '', layer.covers, ''];

  const here = current?.cells[layer.id];
  if (current && here) {
    out.push(`**Under ${current.shortName} (this file's model) it is ${WHO[here.who]}:** ${DUTY[here.who]}.`, '');
  }

  const columns = model.models.map((m) => {
    const c = m.cells[layer.id];
    const who = c ? `${c.who}${c.derived ? ' \\*' : ''}` : '—';
    const isCurrent = m === current;
    return { head: cell(isCurrent ? `**${m.shortName}** (this file)` : m.shortName), who: cell(isCurrent ? `**${who}**` : who) };
  });
  if (columns.length > 0) {
    out.push(
      `| Model | ${columns.map((c) => c.head).join(' | ')} |`,
      `|---|${columns.map(() => '---').join('|')}|`,
      `| Responsible | ${columns.map((c) => c.who).join(' | ')} |`,
      '',
    );
  }

  out.push(`**What the owner must do:** ${layer.ownerDuty}`, '', `**Risk at the handoff:** ${layer.risk}`, '');
  out.push(...derivedNotes(model, layer.id));
  if (layer.aliases.length > 0) {
    out.push(`Also written as ${layer.aliases.map((a) => `\`${a}\``).join(', ')} or \`${layer.name}\`; the checker recognises these and suggests the id \`${layer.id}\`.`, '');
  }
  return finish(out);
}

/** `* IaaS, PaaS: Derived, not listed: …` for each distinct derivation of a layer's cells. */
function derivedNotes(model: ModelIndex, layerId: string): string[] {
  const byText = new Map<string, string[]>();
  for (const m of model.models) {
    const derived = m.cells[layerId]?.derived;
    if (derived) byText.set(derived, [...(byText.get(derived) ?? []), m.shortName]);
  }
  const out: string[] = [];
  for (const [text, models] of byText) out.push(`\\* _${models.join(', ')}:_ ${text}`, '');
  return out;
}

/** A service model: its name, description, examples and which layers fall to whom. */
export function explainModel(model: ModelIndex, modelId: string): string | undefined {
  const m = model.serviceModel(modelId);
  if (!m) return undefined;
  const out: string[] = [`### ${m.shortName} — ${m.name} (\`${m.id}\`)`, '', m.description, ''];
  if (m.examples.length > 0) out.push(`**Examples:** ${m.examples.join(', ')}.`, '');
  const groups: Responsibility[] = ['customer', 'shared', 'provider'];
  for (const who of groups) {
    const layers = model.layers.filter((l) => m.cells[l.id]?.who === who);
    if (layers.length === 0) continue;
    const names = layers.map((l) => `${l.name} (\`${l.id}\`)${m.cells[l.id]?.derived ? ' \\*' : ''}`);
    out.push(`- **${capitalize(who)}** — ${DUTY[who]}: ${names.join(', ')}.`);
  }
  out.push('');
  for (const l of model.layers) {
    const derived = m.cells[l.id]?.derived;
    if (derived) out.push(`\\* _${l.name}:_ ${derived}`, '');
  }
  return finish(out);
}

/** A rule: its code, name, severity, what it finds, why it matters and what its fixes do. */
export function explainRule(rule: Rule): string {
  const out: string[] = [`### ${rule.code} · ${rule.name}`, '', `**Severity:** ${rule.severity}`, '', rule.description, '', rule.help, ''];
  if (rule.fixes.length > 0) {
    out.push('**Fixes:**', '', ...rule.fixes.map((f) => `- ${f}`), '');
  }
  if (rule.check) {
    out.push(`To accept one finding, say why on its line or the line above: \`# srm-ignore ${rule.code}: <reason>\`.`, '');
  }
  return finish(out);
}

/** A catalogued service: the model it is catalogued under, where that comes from, and what a declaration for it must document. */
export function explainService(entry: CatalogueEntry, model: ModelIndex): string {
  const m = model.serviceModel(entry.model);
  const out: string[] = [`### ${entry.name}`, ''];
  out.push(`**Provider:** ${entry.provider}`, '');
  out.push(`**Catalogued as:** ${m ? modelLabel(m) : `\`${entry.model}\``}`, '');
  out.push(`**Source:** ${entry.source}`, '');
  if (entry.aliases.length > 0) out.push(`**Also written as:** ${entry.aliases.join(', ')}`, '');
  if (m) {
    const required = model.layers.filter((l) => {
      const who = m.cells[l.id]?.who;
      return who === 'customer' || who === 'shared';
    });
    if (required.length > 0) {
      const names = required.map((l) => `\`${l.id}\`${m.cells[l.id]?.who === 'shared' ? ' (shared: with a `handoff:`)' : ''}`);
      out.push(`A declaration with \`service: ${entry.name}\` should say \`model: ${m.id}\` and document ${names.join(', ')}.`, '');
    }
  }
  return finish(out);
}

/**
 * What `owner: provider` means on a layer under a model: a gap on a customer
 * layer, half a gap on a shared one, a recorded assumption on a provider layer.
 */
export function explainProviderOwner(model: ModelIndex, layerId: string, modelId?: string): string {
  const layer = model.layer(layerId);
  const m = modelId === undefined ? undefined : model.serviceModel(modelId);
  const who = m && layer ? m.cells[layer.id]?.who : undefined;
  const name = layer ? layerLabel(layer) : `\`${layerId}\``;
  const out: string[] = ['### `owner: provider`', '', 'The one reserved owner: it states that this workload relies on the provider for the layer.', ''];
  if (!m || !who) {
    out.push(`Whether that holds depends on the service model: with a known \`model:\` the checker tells you if the provider really covers ${name}.`, '');
  } else if (who === 'customer') {
    out.push(
      `**This is a gap.** Under ${m.shortName}, ${name} is the customer's: the provider does not cover it. Replace \`provider\` with the team, role or person on your side who owns it.`,
      '',
    );
  } else if (who === 'shared') {
    out.push(
      `**Half of this layer is unassigned.** Under ${m.shortName}, ${name} is shared: the provider covers only its part. Name who owns the customer's half, and say in \`handoff:\` where the provider's part ends.`,
      '',
    );
  } else {
    out.push(`**This matches the model.** Under ${m.shortName}, ${name} is the provider's: the entry records an assumption about the provider (an attestation or a contract clause, say); nothing more is required.`, '');
  }
  return finish(out);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function finish(lines: string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
