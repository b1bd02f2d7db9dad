import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import type { Span } from '../types';
import { CFN_TAGS } from './cfn-tags';
import type { WantedOptions } from './terraform';
import type { IacDiagnostic, IacFile, OptionValue, ResourceBlock } from './types';

export const MAX_TEMPLATE_LENGTH = 8 * 1024 * 1024;

/** The file names a template may have: YAML, JSON and `.template`; declarations (`*.srm.yaml`) never. */
export function isTemplateCandidate(path: string): boolean {
  return /\.(ya?ml|json|template)$/i.test(path) && !/\.srm\.ya?ml$/i.test(path);
}

export type TemplateDialect = 'cloudformation' | 'sam';

/**
 * Whether a document's top-level mapping is a CloudFormation or SAM template,
 * and by which sign. One is enough:
 * 1. an `AWSTemplateFormatVersion` key;
 * 2. a `Transform` that is, or lists, `AWS::Serverless-…` (SAM);
 * 3. a `Resources` mapping with at least one entry, where every entry is a
 *    mapping with a `Type` of the form `Vendor::Service::Thing` (or `Custom::…`)
 *    and at least one `Type` starts with `AWS::`.
 * A Kubernetes manifest, a workflow, a compose file or the Serverless
 * Framework's `serverless.yml` (whose `resources:` is lower case and nested)
 * matches none of them.
 */
export function recogniseTemplate(root: YAMLMap): TemplateDialect | undefined {
  const transform = valueOf(root, 'Transform');
  const transforms = isSeq(transform) ? transform.items : [transform];
  if (transforms.some((t) => isScalar(t) && typeof t.value === 'string' && t.value.startsWith('AWS::Serverless-'))) return 'sam';
  if (hasKey(root, 'AWSTemplateFormatVersion')) return 'cloudformation';
  const resources = valueOf(root, 'Resources');
  if (!isMap(resources) || resources.items.length === 0) return undefined;
  let aws = false;
  for (const pair of resources.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key.startsWith('Fn::ForEach::')) continue;
    const type = isMap(pair.value) ? valueOf(pair.value, 'Type') : undefined;
    if (!isScalar(type) || typeof type.value !== 'string' || !/^(Custom::\w|[A-Za-z0-9]+::[A-Za-z0-9]+::\w)/.test(type.value)) return undefined;
    if (type.value.startsWith('AWS::')) aws = true;
  }
  return aws ? 'cloudformation' : undefined;
}

