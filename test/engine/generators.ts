/**
 * fast-check arbitraries for declaration files: random model, random subset of
 * layers in random order, random key order, 2- or 4-space indentation, LF or
 * CRLF, comments on lines and between entries, flow or block maps, optional
 * final newline, several documents. Every generated file is valid YAML (the
 * property tests assert it, so a generator bug cannot pass for an engine bug).
 */
import fc from 'fast-check';
import { REFERENCE as REFERENCE_MODEL } from './helpers';

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
  /**
   * How the key is written: `layer:`, `"layer":`, `'layer':`, with an anchor before it, as an
   * explicit key (`? layer` then `:`; block entries only), or as an alias (`*i3 :`) of the layer id
   * anchored in the declaration's `ids:` list.
   */
  readonly keyStyle: 'plain' | 'double' | 'single' | 'anchor' | 'explicit' | 'alias';
  /** The owner written here, or taken with the first entry's other fields through a merge key (`<<: *shared`). */
  readonly ownerVia: 'field' | 'merge';
}

export interface DeclarationSpec {
  readonly model: string;
  readonly order: readonly string[];
  /** `empty-flow-comment` is `layers: {` then a comment line, then `}`. */
  readonly layers: 'absent' | 'empty' | 'empty-flow' | 'empty-flow-comment' | 'block' | 'flow';
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
  /** A lone CR is a line break in YAML too. */
  readonly eol: '\n' | '\r\n' | '\r';
  /** A byte-order mark at the start of the file. */
  readonly bom: boolean;
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
    keyStyle: fc.constantFrom('plain' as const, 'plain' as const, 'plain' as const, 'double' as const, 'single' as const, 'anchor' as const, 'explicit' as const, 'alias' as const),
    ownerVia: fc.constantFrom('field' as const, 'field' as const, 'field' as const, 'merge' as const),
  });

export const declarationArb: fc.Arbitrary<DeclarationSpec> = fc
  .record({
    model: fc.constantFrom(...MODEL_IDS),
    optional: fc.subarray(['provider', 'service', 'description']),
    layerIds: fc.shuffledSubarray(LAYER_IDS),
    layers: fc.constantFrom('absent' as const, 'empty' as const, 'empty-flow' as const, 'empty-flow-comment' as const, 'block' as const, 'block' as const, 'block' as const, 'flow' as const),
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
      rootFlow: fc.constant(r.rootFlow && r.layers !== 'block' && r.layers !== 'empty-flow-comment'),
      topComments: fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length }),
      commentAfterLayers: fc.constant(r.commentAfterLayers),
      trailingComment: fc.constant(r.trailingComment),
      anchorFirst: fc.constant(r.anchorFirst),
    });
  });

export const fileArb: fc.Arbitrary<FileSpec> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  eol: fc.constantFrom('\n' as const, '\n' as const, '\r\n' as const, '\r' as const),
  bom: fc.boolean(),
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
  const text = (spec.bom ? '\uFEFF' : '') + out.join(spec.eol);
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
      return SERVICES[doc.model]!;
    default:
      return '"A workload: with a colon"';
  }
}

/** What a declaration's entries need written around them: an `ids:` list for alias keys, an anchor for merges. */
interface Sharing {
  /** Index of each entry's layer in the `ids:` list, for alias keys. */
  readonly aliasIndex: ReadonlyMap<EntrySpec, number>;
  /** The entry whose fields the others merge (`&shared`), when any entry merges. */
  readonly source: EntrySpec | undefined;
}

function sharingOf(doc: DeclarationSpec): Sharing {
  const aliases = doc.rootFlow ? [] : doc.entries.filter((e) => e.keyStyle === 'alias');
  const source = doc.entries[0];
  const merges = source !== undefined && doc.entries.slice(1).some((e) => e.ownerVia === 'merge');
  return { aliasIndex: new Map(aliases.map((e, i) => [e, i])), source: merges ? source : undefined };
}

function keyOf(e: EntrySpec, sharing: Sharing): string {
  const alias = sharing.aliasIndex.get(e);
  if (alias !== undefined) return `*i${alias} `;
  const style = e.keyStyle === 'alias' || e.keyStyle === 'explicit' ? 'plain' : e.keyStyle;
  return { plain: e.layer, double: `"${e.layer}"`, single: `'${e.layer}'`, anchor: `&k${e.layer.length} ${e.layer}` }[style];
}

/**
 * The owner and handoff an entry ends up with as YAML reads it: through a
 * merge key, the shared entry's, except for a field the entry writes itself.
 */
export function effectiveFields(doc: DeclarationSpec, e: EntrySpec): { owner: string; handoff: EntrySpec['handoff'] } {
  const sharing = sharingOf(doc);
  if (!merges(e, sharing) || !sharing.source) return { owner: e.owner, handoff: e.handoff };
  return { owner: sharing.source.owner, handoff: e.handoff ?? sharing.source.handoff };
}

