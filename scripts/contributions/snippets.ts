import { HANDOFF_PLACEHOLDER, OWNER_PLACEHOLDER, entryLines } from '../../server/src/core/fixes/entries';
import type { Matrix } from '../../server/src/core/matrix/types';

export interface Snippet {
  readonly prefix: string | readonly string[];
  readonly description: string;
  readonly body: readonly string[];
}

/** Two spaces, never a tab: YAML forbids tabs in indentation, and VS Code keeps spaces in snippet bodies as they are. */
const INDENT = '  ';

/**
 * The snippets of `*.srm.yaml`, generated from the model: one full declaration
 * per service model (`srm-<id>`) with an entry for every layer the customer owns
 * or shares, and a plain and a shared layer entry. Owners and handoffs are the
 * same placeholders the quick fixes write, which the checker keeps flagging
 * until someone types the real ones, so an accepted snippet never passes for a
 * finished declaration.
 */
export function buildSnippets(model: Matrix): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const m of model.models) {
    let stop = 1;
    const body = [`workload: \${${stop++}:my-workload}`, `model: ${m.id}`, 'layers:'];
    for (const layer of model.layers) {
      const who = m.cells[layer.id]?.who;
      if (who !== 'customer' && who !== 'shared') continue;
      const fields: [string, string][] = [['owner', `\${${stop++}:${escape(OWNER_PLACEHOLDER)}}`]];
      if (who === 'shared') fields.push(['handoff', `\${${stop++}:${escape(HANDOFF_PLACEHOLDER)}}`]);
      body.push(...entryLines(layer.id, fields, INDENT, INDENT));
    }
    body.push('$0');
    snippets[`srm-${m.id}`] = {
      prefix: `srm-${m.id}`,
      description: `Workload declaration for ${m.shortName} (${m.name}): an entry for every layer the customer owns or shares under ${m.shortName}.`,
      body,
    };
  }
  const allLayers = model.layers.map((l) => l.id);
  const sharedSomewhere = model.layers.filter((l) => model.models.some((m) => m.cells[l.id]?.who === 'shared')).map((l) => l.id);
  snippets['layer entry'] = {
    prefix: ['layer', 'srm-layer'],
    description: 'A layer entry under layers: with its owner.',
    body: [...entryLines(`\${1|${choices(allLayers)}|}`, [['owner', `\${2:${escape(OWNER_PLACEHOLDER)}}`]], '', INDENT), '$0'],
  };
  snippets['shared layer entry'] = {
    prefix: ['shared-layer', 'srm-shared-layer'],
    description: 'A shared layer entry under layers: with its owner and the handoff: where the provider\'s part ends and the owner\'s begins.',
    body: [
      ...entryLines(`\${1|${choices(sharedSomewhere.length ? sharedSomewhere : allLayers)}|}`, [['owner', `\${2:${escape(OWNER_PLACEHOLDER)}}`], ['handoff', `\${3:${escape(HANDOFF_PLACEHOLDER)}}`]], '', INDENT),
      '$0',
    ],
  };
  return snippets;
}

/** Escapes text for a snippet placeholder. */
function escape(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** A choice list: `,` `|` and `\` escaped in each option. */
function choices(options: readonly string[]): string {
  return options.map((o) => o.replace(/[,|\\$}]/g, '\\$&')).join(',');
}
