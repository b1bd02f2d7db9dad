import { fieldOf, stringValue } from '../parse/declaration';
import type { RuleContext } from '../rules/rule';
import type { Span } from '../types';
import { readIacLinks, type IacLink } from './links';
import type { EntryView } from './view';

/** Each `iac:` entry of the declaration with what it resolved to; none without an IaC view. */
export function resolvedEntries(ctx: RuleContext): { link: IacLink; view: EntryView }[] {
  if (!ctx.iac) return [];
  const workload = stringValue(fieldOf(ctx.declaration.fields, 'workload'));
  const out: { link: IacLink; view: EntryView }[] = [];
  readIacLinks(ctx.declaration).links.forEach((link, index) => {
    const view = ctx.iac!.entry(workload, index, link);
    if (view) out.push({ link, view });
  });
  return out;
}

/** Where a finding about a resource of an entry goes: its name when the entry names it, else the path. */
export function spanOfName(link: IacLink, name: string | undefined): Span {
  return (name !== undefined ? link.resources?.find((r) => r.name === name)?.span : undefined) ?? link.pathSpan;
}
