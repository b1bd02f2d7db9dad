/**
 * The responsibility report: plain, versioned data built from checked declarations
 * (one builder in the core), read by every output format (markdown, csv, html, json,
 * oscal-ssp), the VS Code report webview and the overview tree.
 * Stable: no timestamps, no absolute paths, everything in a deterministic order
 * (matrix groups by id then version; workloads by file then document index; owners by name).
 */
export const REPORT_FORMAT_VERSION = 1;

/** The CSA CCM v4 STA-04 cell vocabulary. */
export type Cell = 'customer' | 'shared' | 'provider' | 'third-party' | 'not-applicable';

/** What a report cell shows. */
export type CellState =
  | 'owner'          // a customer cell with a real owner
  | 'shared'         // a shared cell with a real owner (handoff may still be missing: see `handoff`)
  | 'third-party'    // a third-party cell with a real owner (the third party)
  | 'provider'       // a provider cell (nothing required); `owner` holds what the entry records, if any
  | 'not-applicable' // an n/a cell
  | 'gap';           // a cell that asks for an owner with no real one (no entry, owner: provider, empty, placeholder)

export interface ReportSource {
  readonly url: string;
  readonly published?: string;
  readonly note?: string;
}

export interface ReportLayer {
  readonly id: string;
  readonly name: string;
}

export interface ReportServiceModel {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
}

export interface ReportOverride {
  /** The matrix's cell. */
  readonly from: Cell;
  /** What the entry's `responsibility:` says instead. */
  readonly to: Cell;
  readonly reason: string;
}

export interface ReportCell {
  readonly layerId: string;
  /** The cell that applies to this workload: the matrix's, or the override's. */
  readonly cell: Cell;
  readonly state: CellState;
  /** The entry's owner as written (absent when there is no entry or no text owner). */
  readonly owner?: string;
  readonly handoff?: string;
  readonly contact?: string;
  readonly override?: ReportOverride;
  /** Why this is a gap, in words (only for state 'gap'). */
  readonly gapReason?: string;
  /** True when the matrix derived this cell instead of listing it. */
  readonly derived?: boolean;
}

/** A resource in infrastructure code that the workload claims through `iac:`. */
export interface ReportResource {
  /** `aws_lambda_function.api`, or a CloudFormation logical id. */
  readonly address: string;
  readonly file: string;
  readonly line: number;
}

export interface ReportWorkload {
  readonly name: string;
  /** Relative, `/`-separated path of the declaration file. */
  readonly file: string;
  /** 1-based line of the declaration's first key. */
  readonly line: number;
  /** The YAML document's position in the file, from 0. */
  readonly documentIndex: number;
  readonly model: string;
  readonly provider?: string;
  readonly service?: string;
  /** One per layer of the matrix, in the matrix's layer order. */
  readonly cells: readonly ReportCell[];
  /** Cells that ask for an owner (customer, shared, third-party after overrides). */
  readonly required: number;
  /** Of those, how many are gaps. */
  readonly gaps: number;
  readonly resources: readonly ReportResource[];
}

export interface ReportLayerTotals {
  readonly layerId: string;
  readonly required: number;
  readonly gaps: number;
  readonly overridden: number;
}

/** Workloads that use one matrix (id and version). */
export interface ReportMatrixGroup {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly source: ReportSource;
  readonly layers: readonly ReportLayer[];
  readonly models: readonly ReportServiceModel[];
  readonly workloads: readonly ReportWorkload[];
  readonly totals: readonly ReportLayerTotals[];
}

/** One owner's duties, for `--by owner`: the view a team lead signs off. */
export interface ReportOwnerDuty {
  readonly workload: string;
  readonly file: string;
  readonly line: number;
  /** `azure@2026-01` */
  readonly matrix: string;
  readonly layerId: string;
  readonly layerName: string;
  readonly cell: Cell;
  readonly state: CellState;
  readonly handoff?: string;
  readonly override?: ReportOverride;
}

export interface ReportOwner {
  readonly owner: string;
  /** From the owner directory (srm.config.yaml `owners:`), when it has the owner. */
  readonly contact?: string;
  readonly duties: readonly ReportOwnerDuty[];
}

export interface ResponsibilityReport {
  readonly version: typeof REPORT_FORMAT_VERSION;
  readonly tool: { readonly name: 'srm'; readonly version: string };
  readonly groups: readonly ReportMatrixGroup[];
  readonly owners: readonly ReportOwner[];
  readonly totals: { readonly workloads: number; readonly required: number; readonly gaps: number; readonly overridden: number };
  /** Declaration files that could not be reported (unreadable, not a declaration), with why. */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}
