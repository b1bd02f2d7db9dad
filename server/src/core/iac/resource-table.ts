/**
 * Resource type → catalogued service, and which of the service's options a
 * resource's arguments choose. Data: classify.ts reads it.
 *
 * One source of truth: the service model, the provider and every option that
 * moves a layer (with what it moves, the reason and the provider's page) are
 * the service catalogue's (core/catalogue/services.ts), the same advice SRM038
 * gives on a hand-written declaration. This table adds only what discovery
 * needs on top: the types, which service each one is (with the page that says
 * so), and which argument values select which catalogued variant.
 *
 * test/engine/iac-table.test.ts fails for a row without a source, a service
 * the catalogue lacks, or a variant id the service does not have. A type no
 * row lists is never given a model: it is "model unknown: choose" when it
 * looks like compute or data (`LOOKS_LIKE_WORKLOAD`), and ignored otherwise.
 */

export interface Source {
  /** The provider's page the classification rests on. */
  readonly url: string;
  /** What the page says that the row relies on, in our words. */
  readonly note: string;
}

/** Holds when the option is written as one of the values (strings compared case-insensitively), or, with no values, when it is present at all. */
export interface Condition {
  readonly option: string;
  readonly oneOf?: readonly (string | number | boolean)[];
}

/** A catalogued option of the row's service, as the resource's arguments select it. */
export interface OptionVariant {
  /** The id of a variant of the service's advice in the catalogue. */
  readonly variant: string;
  /** How discovery names the choice: "launch type FARGATE". */
  readonly label: string;
  /** Applies when any condition holds; no conditions: always (a part such as a managed node group). */
  readonly when: readonly Condition[];
}

/** What holds when no variant of the row applies and none is left open by an expression. */
export interface Otherwise {
  readonly note: string;
  /** The catalogued variant the provider documents as the default; none: the user must choose. */
  readonly variant?: string;
}

export interface ResourceRow {
  /** Terraform types (`aws_instance`) and CloudFormation types (`AWS::EC2::Instance`) this row classifies. */
  readonly types: readonly string[];
  /** The catalogue entry's name: its model, provider and advice apply. */
  readonly service: string;
  /** Compute decides a workload's model; data (databases, buckets) belongs to the workload that uses it. */
  readonly role: 'compute' | 'data';
  /** The provider's page that says what the resource is. */
  readonly source: Source;
  readonly variants?: readonly OptionVariant[];
  readonly otherwise?: Otherwise;
  /**
   * A part of another resource (a node group of a cluster): when `option`
   * names a resource of one of `types` in the same module or template, this one
   * is declared with it and brings its variants to that declaration.
   */
  readonly partOf?: { readonly types: readonly string[]; readonly option: string };
}

