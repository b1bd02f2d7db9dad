/** Declarations the protocol tests open, and small helpers to reason about what the server sent back. */
import * as assert from 'node:assert/strict';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';

/**
 * A PaaS workload with two gaps: no endpoint-devices (SRM001) and no
 * runtime-middleware (SRM002, shared under PaaS), both reported on `layers:`.
 */
export const PAAS_WITH_GAPS = `# Card payments, on a managed platform.
workload: payments-api
model: paas
provider: azure
service: Azure App Service
layers:
  data-classification:
    owner: data-governance
    evidence: https://wiki.example.com/payments/dlp
  identity-access:
    owner: iam-team
  applications:
    owner: payments-team
`;

/** A complete PaaS declaration: no findings at all. */
export const PAAS_COMPLETE = `workload: payments-api
model: paas
provider: azure
service: Azure App Service
layers:
  data-classification:
    owner: data-governance
    evidence: "https://wiki.example.com/payments/dlp"
  endpoint-devices:
    owner: workplace-it
  identity-access:
    owner: iam-team
  applications:
    owner: payments-team
  runtime-middleware:
    owner: platform-team
    handoff: Microsoft patches the runtime; we pin the version.
`;

/**
 * Three workloads in one file. The first is complete; the second (IaaS) relies
 * on the provider for its operating system (SRM004) and leaves gaps; the third
 * (SaaS) misspells a layer (SRM008) and lacks devices.
 */
export const MULTI = `# three workloads, one file
workload: storefront-web
model: paas
service: Google App Engine
layers:
  data-classification: { owner: ecommerce-data }
  endpoint-devices: { owner: workplace-it }
  identity-access: { owner: cloud-iam-team }
  applications: { owner: storefront-team }
  runtime-middleware:
    owner: storefront-team
    handoff: Google patches the runtime; we pick the version.
---
workload: reporting-vm
model: iaas
service: Amazon EC2
layers:
  data-classification:
    owner: finance-data
  identity-access:
    owner: cloud-iam-team
  operating-system:
    owner: provider
  physical-security:
    owner: provider
    evidence: https://aws.amazon.com/compliance/soc/
---
workload: storefront-crm
model: saas
service: Salesforce
layers:
  data-classification:
    owner: sales-operations
  iam:
    owner: cloud-iam-team
`;

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** Diagnostics as comparable data: what a user sees, without the server's private `data`. */
export function visible(diagnostics: readonly Diagnostic[]): { range: Range; code: unknown; severity: unknown; message: string; source: unknown }[] {
  return diagnostics
    .map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: messageOf(d), source: d.source }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)) || a.message.localeCompare(b.message));
}

export function ofCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** The one diagnostic of a code whose message mentions `about` (a layer id, say). */
export function find(diagnostics: readonly Diagnostic[], code: string, about = ''): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code && messageOf(d).includes(about));
  assert.equal(found.length, 1, `expected one ${code} about "${about}", got:\n${describe(diagnostics)}`);
  return found[0]!;
}

export function describe(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${messageOf(d)}`).join('\n') || '  (none)';
}

/** A text the length of which goes past what the checker reads (8 MiB), made of harmless comment lines. */
export function hugeText(): string {
  const line = `# ${'x'.repeat(1021)}\n`; // 1 KiB
  return `workload: huge\nmodel: paas\n${line.repeat(8 * 1024 + 16)}`;
}
