import { keyHover, keyItems, pathKey, valueHover, valueItems, type AssistHover, type AssistItem } from '../files/assist';
import { completionSpotAt } from '../files/completion-spot';
import type { ValueSpec } from '../files/key-spec';
import { yamlSpotAt } from '../files/yaml-at';
import { matrixHover, matrixItems } from '../matrix/matrix-file-assist';
import type { MatrixRegistry } from '../matrix/registry';
import type { Rule } from '../rules/rule';
import type { Span } from '../types';
import { CONFIG_KEYS, OVERRIDE_POLICIES, OWNER_KEYS, SEVERITY_LEVELS } from './config-format';

/*
 * Hover and completion in srm.config.yaml: what each key means, the finding
 * codes `severity:` takes (with what each finds), the levels and policies, and
 * the matrices `matrix:` may name. `registry`: the matrices the file brings in.
 */

const BOOLEANS: readonly ValueSpec[] = [
  { value: 'true', description: 'Yes.' },
  { value: 'false', description: 'No.' },
];

export function configFileHover(text: string, offset: number, registry: MatrixRegistry, rules: readonly Rule[]): AssistHover | undefined {
  const spot = yamlSpotAt(text, offset);
  if (!spot) return undefined;
  const where = pathKey(spot.path);
  if (spot.kind === 'key') {
    if (spot.path.length === 1) return keyHover(CONFIG_KEYS, spot.text, spot.span);
    if (/^severity\/[^/]+$/.test(where)) return ruleHover(rules, spot.text, spot.span);
    if (/^owners\/[^/]+\/[^/]+$/.test(where)) return keyHover(OWNER_KEYS, spot.text, spot.span);
    return undefined;
  }
  if (/^severity\/[^/]+$/.test(where) || where === 'unknown-owner') return valueHover(SEVERITY_LEVELS, spot.text, spot.span);
  if (where === 'overrides') return valueHover(OVERRIDE_POLICIES, spot.text, spot.span);
  if (where === 'matrix') return matrixHover(registry, spot.text, spot.span);
  return undefined;
}

export function configFileCompletions(text: string, offset: number, registry: MatrixRegistry, rules: readonly Rule[]): AssistItem[] {
  const spot = completionSpotAt(text, offset);
  if (spot.kind === 'none') return [];
  const where = pathKey(spot.path);
  if (spot.kind === 'key') {
    if (where === '') return keyItems(CONFIG_KEYS, spot.present, spot.span);
    if (where === 'severity') return ruleItems(rules, spot.present, spot.span);
    if (/^owners\/[^/]+$/.test(where)) return keyItems(OWNER_KEYS, spot.present, spot.span);
    return [];
  }
  if (/^severity\/[^/]+$/.test(where) || where === 'unknown-owner') return valueItems(SEVERITY_LEVELS, spot.span);
  if (where === 'overrides') return valueItems(OVERRIDE_POLICIES, spot.span);
  if (where === 'inline-ignore') return valueItems(BOOLEANS, spot.span);
  if (where === 'matrix') return matrixItems(registry.entries.filter((e) => e.index), spot.span);
  return [];
}

function ruleItems(rules: readonly Rule[], present: readonly string[], span: Span): AssistItem[] {
  return rules
    .filter((r) => !present.includes(r.code))
    .map((r) => ({ label: r.code, kind: 'code', detail: `${r.name} (default ${r.severity})`, documentation: r.description, insertText: `${r.code}: `, sortText: r.code, span }));
}

function ruleHover(rules: readonly Rule[], code: string, span: Span): AssistHover | undefined {
  const rule = rules.find((r) => r.code === code);
  return rule ? { markdown: `**${rule.code} · ${rule.name}** (default ${rule.severity})\n\n${rule.description}`, span } : undefined;
}
