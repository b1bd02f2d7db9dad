import type { Responsibility } from '../model/types';
import { LOOKS_LIKE_WORKLOAD, RESOURCE_TABLE, SUPPORTING, type LayerOverride, type ResourceRow, type Source, type Variant } from './resource-table';
import type { OptionValue, ResourceBlock } from './types';

/**
 * - workload: a row of the table classifies it;
 * - model-unknown: no row, but its type names compute or data: the user chooses the model;
 * - supporting: networking, IAM and glue, never reported on its own;
 * - ignored: anything else (counted, not reported).
 */
export type ResourceStatus = 'workload' | 'model-unknown' | 'supporting' | 'ignored';

/** A variant that an option written as an expression (or not at all) leaves open. */
export interface Undecided {
  /** The option or options, as the table names them. */
  readonly option: string;
  readonly why: string;
  readonly variants: readonly Variant[];
}

export interface Classification {
  readonly status: ResourceStatus;
  readonly row?: ResourceRow;
  /** aws, azure or gcp: the row's, or read from the type's prefix. */
  readonly provider?: string;
  readonly applied: readonly Variant[];
  readonly undecided: readonly Undecided[];
  /** What the table says happens when an option is left out. */
  readonly notes: readonly string[];
}

const BY_TYPE = new Map<string, ResourceRow>(RESOURCE_TABLE.flatMap((row) => row.types.map((t) => [t, row] as const)));

export function rowFor(type: string): ResourceRow | undefined {
  return BY_TYPE.get(type);
}

/** The options the table asks about for a type: what the parsers read. */
export function wantedOptions(type: string): readonly string[] | undefined {
  const row = BY_TYPE.get(type);
  if (!row) return undefined;
  const options = new Set<string>();
  for (const v of row.variants ?? []) for (const c of v.when) options.add(c.option);
  for (const o of row.unset?.options ?? []) options.add(o);
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
  if (!row) {
    const name = snakeName(block.type);
    const status: ResourceStatus = SUPPORTING.some((p) => p.test(name)) ? 'supporting' : LOOKS_LIKE_WORKLOAD.test(name) ? 'model-unknown' : 'ignored';
    const provider = providerOf(block.type);
    return { status, ...(provider ? { provider } : {}), applied: [], undecided: [], notes: [] };
  }
  const applied: Variant[] = [];
  const undecided: { option: string; why: string; variants: Variant[] }[] = [];
  for (const variant of row.variants ?? []) {
    if (variant.when.length === 0) {
      applied.push(variant);
      continue;
    }
    let matched = false;
    let open: { option: string; text: string } | undefined;
    for (const condition of variant.when) {
      const value = optionOf(block, condition.option);
      if (value === undefined) continue;
      if (value.kind === 'literal' || value.kind === 'block') {
        if (!condition.oneOf) matched = true;
        else if (value.kind === 'literal' && condition.oneOf.some((want) => sameLiteral(want, value.value))) matched = true;
      } else {
        open ??= { option: condition.option, text: value.kind === 'expression' ? value.text : `a ${value.kind} block` };
      }
    }
    if (matched) applied.push(variant);
    else if (open) addUndecided(undecided, open.option, `${open.option} is ${open.text.length > 60 ? `${open.text.slice(0, 60)}…` : open.text}, which only Terraform or CloudFormation resolves`, variant);
  }
  const notes: string[] = [];
  if (row.unset && row.unset.options.every((o) => optionOf(block, o) === undefined)) {
    notes.push(row.unset.note);
    if (row.unset.choose) undecided.push({ option: row.unset.options.join(' / '), why: row.unset.note, variants: (row.variants ?? []).filter((v) => v.when.length > 0) });
  }
  return { status: 'workload', row, provider: row.provider, applied, undecided, notes };
}

function addUndecided(list: { option: string; why: string; variants: Variant[] }[], option: string, why: string, variant: Variant): void {
  const found = list.find((u) => u.option === option);
  if (found) found.variants.push(variant);
  else list.push({ option, why, variants: [variant] });
}

/** An option's value; an option inside a `dynamic` block (or a nested block written by one) is open too. */
function optionOf(block: ResourceBlock, option: string): OptionValue | undefined {
  const direct = block.options.get(option);
  if (direct) return direct;
  const top = option.split('.')[0];
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

/** An override with the source that backs it. */
export interface SourcedOverride extends LayerOverride {
  readonly source: Source;
}

const CUSTOMER_WARD: Readonly<Record<Responsibility, number>> = { customer: 2, shared: 1, provider: 0 };

/**
 * The overrides a declaration of these resources needs, per layer: the rows'
 * own, then every applied variant's (of the resource and of its parts) in their
 * place; where two disagree on a layer, the one that leaves the customer the
 * most wins, so a proposal never claims less than one of its resources needs.
 */
export function combinedOverrides(classifications: readonly Classification[]): Map<string, SourcedOverride> {
  const base = new Map<string, SourcedOverride>();
  const varied = new Map<string, SourcedOverride>();
  const pick = (into: Map<string, SourcedOverride>, o: SourcedOverride): void => {
    const before = into.get(o.layer);
    if (!before || CUSTOMER_WARD[o.responsibility] > CUSTOMER_WARD[before.responsibility]) into.set(o.layer, o);
  };
  for (const c of classifications) {
    if (!c.row) continue;
    for (const o of c.row.overrides ?? []) pick(base, { ...o, source: c.row.source });
    for (const v of c.applied) for (const o of v.overrides) pick(varied, { ...o, source: v.source });
  }
  for (const [layer, o] of varied) base.set(layer, o);
  return base;
}