const AWS_MODEL: Source = {
  url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/shared-responsibility.html',
  note: 'AWS Well-Architected, security pillar: a service such as Amazon EC2 is Infrastructure as a Service; the customer manages the guest operating system, the application software and the security group firewall.',
};
const AWS_CATEGORIES: Source = {
  url: 'https://d1.awsstatic.com/whitepapers/Security/AWS_Security_Best_Practices.pdf',
  note: 'AWS Security Best Practices: for container services (Amazon RDS, AWS Elastic Beanstalk) AWS manages the infrastructure, the operating system and the application platform; for abstracted services (Amazon S3, Amazon DynamoDB) AWS also runs the platform, and the customer manages its data, its classification and the IAM permissions.',
};
const LAMBDA: Source = {
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html',
  note: 'Lambda runs the servers and the operating system and publishes runtime updates; who applies them depends on the runtime update mode, and for container images the customer rebuilds from the updated base image.',
};
const ECS: Source = {
  url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html',
  note: 'AWS runs the ECS control plane. On Fargate AWS provisions and patches the compute the containers run on; on EC2 the customer maintains the instances, the ECS agent and the AMI (patching and hardening).',
};
const EKS: Source = {
  url: 'https://docs.aws.amazon.com/eks/latest/best-practices/security.html',
  note: 'AWS manages the Kubernetes control plane; the customer owns IAM, pod and runtime security and network security. AWS takes on more of the nodes as you move from self-managed nodes to managed node groups to Fargate.',
};
const AZURE_VM: Source = {
  url: 'https://learn.microsoft.com/azure/virtual-machines/overview',
  note: 'An Azure virtual machine spares you the hardware, but you still maintain the VM: configuring, patching and installing its software (IaaS, the seed\'s example "Azure VMs").',
};
const AZURE_APP_SERVICE: Source = {
  url: 'https://learn.microsoft.com/azure/app-service/overview',
  note: 'App Service is a fully managed platform that patches and maintains the operating system and language frameworks (PaaS, the seed\'s example "Azure App Service").',
};
const AZURE_SQL: Source = {
  url: 'https://learn.microsoft.com/azure/azure-sql/database/sql-database-paas-overview',
  note: 'Azure SQL Database is a fully managed platform as a service (PaaS) database engine: Microsoft handles upgrading, patching, backups and monitoring.',
};
const GCE: Source = {
  url: 'https://cloud.google.com/compute/docs/instances',
  note: 'A Compute Engine instance is a virtual machine on Google\'s infrastructure whose operating system and software you choose and manage (IaaS, the seed\'s example "GCP Compute").',
};
const APP_ENGINE: Source = {
  url: 'https://cloud.google.com/appengine/docs/an-overview-of-app-engine',
  note: 'App Engine is a fully managed, serverless platform for web apps: Google runs the infrastructure and the runtime environment (PaaS, the seed\'s example "Google App Engine").',
};
const GKE: Source = {
  url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/autopilot-overview',
  note: 'Google runs the GKE control plane. In Autopilot, GKE provisions and manages the nodes and node pools; in Standard, you manage the cluster\'s underlying infrastructure.',
};

const LAMBDA_MODES = (option: string): OptionVariant[] => [
  { variant: 'auto', label: 'runtime update mode Auto', when: [{ option, oneOf: ['Auto'] }] },
  { variant: 'function-update', label: 'runtime update mode FunctionUpdate', when: [{ option, oneOf: ['FunctionUpdate'] }] },
  { variant: 'manual', label: 'runtime update mode Manual', when: [{ option, oneOf: ['Manual'] }] },
];
const LAMBDA_IMAGE = (option: string): OptionVariant => ({ variant: 'container-image', label: 'a container image', when: [{ option, oneOf: ['Image'] }] });
const LAMBDA_DEFAULT: Otherwise = {
  variant: 'auto',
  note: 'No container image and no runtime update mode is written: the function runs a managed runtime in update mode Auto, the default.',
};

const ECS_VARIANTS = (launchType: string, capacityProvider: string): OptionVariant[] => [
  { variant: 'fargate', label: 'Fargate', when: [{ option: launchType, oneOf: ['FARGATE'] }, { option: capacityProvider, oneOf: ['FARGATE', 'FARGATE_SPOT'] }] },
  { variant: 'ec2', label: 'launch type EC2', when: [{ option: launchType, oneOf: ['EC2'] }] },
];
const ECS_OPEN: Otherwise = { note: 'Neither a launch type nor a Fargate capacity provider is written: the cluster\'s default capacity provider strategy decides who runs the hosts.' };

const EKS_AUTO_MODE = (option: string): OptionVariant => ({ variant: 'auto-mode', label: 'Auto Mode', when: [{ option, oneOf: [true] }] });
const EKS_SELF_MANAGED: Otherwise = {
  variant: 'self-managed',
  note: 'No Auto Mode, and no managed node group or Fargate profile of this cluster found: its nodes are self-managed.',
};
const EKS_NODE_GROUP: OptionVariant = { variant: 'managed-node-groups', label: 'a managed node group', when: [] };
const EKS_FARGATE: OptionVariant = { variant: 'fargate', label: 'a Fargate profile', when: [] };

