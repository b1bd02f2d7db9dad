/**
 * What each feature added since the first version costs per keystroke: the same
 * server on the same file, with the feature off (the file alone in its folder)
 * and on, in the same invocation. Issue 12: "New work must add no per-keystroke
 * cost: matrices, config, owners, reports and IaC each have a row in the bench
 * with the feature on and off."
 *
 * The plain run is measured twice, first and last, and its samples pooled, so
 * that a drift of the machine's load during the runs does not favour either side.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceReportRequest } from '../../protocol/report';
import { TEAMS, type GeneratedFile } from './generate';
import { benchServer, type LspPlan, type LspResult } from './lsp-bench';
import type { ServerSpec } from './lsp-client';
import { ms, percentile, ratio, table } from './stats';

const ROOT = path.resolve(__dirname, '../../..');

/** An organisation's matrix: the reference table with a cell changed, so every check resolves `extends` and reads a file. */
const ORG_MATRIX = `matrix: bench-org
version: "1"
title: Bench organisation matrix
source: {url: https://example.com/bench-org}
extends: reference@1
service-models:
  - id: paas
    cells:
      runtime-middleware: {who: shared, note: Restated, so the file changes a cell.}
`;

const MATRIX_CONFIG = `matrix: bench-org@1
severity:
  SRM006: off
  SRM003: error
overrides: no-reduction
`;

/**
 * The generator's teams, each with a directory entry under its "-team" name and the bare name as an alias. The file
 * writes the bare names too, so each of those owners gets an SRM040 hint (9,488 more findings at 3,000 workloads): this
 * variant's cost is mostly publishing them.
 */
export const OWNERS_CONFIG = ['owners:', ...TEAMS.flatMap((t) => [`  ${t}-team:`, `    contact: ${t}@example.com`, `    aliases: [${t}]`]), 'unknown-owner: warning', ''].join('\n');

/**
 * The same teams, each spelling the generator writes (`platform`, `platform-team`) a directory key of its own: every
 * owner is still looked up, but none is an alias, so the file has no more findings than without the directory. Against
 * OWNERS_CONFIG it tells the cost of the directory itself from the cost of publishing its findings.
 */
export const OWNER_KEYS_CONFIG = ['owners:', ...TEAMS.flatMap((t) => [`  ${t}:`, `    contact: ${t}@example.com`, `  ${t}-team:`, `    contact: ${t}@example.com`]), 'unknown-owner: warning', ''].join('\n');

/** A declaration appended after the last document (so the generator's edit, hover and action offsets stay put) that links to Terraform. */
const IAC_DOCUMENT = `---
workload: bench-orders-api
model: paas
provider: aws
service: AWS Lambda
iac:
  - path: main.tf
    resources:
      - aws_lambda_function.orders
      - aws_s3_bucket.orders_archive
layers:
  data-classification: {owner: data-governance}
  endpoint-devices: {owner: workplace-it}
  identity-access: {owner: iam-team}
  applications: {owner: orders-team}
`;

export type Feature = 'matrix and config' | 'owner directory (aliases)' | 'owner directory (every spelling a key)' | 'reports live' | 'IaC link';
export const FEATURES: readonly Feature[] = ['matrix and config', 'owner directory (aliases)', 'owner directory (every spelling a key)', 'reports live', 'IaC link'];

export interface FeatureRun {
  readonly workloads: number;
  readonly plain: LspResult;
  readonly on: ReadonlyMap<Feature, LspResult>;
}

/** On: at most this ratio of the plain p50 (the same rule for every feature). */
export const FEATURE_TARGET = 1.1;

interface Variant {
  readonly dir: string;
  readonly uri: string;
  readonly text: string;
  readonly plan: LspPlan;
}

function variant(feature: Feature, file: GeneratedFile, workDir: string, plan: LspPlan): Variant {
  const dir = path.join(workDir, 'features', feature.replace(/[^a-zA-Z0-9]+/g, '-'));
  mkdirSync(dir, { recursive: true });
  let text = file.text;
  let afterOpen = plan.afterOpen;
  switch (feature) {
    case 'matrix and config':
      writeFileSync(path.join(dir, 'srm.config.yaml'), MATRIX_CONFIG);
      writeFileSync(path.join(dir, 'bench-org.srm-matrix.yaml'), ORG_MATRIX);
      break;
    case 'owner directory (aliases)':
      writeFileSync(path.join(dir, 'srm.config.yaml'), OWNERS_CONFIG);
      break;
    case 'owner directory (every spelling a key)':
      writeFileSync(path.join(dir, 'srm.config.yaml'), OWNER_KEYS_CONFIG);
      break;
    case 'reports live':
      // The report panel open: every edit also patches the live workspace report and sends the patch.
      afterOpen = async (session) => {
        await session.connection.sendRequest(WorkspaceReportRequest, {});
      };
      break;
    case 'IaC link':
      copyFileSync(path.join(ROOT, 'examples/terraform/main.tf'), path.join(dir, 'main.tf'));
      text = `${file.text.endsWith('\n') ? file.text : `${file.text}\n`}${IAC_DOCUMENT}`;
      break;
  }
  const p = path.join(dir, `bench-${file.workloads}.srm.yaml`);
  writeFileSync(p, text);
  return { dir, uri: pathToFileURL(p).href, text, plan: { ...plan, ...(afterOpen ? { afterOpen } : {}) } };
}