/** A cheap look before parsing: a template names an `AWS::` type or carries the format version. */
const MIGHT_BE_TEMPLATE = /AWSTemplateFormatVersion|AWS::/;
/** Where a broken file still says plainly that it is a template. */
const SAYS_TEMPLATE = /^\s*["']?AWSTemplateFormatVersion["']?\s*:/m;

/**
 * Reads a CloudFormation or SAM template, YAML or JSON, with every short-form
 * tag declared. Returns undefined for a file that is not a template (most
 * YAML and JSON files are not). Positions are UTF-16 offsets into `text`.
 */
export function parseCloudFormation(path: string, text: string, wanted: WantedOptions = () => undefined): IacFile | undefined {
  if (!MIGHT_BE_TEMPLATE.test(text)) return undefined;
  const file = (resources: ResourceBlock[], diagnostics: IacDiagnostic[]): IacFile => ({ path, kind: 'cloudformation', text, resources, modules: [], diagnostics });
  if (text.length > MAX_TEMPLATE_LENGTH) {
    return SAYS_TEMPLATE.test(text) ? file([], [{ severity: 'error', message: `This template is ${(text.length / (1024 * 1024)).toFixed(1)} MB; discovery reads templates of at most ${MAX_TEMPLATE_LENGTH / (1024 * 1024)} MB.`, span: { start: 0, end: 0 } }]) : undefined;
  }
  const docs = parseAllDocuments(text, { customTags: [...CFN_TAGS], prettyErrors: false, uniqueKeys: true });
  const all = Array.isArray(docs) ? docs : [];
  for (const doc of all) {
    if (!isMap(doc.contents) || !recogniseTemplate(doc.contents)) continue;
    return file(readResources(doc.contents, wanted, text), problems(doc, text));
  }
  // A template too broken to show its structure still says what it is: report why it cannot be read.
  if (SAYS_TEMPLATE.test(text)) {
    const found = all.flatMap((d) => problems(d, text)).filter((d) => d.severity === 'error');
    if (found.length > 0) return file([], found);
  }
  return undefined;
}

function problems(doc: Document.Parsed, text: string): IacDiagnostic[] {
  const out: IacDiagnostic[] = [];
  for (const [severity, list] of [['error', doc.errors], ['warning', doc.warnings]] as const) {
    for (const e of list) {
      const [start, end] = e.pos;
      const span = end > start || end >= text.length ? { start, end } : { start, end: start + 1 };
      out.push({ severity, message: `This template is not valid YAML: ${e.message.split('\n')[0]}`, span });
    }
  }
  return out;
}

function readResources(root: YAMLMap, wanted: WantedOptions, text: string): ResourceBlock[] {
  const resources = valueOf(root, 'Resources');
  if (!isMap(resources)) return [];
  const out: ResourceBlock[] = [];
  for (const pair of resources.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const id = String(key.value);
    if (id.startsWith('Fn::ForEach::')) {
      // [identifier, collection, {LogicalId${identifier}: resource}]: each entry of the third item is a resource repeated per element.
      const body = isSeq(pair.value) ? pair.value.items[2] : undefined;
      if (isMap(body)) for (const inner of body.items) pushResource(out, inner.key as Node | null, inner.value as Node | null, wanted, 'Fn::ForEach', text);
      continue;
    }
    pushResource(out, key, pair.value as Node | null, wanted, undefined, text);
  }
  return out;
}

function pushResource(out: ResourceBlock[], key: Node | null, value: Node | null, wanted: WantedOptions, multi: ResourceBlock['multiInstance'], text: string): void {
  if (!isScalar(key) || !key.range || !isMap(value)) return;
  const typeNode = valueOf(value, 'Type');
  if (!isScalar(typeNode) || typeof typeNode.value !== 'string') return;
  const type = typeNode.value;
  const properties = valueOf(value, 'Properties');
  const options = new Map<string, OptionValue>();
  for (const path of wanted(type) ?? []) {
    const node = isMap(properties) ? at(properties, path.split('.')) : undefined;
    if (node !== undefined) options.set(path, optionValue(node, text));
  }
  const headerSpan: Span = { start: key.range[0], end: key.range[1] };
  const end = value.range ? value.range[1] : headerSpan.end;
  out.push({ type, name: String(key.value), span: { start: headerSpan.start, end }, headerSpan, ...(multi ? { multiInstance: multi } : {}), options });
}

function at(map: YAMLMap, path: readonly string[]): Node | null | undefined {
  let node: unknown = map;
  for (const key of path) {
    if (!isMap(node) || isTagged(node)) return undefined;
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) return undefined;
    node = pair.value;
  }
  return node as Node | null;
}

/** A literal when the value is a plain scalar; a tagged or `{Ref: …}` / `{Fn::…: …}` value is an expression. */
function optionValue(node: Node | null, source: string): OptionValue {
  if (node === null) return { kind: 'literal', value: null };
  if (isScalar(node) && !isTagged(node)) {
    const v = node.value;
    return { kind: 'literal', value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null };
  }
  const written = node.range ? source.slice(node.range[0], node.range[1]).trim() : node.toString();
  // A node's range leaves out its tag.
  const text = isTagged(node) && !written.startsWith('!') ? `${node.tag} ${written}` : written;
  const onlyKey = isMap(node) && node.items.length === 1 ? node.items[0]?.key : undefined;
  if (isTagged(node) || (isScalar(onlyKey) && /^(Ref|Fn::\w+|Condition)$/.test(String(onlyKey.value)))) {
    return { kind: 'expression', text, refs: refsOf(node) };
  }
  return isMap(node) ? { kind: 'block' } : { kind: 'expression', text, refs: [] };
}

function isTagged(node: Node): boolean {
  return typeof node.tag === 'string' && node.tag.startsWith('!');
}

/** The logical ids an intrinsic names: `!Ref X`, `!GetAtt X.Arn`, `{Ref: X}`, `{Fn::GetAtt: [X, Arn]}`. */
function refsOf(node: Node): string[] {
  const first = (n: unknown): string | undefined => (isScalar(n) && typeof n.value === 'string' ? n.value : isSeq(n) ? first(n.items[0]) : undefined);
  if (node.tag === '!Ref') return [first(node)].filter((x): x is string => x !== undefined);
  if (node.tag === '!GetAtt') return [first(node)?.split('.')[0]].filter((x): x is string => x !== undefined);
  if (isMap(node) && isPair(node.items[0])) {
    const key = isScalar(node.items[0].key) ? String(node.items[0].key.value) : '';
    const v = node.items[0].value;
    if (key === 'Ref') return [first(v)].filter((x): x is string => x !== undefined);
    if (key === 'Fn::GetAtt') return [first(v)?.split('.')[0]].filter((x): x is string => x !== undefined);
  }
  return [];
}

function valueOf(map: YAMLMap, key: string): Node | null | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair ? (pair.value as Node | null) : undefined;
}

function hasKey(map: YAMLMap, key: string): boolean {
  return map.items.some((p) => isScalar(p.key) && p.key.value === key);
}