export const RESOURCE_TABLE: readonly ResourceRow[] = [
  // Amazon Web Services
  { types: ['aws_instance', 'AWS::EC2::Instance'], service: 'Amazon EC2', role: 'compute', source: AWS_MODEL },
  {
    types: ['aws_autoscaling_group', 'AWS::AutoScaling::AutoScalingGroup'],
    service: 'Amazon EC2',
    role: 'compute',
    source: { url: AWS_MODEL.url, note: `An Auto Scaling group launches Amazon EC2 instances. ${AWS_MODEL.note}` },
  },
  {
    types: ['aws_lambda_function'],
    service: 'AWS Lambda',
    role: 'compute',
    source: LAMBDA,
    variants: [LAMBDA_IMAGE('package_type'), ...LAMBDA_MODES('runtime_management_config.update_runtime_on')],
    otherwise: LAMBDA_DEFAULT,
  },
  {
    // A separate resource since provider 5.x: it sets the update mode of the function it names.
    types: ['aws_lambda_runtime_management_config'],
    service: 'AWS Lambda',
    role: 'compute',
    source: LAMBDA,
    variants: LAMBDA_MODES('update_runtime_on'),
    partOf: { types: ['aws_lambda_function'], option: 'function_name' },
  },
  {
    types: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    service: 'AWS Lambda',
    role: 'compute',
    source: LAMBDA,
    variants: [LAMBDA_IMAGE('PackageType'), ...LAMBDA_MODES('RuntimeManagementConfig.UpdateRuntimeOn')],
    otherwise: LAMBDA_DEFAULT,
  },
  { types: ['aws_ecs_service'], service: 'Amazon ECS', role: 'compute', source: ECS, variants: ECS_VARIANTS('launch_type', 'capacity_provider_strategy.capacity_provider'), otherwise: ECS_OPEN },
  { types: ['AWS::ECS::Service'], service: 'Amazon ECS', role: 'compute', source: ECS, variants: ECS_VARIANTS('LaunchType', 'CapacityProviderStrategy.CapacityProvider'), otherwise: ECS_OPEN },
  { types: ['aws_eks_cluster'], service: 'Amazon EKS', role: 'compute', source: EKS, variants: [EKS_AUTO_MODE('compute_config.enabled')], otherwise: EKS_SELF_MANAGED },
  { types: ['AWS::EKS::Cluster'], service: 'Amazon EKS', role: 'compute', source: EKS, variants: [EKS_AUTO_MODE('ComputeConfig.Enabled')], otherwise: EKS_SELF_MANAGED },
  { types: ['aws_eks_node_group'], service: 'Amazon EKS', role: 'compute', source: EKS, variants: [EKS_NODE_GROUP], partOf: { types: ['aws_eks_cluster'], option: 'cluster_name' } },
  { types: ['AWS::EKS::Nodegroup'], service: 'Amazon EKS', role: 'compute', source: EKS, variants: [EKS_NODE_GROUP], partOf: { types: ['AWS::EKS::Cluster'], option: 'ClusterName' } },
  { types: ['aws_eks_fargate_profile'], service: 'Amazon EKS', role: 'compute', source: EKS, variants: [EKS_FARGATE], partOf: { types: ['aws_eks_cluster'], option: 'cluster_name' } },
  { types: ['AWS::EKS::FargateProfile'], service: 'Amazon EKS', role: 'compute', source: EKS, variants: [EKS_FARGATE], partOf: { types: ['AWS::EKS::Cluster'], option: 'ClusterName' } },
  { types: ['aws_elastic_beanstalk_environment', 'AWS::ElasticBeanstalk::Environment'], service: 'AWS Elastic Beanstalk', role: 'compute', source: AWS_CATEGORIES },
  { types: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], service: 'Amazon RDS', role: 'data', source: AWS_CATEGORIES },
  { types: ['aws_rds_cluster_instance'], service: 'Amazon RDS', role: 'data', source: AWS_CATEGORIES, partOf: { types: ['aws_rds_cluster'], option: 'cluster_identifier' } },
  { types: ['aws_s3_bucket', 'AWS::S3::Bucket'], service: 'Amazon S3', role: 'data', source: AWS_CATEGORIES },
  { types: ['aws_dynamodb_table', 'AWS::DynamoDB::Table'], service: 'Amazon DynamoDB', role: 'data', source: AWS_CATEGORIES },

  // Microsoft Azure
  {
    types: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set', 'azurerm_orchestrated_virtual_machine_scale_set'],
    service: 'Azure Virtual Machines',
    role: 'compute',
    source: AZURE_VM,
  },
  { types: ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_app_service'], service: 'Azure App Service', role: 'compute', source: AZURE_APP_SERVICE },
  { types: ['azurerm_mssql_database', 'azurerm_sql_database'], service: 'Azure SQL Database', role: 'data', source: AZURE_SQL },

  // Google Cloud
  { types: ['google_compute_instance', 'google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'], service: 'Google Compute Engine', role: 'compute', source: GCE },
  { types: ['google_app_engine_application', 'google_app_engine_standard_app_version', 'google_app_engine_flexible_app_version'], service: 'Google App Engine', role: 'compute', source: APP_ENGINE },
  {
    types: ['google_container_cluster'],
    service: 'Google Kubernetes Engine',
    role: 'compute',
    source: GKE,
    variants: [{ variant: 'autopilot', label: 'Autopilot', when: [{ option: 'enable_autopilot', oneOf: [true] }] }],
    otherwise: { variant: 'standard', note: 'enable_autopilot is not set: a Standard cluster.' },
  },
  {
    types: ['google_container_node_pool'],
    service: 'Google Kubernetes Engine',
    role: 'compute',
    source: GKE,
    variants: [{ variant: 'standard', label: 'a Standard node pool', when: [] }],
    partOf: { types: ['google_container_cluster'], option: 'cluster' },
  },
];

