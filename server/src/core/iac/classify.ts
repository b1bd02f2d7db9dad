import { SERVICES, type CatalogueEntry, type ServiceVariant } from '../catalogue/services';
import { customerShare } from '../matrix/duties';
import type { Cell } from '../matrix/types';
import { LOOKS_LIKE_WORKLOAD, RESOURCE_TABLE, SUPPORTING, type OptionVariant, type ResourceRow } from './resource-table';
import type { OptionValue, ResourceBlock } from './types';

/**
 * - workload: a row of the table classifies it;
 * - model-unknown: no row, but its type names compute or data: the user chooses the model;
 * - supporting: networking, IAM and glue, never reported on its own;
 * - ignored: anything else (counted, not reported).
 */
export type ResourceStatus = 'workload' | 'model-unknown' | 'supporting' | 'ignored';

/** A catalogued option of the service, as the resource's arguments chose it. */
export interface ChosenVariant {
  /** How discovery names the choice: "launch type EC2". */
  readonly label: string;
  /** The catalogue's variant: what it changes, why, and its source. */
  readonly variant: ServiceVariant;
}

/** Variants that an option written as an expression (or not at all) leaves open. */
export interface Undecided {
  /** The option or options, as the table names them. */
  readonly option: string;
  readonly why: string;
  readonly variants: readonly ChosenVariant[];
}

export interface Classification {
  readonly status: ResourceStatus;
  readonly row?: ResourceRow;
  /** The catalogued service of the row: its model, provider and advice. */
  readonly service?: CatalogueEntry;
  /** aws, azure or gcp: the service's, or read from the type's prefix. */
  readonly provider?: string;
  readonly applied: readonly ChosenVariant[];
  /** The documented default, when no variant applies and none is left open; a part's variant replaces it. */
  readonly fallback?: ChosenVariant;
  readonly undecided: readonly Undecided[];
  /** What the table says holds when no option chooses. */
  readonly notes: readonly string[];
}

const BY_TYPE = new Map<string, ResourceRow>(RESOURCE_TABLE.flatMap((row) => row.types.map((t) => [t, row] as const)));
const SERVICE_BY_NAME = new Map(SERVICES.map((s) => [s.name, s]));

export function rowFor(type: string): ResourceRow | undefined {
  return BY_TYPE.get(type);
}

/** The catalogue entry a row names (the table test proves every row names one). */
export function serviceOf(row: ResourceRow): CatalogueEntry | undefined {
  return SERVICE_BY_NAME.get(row.service);
}

/** The catalogued variant an option of a row selects. */
export function variantOf(row: ResourceRow, id: string): ServiceVariant | undefined {
  return serviceOf(row)?.advice?.variants.find((v) => v.id === id);
}

/** The options the table asks about for a type: what the parsers read. */
export function wantedOptions(type: string): readonly string[] | undefined {
  const row = BY_TYPE.get(type);
  if (!row) return undefined;
  const options = new Set<string>();
  for (const v of row.variants ?? []) for (const c of v.when) options.add(c.option);
  if (row.partOf) options.add(row.partOf.option);
  return [...options];
}

const memo = new WeakMap<ResourceBlock, Classification>();

export function classify(block: ResourceBlock): Classification {
  let c = memo.get(block);
  if (!c) memo.set(block, (c = classifyUncached(block)));
  return c;
}

