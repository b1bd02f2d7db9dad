/**
 * Markdown explanations of layers, models, matrices, rules and services,
 * shared by the editor's hovers and `srm explain`. Everything is read from the
 * matrix index, the rule and the catalogue entry: nothing here names a layer or
 * a model.
 *
 * The markdown keeps to a small subset (headings, paragraphs, `-` lists, one
 * kind of table, `**bold**`, `_italic_` and `code`) so that the CLI can render
 * it as plain text.
 */
import type { CatalogueEntry } from './catalogue/services';
import { cellPhrase } from './matrix/duties';
import type { MatrixIndex } from './matrix/matrix-index';
import { DEFAULT_MATRIX } from './matrix/registry';
import { CELLS, type Cell, type LayerDefinition, type ServiceModelDefinition } from './matrix/types';
import type { Override } from './overrides';
import type { Rule } from './rules/rule';

/** What each kind of cell asks of a declaration, in a few words. */
const DUTY: Readonly<Record<Cell, string>> = {
  customer: 'an entry naming its owner is required',
  shared: 'an entry naming who owns the customer\'s half, with a `handoff:`, is required',
  'third-party': 'an entry naming the third party as its owner, with a `handoff:` saying what it does, is required',
  provider: 'nothing is required; an entry documents an assumption about the provider',
  'not-applicable': 'nothing is required; the layer does not apply',
};

const LETTER: Readonly<Record<Cell, string>> = { customer: 'C', shared: 'S', 'third-party': 'T', provider: 'P', 'not-applicable': 'N/A' };

/** `Operating System` (`operating-system`) — the layer's name and id as every explanation writes them. */
function layerLabel(layer: LayerDefinition): string {
  return `${layer.name} (\`${layer.id}\`)`;
}

function modelLabel(m: ServiceModelDefinition): string {
  return `${m.shortName} (${m.name}, \`${m.id}\`)`;
}

/** ` of the matrix azure@2026-01`: said wherever the matrix is not the built-in default. */
function ofMatrix(matrix: MatrixIndex): string {
  return matrix.ref === DEFAULT_MATRIX ? '' : ` of the matrix \`${matrix.ref}\``;
}

/** A table cell: no pipes or line breaks, whatever the matrix's texts hold. */
function cell(text: string): string {
  return text.replace(/\|/g, '/').replace(/\s*\n\s*/g, ' ');
}

/**
 * A layer: what it covers, who carries it under the file's model (and the
 * entry's override, when it has one) and under every model side by side, what
 * its owner must do and the risk at its handoff. Undefined when the matrix has
 * no such layer.
 */
export function explainLayer(matrix: MatrixIndex, layerId: string, currentModelId?: string, override?: Override): string | undefined {
  const layer = matrix.layer(layerId);
  if (!layer) return undefined;
  const current = currentModelId === undefined ? undefined : matrix.serviceModel(currentModelId);
  const out: string[] = [`### ${layerLabel(layer)}`, ''];
  if (matrix.ref !== DEFAULT_MATRIX) out.push(`_A layer of the matrix \`${matrix.ref}\`: ${matrix.matrix.title}._`, '');
  if (layer.covers) out.push(layer.covers, '');

  const here = current?.cells[layer.id];
  if (current && here) {
    out.push(`**Under ${current.shortName} (this file's model) it is ${cellPhrase(here.who)}:** ${DUTY[here.who]}.`, '');
    if (here.note) out.push(`_${here.note}_`, '');
  }
  if (override) out.push(...overrideLines(override, here?.who), '');

  const columns = matrix.models.map((m) => {
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
  if (layer.ownerDuty) out.push(`**What the owner must do:** ${layer.ownerDuty}`, '');
  if (layer.risk) out.push(`**Risk at the handoff:** ${layer.risk}`, '');
  out.push(...cellNotes(matrix, layer.id, current));
  if (layer.aliases.length > 0) {
    out.push(`Also written as ${layer.aliases.map((a) => `\`${a}\``).join(', ')} or \`${layer.name}\`; the checker recognises these and suggests the id \`${layer.id}\`.`, '');
  }
  const others = layer.sameAs.filter((s) => s !== layer.id);
  if (others.length > 0) out.push(`Other matrices call it ${others.map((s) => `\`${s}\``).join(', ')}; a declaration moving here may keep those keys, and a fix renames them.`, '');
  out.push(`_Source: ${matrix.matrix.source.url || matrix.matrix.title}._`, '');
  return finish(out);
}

/** "Overridden: shared → provider, because …", or why an override does not hold. */
function overrideLines(o: Override, from: Cell | undefined): string[] {
  const to = o.to ?? '(unknown)';
  switch (o.status) {
    case 'applied':
      return [`**Overridden for this workload: ${from ?? '?'} → ${to}**, because ${o.reason}.`];
    case 'redundant':
      return [`**The override says what the matrix says (${to})**: it changes nothing.`];
    case 'no-reason':
      return [`**The override to ${to} does not hold:** it gives no \`reason:\`.`];
    case 'refused':
      return [`**The override to ${to} does not hold:** the configuration's \`overrides:\` policy refuses it.`];
    case 'unknown-value':
      return [`**The override does not hold:** \`responsibility:\` takes ${CELLS.join(', ')}.`];
  }
}