/**
 * Networking, IAM and glue: resources that belong to the workloads using them
 * and are never reported on their own. Matched against the type's name in
 * snake case (`AWS::EC2::SecurityGroup` reads as `aws_ec2_security_group`)
 * before anything else but the table.
 */
export const SUPPORTING = [
  /iam|polic(y|ies)|_role|permission|identity|access_key|service_account|user_pool|assignment/,
  /security_group|subnet|vpc|route|network|_nat|gateway|_eip|_lb|load_?balancer|listener|target_group|dns|_record|_zone|peering|endpoint|firewall|_acl|waf|cdn|cloudfront|vpn|_ip$|address/,
  /_key$|kms|secret|certificate|parameter|_ssm_|vault/,
  /log|alarm|monitor|metric|dashboard|alert|trace|cloudwatch|event|schedule|notification|_sns_|topic|subscription/,
  /_bucket_|_object$|_url$|extension|_template$|_m?sql_server$|attachment|association|_tag|_rule|configuration|config$|_setting|version$|alias|layer_version|mapping|_ecs_cluster$|task_definition|capacity_provider|launch_template|launch_configuration|placement|_project|api_service|_deployment$|_stage$/,
  /^(random|null|local|tls|time|terraform|external|archive|template|http)_/,
];

/** Compute and data by name: types no row lists are "model unknown: choose" when they match, ignored (and counted) otherwise. */
export const LOOKS_LIKE_WORKLOAD = /instance|virtual_machine|_vm(_|$)|function|_app$|web_app|container_app|cluster|kubernetes|cloud_run|_run_service|batch|notebook|sagemaker|bucket|database|_db_|sql|_table$|storage_account|cosmosdb|redis|elasticache|opensearch|elasticsearch|bigquery|spanner|firestore|file_system|_efs_|datalake|data_lake|warehouse|redshift/;
