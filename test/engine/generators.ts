/**
 * fast-check arbitraries for declaration files: random model, random subset of
 * layers in random order, random key order, 2- or 4-space indentation, LF or
 * CRLF, comments on lines and between entries, flow or block maps, optional
 * final newline, several documents. Every generated file is valid YAML (the
 * property tests assert it, so a generator bug cannot pass for an engine bug).
 */
import fc from 'fast-check';
import { REFERENCE_MODEL } from '../../server/src/core';

const LAYER_IDS = REFERENCE_MODEL.layers.map((l) => l.id);
const MODEL_IDS = REFERENCE_MODEL.models.map((m) => m.id);
const OWNERS = ['data-governance', 'iam-team', 'platform', "'quoted team'", '"Team: Payments"', 'provider', 'sre@example.com', 'Ops Team'];
const HANDOFFS = ['provider patches; we pin', '"We own the security groups"', 'AWS runs the wire'];

export interface EntrySpec {
  readonly layer: string;
  readonly owner: string;
  readonly handoff: string | null;
  readonly contact: boolean;
  readonly controls: 'none' | 'flow' | 'block';
  readonly notes: boolean;
  /** Written `{owner: …}` on one line. */
  readonly flow: boolean;
  readonly keyComment: boolean;
  readonly fieldComment: boolean;
  /** A comment line (or a blank line) above the entry, at this indentation step (0, 1 or 2). */
  readonly above: 'none' | 'blank' | 0 | 1 | 2;
  /** How the key is written: `layer:`, `"layer":`, `'layer':` or with an anchor before it. */
  readonly keyStyle: 'plain' | 'double' | 'single' | 'anchor';
}

export interface DeclarationSpec {
  readonly model: string;
  readonly order: readonly string[];
  readonly layers: 'absent' | 'empty' | 'empty-flow' | 'block' | 'flow';
  readonly entries: readonly EntrySpec[];
  /** The whole declaration written `{workload: …, …}` on one line. */
  readonly rootFlow: boolean;
  readonly topComments: readonly boolean[];
  readonly commentAfterLayers: boolean;
  readonly trailingComment: boolean;
  /** An anchor before the first top-level key (`&d workload: …`). */
  readonly anchorFirst: boolean;
}

export interface FileSpec {
  readonly indent: 2 | 4;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
  readonly leadingComment: boolean;
  readonly docs: readonly DeclarationSpec[];
}

const entryArb = (layer: string): fc.Arbitrary<EntrySpec> =>
  fc.record({
    layer: fc.constant(layer),
    owner: fc.constantFrom(...OWNERS),
    handoff: fc.option(fc.constantFrom(...HANDOFFS), { nil: null }),
    contact: fc.boolean(),
    controls: fc.constantFrom('none' as const, 'flow' as const, 'block' as const),
    notes: fc.boolean(),
    flow: fc.boolean(),
    keyComment: fc.boolean(),
    fieldComment: fc.boolean(),
    above: fc.constantFrom('none' as const, 'none' as const, 'blank' as const, 0 as const, 1 as const, 2 as const),
    keyStyle: fc.constantFrom('plain' as const, 'plain' as const, 'plain' as const, 'double' as const, 'single' as const, 'anchor' as const),
  });

export const declarationArb: fc.Arbitrary<DeclarationSpec> = fc
  .record({
    model: fc.constantFrom(...MODEL_IDS),
    optional: fc.subarray(['provider', 'service', 'description']),
    layerIds: fc.shuffledSubarray(LAYER_IDS),
    layers: fc.constantFrom('absent' as const, 'empty' as const, 'empty-flow' as const, 'block' as const, 'block' as const, 'block' as const, 'flow' as const),
    rootFlow: fc.boolean(),
    commentAfterLayers: fc.boolean(),
    trailingComment: fc.boolean(),
    anchorFirst: fc.boolean(),
  })
  .chain((r) => {
    const keys = ['workload', 'model', ...r.optional, ...(r.layers === 'absent' ? [] : ['layers'])];
    return fc.record({
      model: fc.constant(r.model),
      order: fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
      layers: fc.constant(r.layers),
      entries: r.layers === 'block' || r.layers === 'flow' ? fc.tuple(...r.layerIds.map(entryArb)) : fc.constant([] as EntrySpec[]),
      rootFlow: fc.constant(r.rootFlow && r.layers !== 'block'),
      topComments: fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length }),
      commentAfterLayers: fc.constant(r.commentAfterLayers),
      trailingComment: fc.constant(r.trailingComment),
      anchorFirst: fc.constant(r.anchorFirst),
    });
  });

export const fileArb: fc.Arbitrary<FileSpec> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  finalNewline: fc.boolean(),
  leadingComment: fc.boolean(),
  docs: fc.array(declarationArb, { minLength: 1, maxLength: 3 }),
});

/** Writes a file spec as text. Comments are numbered, so each is unique and their order can be checked. */
export function render(spec: FileSpec): string {
  let n = 0;
  const comment = () => `# c${++n}`;
  const pad = (level: number) => ' '.repeat(level * spec.indent);
  const out: string[] = [];
  if (spec.leadingComment) out.push(comment());
  spec.docs.forEach((doc, i) => {
    if (i > 0) out.push(i % 2 ? '---' : `--- ${comment()}`);
    out.push(...renderDeclaration(doc, pad, comment));
  });
  const text = out.join(spec.eol);
  return spec.finalNewline ? text + spec.eol : text;
}