/** `* IaaS, PaaS: Derived, not listed: …` for each distinct derivation of a layer's cells, then the sources' notes. */
function cellNotes(matrix: MatrixIndex, layerId: string, current: ServiceModelDefinition | undefined): string[] {
  const byText = new Map<string, string[]>();
  for (const m of matrix.models) {
    const derived = m.cells[layerId]?.derived;
    if (derived) byText.set(derived, [...(byText.get(derived) ?? []), m.shortName]);
  }
  const out: string[] = [];
  for (const [text, models] of byText) out.push(`\\* _${models.join(', ')}:_ ${text}`, '');
  for (const m of matrix.models) {
    const note = m.cells[layerId]?.note;
    if (note && m !== current) out.push(`_${m.shortName}:_ ${note}`, '');
  }
  return out;
}

/** A service model: its name, description, examples and which layers fall to whom. */
export function explainModel(matrix: MatrixIndex, modelId: string): string | undefined {
  const m = matrix.serviceModel(modelId);
  if (!m) return undefined;
  const out: string[] = [`### ${m.shortName} — ${m.name} (\`${m.id}\`)${ofMatrix(matrix)}`, ''];
  if (m.description) out.push(m.description, '');
  if (m.examples.length > 0) out.push(`**Examples:** ${m.examples.join(', ')}.`, '');
  for (const who of CELLS) {
    const layers = matrix.layers.filter((l) => m.cells[l.id]?.who === who);
    if (layers.length === 0) continue;
    const names = layers.map((l) => `${l.name} (\`${l.id}\`)${m.cells[l.id]?.derived ? ' \\*' : ''}`);
    out.push(`- **${capitalize(who)}** — ${DUTY[who]}: ${names.join(', ')}.`);
  }
  out.push('');
  for (const l of matrix.layers) {
    const derived = m.cells[l.id]?.derived;
    if (derived) out.push(`\\* _${l.name}:_ ${derived}`, '');
    const note = m.cells[l.id]?.note;
    if (note) out.push(`_${l.name}:_ ${note}`, '');
  }
  return finish(out);
}

