import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { fieldOf, nodeSpan, stringValue, type Declaration, type Field } from '../parse/declaration';
import type { Span } from '../types';

/** The key of the link; read here only, so that the rest of the core stays unaware of it. */
export const IAC_KEY = 'iac';

export interface NamedResource {
  /** `aws_lambda_function.api`, `module.payments.aws_lambda_function.api`, or a logical id. */
  readonly name: string;
  readonly span: Span;
}

/** One entry of `iac:`: a file or folder, relative to the declaration, and optionally the resources in it. */
export interface IacLink {
  readonly path: string;
  readonly pathSpan: Span;
  /** Undefined: every workload resource found there. */
  readonly resources?: readonly NamedResource[];
  /** The whole list item. */
  readonly span: Span;
}

export interface LinkProblem {
  readonly message: string;
  readonly span: Span;
}

export interface DeclarationLinks {
  readonly links: readonly IacLink[];
  /** Entries that cannot be read as a link (no path, a path that is not text, unknown keys). */
  readonly problems: readonly LinkProblem[];
  /** The `iac:` key itself, when present. */
  readonly field?: Field;
}

const ENTRY_KEYS = ['path', 'resources'];

/**
 * The `iac:` links of a declaration. An entry is `{path, resources?}`; a
 * plain string is read as a path. `iac:` that is not a list is SRM014's to
 * report, so it gives no links and no problems here.
 */
export function readIacLinks(declaration: Declaration): DeclarationLinks {
  const field = fieldOf(declaration.fields, IAC_KEY);
  if (!field || !isSeq(field.value)) return { links: [], problems: [], ...(field ? { field } : {}) };
  const links: IacLink[] = [];
  const problems: LinkProblem[] = [];
  for (const item of field.value.items as (Node | null)[]) {
    const written = nodeSpan(item);
    if (!item || !written) continue;
    const span = isMap(item) ? mapSpan(item, written) : written;
    if (isScalar(item)) {
      if (typeof item.value === 'string' && item.value.trim() !== '') links.push({ path: item.value, pathSpan: span, span });
      else problems.push({ message: 'An iac: entry needs a path: a file or folder relative to this declaration.', span });
      continue;
    }
    if (!isMap(item)) {
      problems.push({ message: 'An iac: entry is a mapping with path: and, optionally, resources:.', span });
      continue;
    }
    let path: { value: string; span: Span } | undefined;
    let resources: NamedResource[] | undefined;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keySpan = nodeSpan(pair.key as Node | null) ?? span;
      const value = pair.value as Node | null;
      const valueSpan = nodeSpan(value) ?? keySpan;
      if (key === 'path') {
        if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') path = { value: value.value, span: valueSpan };
        else problems.push({ message: 'path: must be a file or folder, relative to this declaration.', span: valueSpan });
      } else if (key === 'resources') {
        const items = isSeq(value) ? (value.items as (Node | null)[]) : isScalar(value) && value.value !== null ? [value] : [];
        if (!isSeq(value) && !isScalar(value)) problems.push({ message: 'resources: is a list of resource names, such as aws_lambda_function.api or a logical id.', span: valueSpan });
        resources = [];
        for (const r of items) {
          const rSpan = nodeSpan(r);
          if (isScalar(r) && typeof r.value === 'string' && r.value.trim() !== '' && rSpan) resources.push({ name: r.value.trim(), span: rSpan });
          else if (rSpan) problems.push({ message: 'A resource is named by its address, such as aws_lambda_function.api, or by its logical id.', span: rSpan });
        }
      } else {
        problems.push({ message: `"${key}" is not a key of an iac: entry; the keys are ${ENTRY_KEYS.join(' and ')}.`, span: keySpan });
      }
    }
    if (path) links.push({ path: path.value, pathSpan: path.span, ...(resources ? { resources } : {}), span });
    else if (!problems.some((p) => p.span.start >= span.start && p.span.end <= span.end)) problems.push({ message: 'This iac: entry has no path: say which file or folder defines the workload.', span });
  }
  return { links, problems, field };
}

/** A block mapping's range runs on to the next line: end it at its last key or value. */
function mapSpan(map: YAMLMap, written: Span): Span {
  const last = map.items[map.items.length - 1];
  const end = nodeSpan((last?.value ?? last?.key) as Node | null)?.end ?? nodeSpan(last?.key as Node | null)?.end;
  return end !== undefined && end < written.end ? { start: written.start, end } : written;
}

/** What discovery needs of one declaration: its file, workload, model and links. */
export function declarationIacOf(file: string, declaration: Declaration): { file: string; workload?: string; model?: string; links: readonly IacLink[] } {
  const workload = stringValue(fieldOf(declaration.fields, 'workload'));
  const model = stringValue(fieldOf(declaration.fields, 'model'));
  return { file, ...(workload !== undefined ? { workload } : {}), ...(model !== undefined ? { model } : {}), links: readIacLinks(declaration).links };
}

/** Whether a declaration file's text may hold an `iac:` key at all: a cheap test before parsing it for its links. */
export function mayHoldIacLinks(text: string): boolean {
  return /^[ \t]*["']?iac["']?[ \t]*:/m.test(text);
}
