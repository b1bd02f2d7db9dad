import { isScalar } from 'yaml';
import { INVISIBLE, ownerDisguise } from '../format';
import { fieldOf, valueIsEditable } from '../parse/declaration';
import { yamlScalar } from '../fixes/yaml-text';
import type { Fix } from '../types';
import type { Rule } from './rule';

export const disguisedOwner: Rule = {
  code: 'SRM027',
  name: 'disguised-owner',
  severity: 'warning',
  description: 'An owner holds invisible characters, look-alike forms or letters of several scripts.',
  help: 'Owners are compared as people read them: `provider` with a zero-width space, a soft hyphen or a fullwidth letter still means the provider, and a Cyrillic `р` in `platform-team` names a team nobody has. Such characters are almost always pasted in by accident, and sometimes put there to hide a gap. Write the owner in plain characters.',
  fixes: ['Write the owner in plain characters'],
  check(ctx) {
    for (const entry of ctx.declaration.layers?.entries ?? []) {
      const owner = fieldOf(entry.fields, 'owner');
      const value = owner?.value;
      if (!owner || !isScalar(value) || typeof value.value !== 'string') continue;
      const disguise = ownerDisguise(value.value);
      if (!disguise) continue;
      const span = owner.valueSpan ?? owner.keySpan;
      const layerId = ctx.matrix?.layerOf(entry);
      const written = visible(value.value);
      const layerName = layerId ? ctx.matrix?.layer(layerId)?.name : undefined;
      const of = layerName ? ` of ${layerName}` : '';
      if (disguise.kind === 'mixed-scripts') {
        ctx.report({ message: `The owner${of}, "${written}", mixes ${disguise.scripts.join(' and ')} letters in one word: it looks like a name it is not. Retype it in one script.`, span, layerId });
        continue;
      }
      const plain = value.value.normalize('NFKC').replace(INVISIBLE, '').trim();
      const what = disguise.kind === 'invisible' ? 'invisible characters' : 'characters that only look like plain letters (such as fullwidth forms)';
      const fixes: Fix[] = valueIsEditable(owner) && plain !== ''
        ? [{ title: `Write the owner as ${JSON.stringify(plain)}`, edits: [{ start: span.start, end: span.end, text: yamlScalar(plain) }], safe: false, preferred: true }]
        : [];
      ctx.report({ message: `The owner${of}, "${written}", holds ${what}: it reads as "${plain}" but is not written as it. Write it in plain characters.`, span, fixes, layerId });
    }
  },
};

/** The text with its invisible characters written out (`\u200B`), so a message shows what hides in it. */
function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}