function classifyUncached(block: ResourceBlock): Classification {
  const row = BY_TYPE.get(block.type);
  const service = row && serviceOf(row);
  if (!row || !service) {
    const name = snakeName(block.type);
    const status: ResourceStatus = SUPPORTING.some((p) => p.test(name)) ? 'supporting' : LOOKS_LIKE_WORKLOAD.test(name) ? 'model-unknown' : 'ignored';
    const provider = providerOf(block.type);
    return { status, ...(provider ? { provider } : {}), applied: [], undecided: [], notes: [] };
  }
  const chosen = (o: OptionVariant): ChosenVariant[] => {
    const variant = variantOf(row, o.variant);
    return variant ? [{ label: o.label, variant }] : [];
  };
  const applied: ChosenVariant[] = [];
  const undecided: { option: string; why: string; variants: ChosenVariant[] }[] = [];
  for (const option of row.variants ?? []) {
    if (option.when.length === 0) {
      applied.push(...chosen(option));
      continue;
    }
    let matched = false;
    let open: { option: string; text: string } | undefined;
    for (const condition of option.when) {
      const value = optionOf(block, condition.option);
      if (value === undefined) continue;
      if (value.kind === 'literal' || value.kind === 'block') {
        if (!condition.oneOf) matched = true;
        else if (value.kind === 'literal' && condition.oneOf.some((want) => sameLiteral(want, value.value))) matched = true;
      } else {
        open ??= { option: condition.option, text: value.kind === 'expression' ? value.text : `a ${value.kind} block` };
      }
    }
    if (matched) applied.push(...chosen(option));
    else if (open) addUndecided(undecided, open.option, `${open.option} is ${open.text.length > 60 ? `${open.text.slice(0, 60)}…` : open.text}, which only Terraform or CloudFormation resolves`, chosen(option));
  }
  const notes: string[] = [];
  let fallback: ChosenVariant | undefined;
  if (row.otherwise && applied.length === 0 && undecided.length === 0) {
    notes.push(row.otherwise.note);
    const variant = row.otherwise.variant !== undefined ? variantOf(row, row.otherwise.variant) : undefined;
    if (variant) fallback = { label: variant.name, variant };
    else undecided.push({ option: (row.variants ?? []).flatMap((v) => v.when.map((c) => c.option)).filter((o, i, all) => all.indexOf(o) === i).join(' / '), why: row.otherwise.note, variants: (row.variants ?? []).filter((v) => v.when.length > 0).flatMap(chosen) });
  }
  return { status: 'workload', row, service, provider: service.provider, applied, ...(fallback ? { fallback } : {}), undecided, notes };
}

function addUndecided(list: { option: string; why: string; variants: ChosenVariant[] }[], option: string, why: string, variants: readonly ChosenVariant[]): void {
  const found = list.find((u) => u.option === option);
  if (found) found.variants.push(...variants);
  else list.push({ option, why, variants: [...variants] });
}

/** An option's value; an option inside a `dynamic` block (or a nested block written by one) is open too. */
function optionOf(block: ResourceBlock, option: string): OptionValue | undefined {
  const direct = block.options.get(option);
  if (direct) return direct;
  const top = option.split('.')[0]!;
  const parent = top === option ? undefined : block.options.get(top);
  return parent?.kind === 'dynamic' || parent?.kind === 'mixed' ? parent : undefined;
}

function sameLiteral(want: string | number | boolean, got: string | number | boolean | null): boolean {
  if (typeof want === 'string' && typeof got === 'string') return want.toLowerCase() === got.toLowerCase();
  // CloudFormation and HCL both let a boolean be written as a string.
  if (typeof want === 'boolean' && typeof got === 'string') return String(want) === got.toLowerCase();
  return want === got;
}

/** `AWS::EC2::SecurityGroup` → `aws_ec2_security_group`; Terraform types are already snake case. */
export function snakeName(type: string): string {
  if (!type.includes('::')) return type.toLowerCase();
  return type
    .split('::')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase())
    .join('_');
}

function providerOf(type: string): string | undefined {
  if (/^(aws_|AWS::)/.test(type)) return 'aws';
  if (/^azurerm_|^azapi_/.test(type)) return 'azure';
  if (/^google_/.test(type)) return 'gcp';
  return undefined;
}

/** A layer a variant moves (by the reference matrix's layer id, as the catalogue writes it), and the variant that moves it. */
export interface VariantCell {
  readonly layer: string;
  readonly responsibility: Cell;
  readonly reason: string;
  readonly variant: ServiceVariant;
}

/**
 * The cells a declaration of these resources should override, per reference
 * layer: the documented defaults first, then every applied variant (of the
 * resource and of its parts) in their place; where two disagree on a layer,
 * the one that leaves the customer the most wins, so a proposal never claims
 * less than one of its resources needs.
 */
export function combinedOverrides(classifications: readonly Classification[]): Map<string, VariantCell> {
  const defaults = new Map<string, VariantCell>();
  const chosen = new Map<string, VariantCell>();
  const pick = (into: Map<string, VariantCell>, v: ChosenVariant): void => {
    for (const cell of v.variant.cells) {
      const before = into.get(cell.layer);
      if (!before || customerShare(cell.responsibility) > customerShare(before.responsibility)) into.set(cell.layer, { ...cell, variant: v.variant });
    }
  };
  for (const c of classifications) {
    if (c.fallback) pick(defaults, c.fallback);
    for (const v of c.applied) pick(chosen, v);
  }
  for (const [layer, cell] of chosen) defaults.set(layer, cell);
  return defaults;
}