/** A whole matrix: what it is, where its cells come from, and its table. */
export function explainMatrix(matrix: MatrixIndex, where?: string): string {
  const m = matrix.matrix;
  const out: string[] = [`### ${matrix.ref} — ${m.title}`, ''];
  out.push(`**Source:** ${m.source.url}${m.source.published ? ` (published ${m.source.published})` : ''}`, '');
  if (m.source.note) out.push(m.source.note, '');
  if (m.extends) out.push(`**Extends:** \`${m.extends}\``, '');
  if (where) out.push(`**Defined in:** ${where}`, '');
  out.push(
    `| Layer | ${matrix.models.map((x) => cell(x.shortName)).join(' | ')} |`,
    `|---|${matrix.models.map(() => '---').join('|')}|`,
    ...matrix.layers.map((l) => `| ${cell(`${l.name} (${l.id})`)} | ${matrix.models.map((x) => { const c = x.cells[l.id]; return c ? `${LETTER[c.who]}${c.derived ? '\\*' : ''}` : '—'; }).join(' | ')} |`),
    '',
    `C customer, S shared, T third-party, P provider, N/A not applicable; \\* derived, not listed by the source. \`srm explain ${matrix.ref}:<layer>\` explains one layer.`,
    '',
  );
  for (const [id, note] of Object.entries(m.notListed)) out.push(`_No row for \`${id}\`:_ ${note}`, '');
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

/** A catalogued service: the model it is catalogued under, where that comes from, what a declaration for it must document, and its options. */
export function explainService(entry: CatalogueEntry, matrix: MatrixIndex): string {
  const m = matrix.serviceModel(entry.model);
  const out: string[] = [`### ${entry.name}`, ''];
  out.push(`**Provider:** ${entry.provider}`, '');
  out.push(`**Catalogued as:** ${m ? modelLabel(m) : `\`${entry.model}\``}`, '');
  out.push(`**Source:** ${entry.source}`, '');
  if (entry.aliases.length > 0) out.push(`**Also written as:** ${entry.aliases.join(', ')}`, '');
  if (m) {
    const required = matrix.layers.filter((l) => {
      const who = m.cells[l.id]?.who;
      return who === 'customer' || who === 'shared' || who === 'third-party';
    });
    if (required.length > 0) {
      const names = required.map((l) => `\`${l.id}\`${m.cells[l.id]?.who === 'customer' ? '' : ' (with a `handoff:`)'}`);
      out.push(`A declaration with \`service: ${entry.name}\` should say \`model: ${m.id}\` and document ${names.join(', ')}.`, '');
    }
  }
  if (entry.advice) {
    out.push(`**It depends on an option:** ${entry.advice.depends}`, '');
    for (const v of entry.advice.variants) {
      out.push(`- **${v.name}**: ${v.cells.map((c) => `\`${c.layer}\` ${c.responsibility}`).join(', ')} — ${v.source}`);
    }
    out.push('', 'Record the option that applies as an override (`responsibility:` and `reason:`) on the affected layers; the quick fix on `service:` writes it.', '');
  }
  return finish(out);
}

/**
 * What `owner: provider` means on a layer under a model: a gap on a customer
 * layer, half a gap on a shared one, a recorded assumption on a provider one.
 * `who` is the cell that applies (an override's, when it holds).
 */
export function explainProviderOwner(matrix: MatrixIndex, layerId: string, modelId?: string, who?: Cell): string {
  const layer = matrix.layer(layerId);
  const m = modelId === undefined ? undefined : matrix.serviceModel(modelId);
  const cellWho = who ?? (m && layer ? m.cells[layer.id]?.who : undefined);
  const name = layer ? layerLabel(layer) : `\`${layerId}\``;
  const out: string[] = ['### `owner: provider`', '', 'The one reserved owner: it states that this workload relies on the provider for the layer.', ''];
  if (!m || !cellWho) {
    out.push(`Whether that holds depends on the service model: with a known \`model:\` the checker tells you if the provider really covers ${name}.`, '');
  } else if (cellWho === 'customer') {
    out.push(`**This is a gap.** Under ${m.shortName}${ofMatrix(matrix)}, ${name} is the customer's: the provider does not cover it. Replace \`provider\` with the team, role or person on your side who owns it.`, '');
  } else if (cellWho === 'shared') {
    out.push(`**Half of this layer is unassigned.** Under ${m.shortName}${ofMatrix(matrix)}, ${name} is shared: the provider covers only its part. Name who owns the customer's half, and say in \`handoff:\` where the provider's part ends.`, '');
  } else if (cellWho === 'third-party') {
    out.push(`**This is a gap.** Under ${m.shortName}${ofMatrix(matrix)}, ${name} is outsourced to a third party, not the provider. Name the third party as its owner, and say in \`handoff:\` what it does.`, '');
  } else {
    out.push(`**This matches the model.** Under ${m.shortName}${ofMatrix(matrix)}, ${name} is ${cellPhrase(cellWho)}: the entry records an assumption about the provider (an attestation or a contract clause, say); nothing more is required.`, '');
  }
  return finish(out);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function finish(lines: string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
