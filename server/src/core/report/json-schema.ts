/**
 * The JSON Schema of the report (`srm report --format json`), built from the
 * model's types: each object lists a schema for every key of its interface,
 * which the compiler checks, so the schema cannot drift from model.ts.
 * schemas/srm-report.schema.json is generated from it (npm run schema) and CI
 * fails when the committed file is stale. The key order here is also the key
 * order of the JSON output.
 */
import type {
  ReportCell,
  ReportLayer,
  ReportLayerTotals,
  ReportMatrixGroup,
  ReportOverride,
  ReportOwner,
  ReportOwnerDuty,
  ReportResource,
  ReportServiceModel,
  ReportSource,
  ReportWorkload,
  ResponsibilityReport,
} from './model';
import { REPORT_FORMAT_VERSION } from './model';

export type JsonSchema = { readonly [key: string]: unknown };

export const REPORT_SCHEMA_ID = 'https://srm-tools.dev/schemas/srm-report.schema.json';

const CELLS = ['customer', 'shared', 'provider', 'third-party', 'not-applicable'];
const STATES = ['owner', 'shared', 'third-party', 'provider', 'not-applicable', 'gap'];

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });
const str = (description: string): JsonSchema => ({ type: 'string', description });
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', items, description });

/** An object schema with a schema for every key of `T`, optional ones included. */
function object<T>(description: string, properties: { readonly [K in keyof Required<T>]: JsonSchema }, required: readonly (keyof T & string)[]): JsonSchema {
  return { type: 'object', description, properties, required, additionalProperties: false };
}

