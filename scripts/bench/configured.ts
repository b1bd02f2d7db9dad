/**
 * The language server with a configuration file and a custom matrix beside the
 * declaration, against the same server on the same file without them, in the
 * same invocation: what matrices and config discovery cost per edit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GeneratedFile } from './generate';
import { benchServer, type LspPlan, type LspResult } from './lsp-bench';
import type { ServerSpec } from './lsp-client';
import { ms, percentile, ratio, table } from './stats';

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

const CONFIG = `matrix: bench-org@1
severity:
  SRM006: off
  SRM003: error
overrides: no-reduction
`;

export interface ConfiguredPair {
  readonly workloads: number;
  readonly plain: LspResult;
  readonly configured: LspResult;
}

/** Writes the configured folder (its own copy of the file) and runs both, alternating which goes first. */
export async function benchConfigured(server: ServerSpec, file: GeneratedFile, workDir: string, plainUri: string, plan: LspPlan, first: 'plain' | 'configured'): Promise<ConfiguredPair> {
  const dir = path.join(workDir, 'configured');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'srm.config.yaml'), CONFIG);
  writeFileSync(path.join(dir, 'bench-org.srm-matrix.yaml'), ORG_MATRIX);
  const p = path.join(dir, `bench-${file.workloads}.srm.yaml`);
  writeFileSync(p, file.text);
  const runs: Partial<Record<'plain' | 'configured', LspResult>> = {};
  for (const which of first === 'plain' ? (['plain', 'configured'] as const) : (['configured', 'plain'] as const)) {
    runs[which] = which === 'plain' ? await benchServer(server, file, plainUri, pathToFileURL(workDir).href, plan) : await benchServer(server, file, pathToFileURL(p).href, pathToFileURL(dir).href, plan);
  }
  return { workloads: file.workloads, plain: runs.plain!, configured: runs.configured! };
}

export function configuredSection(pairs: readonly ConfiguredPair[]): string {
  const p50 = (xs: readonly number[]) => percentile(xs, 50);
  const p95 = (xs: readonly number[]) => percentile(xs, 95);
  return [
    '## Configuration and a custom matrix',
    '',
    'The same server and file, once alone and once beside an `srm.config.yaml` (default matrix, severities, override policy) and a ' +
      '`*.srm-matrix.yaml` extending reference@1; edit → diagnostics as above. Target: configured p95 within 10 % of plain.',
    '',
    table(
      ['workloads', 'edits', 'plain p50', 'plain p95', 'configured p50', 'configured p95', 'p95 configured/plain'],
      pairs.map(({ workloads, plain, configured }) => [
        String(workloads),
        `${plain.editMs.length} / ${configured.editMs.length}`,
        ms(p50(plain.editMs)),
        ms(p95(plain.editMs)),
        ms(p50(configured.editMs)),
        ms(p95(configured.editMs)),
        ratio(p95(configured.editMs) / p95(plain.editMs)),
      ]),
    ),
  ].join('\n');
}
