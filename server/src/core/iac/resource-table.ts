/**
 * Resource type → catalogued service → service model, with the options that
 * change who owns a layer. Data: the code in classify.ts reads it; every row
 * and every variant cites the provider's own documentation (test/engine/
 * iac-table.test.ts fails for one that does not). A type that no row lists is
 * never given a model: it is "model unknown: choose" when it looks like
 * compute or data (see `LOOKS_LIKE_WORKLOAD`), and ignored otherwise.
 *
 * Layer ids and models are the reference matrix's (model/reference-model.ts).
 */
import type { Responsibility } from '../model/types';

export interface Source {
  /** The provider's page the classification rests on. */
  readonly url: string;
  /** What the page says that the row relies on, in our words. */
  readonly note: string;
}

/** A layer whose responsibility departs from the model's cell for this resource, and why. */
export interface LayerOverride {
  readonly layer: string;
  readonly responsibility: Responsibility;
  /** One sentence, for `reason:` in a proposal; the variant's source is cited after it. */
  readonly reason: string;
}

/** Holds when the option is written as one of the values (strings compared case-insensitively), or, with no values, when it is present at all. */
export interface Condition {
  readonly option: string;
  readonly oneOf?: readonly (string | number | boolean)[];
}

export interface Variant {
  readonly id: string;
  /** How discovery names the choice: "launch type FARGATE". */
  readonly label: string;
  /** Applies when any condition holds; no conditions: always (a part such as a managed node group). */
  readonly when: readonly Condition[];
  readonly overrides: readonly LayerOverride[];
  readonly source: Source;
}

