/**
 * The checking engine: matrices, the configuration, the parser, the rules and
 * their fixes. Pure: it knows nothing of editors, protocols or files; the
 * language server, the CLI and the webview are adapters around it.
 */
export { Checker, MAX_FILE_SIZE, checkText, fileTooLargeFinding, readDeclarations, type CheckOptions, type CheckResult, type CheckedDocument, type TextFacts } from './check';
export { buildEnvironment, builtInEnvironment, chooseMatrix, defaultMatrixOf, type BuiltEnvironment, type CheckEnvironment, type MatrixChoice } from './environment';
export { applyEdits, composeEdits, fixAllEdits, fixText, planFixAll, type DroppedFix, type FixOutcome, type FixPlan, type TextChecker } from './fixes/fix-all';
export { MatrixRegistry, DEFAULT_MATRIX, compareVersions, type MatrixFileText, type MatrixResolution, type RegistryEntry } from './matrix/registry';
export { MatrixIndex } from './matrix/matrix-index';
export { CELLS, isCell, parseMatrixRef, formatMatrixRef, type Cell, type LayerDefinition, type Matrix, type MatrixCell, type MatrixSource, type ServiceModelDefinition } from './matrix/types';
export { dutyOf, needsOwner, cellPhrase } from './matrix/duties';
export { CONFIG_FILE_NAME, DEFAULT_CONFIG, DEFAULT_MATRIX_PATTERNS, configHasErrors, mergeConfig, readConfigFile, type LoadedConfig, type OwnerEntry, type OverridePolicy, type RelativePath, type SeverityLevel, type SrmConfig } from './config/config';
export { loadConfig, type ConfigHost } from './config/load';
export { RULES, ruleByCode } from './rules/registry';
export type { Rule } from './rules/rule';
export { ServiceCatalogue } from './catalogue/catalogue';
export type { CatalogueEntry, ServiceAdvice, ServiceVariant } from './catalogue/services';
export type { Diagnostic, Edit, Fix, Severity, Span } from './types';
export { buildLayerStack, assignOwnerFix, type BandAdvice, type BandStatus, type ClaimedResource, type LayerBand, type LayerStack, type ModelColumn, type StackMatrix, type WorkloadStack } from './layer-stack';
export { layerStates, gapCount, fileGapCount, type GapKind, type LayerState } from './layer-state';
export { readOverride, effectiveCell, type Override } from './overrides';
export { outline, evidenceLinks, type OutlineItem, type EvidenceLink } from './outline';
export { targetAt, describeTarget, documentAt, documentTypedAt, layerOfEntry, modelIdOf, overrideOf, type Target } from './query';
export { completionContextAt, type CompletionContext } from './completion-context';
export { ENTRY_FIELDS, TOP_LEVEL_FIELDS, PROVIDER_OWNER, isProviderOwner, isRealOwner, ownerKey } from './format';
export { explainLayer, explainMatrix, explainModel, explainRule, explainService, explainProviderOwner } from './explain';
export { newDeclarationText } from './templates';
export { buildJsonSchema } from './schema';
export { fieldOf, stringValue, type Declaration, type Field, type LayerEntry } from './parse/declaration';
export { LineIndex, type Position } from './text/line-index';
export { matrixFileCompletions, matrixFileHover } from './matrix/matrix-file-assist';
export { configFileCompletions, configFileHover } from './config/config-file-assist';
export { isMatrixFileName } from './matrix/matrix-format';
export { isConfigFileName } from './config/config-format';
export type { AssistHover, AssistItem } from './files/assist';
export { semanticSpans, type SemanticKind, type SemanticSpan } from './semantic-tokens';
export { directoryEntryOf, directoryNameAt, directoryNames, invalidOwnerName, ownerUseAt, ownerUses, renameDirectoryEdits, renameOwnerEdits, renameTokenEdit, sameOwner, typedValueSpan, type DirectoryName, type OwnerUse } from './owner-names';
export { layerHints, type LayerHint } from './layer-hints';
export { OwnerDirectory, ownerDirectoryOf, type OwnerLookup } from './owners/directory';
export { MAX_OWNER_CANDIDATES, ownerNamingFixes, rankOwnerCandidates, type OwnerCandidate } from './owners/owner-fixes';
export { fixAll, type FixAllResult } from './fix-document';
export { detectIndentStep } from './fixes/edit-context';
export { entryLines } from './fixes/entries';
