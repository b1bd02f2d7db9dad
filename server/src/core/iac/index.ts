/**
 * Discovery: Terraform and CloudFormation read into resources, classified by
 * the resource table, matched against declarations' `iac:` links. Pure: the
 * adapters hand in a parser and a read-only file system.
 */
export type { SyntaxNode, SyntaxTree, TerraformParser } from './syntax-tree';
export type { IacDiagnostic, IacFile, IacKind, ModuleCall, ModuleStep, OptionValue, ResourceBlock, ResourceInstance } from './types';
export { parseTerraform, type WantedOptions } from './terraform';
export { parseCloudFormation, recogniseTemplate, isTemplateCandidate, type TemplateDialect } from './cloudformation';
export { CFN_SHORT_FORMS, CFN_TAGS } from './cfn-tags';
export { RESOURCE_TABLE, SUPPORTING, LOOKS_LIKE_WORKLOAD, type ResourceRow, type OptionVariant, type Otherwise, type Source, type Condition } from './resource-table';
export { classify, combinedOverrides, rowFor, serviceOf, variantOf, snakeName, wantedOptions, type Classification, type ChosenVariant, type ResourceStatus, type Undecided, type VariantCell } from './classify';
export { buildInventory, holdsIac, SKIPPED_FOLDERS, type IacFileSystem, type Inventory, type InventoryOptions } from './inventory';
export { readIacLinks, declarationIacOf, mayHoldIacLinks, IAC_KEY, type IacLink, type NamedResource, type DeclarationLinks, type LinkProblem } from './links';
export { resolveClaims, addressFrom, rootFileOf, type ClaimReport, type DeclarationIac, type DeclarationResult, type EntryResult, type Undeclared, type DoubleClaim, type Contradiction } from './claims';
export { proposeDeclarations, slug, type Proposal, type Grouping } from './proposal';
export { createIacView, type IacView, type EntryView } from './view';
export { normalizePath, joinPath, dirnameOf, basenameOf, isInside, relativePath } from './paths';
export { summarizeUndeclared, type UndeclaredSummary } from './describe';
export { iacFileFindings, isUndeclaredFinding, type UndeclaredFinding } from './findings';
