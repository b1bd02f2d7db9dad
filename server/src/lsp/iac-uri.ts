/**
 * Which documents the IaC part answers for, by name alone: Terraform files,
 * and every YAML, JSON or `.template` file that may be a CloudFormation or
 * SAM template. Whether one is a template is read from its text
 * (iac-documents.ts); the rest get nothing from us. Declarations and the data
 * files (srm.config.yaml, *.srm-matrix.yaml) keep their own handling.
 */
import { isConfigFileName, isMatrixFileName } from '../core';
import { isTemplateCandidate } from '../core/iac/cloudformation';
import { isDeclarationUri } from './declaration-uri';

function pathOf(uri: string): string {
  return uri.replace(/[?#].*$/, '');
}

export function isTerraformUri(uri: string): boolean {
  return /\.tf$/i.test(pathOf(uri));
}

export function isIacUri(uri: string): boolean {
  const path = pathOf(uri);
  if (isTerraformUri(path)) return true;
  const name = decodeURIComponent(path.split('/').pop() ?? '');
  return isTemplateCandidate(path) && !isDeclarationUri(path) && !isConfigFileName(name) && !isMatrixFileName(name);
}
