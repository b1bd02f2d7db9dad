/**
 * The report as an OSCAL 1.0.6 System Security Plan (JSON), shaped like
 * NIST's leveraging-system example:
 *
 * - one leveraged authorization per provider, and one `leveraged-system`
 *   component per provider service (`implementation-point: external`,
 *   `leveraged-authorization-uuid`);
 * - one `this-system` component per workload;
 * - one implemented requirement per SP 800-53 control that srm's crosswalk
 *   (crosswalk.ts, our own mapping) gives the workloads' layers, with one
 *   by-component per workload: customer layers name their owner in
 *   `responsible-roles`, provider layers are `inherited`, shared layers are
 *   both `inherited` and `satisfied` (the handoff is the description).
 *
 * Layer, matrix, cell, state and override travel as props in srm's namespace;
 * FedRAMP's `control-origination` is added where it follows from the cell.
 * Every UUID is a version-5 UUID of a stable name, so the same declarations
 * give the same document. What srm cannot know (system name, impact levels,
 * authorization dates…) comes from the options; the defaults are named in
 * the document's remarks for the user to replace.
 */
import { CELL_WORDS, byCodeUnits, matrixKey, modelLabel, oneLine, overrideText } from './cells';
import { CROSSWALK_NOTE, MATRIX_CROSSWALKS, compareControls, controlLabel, crosswalkRow, type Crosswalk } from './crosswalk';
import type { ReportCell, ReportLayer, ReportMatrixGroup, ReportWorkload, ResponsibilityReport } from './model';
import { URL_NAMESPACE, uuidV5 } from './uuid';

export const SRM_OSCAL_NS = 'https://srm-tools.dev/ns/oscal';
export const FEDRAMP_NS = 'https://fedramp.gov/ns/oscal';
export const OSCAL_VERSION = '1.0.6';

export type ImpactLevel = 'fips-199-low' | 'fips-199-moderate' | 'fips-199-high';
export type SystemState = 'operational' | 'under-development' | 'under-major-modification' | 'disposition' | 'other';

export interface OscalSspOptions {
  /** metadata.last-modified: RFC 3339 with a time zone. The only option without a default: a document does not invent its date. */
  readonly lastModified: string;
  readonly systemName?: string;
  readonly systemNameShort?: string;
  readonly systemDescription?: string;
  readonly documentTitle?: string;
  readonly documentVersion?: string;
  /** Confidentiality, integrity and availability, and the sensitivity level (default fips-199-moderate). */
  readonly impactLevel?: ImpactLevel;
  readonly status?: SystemState;
  readonly authorizationBoundary?: string;
  /** The baseline profile (default: NIST's SP 800-53 Rev. 5 MODERATE baseline in OSCAL). */
  readonly importProfile?: string;
  /** Date each provider's authorization was granted (YYYY-MM-DD), by provider as written in the declarations. */
  readonly dateAuthorized?: Readonly<Record<string, string>>;
  /** Crosswalks matrices carry themselves, by `id@version`. */
  readonly crosswalks?: Readonly<Record<string, Crosswalk>>;
}

/** Thrown when the report has nothing an SSP can hold (OSCAL needs at least one component and one requirement). */
export class OscalExportError extends Error {
  override readonly name = 'OscalExportError';
}

const DEFAULTS = {
  systemName: 'Workloads declared with srm',
  systemDescription: 'The workloads whose shared-responsibility declarations (*.srm.yaml) this document was generated from.',
  documentVersion: '1.0',
  impactLevel: 'fips-199-moderate' as ImpactLevel,
  status: 'operational' as SystemState,
  authorizationBoundary: 'Not stated: srm knows the workloads and their layers, not the authorization boundary. Describe it here.',
  importProfile: 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_MODERATE-baseline_profile.json',
};

/** srm's namespace for name-based UUIDs: itself the v5 UUID of our OSCAL namespace URL. */
const NAMESPACE = uuidV5(URL_NAMESPACE, SRM_OSCAL_NS);
const uuid = (...parts: readonly string[]): string => uuidV5(NAMESPACE, parts.join('\u001f'));