export interface ResourceRow {
  /** Terraform types (`aws_instance`) and CloudFormation types (`AWS::EC2::Instance`) this row classifies. */
  readonly types: readonly string[];
  readonly service: string;
  readonly provider: 'aws' | 'azure' | 'gcp';
  readonly model: string;
  /** Compute decides a workload's model; data (databases, buckets) belongs to the workload that uses it. */
  readonly role: 'compute' | 'data';
  readonly source: Source;
  /** Overrides that hold whatever the options, unless a variant sets the same layer. */
  readonly overrides?: readonly LayerOverride[];
  readonly variants?: readonly Variant[];
  /** When none of these options is written: what the provider does then, and whether the user must choose a variant. */
  readonly unset?: { readonly options: readonly string[]; readonly note: string; readonly choose: boolean };
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
  note: 'AWS runs the ECS control plane. On Fargate AWS provisions and patches the compute the containers run on; on EC2 the customer maintains the instances, the ECS agent and the AMI (patching and hardening). Either way the customer owns the container images and the network configuration (VPC, NACLs, security groups, route tables).',
};
const EKS: Source = {
  url: 'https://docs.aws.amazon.com/eks/latest/best-practices/security.html',
  note: 'AWS manages the Kubernetes control plane; the customer owns IAM, pod and runtime security and network security. AWS takes on more of the nodes as you move from self-managed nodes to managed node groups to Fargate.',
};
const EKS_AUTO: Source = {
  url: 'https://docs.aws.amazon.com/whitepapers/latest/security-overview-amazon-eks-auto-mode/aws-shared-security-responsibility-model.html',
  note: 'With EKS Auto Mode, AWS is responsible for the configuration, patching and health of the EC2 instances; the customer focuses on the VPC, the cluster configuration and the application containers.',
};
const AZURE: Source = {
  url: 'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility',
  note: 'Microsoft\'s responsibility matrix: under IaaS the customer runs the operating system, the network controls and the apps; under PaaS Microsoft runs the operating system.',
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

const CONTAINER_IMAGES: LayerOverride = {
  layer: 'runtime-middleware',
  responsibility: 'customer',
  reason: 'You build and patch the container images, and with them the runtime and middleware inside.',
};
const VPC_CONFIG: LayerOverride = {
  layer: 'network-config',
  responsibility: 'shared',
  reason: 'AWS runs the network; you configure the VPC, NACLs, security groups and route tables the tasks use.',
};

const LAMBDA_VARIANTS = (image: string, mode: string): Variant[] => [
  {
    id: 'container-image',
    label: 'a container image',
    when: [{ option: image, oneOf: ['Image'] }],
    overrides: [{ layer: 'runtime-middleware', responsibility: 'customer', reason: 'The function is a container image: Lambda publishes updated base images, and you rebuild and redeploy the image from them.' }],
    source: LAMBDA,
  },
  {
    id: 'runtime-auto',
    label: 'runtime update mode Auto',
    when: [{ option: mode, oneOf: ['Auto'] }],
    overrides: [{ layer: 'runtime-middleware', responsibility: 'provider', reason: 'Runtime update mode Auto: Lambda applies runtime patches to the function.' }],
    source: LAMBDA,
  },
  {
    id: 'runtime-function-update',
    label: 'runtime update mode FunctionUpdate',
    when: [{ option: mode, oneOf: ['FunctionUpdate'] }],
    overrides: [{ layer: 'runtime-middleware', responsibility: 'shared', reason: 'Runtime update mode FunctionUpdate: Lambda applies runtime patches only when you update the function, so you must update it regularly.' }],
    source: LAMBDA,
  },
  {
    id: 'runtime-manual',
    label: 'runtime update mode Manual',
    when: [{ option: mode, oneOf: ['Manual'] }],
    overrides: [{ layer: 'runtime-middleware', responsibility: 'customer', reason: 'Runtime update mode Manual: you pin the runtime version and must move the function to patched versions yourself.' }],
    source: LAMBDA,
  },
];

const LAMBDA_UNSET = (options: readonly string[]) => ({
  options,
  note: 'No package type or runtime update mode is written: Lambda then runs a managed runtime in update mode Auto, and applies runtime patches itself.',
  choose: false,
});

const ECS_VARIANTS = (launchType: string, capacityProvider: string): Variant[] => [
  {
    id: 'fargate',
    label: 'Fargate',
    when: [{ option: launchType, oneOf: ['FARGATE'] }, { option: capacityProvider, oneOf: ['FARGATE', 'FARGATE_SPOT'] }],
    overrides: [{ layer: 'operating-system', responsibility: 'provider', reason: 'Fargate: AWS provisions and patches the infrastructure and operating system the tasks run on.' }],
    source: ECS,
  },
  {
    id: 'ec2',
    label: 'launch type EC2',
    when: [{ option: launchType, oneOf: ['EC2'] }],
    overrides: [{ layer: 'operating-system', responsibility: 'customer', reason: 'Launch type EC2: you maintain the container instances, the ECS agent and the AMI, including patching and hardening.' }],
    source: ECS,
  },
];

const EKS_NODE_GROUP: Variant = {
  id: 'managed-node-group',
  label: 'a managed node group',
  when: [],
  overrides: [{ layer: 'operating-system', responsibility: 'shared', reason: 'Managed node group: AWS provides the node AMIs and replaces nodes on update, and you start the updates and harden the nodes.' }],
  source: EKS,
};
const EKS_FARGATE: Variant = {
  id: 'fargate-profile',
  label: 'a Fargate profile',
  when: [],
  overrides: [{ layer: 'operating-system', responsibility: 'provider', reason: 'Fargate profile: AWS secures the instance and runtime the pods run on.' }],
  source: EKS,
};
const EKS_AUTO_MODE = (option: string): Variant => ({
  id: 'auto-mode',
  label: 'Auto Mode',
  when: [{ option, oneOf: [true] }],
  overrides: [{ layer: 'operating-system', responsibility: 'provider', reason: 'EKS Auto Mode: AWS configures and patches the EC2 instances the nodes run on.' }],
  source: EKS_AUTO,
});
const EKS_SELF_MANAGED: LayerOverride = {
  layer: 'operating-system',
  responsibility: 'customer',
  reason: 'Self-managed nodes (no Auto Mode, no managed node group or Fargate profile found): you patch and harden the node instances.',
};

export const RESOURCE_TABLE: readonly ResourceRow[] = [
  // Amazon Web Services
  { types: ['aws_instance', 'AWS::EC2::Instance'], service: 'Amazon EC2', provider: 'aws', model: 'iaas', role: 'compute', source: AWS_MODEL },
  {
    types: ['aws_autoscaling_group', 'AWS::AutoScaling::AutoScalingGroup'],
    service: 'Amazon EC2',
    provider: 'aws',
    model: 'iaas',
    role: 'compute',
    source: { url: AWS_MODEL.url, note: `An Auto Scaling group launches Amazon EC2 instances. ${AWS_MODEL.note}` },
  },
  {
    types: ['aws_lambda_function'],
    service: 'AWS Lambda',
    provider: 'aws',
    model: 'paas',
    role: 'compute',
    source: LAMBDA,
    variants: LAMBDA_VARIANTS('package_type', 'runtime_management_config.update_runtime_on'),
    unset: LAMBDA_UNSET(['package_type', 'runtime_management_config.update_runtime_on']),
  },
  {
    // A separate resource since provider 5.x: it sets the update mode of the function it names.
    types: ['aws_lambda_runtime_management_config'],
    service: 'AWS Lambda',
    provider: 'aws',
    model: 'paas',
    role: 'compute',
    source: LAMBDA,
    variants: LAMBDA_VARIANTS('package_type', 'update_runtime_on').slice(1),
    partOf: { types: ['aws_lambda_function'], option: 'function_name' },
  },
  {
    types: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    service: 'AWS Lambda',
    provider: 'aws',
    model: 'paas',
    role: 'compute',
    source: LAMBDA,
    variants: LAMBDA_VARIANTS('PackageType', 'RuntimeManagementConfig.UpdateRuntimeOn'),
    unset: LAMBDA_UNSET(['PackageType', 'RuntimeManagementConfig.UpdateRuntimeOn']),
  },
  {
    types: ['aws_ecs_service'],
    service: 'Amazon ECS',
    provider: 'aws',
    model: 'paas',
    role: 'compute',
    source: ECS,
    overrides: [CONTAINER_IMAGES, VPC_CONFIG],
    variants: ECS_VARIANTS('launch_type', 'capacity_provider_strategy.capacity_provider'),
    unset: { options: ['launch_type', 'capacity_provider_strategy.capacity_provider'], note: 'Neither launch_type nor a capacity provider strategy is written: the cluster\'s default capacity provider strategy decides who runs the hosts.', choose: true },
  },
  {
    types: ['AWS::ECS::Service'],
    service: 'Amazon ECS',
    provider: 'aws',
    model: 'paas',
    role: 'compute',
    source: ECS,
    overrides: [CONTAINER_IMAGES, VPC_CONFIG],
    variants: ECS_VARIANTS('LaunchType', 'CapacityProviderStrategy.CapacityProvider'),
    unset: { options: ['LaunchType', 'CapacityProviderStrategy.CapacityProvider'], note: 'Neither LaunchType nor a capacity provider strategy is written: the cluster\'s default capacity provider strategy decides who runs the hosts.', choose: true },
  },
  {
    types: ['aws_eks_cluster'],
    service: 'Amazon EKS',
    provider: 'aws',
    model: 'paas',
    role: 'compute',
    source: EKS,
    overrides: [CONTAINER_IMAGES, { ...VPC_CONFIG, reason: 'AWS runs the network; you configure the cluster\'s VPC, security groups and network policies.' }, EKS_SELF_MANAGED],
    variants: [EKS_AUTO_MODE('compute_config.enabled')],
  },
  {
    types: ['AWS::EKS::Cluster'],
    service: 'Amazon EKS',
    provider: 'aws',
    model: 'paas',
    role: 'compute',
    source: EKS,
    overrides: [CONTAINER_IMAGES, { ...VPC_CONFIG, reason: 'AWS runs the network; you configure the cluster\'s VPC, security groups and network policies.' }, EKS_SELF_MANAGED],
    variants: [EKS_AUTO_MODE('ComputeConfig.Enabled')],
  },
  { types: ['aws_eks_node_group'], service: 'Amazon EKS', provider: 'aws', model: 'paas', role: 'compute', source: EKS, variants: [EKS_NODE_GROUP], partOf: { types: ['aws_eks_cluster'], option: 'cluster_name' } },
  { types: ['AWS::EKS::Nodegroup'], service: 'Amazon EKS', provider: 'aws', model: 'paas', role: 'compute', source: EKS, variants: [EKS_NODE_GROUP], partOf: { types: ['AWS::EKS::Cluster'], option: 'ClusterName' } },
  { types: ['aws_eks_fargate_profile'], service: 'Amazon EKS', provider: 'aws', model: 'paas', role: 'compute', source: EKS, variants: [EKS_FARGATE], partOf: { types: ['aws_eks_cluster'], option: 'cluster_name' } },
  { types: ['AWS::EKS::FargateProfile'], service: 'Amazon EKS', provider: 'aws', model: 'paas', role: 'compute', source: EKS, variants: [EKS_FARGATE], partOf: { types: ['AWS::EKS::Cluster'], option: 'ClusterName' } },
  {
    types: ['aws_elastic_beanstalk_environment', 'AWS::ElasticBeanstalk::Environment'],
    service: 'AWS Elastic Beanstalk',
    provider: 'aws',
    model: 'paas',
    role: 'compute',
    source: AWS_CATEGORIES,
  },
  { types: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], service: 'Amazon RDS', provider: 'aws', model: 'paas', role: 'data', source: AWS_CATEGORIES },
  {
    types: ['aws_rds_cluster_instance'],
    service: 'Amazon RDS',
    provider: 'aws',
    model: 'paas',
    role: 'data',
    source: AWS_CATEGORIES,
    partOf: { types: ['aws_rds_cluster'], option: 'cluster_identifier' },
  },
  { types: ['aws_s3_bucket', 'AWS::S3::Bucket'], service: 'Amazon S3', provider: 'aws', model: 'saas', role: 'data', source: AWS_CATEGORIES },
  { types: ['aws_dynamodb_table', 'AWS::DynamoDB::Table'], service: 'Amazon DynamoDB', provider: 'aws', model: 'saas', role: 'data', source: AWS_CATEGORIES },

  // Microsoft Azure
  {
    types: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set', 'azurerm_orchestrated_virtual_machine_scale_set'],
    service: 'Azure Virtual Machines',
    provider: 'azure',
    model: 'iaas',
    role: 'compute',
    source: { url: AZURE.url, note: `${AZURE.note} ${AZURE_VM.note} (${AZURE_VM.url})` },
  },
  {
    types: ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_app_service'],
    service: 'Azure App Service',
    provider: 'azure',
    model: 'paas',
    role: 'compute',
    source: { url: AZURE_APP_SERVICE.url, note: `${AZURE_APP_SERVICE.note} ${AZURE.note} (${AZURE.url})` },
  },
  { types: ['azurerm_mssql_database', 'azurerm_sql_database'], service: 'Azure SQL Database', provider: 'azure', model: 'paas', role: 'data', source: AZURE_SQL },

  // Google Cloud
  { types: ['google_compute_instance', 'google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'], service: 'Google Compute Engine', provider: 'gcp', model: 'iaas', role: 'compute', source: GCE },
  { types: ['google_app_engine_application', 'google_app_engine_standard_app_version', 'google_app_engine_flexible_app_version'], service: 'Google App Engine', provider: 'gcp', model: 'paas', role: 'compute', source: APP_ENGINE },
  {
    types: ['google_container_cluster'],
    service: 'Google Kubernetes Engine',
    provider: 'gcp',
    model: 'paas',
    role: 'compute',
    source: GKE,
    overrides: [CONTAINER_IMAGES, { layer: 'operating-system', responsibility: 'customer', reason: 'GKE Standard: you manage the cluster\'s nodes and node pools.' }],
    variants: [
      {
        id: 'autopilot',
        label: 'Autopilot',
        when: [{ option: 'enable_autopilot', oneOf: [true] }],
        overrides: [{ layer: 'operating-system', responsibility: 'provider', reason: 'GKE Autopilot: GKE provisions and manages the nodes and node pools.' }],
        source: GKE,
      },
    ],
  },
  {
    types: ['google_container_node_pool'],
    service: 'Google Kubernetes Engine',
    provider: 'gcp',
    model: 'paas',
    role: 'compute',
    source: GKE,
    variants: [{ id: 'node-pool', label: 'a Standard node pool', when: [], overrides: [{ layer: 'operating-system', responsibility: 'customer', reason: 'GKE Standard node pool: you manage the nodes.' }], source: GKE }],
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