export function buildReportJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: REPORT_SCHEMA_ID,
    title: 'srm responsibility report',
    ...object<ResponsibilityReport>(
      'Who owns each layer of each workload, as `srm report --format json` writes it. Stable: no timestamps, no absolute paths; matrix groups by id then version, workloads by file then document, owners by name.',
      {
        version: { const: REPORT_FORMAT_VERSION, description: 'The report format version; it changes only when a reader would misread the new shape.' },
        tool: object<ResponsibilityReport['tool']>('The tool that wrote the report.', { name: { const: 'srm' }, version: str('The srm version.') }, ['name', 'version']),
        totals: object<ResponsibilityReport['totals']>(
          'Totals over every group.',
          {
            workloads: count('Workloads reported.'),
            required: count('Cells that ask for an owner (customer, shared, third-party).'),
            gaps: count('Of those, cells with no real owner.'),
            overridden: count('Cells whose entry overrides the matrix.'),
          },
          ['workloads', 'required', 'gaps', 'overridden'],
        ),
        groups: list(ref('group'), 'One group per matrix (id and version), by id then version.'),
        owners: list(ref('owner'), 'Every owner named on a layer that asks for one, by name.'),
        skipped: list(
          object<ResponsibilityReport['skipped'][number]>('A file or document left out.', { file: str('Relative, `/`-separated path.'), reason: str('Why.') }, ['file', 'reason']),
          'Declaration files or documents that could not be reported, with why.',
        ),
      },
      ['version', 'tool', 'groups', 'owners', 'totals', 'skipped'],
    ),
    definitions: {
      cell: { enum: CELLS, description: 'The CSA CCM v4 STA-04 cell vocabulary.' },
      state: { enum: STATES, description: 'What a report cell shows; `gap` is a cell that asks for an owner and has no real one.' },
      source: object<ReportSource>('Where the matrix\'s cells come from.', { url: str('The page or document.'), published: str('When it was published.'), note: str('Which part of it.') }, ['url']),
      layer: object<ReportLayer>('A layer of the matrix, top of the stack first.', { id: str('The layer id.'), name: str('Its display name.') }, ['id', 'name']),
      serviceModel: object<ReportServiceModel>('A service model (a column of the matrix).', { id: str('The id.'), name: str('The full name.'), shortName: str('As prose writes it, e.g. PaaS.') }, ['id', 'name', 'shortName']),
      override: object<ReportOverride>(
        'An entry that departs from the matrix\'s cell.',
        { from: { ...ref('cell'), description: 'The matrix\'s cell.' }, to: { ...ref('cell'), description: 'What the entry\'s `responsibility:` says.' }, reason: str('The entry\'s `reason:`.') },
        ['from', 'to', 'reason'],
      ),
      reportCell: object<ReportCell>(
        'One layer of one workload.',
        {
          layerId: str('The layer.'),
          cell: { ...ref('cell'), description: 'The cell that applies: the matrix\'s, or the override\'s.' },
          state: ref('state'),
          owner: str('The entry\'s owner as written.'),
          handoff: str('The entry\'s handoff.'),
          contact: str('The entry\'s contact.'),
          override: ref('override'),
          gapReason: str('Why this is a gap (state gap only).'),
          derived: { type: 'boolean', description: 'True when the matrix derived this cell instead of listing it.' },
        },
        ['layerId', 'cell', 'state'],
      ),
      resource: object<ReportResource>(
        'A resource in infrastructure code that the workload claims.',
        { address: str('`aws_lambda_function.api`, or a CloudFormation logical id.'), file: str('Relative path.'), line: { type: 'integer', minimum: 1, description: '1-based line.' } },
        ['address', 'file', 'line'],
      ),
      workload: object<ReportWorkload>(
        'One declaration.',
        {
          name: str('The workload\'s name.'),
          file: str('Relative, `/`-separated path of the declaration file.'),
          line: { type: 'integer', minimum: 1, description: '1-based line of the declaration\'s first key.' },
          documentIndex: count('The YAML document\'s position in the file, from 0.'),
          model: str('The service model id.'),
          provider: str('The provider, as written.'),
          service: str('The provider\'s service, as written.'),
          cells: list(ref('reportCell'), 'One per layer of the matrix, in the matrix\'s layer order.'),
          required: count('Cells that ask for an owner.'),
          gaps: count('Of those, gaps.'),
          resources: list(ref('resource'), 'Resources the workload claims through `iac:`.'),
        },
        ['name', 'file', 'line', 'documentIndex', 'model', 'cells', 'required', 'gaps', 'resources'],
      ),
      layerTotals: object<ReportLayerTotals>(
        'Totals of one layer over a group\'s workloads.',
        { layerId: str('The layer.'), required: count('Cells that ask for an owner.'), gaps: count('Gaps.'), overridden: count('Overridden cells.') },
        ['layerId', 'required', 'gaps', 'overridden'],
      ),
      group: object<ReportMatrixGroup>(
        'The workloads that use one matrix.',
        {
          id: str('The matrix id.'),
          version: str('The matrix version.'),
          title: str('The matrix title.'),
          source: ref('source'),
          layers: list(ref('layer'), 'Top of the stack first.'),
          models: list(ref('serviceModel'), 'The matrix\'s service models.'),
          workloads: list(ref('workload'), 'By file, then document.'),
          totals: list(ref('layerTotals'), 'One per layer, in layer order.'),
        },
        ['id', 'version', 'title', 'source', 'layers', 'models', 'workloads', 'totals'],
      ),
      ownerDuty: object<ReportOwnerDuty>(
        'One layer of one workload that an owner owns.',
        {
          workload: str('The workload.'),
          file: str('Its file.'),
          line: { type: 'integer', minimum: 1, description: 'Its line.' },
          matrix: str('`id@version`, e.g. azure@2026-01.'),
          layerId: str('The layer.'),
          layerName: str('Its display name.'),
          cell: ref('cell'),
          state: ref('state'),
          handoff: str('The handoff, for a shared or third-party layer.'),
          override: ref('override'),
        },
        ['workload', 'file', 'line', 'matrix', 'layerId', 'layerName', 'cell', 'state'],
      ),
      owner: object<ReportOwner>(
        'An owner and their duties: the view a team lead signs off.',
        { owner: str('The owner, as written (trimmed).'), contact: str('From the owner directory.'), duties: list(ref('ownerDuty'), 'In report order.') },
        ['owner', 'duties'],
      ),
    },
  };
}