type Json = { [key: string]: unknown };

interface Prop {
  readonly name: string;
  readonly value: string;
  readonly ns?: string;
  readonly class?: string;
}

/**
 * A prop in srm's namespace (or `ns`; null for OSCAL's own names); values are
 * one trimmed line (OSCAL's string type), empty ones are left out.
 */
function prop(name: string, value: string | undefined, cls?: string, ns: string | null = SRM_OSCAL_NS): Prop[] {
  const v = value === undefined ? '' : oneLine(value);
  if (!v) return [];
  return [{ name, ...(ns ? { ns } : {}), value: v, ...(cls ? { class: token(cls) } : {}) }];
}

/** An OSCAL token (XML NCName): a layer id that starts with a digit gets a leading underscore. */
function token(text: string): string {
  const cleaned = text.replace(/[^\p{L}\p{N}._-]/gu, '-');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** A one-line OSCAL string, with a fallback when nothing printable is left. */
function line(text: string, fallback: string): string {
  return oneLine(text) || fallback;
}

interface ProviderInfo {
  readonly key: string;
  readonly name: string;
  readonly partyUuid: string;
  readonly authorizationUuid: string;
}

interface ServiceInfo {
  readonly key: string;
  readonly uuid: string;
  readonly title: string;
  readonly provider: ProviderInfo;
  readonly workloads: string[];
}

interface WorkloadInfo {
  readonly group: ReportMatrixGroup;
  readonly workload: ReportWorkload;
  readonly key: string;
  readonly componentUuid: string;
  readonly service: ServiceInfo | undefined;
}

export function formatOscalSsp(report: ResponsibilityReport, options: OscalSspOptions): string {
  return [...oscalSspChunks(report, options)].join('');
}

/** The whole document as one object (for tests and small reports; oscalSspChunks writes large ones). */
export function buildOscalSsp(report: ResponsibilityReport, options: OscalSspOptions): Json {
  const { document, requirements } = prepare(report, options);
  (document['system-security-plan'] as Json)['control-implementation'] = { ...controlImplementation(), 'implemented-requirements': requirements.controls.map(requirements.build) };
  return document;
}

/**
 * The document as JSON text (two-space indentation, a final newline), in
 * pieces: one per implemented requirement. With 10,000 workloads the whole
 * text is larger than a JavaScript string can be; each piece is not.
 */
export function* oscalSspChunks(report: ResponsibilityReport, options: OscalSspOptions): Generator<string> {
  const { document, requirements } = prepare(report, options);
  (document['system-security-plan'] as Json)['control-implementation'] = { ...controlImplementation(), 'implemented-requirements': [] };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  // Only a key can be written with bare quotes: in a string value they would be escaped.
  const marker = '\n      "implemented-requirements": []';
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error('oscal-ssp: the document lost its implemented-requirements');
  const open = at + marker.length - 1;
  yield text.slice(0, open);
  const indent = ' '.repeat(8);
  for (const [i, control] of requirements.controls.entries()) {
    yield `${i ? ',' : ''}\n${indent}${JSON.stringify(requirements.build(control), null, 2).replace(/\n/g, `\n${indent}`)}`;
  }
  yield `\n      ${text.slice(open)}`;
}

function controlImplementation(): Json {
  return { description: `How the responsibility for each control is split between the workloads' owners and their providers, as the srm declarations state it. ${CROSSWALK_NOTE}` };
}

function prepare(report: ResponsibilityReport, options: OscalSspOptions): { document: Json; requirements: Requirements } {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(options.lastModified)) {
    throw new OscalExportError(`lastModified must be an RFC 3339 date-time with a time zone, not "${options.lastModified}".`);
  }
  for (const [provider, date] of Object.entries(options.dateAuthorized ?? {})) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new OscalExportError(`the authorization date of ${provider} must be YYYY-MM-DD, not "${date}".`);
  }
  const systemName = line(options.systemName ?? DEFAULTS.systemName, DEFAULTS.systemName);
  const level = options.impactLevel ?? DEFAULTS.impactLevel;
  const status = options.status ?? DEFAULTS.status;
  const crosswalks = options.crosswalks ?? MATRIX_CROSSWALKS;
  const defaulted = defaultedFields(options);

  const providers = new Map<string, ProviderInfo>();
  const services = new Map<string, ServiceInfo>();
  const workloads: WorkloadInfo[] = [];
  const seenKeys = new Set<string>();
  for (const group of report.groups) {
    for (const w of group.workloads) {
      let key = `${w.file}#${w.name}`;
      if (seenKeys.has(key)) key = `${key}#${w.documentIndex}`;
      seenKeys.add(key);
      const leans = w.cells.some((c) => c.cell === 'provider' || c.cell === 'shared');
      const service = leans ? serviceOf(w, providers, services) : undefined;
      service?.workloads.push(w.name);
      workloads.push({ group, workload: w, key, componentUuid: uuid('component', 'workload', key), service });
    }
  }
  if (workloads.length === 0) throw new OscalExportError('there is no workload to export: an OSCAL SSP needs at least one component.');

  const owners = ownerParties(report);
  const requirements = implementedRequirements(workloads, owners, crosswalks);
  if (requirements.controls.length === 0) throw new OscalExportError('no layer of these workloads maps to an SP 800-53 control in the crosswalk: an OSCAL SSP needs at least one implemented requirement.');
  const usesThirdParty = workloads.some((w) => w.workload.cells.some((c) => c.state === 'third-party'));

  const sspUuid = uuid('ssp', systemName);
  const providerList = [...providers.values()].sort((a, b) => byCodeUnits(a.key, b.key));
  const serviceList = [...services.values()].sort((a, b) => byCodeUnits(a.key, b.key));
  const componentState = status === 'under-major-modification' ? 'operational' : status;

  const document: Json = {
    'system-security-plan': {
      uuid: sspUuid,
      metadata: {
        title: line(options.documentTitle ?? `Shared responsibility: ${systemName}`, 'Shared responsibility'),
        'last-modified': options.lastModified,
        version: line(options.documentVersion ?? DEFAULTS.documentVersion, DEFAULTS.documentVersion),
        'oscal-version': OSCAL_VERSION,
        props: [...prop('generator', `${report.tool.name} ${report.tool.version}`), ...prop('report-format', String(report.version))],
        roles: [
          { id: 'layer-owner', title: 'Layer owner', description: 'A team, role or person that a declaration names as the owner of a layer (owner:).' },
          ...(usesThirdParty ? [{ id: 'third-party', title: 'Third party', description: 'A third party that a declaration names as the owner of a third-party layer.' }] : []),
        ],
        parties: [
          ...providerList.map((p) => ({ uuid: p.partyUuid, type: 'organization', name: p.name, remarks: 'A cloud provider named in the declarations (provider:).' })),
          ...[...owners.values()].map((o) => ({
            uuid: o.uuid,
            type: 'organization',
            name: o.name,
            remarks: `Named as a layer owner in the declarations.${o.contact ? ` Contact: ${o.contact}` : ''}`,
          })),
        ],
        remarks: defaulted.length
          ? `Generated by srm from shared-responsibility declarations. srm filled these with defaults that you should replace: ${defaulted.join('; ')}.`
          : 'Generated by srm from shared-responsibility declarations.',
      },
      'import-profile': { href: options.importProfile ?? DEFAULTS.importProfile },
      'system-characteristics': {
        'system-ids': [{ 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: sspUuid }],
        'system-name': systemName,
        ...(options.systemNameShort && oneLine(options.systemNameShort) ? { 'system-name-short': oneLine(options.systemNameShort) } : {}),
        description: options.systemDescription ?? DEFAULTS.systemDescription,
        'security-sensitivity-level': level,
        'system-information': {
          'information-types': [
            {
              uuid: uuid('information-type', 'workload-data'),
              title: 'Workload data',
              description: 'The information the workloads store, process or transmit. srm does not know its NIST SP 800-60 types: list them here.',
              'confidentiality-impact': { base: level },
              'integrity-impact': { base: level },
              'availability-impact': { base: level },
            },
          ],
        },
        'security-impact-level': { 'security-objective-confidentiality': level, 'security-objective-integrity': level, 'security-objective-availability': level },
        status: { state: status },
        'authorization-boundary': { description: options.authorizationBoundary ?? DEFAULTS.authorizationBoundary },
      },
      'system-implementation': {
        ...(providerList.length
          ? {
              'leveraged-authorizations': providerList.map((p) => {
                const date = options.dateAuthorized?.[p.key];
                return {
                  uuid: p.authorizationUuid,
                  title: `${p.name} (leveraged authorization)`,
                  ...(date ? {} : { props: prop('placeholder', 'date-authorized') }),
                  'party-uuid': p.partyUuid,
                  'date-authorized': date ?? options.lastModified.slice(0, 10),
                  ...(date ? {} : { remarks: `srm does not know when this authorization was granted: date-authorized is the document's date. Replace it with the date of the authorization you leverage.` }),
                };
              }),
            }
          : {}),
        users: [{ uuid: uuid('user', 'layer-owner'), title: 'Layer owners', description: 'The teams, roles and people named as owners in the declarations.', 'role-ids': ['layer-owner'] }],
        components: [
          ...workloads.map((w) => workloadComponent(w, componentState)),
          ...serviceList.map((s) => ({
            uuid: s.uuid,
            type: 'leveraged-system',
            title: s.title,
            description: `The provider service that ${listWords(unique(s.workloads))} run${unique(s.workloads).length === 1 ? 's' : ''} on: the provider's part of their layers is inherited from it.`,
            props: [
              ...prop('implementation-point', 'external', undefined, null),
              ...prop('leveraged-authorization-uuid', s.provider.authorizationUuid, undefined, null),
            ],
            status: { state: 'operational' },
          })),
        ],
      },
      'control-implementation': {},
    },
  };
  return { document, requirements };
}

