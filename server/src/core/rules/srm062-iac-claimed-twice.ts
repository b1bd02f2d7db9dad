import { resolvedEntries, spanOfName } from '../iac/rule-support';
import type { Rule } from './rule';

export const iacClaimedTwice: Rule = {
  code: 'SRM062',
  name: 'iac-claimed-twice',
  severity: 'warning',
  description: 'A resource that another declaration (or another entry) claims too.',
  help: 'Each workload resource should have one declaration: two that claim it may name different owners for the same layer, and neither can be trusted. Keep the claim in the declaration that owns the resource, and remove it from the other.',
  fixes: [],
  check(ctx) {
    for (const { link, view } of resolvedEntries(ctx)) {
      for (const t of view.twice) {
        const others = t.others.map((o) => (o.workload ? `${o.workload} (${o.file})` : o.file));
        ctx.report({ message: `${t.address} is also claimed by ${others.join(' and ')}. One declaration should own it.`, span: spanOfName(link, t.name) });
      }
    }
  },
};