const SERVICES: Record<string, string> = { iaas: 'Amazon EC2', paas: 'Google App Engine', saas: 'Slack' };

function scalarOf(key: string, doc: DeclarationSpec): string {
  switch (key) {
    case 'workload':
      return 'payments-api';
    case 'model':
      return doc.model;
    case 'provider':
      return 'aws';
    case 'service':
      return SERVICES[doc.model];
    default:
      return '"A workload: with a colon"';
  }
}

function keyOf(e: EntrySpec): string {
  return { plain: e.layer, double: `"${e.layer}"`, single: `'${e.layer}'`, anchor: `&k${e.layer.length} ${e.layer}` }[e.keyStyle];
}

function flowEntry(e: EntrySpec): string {
  const parts = [`owner: ${e.owner}`];
  if (e.handoff) parts.push(`handoff: ${e.handoff}`);
  if (e.contact) parts.push('contact: ops@example.com');
  if (e.controls !== 'none') parts.push('controls: [MFA, access review]');
  return `${keyOf(e)}: {${parts.join(', ')}}`;
}

function renderDeclaration(doc: DeclarationSpec, pad: (level: number) => string, comment: () => string): string[] {
  const flowLayers = () => (doc.layers === 'flow' ? `{${doc.entries.map(flowEntry).join(', ')}}` : '{}');
  if (doc.rootFlow) {
    const items = doc.order.map((k) => `${k}: ${k === 'layers' ? flowLayers() : scalarOf(k, doc)}`);
    return [`{${items.join(', ')}}${doc.trailingComment ? ` ${comment()}` : ''}`];
  }
  const out: string[] = [];
  doc.order.forEach((key, i) => {
    if (doc.topComments[i] && i > 0) out.push(comment());
    if (key !== 'layers') {
      const anchor = doc.anchorFirst && i === 0 ? '&d ' : '';
      out.push(`${anchor}${key}: ${scalarOf(key, doc)}${doc.topComments[i] && i === 0 ? `   ${comment()}` : ''}`);
      return;
    }
    const after = doc.commentAfterLayers ? `   ${comment()}` : '';
    if (doc.layers === 'empty') out.push(`layers:${after}`);
    else if (doc.layers === 'empty-flow' || doc.layers === 'flow') out.push(`layers: ${flowLayers()}${after}`);
    else {
      out.push(`layers:${after}`);
      for (const e of doc.entries) out.push(...renderBlockEntry(e, pad, comment));
    }
  });
  if (doc.trailingComment) out.push(comment());
  return out;
}

function renderBlockEntry(e: EntrySpec, pad: (level: number) => string, comment: () => string): string[] {
  const out: string[] = [];
  if (e.above === 'blank') out.push('');
  else if (e.above !== 'none') out.push(`${pad(e.above)}${comment()}`);
  const keyComment = e.keyComment ? `   ${comment()}` : '';
  if (e.flow) {
    out.push(`${pad(1)}${flowEntry(e)}${keyComment}`);
    return out;
  }
  out.push(`${pad(1)}${keyOf(e)}:${keyComment}`);
  out.push(`${pad(2)}owner: ${e.owner}${e.fieldComment ? ` ${comment()}` : ''}`);
  if (e.handoff) out.push(`${pad(2)}handoff: ${e.handoff}`);
  if (e.contact) out.push(`${pad(2)}contact: ops@example.com`);
  if (e.controls === 'flow') out.push(`${pad(2)}controls: [MFA, access review]`);
  if (e.controls === 'block') out.push(`${pad(2)}controls:`, `${pad(3)}- MFA`, `${pad(3)}- access review`);
  if (e.notes) out.push(`${pad(2)}notes: |`, `${pad(3)}First line of notes.`, `${pad(3)}# not a comment: text`);
  return out;
}

/**
 * Characters and snippets that stress a YAML reader: structure, quotes, anchors, markers, odd code points.
 * Not `?`: with it, yaml 2.x reads some invalid explicit keys (`? a: b` followed by lines indented
 * between the `?` and its key) without an error while dropping those lines, so no fix can be judged on them.
 */
export const NASTY = [
  '\t', ' ', '  ', '\n', '\r\n', '\r', '"', "'", ':', ': ', '#', ' #', '-', '- ', '---', '\n---\n', '...', '|', '>', '{', '}', '[', ']', ',', '&a', '*a', '&a ', ' *a', '!', '!!str ', '%', '@', '`',
  '\u0000', '\uFFFD', '\uFEFF', '\u00A0', '\u2028', '😀', '\uD83D', '\uDE00', 'é', 'owner', 'layers:', 'model: ', 'handoff', '# srm-ignore SRM001: x', ' # srm-ignore SRM003',
] as const;

export type Mutation = { readonly kind: 'insert'; readonly at: number; readonly text: string } | { readonly kind: 'delete'; readonly at: number; readonly length: number } | { readonly kind: 'replace'; readonly at: number; readonly length: number; readonly text: string };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }), text: fc.constantFrom(...NASTY) }),
);

/** Applies a mutation at a position taken modulo the text's length. */
export function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  return text.slice(0, at) + m.text + text.slice(at + m.length);
}
