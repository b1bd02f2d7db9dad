import type { ClaimReport } from './claims';
import type { IacLink } from './links';
import { dirnameOf, relativePath } from './paths';

/** Another declaration that claims the same resource. */
export interface OtherClaimant {
  readonly file: string;
  readonly workload?: string;
}

/**
 * What one `iac:` entry resolved to, by names rather than offsets: the rules
 * find the names in the text they check. `name` is the resource as the entry
 * writes it, undefined when the entry claims a whole path.
 */
export interface EntryView {
  readonly target: string;
  readonly exists: 'file' | 'dir' | undefined;
  readonly holdsIac: boolean;
  readonly missing: readonly string[];
  /** Workload resources at the path, by the addresses an entry would write: for did-you-mean. */
  readonly known: readonly string[];
  readonly twice: readonly { readonly name: string | undefined; readonly address: string; readonly others: readonly OtherClaimant[] }[];
  readonly contradictions: readonly { readonly name: string | undefined; readonly address: string; readonly model: string; readonly service: string }[];
}

/** The IaC facts a rule may ask about the declarations of one file (the optional `iac` of a RuleContext). */
export interface IacView {
  entry(workload: string | undefined, index: number, link: Pick<IacLink, 'path'>): EntryView | undefined;
}

/** The view of one declaration file's entries in a claim report. */
export function createIacView(report: ClaimReport, declarationFile: string): IacView {
  const entries = new Map<string, EntryView>();
  report.declarations.forEach((result, d) => {
    if (result.declaration.file !== declarationFile) return;
    result.entries.forEach((entry, e) => {
      const nameAt = (start: number) => entry.link.resources?.find((r) => r.span.start === start)?.name;
      const twice = report.twice.flatMap((t) => {
        const mine = t.claims.find((c) => c.declaration === d && c.entry === e);
        if (!mine) return [];
        const others = t.claims
          .filter((c) => c !== mine)
          .flatMap((c) => report.declarations[c.declaration]?.declaration ?? [])
          // Named as the declaration would write a path: relative to its folder.
          .map((o) => ({ file: relativePath(dirnameOf(declarationFile), o.file), ...(o.workload !== undefined ? { workload: o.workload } : {}) }));
        return [{ name: nameAt(mine.span.start), address: t.instance.address, others }];
      });
      const contradictions = result.contradictions
        .filter((c) => c.entry === e)
        .map((c) => ({ name: nameAt(c.span.start), address: c.instance.address, model: c.model, service: c.service }));
      entries.set(key(result.declaration.workload, e, entry.link.path), {
        target: entry.target,
        exists: entry.exists,
        holdsIac: entry.holdsIac,
        missing: entry.missing.map((m) => m.name),
        known: entry.known,
        twice,
        contradictions,
      });
    });
  });
  return { entry: (workload, index, link) => entries.get(key(workload, index, link.path)) };
}

function key(workload: string | undefined, index: number, path: string): string {
  return `${workload ?? ''}\u0000${index}\u0000${path}`;
}
