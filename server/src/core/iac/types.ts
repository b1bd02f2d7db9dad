import type { Span } from '../types';

export type IacKind = 'terraform' | 'cloudformation';

/**
 * A resource option the resource table asks about, as written: a literal the
 * core can read, or something only `terraform plan` could resolve.
 */
export type OptionValue =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  /** An expression (`var.launch_type`, `!Ref LaunchType`); `refs` are the resources it names (`aws_eks_cluster.main`, a logical id). */
  | { readonly kind: 'expression'; readonly text: string; readonly refs: readonly string[] }
  /** A nested block or mapping, present. */
  | { readonly kind: 'block' }
  /** A `dynamic "name"` block: present or not and with what content, only Terraform knows. */
  | { readonly kind: 'dynamic' }
  /** Written more than once with different values (two nested blocks). */
  | { readonly kind: 'mixed' };

/** A resource block or template resource as written in one file. */
export interface ResourceBlock {
  readonly type: string;
  /** Terraform: the block's name label; CloudFormation: the logical id. */
  readonly name: string;
  /** The whole block or template entry. */
  readonly span: Span;
  /** What a diagnostic points at: `resource "type" "name"`, or the logical id. */
  readonly headerSpan: Span;
  /** `count`, `for_each` or CloudFormation's `Fn::ForEach`: one block, several resources. */
  readonly multiInstance?: 'count' | 'for_each' | 'Fn::ForEach';
  /** Only the options the resource table asks about for this type, by dotted path (`launch_type`, `compute_config.enabled`). */
  readonly options: ReadonlyMap<string, OptionValue>;
}

/** A Terraform `module "name" { source = … }` block. */
export interface ModuleCall {
  readonly name: string;
  /** The source as written; undefined when it is not a plain string. */
  readonly source: string | undefined;
  readonly span: Span;
  readonly headerSpan: Span;
  /** A local path (`./…` or `../…`): the only kind discovery follows. */
  readonly local: boolean;
}

export interface IacDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly span: Span;
}

/** One Terraform or CloudFormation file, read. */
export interface IacFile {
  readonly path: string;
  readonly kind: IacKind;
  /** The text the spans point into. */
  readonly text: string;
  readonly resources: readonly ResourceBlock[];
  readonly modules: readonly ModuleCall[];
  readonly diagnostics: readonly IacDiagnostic[];
}

/** One call on the way from a root module to a resource: `module "name"` in `file`. */
export interface ModuleStep {
  readonly name: string;
  readonly file: string;
  readonly headerSpan: Span;
}

/**
 * A resource as deployed from a root: a block in a module called twice is two
 * instances. Terraform addresses name it (`module.api.aws_lambda_function.fn`),
 * a template's logical id names it in CloudFormation.
 */
export interface ResourceInstance {
  /** Unique in an inventory: the root folder (or template) and the address. */
  readonly key: string;
  readonly kind: IacKind;
  /** Where the block is written. */
  readonly file: string;
  readonly block: ResourceBlock;
  readonly address: string;
  /** The module calls from the root to the block, outermost first; empty for a resource of the root itself. */
  readonly modulePath: readonly ModuleStep[];
}
