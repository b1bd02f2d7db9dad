/** The resource table: every row cited, every override against the reference matrix, and how types no row lists are treated. */
import * as assert from 'node:assert/strict';
import { ServiceCatalogue } from '../../server/src/core';
import { RESOURCE_TABLE, classify, serviceOf, variantOf, type ResourceBlock, type Source } from '../../server/src/core/iac';
import { REFERENCE } from './helpers';

const models = new Set(REFERENCE.matrix.models.map((m) => m.id));
const block = (type: string, options: ResourceBlock['options'] = new Map()): ResourceBlock => ({ type, name: 'x', span: { start: 0, end: 0 }, headerSpan: { start: 0, end: 0 }, options });

/** The providers' own documentation sites: a row must cite one of them, never a blog or a forum. */
const PROVIDER_DOCS = /^https:\/\/(docs\.aws\.amazon\.com|d1\.awsstatic\.com|aws\.amazon\.com|learn\.microsoft\.com|cloud\.google\.com)\//;

function assertCited(source: Source | undefined, what: string): void {
  assert.ok(source, `${what} has no source`);
  assert.match(source.url, PROVIDER_DOCS, `${what}: ${source.url} is not the provider's documentation`);
  assert.ok(source.note.trim().length > 40, `${what}: the source needs a note saying what the page says`);
}

