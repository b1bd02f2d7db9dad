/**
 * Responsibility reports: the model (model.ts), a builder, and one file per
 * output format. Pure, like the rest of the core: strings in, strings out.
 */
import { formatCsv } from './csv';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import type { ResponsibilityReport } from './model';
import { formatOscalSsp, oscalSspChunks, type OscalSspOptions } from './oscal-ssp';

export const REPORT_FORMATS = ['markdown', 'csv', 'html', 'json', 'oscal-ssp'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The formats that have a by-owner view; json holds both views already, and an SSP is organised by control. */
export const BY_OWNER_FORMATS: readonly ReportFormat[] = ['markdown', 'csv', 'html'];

export interface FormatReportOptions {
  readonly by?: 'workload' | 'owner';
  /** Required for oscal-ssp (its last-modified date at least). */
  readonly oscal?: OscalSspOptions;
  /** CSV only: start with a UTF-8 byte-order mark (default true). */
  readonly bom?: boolean;
}

export function formatReport(report: ResponsibilityReport, format: ReportFormat, options: FormatReportOptions = {}): string {
  switch (format) {
    case 'markdown':
      return formatMarkdown(report, { by: options.by });
    case 'csv':
      return formatCsv(report, { by: options.by, bom: options.bom });
    case 'html':
      return formatHtml(report, { by: options.by });
    case 'json':
      return formatJson(report);
    case 'oscal-ssp':
      if (!options.oscal) throw new Error('oscal-ssp needs its options (lastModified at least).');
      return formatOscalSsp(report, options.oscal);
  }
}

/**
 * The same text as formatReport, in pieces to write one after the other: an
 * OSCAL SSP of many workloads is larger than one string can be.
 */
export function* formatReportChunks(report: ResponsibilityReport, format: ReportFormat, options: FormatReportOptions = {}): Generator<string> {
  if (format !== 'oscal-ssp') {
    yield formatReport(report, format, options);
    return;
  }
  if (!options.oscal) throw new Error('oscal-ssp needs its options (lastModified at least).');
  yield* oscalSspChunks(report, options.oscal);
}

export { assembleReport, buildReport, piecesOfCheck, reportCheck, reportPiecesOf, type ReportInput, type ReportPieces } from './build';
export { portablePieces, restorePieces, type PortablePieces } from './portable-pieces';
export { buildReportJsonSchema } from './json-schema';
export { OscalExportError, type OscalSspOptions } from './oscal-ssp';
export * from './model';
export { applyReportPatch, filePatchOf, partialFilePatchOf, workspaceDirectoryOf, type ReportFilePatch, type ReportGroupHead, type ReportPatch } from './patch';