function defaultedFields(o: OscalSspOptions): string[] {
  const out: string[] = [];
  if (o.systemName === undefined) out.push('system-name');
  if (o.systemDescription === undefined) out.push('system-characteristics description');
  if (o.impactLevel === undefined) out.push(`the impact levels (${DEFAULTS.impactLevel})`);
  if (o.status === undefined) out.push(`status (${DEFAULTS.status})`);
  if (o.authorizationBoundary === undefined) out.push('authorization-boundary');
  if (o.importProfile === undefined) out.push('import-profile (the SP 800-53 Rev. 5 MODERATE baseline)');
  out.push('the information types', "each leveraged authorization's date-authorized unless given");
  return out;
}

function serviceOf(w: ReportWorkload, providers: Map<string, ProviderInfo>, services: Map<string, ServiceInfo>): ServiceInfo {
  const providerKey = w.provider ?? '';
  let provider = providers.get(providerKey);
  if (!provider) {
    const name = line(w.provider ?? '', 'Cloud provider (not named in the declarations)');
    provider = { key: providerKey, name, partyUuid: uuid('party', 'provider', providerKey), authorizationUuid: uuid('leveraged-authorization', providerKey) };
    providers.set(providerKey, provider);
  }
  const key = `${providerKey}\u001f${w.service ?? ''}`;
  let service = services.get(key);
  if (!service) {
    const by = w.provider ? provider.name : 'provider not named';
    const title = w.service ? `${line(w.service, 'Service')} (${by})` : `${provider.name} (no service named)`;
    service = { key, uuid: uuid('component', 'service', key), title, provider, workloads: [] };
    services.set(key, service);
  }
  return service;
}

