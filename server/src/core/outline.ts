import { isScalar } from 'yaml';
import type { CheckResult } from './check';
import { fieldOf, stringValue } from './parse/declaration';
import { layerOfEntry, modelIdOf } from './query';
import type { Span } from './types';

export interface OutlineItem {
  readonly name: string;
  readonly detail: string;
  readonly kind: 'workload' | 'layer';
  /** The whole item. */
  readonly span: Span;
  /** What to select when the item is picked: its key. */
  readonly selection: Span;
  readonly children: readonly OutlineItem[];
}

/** Workloads, then their layers: what the editor's outline shows. */
export function outline(result: CheckResult): OutlineItem[] {
  return result.documents.map((doc) => {
    const matrix = doc.matrix;
    const abs = (s: Span): Span => ({ start: s.start + doc.base, end: s.end + doc.base });
    const decl = doc.declaration;
    const workloadField = fieldOf(decl.fields, 'workload');
    const modelId = modelIdOf(doc);
    const serviceModel = modelId ? matrix?.serviceModel(modelId) : undefined;
    const children = (decl.layers?.entries ?? []).map((entry): OutlineItem => {
      const layerId = layerOfEntry(doc, entry);
      const who = layerId && serviceModel?.cells[layerId]?.who;
      const owner = stringValue(fieldOf(entry.fields, 'owner'));
      const end = Math.max(entry.keySpan.end, entry.valueSpan?.end ?? 0);
      return {
        name: (layerId && matrix?.layer(layerId)?.name) ?? entry.key,
        detail: [owner ? `owner: ${owner}` : 'no owner', who].filter(Boolean).join(' · '),
        kind: 'layer',
        span: abs({ start: entry.keySpan.start, end }),
        selection: abs(entry.keySpan),
        children: [],
      };
    });
    const selection = workloadField?.valueSpan ?? workloadField?.keySpan ?? { start: decl.span.start, end: decl.span.start };
    return {
      name: stringValue(workloadField) ?? `(unnamed workload ${doc.index + 1})`,
      detail: serviceModel ? serviceModel.shortName : (modelId ?? 'no model'),
      kind: 'workload',
      span: abs(decl.span),
      selection: abs(selection),
      children,
    };
  });
}

export interface EvidenceLink {
  readonly span: Span;
  readonly target: string;
}

/** `evidence:` values that are web links. */
export function evidenceLinks(result: CheckResult): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  for (const doc of result.documents) {
    for (const entry of doc.declaration.layers?.entries ?? []) {
      const evidence = fieldOf(entry.fields, 'evidence');
      const value = evidence?.value;
      if (!evidence?.valueSpan || !isScalar(value) || typeof value.value !== 'string') continue;
      const url = value.value.trim();
      if (!/^https?:\/\/\S+$/i.test(url)) continue;
      // Point the link at the URL itself, inside any quotes.
      const raw = doc.text.slice(evidence.valueSpan.start, evidence.valueSpan.end);
      const inner = raw.indexOf(url);
      const start = evidence.valueSpan.start + Math.max(inner, 0);
      links.push({ span: { start: start + doc.base, end: start + url.length + doc.base }, target: url });
    }
  }
  return links;
}