/** Merges the first entry's fields: not the first entry itself, and only when it is the source. */
function merges(e: EntrySpec, sharing: Sharing): boolean {
  return sharing.source !== undefined && e !== sharing.source && e.ownerVia === 'merge';
}

function flowEntry(e: EntrySpec, sharing: Sharing): string {
  const parts = [merges(e, sharing) ? '<<: *shared' : `owner: ${e.owner}`];
  if (e.handoff) parts.push(`handoff: ${e.handoff}`);
  if (e.contact) parts.push('contact: ops@example.com');
  if (e.controls !== 'none') parts.push('controls: [MFA, access review]');
  return `${keyOf(e, sharing)}: ${e === sharing.source ? '&shared ' : ''}{${parts.join(', ')}}`;
}

function renderDeclaration(doc: DeclarationSpec, pad: (level: number) => string, comment: () => string): string[] {
  const sharing = sharingOf(doc);
  const flowLayers = () => (doc.layers === 'flow' ? `{${doc.entries.map((e) => flowEntry(e, sharing)).join(', ')}}` : '{}');
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
    // The anchors alias keys name, before the layers that use them.
    if (sharing.aliasIndex.size > 0) out.push(`ids: [${[...sharing.aliasIndex].map(([e, i]) => `&i${i} ${e.layer}`).join(', ')}]`);
    if (doc.layers === 'empty') out.push(`layers:${after}`);
    else if (doc.layers === 'empty-flow' || doc.layers === 'flow') out.push(`layers: ${flowLayers()}${after}`);
    else if (doc.layers === 'empty-flow-comment') out.push(`layers: {${after}`, `${pad(1)}${comment()}`, '}');
    else {
      out.push(`layers:${after}`);
      for (const e of doc.entries) out.push(...renderBlockEntry(e, sharing, pad, comment));
    }
  });
  if (doc.trailingComment) out.push(comment());
  return out;
}

function renderBlockEntry(e: EntrySpec, sharing: Sharing, pad: (level: number) => string, comment: () => string): string[] {
  const out: string[] = [];
  if (e.above === 'blank') out.push('');
  else if (e.above !== 'none') out.push(`${pad(e.above)}${comment()}`);
  const keyComment = e.keyComment ? `   ${comment()}` : '';
  if (e.flow) {
    out.push(`${pad(1)}${flowEntry(e, sharing)}${keyComment}`);
    return out;
  }
  const anchor = e === sharing.source ? ' &shared' : '';
  if (e.keyStyle === 'explicit' && !sharing.aliasIndex.has(e)) out.push(`${pad(1)}? ${keyOf(e, sharing)}${keyComment}`, `${pad(1)}:${anchor}`);
  else out.push(`${pad(1)}${keyOf(e, sharing)}:${anchor}${keyComment}`);
  out.push(merges(e, sharing) ? `${pad(2)}<<: *shared` : `${pad(2)}owner: ${e.owner}${e.fieldComment ? ` ${comment()}` : ''}`);
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

export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'replace'; readonly at: number; readonly length: number; readonly text: string }
  /** Structure, line by line: a line copied, dropped, swapped with the next, or moved one step in or out. */
  | { readonly kind: 'line'; readonly at: number; readonly op: 'copy' | 'drop' | 'swap' | 'indent' | 'dedent' };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }), text: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), op: fc.constantFrom('copy' as const, 'drop' as const, 'swap' as const, 'indent' as const, 'dedent' as const) }),
);

/** Applies a mutation at a position taken modulo the text's length (for a line mutation, the number of lines). */
export function mutate(text: string, m: Mutation): string {
  if (m.kind === 'line') return mutateLine(text, m.at, m.op);
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  return text.slice(0, at) + m.text + text.slice(at + m.length);
}

function mutateLine(text: string, at: number, op: 'copy' | 'drop' | 'swap' | 'indent' | 'dedent'): string {
  // Lines with their own line breaks, so a mutation keeps whatever breaks the text has.
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g)!.filter((l, i, all) => l !== '' || i < all.length - 1);
  if (lines.length === 0) return text;
  const i = at % lines.length;
  const line = lines[i]!;
  switch (op) {
    case 'copy':
      lines.splice(i, 0, /[\r\n]$/.test(line) ? line : `${line}\n`);
      break;
    case 'drop':
      lines.splice(i, 1);
      break;
    case 'swap':
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
      break;
    case 'indent':
      lines[i] = `  ${line}`;
      break;
    case 'dedent':
      lines[i] = line.replace(/^ {1,2}/, '');
      break;
  }
  return lines.join('');
}