function workloadComponent(w: WorkloadInfo, state: string): Json {
  const { workload, group } = w;
  const on = workload.service ?? workload.provider;
  return {
    uuid: w.componentUuid,
    type: 'this-system',
    title: workload.name,
    description: `Workload ${workload.name}, declared in ${workload.file} (line ${workload.line}): ${modelLabel(group, workload.model)} under the ${matrixKey(group)} matrix${on ? `, on ${on}` : ''}.`,
    props: [
      ...prop('implementation-point', 'internal', undefined, null),
      ...prop('file', `${workload.file}:${workload.line}`),
      ...prop('matrix', matrixKey(group)),
      ...prop('model', workload.model),
      ...prop('provider', workload.provider),
      ...prop('service', workload.service),
      ...(w.service ? prop('leveraged-system-uuid', w.service.uuid) : []),
    ],
    status: { state },
  };
}

interface OwnerParty {
  readonly name: string;
  readonly uuid: string;
  readonly contact?: string;
}

/** One party per owner named on a layer that asks for one, by name. */
function ownerParties(report: ResponsibilityReport): Map<string, OwnerParty> {
  const contacts = new Map<string, string>();
  for (const g of report.groups) for (const w of g.workloads) for (const c of w.cells) if (c.owner && c.contact && !contacts.has(c.owner.trim())) contacts.set(c.owner.trim(), c.contact);
  const out = new Map<string, OwnerParty>();
  for (const o of report.owners) {
    const contact = o.contact ?? contacts.get(o.owner);
    out.set(o.owner, { name: line(o.owner, 'Unnamed owner'), uuid: uuid('party', 'owner', o.owner), ...(contact ? { contact: oneLine(contact) } : {}) });
  }
  return out;
}

