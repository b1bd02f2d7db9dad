import type { MatrixIndex } from '../matrix/matrix-index';
import type { Undeclared } from './claims';
import { classify, combinedOverrides } from './classify';

/** An undeclared workload resource in words: the same in `srm discover` and in the editor. */
export interface UndeclaredSummary {
  /** "Amazon EC2, IaaS", or "model unknown: choose (…)". */
  readonly what: string;
  /** The service's options the resource (and its parts) choose, by label. */
  readonly variants: readonly string[];
  /** What is left to choose, one sentence each. */
  readonly undecided: readonly string[];
  /** The overrides a declaration needs, by the reference matrix's layer ids, each with its reason and source. */
  readonly overrides: readonly { readonly layer: string; readonly responsibility: string; readonly reason: string; readonly source: string }[];
  /** One line: what it is and why it is reported. */
  readonly message: string;
}

/** Models are named as the matrix names them (the default matrix of the folder, or the built-in one). */
export function summarizeUndeclared(u: Undeclared, matrix: MatrixIndex): UndeclaredSummary {
  const c = u.classification;
  const block = u.instance.block;
  const partClasses = u.parts.map((p) => classify(p.block));
  const variants = [...c.applied, ...partClasses.flatMap((pc) => pc.applied)].map((v) => v.label);
  const overrides = [...combinedOverrides([c, ...partClasses])].map(([layer, o]) => ({ layer, responsibility: o.responsibility, reason: o.reason, source: o.variant.source }));
  const undecided = c.undecided.map((x) => `${x.why}: choose ${x.variants.map((v) => v.label).join(' or ')}`);
  const serviceModel = c.service ? matrix.serviceModel(c.service.model) : undefined;
  const what = c.service && serviceModel ? `${c.service.name}, ${serviceModel.shortName}` : 'model unknown: choose (the resource table cites no classification for this type)';
  const how = [
    ...variants,
    ...(block.multiInstance ? [`${block.multiInstance}: one block, several instances`] : []),
    ...(u.parts.length ? [`with ${u.parts.map((p) => p.address).join(', ')}`] : []),
  ];
  const message = `No responsibility declaration covers ${u.instance.address}: ${what}${how.length ? ` (${how.join('; ')})` : ''}.${undecided.length ? ` ${undecided.join('. ')}.` : ''}`;
  return { what, variants, undecided, overrides, message };
}