describe('the resource table', () => {
  it('cites the provider\'s documentation for every row, and every variant names a cited option of the catalogue', () => {
    assert.ok(RESOURCE_TABLE.length > 10);
    for (const row of RESOURCE_TABLE) {
      assertCited(row.source, row.types.join(', '));
      for (const id of [...(row.variants ?? []).map((v) => v.variant), ...(row.otherwise?.variant ? [row.otherwise.variant] : [])]) {
        const variant = variantOf(row, id);
        assert.ok(variant, `${row.types[0]}: ${row.service} has no catalogued variant ${id}`);
        assert.match(variant.source, PROVIDER_DOCS, `${row.types[0]} variant ${id}: ${variant.source}`);
      }
    }
  });

  it('fails a row without a source (the check above is not vacuous)', () => {
    assert.throws(() => assertCited(undefined, 'a row'));
    assert.throws(() => assertCited({ url: 'https://example.com/blog', note: 'x'.repeat(50) }, 'a row'));
    assert.throws(() => assertCited({ url: 'https://docs.aws.amazon.com/x', note: '' }, 'a row'));
  });

  it('names a catalogued service for every row, whose model the reference matrix has', () => {
    for (const row of RESOURCE_TABLE) {
      const service = serviceOf(row);
      assert.ok(service, `${row.types[0]}: the catalogue has no service ${row.service}`);
      assert.ok(models.has(service.model), `${row.types[0]}: model ${service.model}`);
    }
  });

  it('lists each type once', () => {
    const seen = new Map<string, string>();
    for (const row of RESOURCE_TABLE) {
      for (const t of row.types) {
        assert.ok(!seen.has(t), `${t} is in two rows`);
        seen.set(t, row.service);
      }
    }
  });

  it('finds each row\'s service by name in the catalogue SRM038 uses', () => {
    const catalogue = new ServiceCatalogue();
    for (const row of RESOURCE_TABLE) assert.equal(catalogue.find(row.service)?.name, row.service, row.types[0]);
  });

  it('classifies the types the design names, each under the model its source gives', () => {
    const expected: Record<string, string> = {
      aws_instance: 'iaas',
      'AWS::EC2::Instance': 'iaas',
      azurerm_linux_virtual_machine: 'iaas',
      google_compute_instance: 'iaas',
      aws_lambda_function: 'paas',
      'AWS::Lambda::Function': 'paas',
      'AWS::Serverless::Function': 'paas',
      aws_ecs_service: 'paas',
      'AWS::ECS::Service': 'paas',
      aws_eks_cluster: 'paas',
      aws_eks_node_group: 'paas',
      aws_eks_fargate_profile: 'paas',
      'AWS::EKS::Cluster': 'paas',
      azurerm_linux_web_app: 'paas',
      azurerm_windows_web_app: 'paas',
      azurerm_app_service: 'paas',
      google_app_engine_application: 'paas',
      google_app_engine_standard_app_version: 'paas',
      google_container_cluster: 'paas',
      aws_db_instance: 'paas',
      aws_s3_bucket: 'saas',
    };
    for (const [type, model] of Object.entries(expected)) {
      const c = classify(block(type));
      assert.equal(c.status, 'workload', type);
      assert.equal(c.service?.model, model, type);
    }
  });

  it('never reports networking, IAM and glue on their own', () => {
    for (const type of ['aws_iam_role', 'aws_iam_role_policy', 'aws_route', 'aws_route_table', 'aws_security_group', 'aws_subnet', 'aws_vpc', 'aws_lambda_permission', 'aws_iam_policy', 'aws_s3_bucket_policy', 'aws_s3_bucket_versioning', 'aws_lambda_function_url', 'aws_lambda_event_source_mapping', 'aws_ecs_cluster', 'aws_ecs_task_definition', 'azurerm_network_interface', 'azurerm_virtual_machine_extension', 'google_compute_instance_template', 'google_project_service', 'AWS::IAM::Role', 'AWS::EC2::SecurityGroup', 'AWS::Lambda::Permission', 'random_id', 'null_resource', 'aws_sns_topic']) {
      assert.equal(classify(block(type)).status, 'supporting', type);
    }
  });

  it('calls a type no row lists "model unknown" when it names compute or data, and ignores the rest', () => {
    for (const type of ['google_cloud_run_v2_service', 'azurerm_kubernetes_cluster', 'azurerm_linux_function_app', 'google_storage_bucket', 'google_sql_database_instance', 'azurerm_storage_account', 'AWS::ElastiCache::CacheCluster']) {
      const c = classify(block(type));
      assert.equal(c.status, 'model-unknown', type);
      assert.equal(c.row, undefined, `${type} must not be given a model`);
    }
    for (const type of ['aws_sqs_queue', 'AWS::SQS::Queue', 'aws_ebs_volume', 'vendor_widget']) assert.equal(classify(block(type)).status, 'ignored', type);
  });

  describe('variants', () => {
    const lit = (value: string | boolean) => ({ kind: 'literal' as const, value });
    const expr = (text: string) => ({ kind: 'expression' as const, text, refs: [] });
    const applied = (type: string, options: [string, ReturnType<typeof lit> | ReturnType<typeof expr>][]) => classify(block(type, new Map(options))).applied.map((v) => v.variant.id);

    it('ECS: Fargate by launch type or capacity provider, EC2 by launch type; case does not matter', () => {
      assert.deepEqual(applied('aws_ecs_service', [['launch_type', lit('FARGATE')]]), ['fargate']);
      assert.deepEqual(applied('aws_ecs_service', [['launch_type', lit('fargate')]]), ['fargate']);
      assert.deepEqual(applied('aws_ecs_service', [['capacity_provider_strategy.capacity_provider', lit('FARGATE_SPOT')]]), ['fargate']);
      assert.deepEqual(applied('aws_ecs_service', [['launch_type', lit('EC2')]]), ['ec2']);
      assert.deepEqual(applied('AWS::ECS::Service', [['LaunchType', lit('FARGATE')]]), ['fargate']);
    });

    it('ECS: a launch type set by an expression, or none at all, leaves the choice to the user', () => {
      const byVar = classify(block('aws_ecs_service', new Map([['launch_type', expr('var.launch_type')]])));
      assert.deepEqual(byVar.applied, []);
      assert.deepEqual(byVar.undecided.map((u) => [u.option, u.variants.map((v) => v.variant.id)]), [['launch_type', ['fargate', 'ec2']]]);
      const unset = classify(block('aws_ecs_service'));
      assert.deepEqual(unset.undecided.map((u) => u.variants.map((v) => v.variant.id)), [['fargate', 'ec2']]);
    });

    it('Lambda: a container image, and each runtime update mode', () => {
      assert.deepEqual(applied('aws_lambda_function', [['package_type', lit('Image')]]), ['container-image']);
      for (const [mode, id] of [['Auto', 'auto'], ['FunctionUpdate', 'function-update'], ['Manual', 'manual']] as const) {
        assert.deepEqual(applied('aws_lambda_function', [['runtime_management_config.update_runtime_on', lit(mode)]]), [id]);
        assert.deepEqual(applied('AWS::Serverless::Function', [['RuntimeManagementConfig.UpdateRuntimeOn', lit(mode)]]), [id]);
        assert.deepEqual(applied('aws_lambda_runtime_management_config', [['update_runtime_on', lit(mode)]]), [id]);
      }
      assert.deepEqual(classify(block('aws_lambda_function')).notes.length, 1, 'no mode written: the default is said');
    });

    it('EKS: Auto Mode, managed node groups and Fargate profiles; GKE Autopilot', () => {
      assert.deepEqual(applied('aws_eks_cluster', [['compute_config.enabled', lit(true)]]), ['auto-mode']);
      assert.deepEqual(applied('AWS::EKS::Cluster', [['ComputeConfig.Enabled', lit('true')]]), ['auto-mode']);
      assert.deepEqual(applied('aws_eks_cluster', []), []);
      assert.deepEqual(applied('aws_eks_node_group', []), ['managed-node-groups']);
      assert.deepEqual(applied('aws_eks_fargate_profile', []), ['fargate']);
      assert.deepEqual(applied('google_container_cluster', [['enable_autopilot', lit(true)]]), ['autopilot']);
      assert.deepEqual(applied('google_container_cluster', [['enable_autopilot', lit(false)]]), []);
    });

    it('a dynamic block leaves the options inside it open', () => {
      const c = classify(block('aws_eks_cluster', new Map([['compute_config', { kind: 'dynamic' as const }]])));
      assert.deepEqual(c.applied, []);
      assert.deepEqual(c.undecided.map((u) => u.option), ['compute_config.enabled']);
    });
  });
});