interface LayerHit {
  readonly layer: ReportLayer;
  readonly cell: ReportCell;
  readonly rationale: string;
}

/** The controls to write, in catalog order, and how to build each one's requirement (lazily: a large report holds one at a time). */
interface Requirements {
  readonly controls: readonly string[];
  readonly build: (control: string) => Json;
}

function implementedRequirements(workloads: readonly WorkloadInfo[], owners: Map<string, OwnerParty>, crosswalks: Readonly<Record<string, Crosswalk>>): Requirements {
  const byControl = new Map<string, Map<WorkloadInfo, LayerHit[]>>();
  for (const w of workloads) {
    const layers = new Map(w.group.layers.map((l) => [l.id, l]));
    for (const cell of w.workload.cells) {
      const row = crosswalkRow(matrixKey(w.group), cell.layerId, crosswalks);
      if (!row) continue;
      const layer = layers.get(cell.layerId) ?? { id: cell.layerId, name: cell.layerId };
      for (const control of row.controls) {
        let perWorkload = byControl.get(control);
        if (!perWorkload) byControl.set(control, (perWorkload = new Map<WorkloadInfo, LayerHit[]>()));
        let hits = perWorkload.get(w);
        if (!hits) perWorkload.set(w, (hits = []));
        hits.push({ layer, cell, rationale: row.rationale });
      }
    }
  }
  const build = (control: string): Json => {
    const perWorkload = byControl.get(control)!;
    const rationales = new Map<string, string>();
    for (const hits of perWorkload.values()) for (const h of hits) rationales.set(h.layer.id, h.rationale);
    return {
      uuid: uuid('implemented-requirement', control),
      'control-id': control,
      props: [...rationales].flatMap(([layerId, why]) => prop('crosswalk-rationale', `${layerId}: ${why}`, layerId)),
      'by-components': [...perWorkload].map(([w, hits]) => byComponent(control, w, hits, owners)),
      remarks: `${controlLabel(control)}: the layers srm's crosswalk maps to this control. ${CROSSWALK_NOTE}`,
    };
  };
  return { controls: [...byControl.keys()].sort(compareControls), build };
}

