/**
 * The checking engine: the responsibility model, the parser, the rules and
 * their fixes. Pure: it knows nothing of editors or protocols; the language
 * server, the CLI and the webview are adapters around it.
 */
export { Checker, checkText, modelIndexFor, type CheckOptions, type CheckResult, type CheckedDocument, type TextFacts } from './check';
export { applyEdits, fixAllEdits, fixText, planFixAll, type DroppedFix, type FixOutcome, type FixPlan, type TextChecker } from './fixes/fix-all';
export { REFERENCE_MODEL } from './model/reference-model';
export { ModelIndex } from './model/model-index';
export type { LayerDefinition, Responsibility, ResponsibilityModel, ServiceModelDefinition } from './model/types';
export { RULES, ruleByCode } from './rules/registry';
export type { Rule } from './rules/rule';
export { ServiceCatalogue } from './catalogue/catalogue';
export type { Diagnostic, Edit, Fix, Severity, Span } from './types';
export { buildLayerStack, assignOwnerFix } from './layer-stack';
export { outline, evidenceLinks, type OutlineItem, type EvidenceLink } from './outline';
export { targetAt, describeTarget, documentAt, layerOfEntry, modelIdOf, type Target } from './query';
export { completionContextAt, type CompletionContext } from './completion-context';
export { ENTRY_FIELDS, TOP_LEVEL_FIELDS, PROVIDER_OWNER, isProviderOwner } from './format';
export { explainLayer, explainModel, explainRule, explainService, explainProviderOwner } from './explain';
export { newDeclarationText } from './templates';
export { buildJsonSchema } from './schema';
export { fieldOf, stringValue, type Declaration, type Field, type LayerEntry } from './parse/declaration';
