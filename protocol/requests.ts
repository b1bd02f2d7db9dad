/** Custom LSP requests and notifications, shared by the client and the server. */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { LayerStack, StackRange } from './layer-stack';

/** The layer stack of an open declaration file; `null` when the file is not one the server knows. */
export interface LayerStackParams {
  readonly uri: string;
}
export type LayerStackResult = LayerStack | null;
export const LayerStackRequest = new RequestType<LayerStackParams, LayerStackResult, void>('srm/layerStack');

/**
 * Closes a gap with the engine's own fix (the same as the quick fix). The server
 * answers with the edit and where the new owner's placeholder sits; the client
 * applies the edit and selects the placeholder so the user types over it.
 */
export interface AssignOwnerParams {
  readonly uri: string;
  /** The document version the request was made for; a stale request is refused with `null`. */
  readonly version: number;
  readonly workloadIndex: number;
  readonly layerId: string;
}
export interface TextEditLike {
  readonly range: StackRange;
  readonly newText: string;
}
export type AssignOwnerResult = { readonly edits: readonly TextEditLike[]; readonly select: StackRange } | null;
export const AssignOwnerRequest = new RequestType<AssignOwnerParams, AssignOwnerResult, void>('srm/assignOwner');

/** The server tells the client how many gaps the file has after each check, for the status bar. */
export interface FileStatusParams {
  readonly uri: string;
  readonly version: number | null;
  readonly errors: number;
  readonly warnings: number;
  /** Customer and shared layers with no real owner: missing, left to the provider, or a placeholder (findings marked `gap`). */
  readonly gaps: number;
}
export const FileStatusNotification = new NotificationType<FileStatusParams>('srm/fileStatus');

/** Fix every safe problem in one file; the server applies the edit through workspace/applyEdit. */
export const FixAllCommand = 'srm.server.fixAll';


/** The matrices a declaration at `uri` may name (its folder's configuration decides), for "New Declaration…". */
export interface MatricesParams {
  /** A file or folder the declaration will live in; the first workspace folder when absent. */
  readonly uri?: string;
}
export interface MatrixSummary {
  readonly ref: string;
  readonly title: string;
  readonly models: readonly { readonly id: string; readonly shortName: string; readonly name: string; readonly description?: string; readonly examples: readonly string[] }[];
}
export type MatricesResult = { readonly default: string; readonly matrices: readonly MatrixSummary[] };
export const MatricesRequest = new RequestType<MatricesParams, MatricesResult, void>('srm/matrices');

/** The text of a new declaration with every entry its matrix and model require, placeholders where a person must type. */
export interface NewDeclarationParams {
  readonly uri?: string;
  readonly workload: string;
  readonly matrix: string;
  readonly model: string;
}
export type NewDeclarationResult = { readonly text: string } | null;
export const NewDeclarationRequest = new RequestType<NewDeclarationParams, NewDeclarationResult, void>('srm/newDeclaration');

/** Server command: write the proposed declaration of an undeclared workload and open it. Arguments: the IaC file's URI and the offset of the finding. */
export const CreateDeclarationCommand = 'srm.server.createDeclaration';
