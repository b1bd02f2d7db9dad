import type { Rule } from './rule';
import { missingCustomerLayer } from './srm001-missing-customer-layer';
import { missingSharedLayer } from './srm002-missing-shared-layer';
import { missingHandoff } from './srm003-missing-handoff';
import { customerLayerLeftToProvider } from './srm004-customer-layer-left-to-provider';
import { sharedLayerLeftToProvider } from './srm005-shared-layer-left-to-provider';
import { providerLayerEntry } from './srm006-provider-layer-entry';
import { unknownLayer } from './srm007-unknown-layer';
import { layerSpelling } from './srm008-layer-spelling';
import { missingModel } from './srm009-missing-model';
import { unknownModel } from './srm010-unknown-model';
import { missingWorkload } from './srm011-missing-workload';
import { invalidOwner } from './srm012-invalid-owner';
import { duplicateKey } from './srm013-duplicate-key';
import { wrongType } from './srm014-wrong-type';
import { unknownTopLevelKey } from './srm015-unknown-top-level-key';
import { unknownEntryKey } from './srm016-unknown-entry-key';
import { serviceModelMismatch } from './srm017-service-model-mismatch';
import { disguisedOwner } from './srm027-disguised-owner';
import { unknownMatrix } from './srm029-unknown-matrix';
import { unpinnedMatrix } from './srm030-unpinned-matrix';
import { foreignLayerId } from './srm031-foreign-layer-id';
import { brokenMatrix } from './srm032-broken-matrix';
import { missingThirdPartyLayer } from './srm033-missing-third-party-layer';
import { overrideWithoutReason } from './srm034-override-without-reason';
import { redundantOverride } from './srm035-redundant-override';
import { overrideRefused } from './srm036-override-refused';
import { unknownResponsibility } from './srm037-unknown-responsibility';
import { serviceAdvice } from './srm038-service-advice';
import { unknownOwner } from './srm039-unknown-owner';
import { ownerAlias } from './srm040-owner-alias';
import { matrixBadExtends, matrixClaimedTwice, matrixDuplicateId, matrixDuplicateLayer, matrixInvalid, matrixMissingCell, matrixMissingSource, matrixUnknownCell, matrixUnknownKey } from './matrix-file-rules';
import { configBadExtends, configInvalidValue, configMissingFile, configUnknownCode, configUnknownKey } from './config-file-rules';
import { ownerNamesProvider } from './srm028-owner-names-provider';
import { fileTooLarge, notText, strayByteOrderMark, suppressionWithoutReason, tooComplex, tooManyAliases, tooManyProblems, unusedSuppression, yamlSyntax } from './engine-rules';
import { IAC_RULES } from './iac-rules';

/**
 * Every rule, in code order. Codes are stable: a retired code is never reused.
 * SRM029–SRM040 are declaration rules of matrices, overrides and owners;
 * SRM041–SRM049 findings about matrix files; SRM050–SRM059 about the
 * configuration; SRM060–SRM069 about infrastructure as code.
 */
export const RULES: readonly Rule[] = [
  missingCustomerLayer,
  missingSharedLayer,
  missingHandoff,
  customerLayerLeftToProvider,
  sharedLayerLeftToProvider,
  providerLayerEntry,
  unknownLayer,
  layerSpelling,
  missingModel,
  unknownModel,
  missingWorkload,
  invalidOwner,
  duplicateKey,
  wrongType,
  unknownTopLevelKey,
  unknownEntryKey,
  serviceModelMismatch,
  yamlSyntax,
  tooManyAliases,
  suppressionWithoutReason,
  unusedSuppression,
  fileTooLarge,
  notText,
  tooManyProblems,
  tooComplex,
  strayByteOrderMark,
  disguisedOwner,
  ownerNamesProvider,
  unknownMatrix,
  unpinnedMatrix,
  foreignLayerId,
  brokenMatrix,
  missingThirdPartyLayer,
  overrideWithoutReason,
  redundantOverride,
  overrideRefused,
  unknownResponsibility,
  serviceAdvice,
  unknownOwner,
  ownerAlias,
  matrixMissingSource,
  matrixMissingCell,
  matrixUnknownCell,
  matrixBadExtends,
  matrixDuplicateLayer,
  matrixClaimedTwice,
  matrixDuplicateId,
  matrixInvalid,
  matrixUnknownKey,
  configUnknownKey,
  configInvalidValue,
  configUnknownCode,
  configBadExtends,
  configMissingFile,
  ...IAC_RULES,
];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}
