/**
 * Which NIST SP 800-53 Rev. 5 controls each layer touches: the crosswalk the
 * OSCAL export (`srm report --format oscal-ssp`) turns into implemented
 * requirements.
 *
 * THIS IS SRM'S OWN MAPPING, NOT NIST'S. NIST publishes no mapping from
 * shared-responsibility layers to controls. Each row names the controls whose
 * subject is plainly the layer's work, with the reason in a few words; it is a
 * starting point for an assessor, not an assessment. Control ids are the OSCAL
 * catalog's (`ac-2`), base controls only, not filtered by any baseline.
 *
 * The look-up goes by matrix first (`azure@2026-01` may carry its own rows),
 * then by layer id, so a matrix only lists the layers it maps differently.
 */

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

const CATALOG = 'NIST SP 800-53 Rev. 5';
const CATALOG_URL = 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final';
export const CROSSWALK_NOTE = "srm's own mapping from responsibility layers to NIST SP 800-53 Rev. 5 controls, not NIST's: a starting point for an assessor, not an assessment.";

/** By layer id: the reference model's layers, then the azure@2026-01 layers whose ids differ. */
export const LAYER_CROSSWALK: Crosswalk = {
  catalog: CATALOG,
  catalogUrl: CATALOG_URL,
  note: CROSSWALK_NOTE,
  rows: [
    // The reference model (reference@1).
    { layerId: 'data-classification', controls: ['ra-2', 'sc-8', 'sc-28', 'si-12'], rationale: 'categorize the data, protect it in transit and at rest, retain and dispose of it' },
    { layerId: 'endpoint-devices', controls: ['ac-17', 'ac-19', 'si-3'], rationale: 'the devices that reach the workload remotely: device access rules and malware protection' },
    { layerId: 'identity-access', controls: ['ac-2', 'ac-3', 'ac-6', 'ia-2', 'ia-5'], rationale: 'accounts, access enforcement, least privilege, MFA and credentials' },
    { layerId: 'applications', controls: ['cm-6', 'ra-5', 'sa-11', 'si-2'], rationale: 'secure configuration, vulnerability scanning, developer testing and flaw remediation of our code' },
    { layerId: 'runtime-middleware', controls: ['cm-2', 'sa-22', 'si-2'], rationale: 'a pinned runtime baseline, unsupported versions replaced, patches applied' },
    { layerId: 'operating-system', controls: ['cm-6', 'cm-7', 'si-2', 'si-4'], rationale: 'hardening, least functionality, patching and monitoring of the guest OS' },
    { layerId: 'network-config', controls: ['ac-4', 'sc-7'], rationale: 'flow rules and the boundary the customer configures' },
    { layerId: 'physical-servers', controls: ['ma-2', 'mp-6', 'si-7'], rationale: 'hardware maintenance, disk sanitization and firmware integrity' },
    { layerId: 'datacenter-network', controls: ['cp-8', 'pe-4', 'sc-5'], rationale: 'telecommunications, protected cabling and denial-of-service protection of the fabric' },
    { layerId: 'physical-security', controls: ['pe-2', 'pe-3', 'pe-6'], rationale: 'who may enter the facility, how entry is controlled and monitored' },
    // Microsoft Azure's matrix (azure@2026-01), for its layer ids that the reference does not have.
    { layerId: 'customer-data', controls: ['ra-2', 'sc-8', 'sc-28', 'si-12'], rationale: 'as data-classification: categorize, protect, retain and dispose of the data' },
    { layerId: 'configurations-settings', controls: ['cm-2', 'cm-3', 'cm-6'], rationale: 'the baseline, changes and settings of what the customer configures' },
    { layerId: 'identities-users', controls: ['ac-2', 'ac-3', 'ac-6', 'ia-2', 'ia-5'], rationale: 'as identity-access: accounts, enforcement, least privilege, MFA, credentials' },
    { layerId: 'client-devices', controls: ['ac-17', 'ac-19', 'si-3'], rationale: 'as endpoint-devices: remote access devices and malware protection' },
    { layerId: 'network-controls', controls: ['ac-4', 'sc-7'], rationale: 'as network-config: flow rules and boundary protection' },
    { layerId: 'physical-hosts', controls: ['ma-2', 'mp-6', 'si-7'], rationale: 'as physical-servers: maintenance, sanitization, firmware integrity' },
    { layerId: 'physical-network', controls: ['cp-8', 'pe-4', 'sc-5'], rationale: 'as datacenter-network: telecommunications, cabling, DoS protection' },
    { layerId: 'physical-datacenter', controls: ['pe-2', 'pe-3', 'pe-6'], rationale: 'as physical-security: facility access authorizations, control and monitoring' },
  ],
};

/** Crosswalks a matrix carries itself, by `id@version`; a layer they do not list falls back to LAYER_CROSSWALK. */
export const MATRIX_CROSSWALKS: Readonly<Record<string, Crosswalk>> = {};

const byLayer = new Map(LAYER_CROSSWALK.rows.map((r) => [r.layerId, r]));

/** The crosswalk row for a layer of a matrix (`azure@2026-01`), or undefined when no crosswalk maps it. */
export function crosswalkRow(matrix: string, layerId: string, matrices: Readonly<Record<string, Crosswalk>> = MATRIX_CROSSWALKS): CrosswalkRow | undefined {
  return matrices[matrix]?.rows.find((r) => r.layerId === layerId) ?? byLayer.get(layerId);
}

/** `ac-2` → `AC-2`, `ac-2.1` → `AC-2(1)`: how SP 800-53 writes a control. */
export function controlLabel(controlId: string): string {
  const [base, enhancement] = controlId.split('.');
  return `${base.toUpperCase()}${enhancement ? `(${enhancement})` : ''}`;
}

/** Orders control ids as the catalog does: family, then number, then enhancement. */
export function compareControls(a: string, b: string): number {
  const parse = (id: string): [string, number, number] => {
    const m = /^([a-z]+)-(\d+)(?:\.(\d+))?$/.exec(id);
    return m ? [m[1], Number(m[2]), Number(m[3] ?? 0)] : [id, 0, 0];
  };
  const [fa, na, ea] = parse(a);
  const [fb, nb, eb] = parse(b);
  return fa < fb ? -1 : fa > fb ? 1 : na - nb || ea - eb;
}
