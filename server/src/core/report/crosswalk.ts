/**
 * Which NIST SP 800-53 Rev. 5 controls each layer touches: the crosswalk the
 * OSCAL export (`srm report --format oscal-ssp`) turns into implemented
 * requirements. The table itself is data, in crosswalk.json.
 *
 * THIS IS SRM'S OWN MAPPING, NOT NIST'S. NIST publishes no mapping from
 * shared-responsibility layers to controls. Each row names the controls whose
 * subject is plainly the layer's work, with the reason in a few words; it is a
 * starting point for an assessor, not an assessment. Control ids are the OSCAL
 * catalog's (`ac-2`), base controls only, not filtered by any baseline. The
 * rows cover the reference model's layers and the azure@2026-01 layers whose
 * ids differ from them.
 *
 * The look-up goes by matrix first (a matrix may carry its own rows), then by
 * layer id, so a matrix only lists the layers it maps differently.
 */
import data from './crosswalk.json';

export interface CrosswalkRow {
  readonly layerId: string;
  /** OSCAL control ids of the SP 800-53 Rev. 5 catalog, e.g. `ac-2`. */
  readonly controls: readonly string[];
  /** Why these controls, in a few words. */
  readonly rationale: string;
}

export interface Crosswalk {
  readonly catalog: string;
  /** Where the control ids are defined. */
  readonly catalogUrl: string;
  readonly note: string;
  readonly rows: readonly CrosswalkRow[];
}

/** By layer id, for every matrix. */
export const LAYER_CROSSWALK: Crosswalk = { catalog: data.catalog, catalogUrl: data.catalogUrl, note: data.note, rows: data.rows };

export const CROSSWALK_NOTE = LAYER_CROSSWALK.note;

/** Crosswalks a matrix carries itself, by `id@version`; a layer they do not list falls back to LAYER_CROSSWALK. */
export const MATRIX_CROSSWALKS: Readonly<Record<string, Crosswalk>> = {};

const byLayer = new Map(LAYER_CROSSWALK.rows.map((r) => [r.layerId, r]));

/** The crosswalk row for a layer of a matrix (`azure@2026-01`), or undefined when no crosswalk maps it. */
export function crosswalkRow(matrix: string, layerId: string, matrices: Readonly<Record<string, Crosswalk>> = MATRIX_CROSSWALKS): CrosswalkRow | undefined {
  return matrices[matrix]?.rows.find((r) => r.layerId === layerId) ?? byLayer.get(layerId);
}

/** `ac-2` → `AC-2`, `ac-2.1` → `AC-2(1)`: how SP 800-53 writes a control. */
export function controlLabel(controlId: string): string {
  const [base = controlId, enhancement] = controlId.split('.');
  return `${base.toUpperCase()}${enhancement ? `(${enhancement})` : ''}`;
}

/** Orders control ids as the catalog does: family, then number, then enhancement. */
export function compareControls(a: string, b: string): number {
  const parse = (id: string): [string, number, number] => {
    const m = /^([a-z]+)-(\d+)(?:\.(\d+))?$/.exec(id);
    return m ? [m[1] ?? id, Number(m[2]), Number(m[3] ?? 0)] : [id, 0, 0];
  };
  const [fa, na, ea] = parse(a);
  const [fb, nb, eb] = parse(b);
  return fa < fb ? -1 : fa > fb ? 1 : na - nb || ea - eb;
}