function pooled(a: LspResult, b: LspResult): LspResult {
  return { ...a, editMs: [...a.editMs, ...b.editMs], editCpuMs: [...a.editCpuMs, ...b.editCpuMs], editWaitMs: [...a.editWaitMs, ...b.editWaitMs] };
}

/** Plain, every feature on in turn, plain again. */
export async function benchFeatures(server: ServerSpec, file: GeneratedFile, workDir: string, plan: LspPlan, log: (m: string) => void): Promise<FeatureRun> {
  const plainDir = path.join(workDir, 'features', 'plain');
  mkdirSync(plainDir, { recursive: true });
  const plainPath = path.join(plainDir, `bench-${file.workloads}.srm.yaml`);
  writeFileSync(plainPath, file.text);
  const runPlain = () => benchServer(server, file, pathToFileURL(plainPath).href, pathToFileURL(plainDir).href, plan);
  log(`features: ${file.workloads} workloads, plain`);
  const first = await runPlain();
  const on = new Map<Feature, LspResult>();
  for (const feature of FEATURES) {
    log(`features: ${file.workloads} workloads, ${feature}`);
    const v = variant(feature, file, workDir, plan);
    on.set(feature, await benchServer(server, { ...file, text: v.text }, v.uri, pathToFileURL(v.dir).href, v.plan));
  }
  log(`features: ${file.workloads} workloads, plain again`);
  const last = await runPlain();
  return { workloads: file.workloads, plain: pooled(first, last), on };
}

const p50 = (xs: readonly number[]) => percentile(xs, 50);
const p95 = (xs: readonly number[]) => percentile(xs, 95);

export function featureRatio(run: FeatureRun, feature: Feature): number {
  const on = run.on.get(feature);
  return on ? p50(on.editMs) / p50(run.plain.editMs) : Number.NaN;
}

export function featuresSection(runs: readonly FeatureRun[]): { text: string; targets: string[][] } {
  const rows: string[][] = [];
  const targets: string[][] = [];
  for (const run of runs) {
    for (const feature of FEATURES) {
      const on = run.on.get(feature);
      if (!on) continue;
      const r = featureRatio(run, feature);
      rows.push([
        feature,
        String(run.workloads),
        `${run.plain.editMs.length} / ${on.editMs.length}`,
        `${ms(p50(run.plain.editMs))} / ${ms(p95(run.plain.editMs))}`,
        `${ms(p50(on.editMs))} / ${ms(p95(on.editMs))}`,
        `${ms(p50(run.plain.editCpuMs))} / ${ms(p50(on.editCpuMs))}`,
        ratio(r),
        ratio(p95(on.editMs) / p95(run.plain.editMs)),
        `${run.plain.diagnosticsAtOpen} / ${on.diagnosticsAtOpen}`,
      ]);
      targets.push([`${feature} on/off p50 ≤ ${FEATURE_TARGET}, ${run.workloads} workloads`, ratio(r), r <= FEATURE_TARGET ? 'met' : '**NOT met**']);
    }
  }
  const text = [
    '## Per-keystroke cost of each feature, on against off',
    '',
    'The same edit → diagnostics as above, on the same file: off = the file alone in its folder (measured first and last, samples pooled); ' +
      'on = matrix and config (an `srm.config.yaml` with a default custom matrix, severities and an override policy, and a `*.srm-matrix.yaml` extending reference@1), ' +
      'owner directory (aliases): every owner of the file in an `owners:` directory, the bare team names the file writes as aliases of the "-team" keys, so each entry is looked up and each bare name gets an SRM040 hint ' +
      '(9,488 more findings at 3,000 workloads: most of this row is publishing them); ' +
      'owner directory (every spelling a key): the same directory with both spellings as keys, so each entry is looked up and the findings are those of the file alone (the directory\'s own cost); ' +
      'reports live (the workspace report requested, so each edit also patches it and sends the patch), ' +
      'IaC link (one more declaration with an `iac:` link to a Terraform file in the folder, resolved on each edit). ' +
      `Target: on/off p50 ≤ ${FEATURE_TARGET}.`,
    '',
    table(['feature', 'workloads', 'edits off / on', 'off p50 / p95', 'on p50 / p95', 'server CPU p50 off / on', 'p50 on/off', 'p95 on/off', 'findings off / on'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
  ].join('\n');
  return { text, targets };
}
