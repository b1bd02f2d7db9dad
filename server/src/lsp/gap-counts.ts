import { gapCount, type CheckedDocument, type OverridePolicy } from '../core';

/**
 * The core's gap count of each declaration, counted once while its document is
 * unchanged. A re-check re-parses only the edited document of a file and hands
 * the other documents' declarations back as they were (the same objects), so an
 * edit counts the gaps of the declaration it changed, not of every one in the
 * file (counting is the costly part of a publish at thousands of workloads).
 * What the count rests on is the key: the parsed declaration, the matrix it was
 * checked against and the override policy.
 */
const counted = new WeakMap<object, { readonly matrix: unknown; readonly policy: OverridePolicy; readonly gaps: number }>();

export function declarationGaps(doc: CheckedDocument, policy: OverridePolicy): number {
  const known = counted.get(doc.declaration);
  if (known && known.matrix === doc.matrix && known.policy === policy) return known.gaps;
  const gaps = gapCount(doc, policy);
  counted.set(doc.declaration, { matrix: doc.matrix, policy, gaps });
  return gaps;
}

/** Every gap of a checked file: what the status bar shows (the core's `fileGapCount`, counted per declaration as above). */
export function fileGaps(result: { readonly documents: readonly CheckedDocument[] }, policy: OverridePolicy): number {
  let n = 0;
  for (const doc of result.documents) n += declarationGaps(doc, policy);
  return n;
}