function byComponent(control: string, w: WorkloadInfo, hits: readonly LayerHit[], owners: Map<string, OwnerParty>): Json {
  const { group, workload } = w;
  const model = modelLabel(group, workload.model);
  const providerName = w.service?.provider.name ?? 'the provider';
  const partyOf = (c: ReportCell): string | undefined => (c.owner === undefined ? undefined : owners.get(c.owner.trim())?.uuid);
  const roleParties = new Map<string, Set<string>>();
  const addRole = (role: string, party: string | undefined): void => {
    if (!party) return;
    let set = roleParties.get(role);
    if (!set) roleParties.set(role, (set = new Set()));
    set.add(party);
  };
  const inherited: Json[] = [];
  const satisfied: Json[] = [];
  const gaps: string[] = [];
  const origination = new Set<string>();
  const props: Prop[] = [];
  const lines: string[] = [];
  for (const { layer, cell } of hits) {
    const layerWords = `${layer.name} (${layer.id}), ${CELL_WORDS[cell.cell]} under ${model}`;
    props.push(...prop('layer', layer.id), ...prop('cell', cell.cell, layer.id), ...prop('state', cell.state, layer.id));
    if (cell.override) props.push(...prop('override-from', cell.override.from, layer.id), ...prop('override-to', cell.override.to, layer.id), ...prop('override-reason', cell.override.reason, layer.id));
    const overridden = cell.override ? ` (${overrideText(cell.override)})` : '';
    const name = (k: string): string => uuid(k, control, w.key, layer.id);
    switch (cell.state) {
      case 'owner':
        addRole('layer-owner', partyOf(cell));
        origination.add('sp-system');
        lines.push(`${layerWords}: owned by ${cell.owner ?? ''}${overridden}.`);
        break;
      case 'third-party':
        addRole('third-party', partyOf(cell));
        lines.push(`${layerWords}: the third party ${cell.owner ?? ''} owns it${cell.handoff ? `; ${cell.handoff}` : ''}${overridden}.`);
        break;
      case 'shared': {
        addRole('layer-owner', partyOf(cell));
        origination.add('sp-system');
        origination.add('inherited');
        inherited.push({ uuid: name('inherited'), description: `${providerName} carries its part of ${layer.name} (${model}).`, props: [...prop('layer', layer.id), ...(w.service ? prop('provided-by', w.service.uuid) : [])] });
        const party = partyOf(cell);
        satisfied.push({
          uuid: name('satisfied'),
          description: cell.handoff?.trim() ? cell.handoff : `No handoff recorded: the declaration does not say where ${providerName}'s part of ${layer.name} ends.`,
          props: prop('layer', layer.id),
          ...(party ? { 'responsible-roles': [{ 'role-id': 'layer-owner', 'party-uuids': [party] }] } : {}),
        });
        lines.push(`${layerWords}: shared; ${cell.owner ?? ''} owns the customer's part${overridden}.`);
        break;
      }
      case 'provider':
        origination.add('inherited');
        inherited.push({ uuid: name('inherited'), description: `${providerName} carries ${layer.name} (${model}): nothing is required of the customer.`, props: [...prop('layer', layer.id), ...(w.service ? prop('provided-by', w.service.uuid) : [])] });
        lines.push(`${layerWords}: the provider's${overridden}.`);
        break;
      case 'not-applicable':
        lines.push(`${layerWords}: not applicable${overridden}.`);
        break;
      case 'gap':
        // A shared layer with no owner still leaves the provider's part to inherit.
        if (cell.cell === 'shared') {
          origination.add('inherited');
          inherited.push({ uuid: name('inherited'), description: `${providerName} carries its part of ${layer.name} (${model}).`, props: [...prop('layer', layer.id), ...(w.service ? prop('provided-by', w.service.uuid) : [])] });
        }
        gaps.push(`${layer.name}: ${cell.gapReason ?? 'no owner'}`);
        lines.push(`${layerWords}: GAP, no owner${overridden}.`);
        break;
    }
  }
  for (const o of [...origination].sort()) props.push(...prop('control-origination', o, undefined, FEDRAMP_NS));
  const allNa = hits.every((h) => h.cell.state === 'not-applicable');
  return {
    'component-uuid': w.componentUuid,
    uuid: uuid('by-component', control, w.key),
    description: `${workload.name}: ${lines.join(' ')}`,
    props,
    ...(allNa ? { 'implementation-status': { state: 'not-applicable' } } : {}),
    ...(inherited.length ? { inherited } : {}),
    ...(satisfied.length ? { satisfied } : {}),
    ...(roleParties.size ? { 'responsible-roles': [...roleParties].map(([role, parties]) => ({ 'role-id': role, 'party-uuids': [...parties] })) } : {}),
    ...(gaps.length ? { remarks: `GAP: no owner for ${gaps.join('; ')}` } : {}),
  };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'no workload';
  if (items.length > 5) return `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
