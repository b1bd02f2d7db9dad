import type { Cell } from '../matrix/types';

/** A service option that changes who owns a layer, with what it changes and where that is documented. */
export interface ServiceVariant {
  readonly id: string;
  /** How the option is named where users choose it, e.g. "Runtime update mode: Auto". */
  readonly name: string;
  /** The provider's page that says who does what under this option. */
  readonly source: string;
  /**
   * What the option makes of each affected layer, against the reference
   * matrix's layer ids (a declaration of another matrix maps them by `same-as`),
   * and the reason, in our words, that an override records.
   */
  readonly cells: readonly { readonly layer: string; readonly responsibility: Cell; readonly reason: string }[];
}

/** What depends on an option of a service, and its variants. */
export interface ServiceAdvice {
  /** One sentence: what the option decides. */
  readonly depends: string;
  readonly variants: readonly ServiceVariant[];
}

export interface CatalogueEntry {
  /** The service's name as its provider writes it. */
  readonly name: string;
  readonly provider: string;
  /** The service model id it belongs to. */
  readonly model: string;
  /** Other names users write for it. */
  readonly aliases: readonly string[];
  /** Where the classification comes from. */
  readonly source: string;
  /** Options of the service that change who owns a layer. */
  readonly advice?: ServiceAdvice;
}

const REFERENCE = 'Shared responsibility model reference table (its example for this model)';
const NIST = 'NIST SP 800-145 service model definitions, applied to the provider\'s own description of the service';
const MICROSOFT = 'Microsoft, "Shared responsibility in the cloud" (learn.microsoft.com/azure/security/fundamentals/shared-responsibility), which names it as its example for this model';

const AWS_SECURITY_PRACTICES = 'AWS, "AWS Security Best Practices" (d1.awsstatic.com/whitepapers/Security/AWS_Security_Best_Practices.pdf): for container services such as Amazon RDS AWS manages the infrastructure, the operating system and the platform; for abstracted services such as Amazon S3 and Amazon DynamoDB AWS also runs the application, and the customer manages its data and the access to it';
const AZURE_SQL = 'Microsoft, "What is Azure SQL Database?" (learn.microsoft.com/azure/azure-sql/database/sql-database-paas-overview): a fully managed platform as a service database engine';

const LAMBDA_RUNTIME = 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html';
const LAMBDA_IMAGES = 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html';
const ECS_SHARED = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html';
const EKS_SECURITY = 'https://docs.aws.amazon.com/eks/latest/best-practices/security.html';
const EKS_MANAGED_NODES = 'https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html';
const EKS_AUTO_MODE = 'https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html';
const GKE_AUTOPILOT = 'https://cloud.google.com/kubernetes-engine/docs/concepts/autopilot-overview';
const GKE_SHARED = 'https://cloud.google.com/kubernetes-engine/docs/concepts/shared-responsibility';

/**
 * Well-known services whose service model is not in doubt, and the options of
 * some that move a layer between the provider and the customer. Every variant
 * cites the provider's own page; a variant without one is not shipped.
 */
export const SERVICES: readonly CatalogueEntry[] = [
  { name: 'Amazon EC2', provider: 'aws', model: 'iaas', aliases: ['AWS EC2', 'EC2', 'Elastic Compute Cloud', 'Amazon Elastic Compute Cloud'], source: REFERENCE },
  { name: 'Azure Virtual Machines', provider: 'azure', model: 'iaas', aliases: ['Azure VMs', 'Azure VM', 'Azure Virtual Machine'], source: REFERENCE },
  { name: 'Google Compute Engine', provider: 'gcp', model: 'iaas', aliases: ['GCP Compute', 'GCE', 'Compute Engine', 'GCP Compute Engine'], source: REFERENCE },
  { name: 'DigitalOcean Droplets', provider: 'digitalocean', model: 'iaas', aliases: ['Droplets', 'DigitalOcean Droplet'], source: NIST },
  { name: 'Azure App Service', provider: 'azure', model: 'paas', aliases: ['App Service', 'Azure Web Apps', 'Azure Web App'], source: REFERENCE },
  { name: 'Google App Engine', provider: 'gcp', model: 'paas', aliases: ['App Engine', 'GAE', 'GCP App Engine'], source: REFERENCE },
  { name: 'AWS Elastic Beanstalk', provider: 'aws', model: 'paas', aliases: ['Elastic Beanstalk', 'Amazon Elastic Beanstalk', 'Beanstalk'], source: NIST },
  { name: 'Heroku', provider: 'salesforce', model: 'paas', aliases: ['Heroku Dynos'], source: NIST },
  {
    name: 'AWS Lambda',
    provider: 'aws',
    model: 'paas',
    aliases: ['Lambda', 'Amazon Lambda', 'Lambda functions'],
    source: NIST,
    advice: {
      depends: 'Who patches the function\'s runtime depends on its runtime update mode, and on whether it is deployed as a container image.',
      variants: [
        { id: 'auto', name: 'Runtime update mode: Auto (the default)', source: LAMBDA_RUNTIME, cells: [{ layer: 'runtime-middleware', responsibility: 'provider', reason: 'Lambda runtime update mode Auto: Lambda applies runtime patches to the function itself' }] },
        { id: 'function-update', name: 'Runtime update mode: Function update', source: LAMBDA_RUNTIME, cells: [{ layer: 'runtime-middleware', responsibility: 'shared', reason: 'Lambda runtime update mode FunctionUpdate: Lambda publishes runtime patches, and the function gets them only when we update it' }] },
        { id: 'manual', name: 'Runtime update mode: Manual', source: LAMBDA_RUNTIME, cells: [{ layer: 'runtime-middleware', responsibility: 'customer', reason: 'Lambda runtime update mode Manual: the function stays on its pinned runtime version until we move it' }] },
        {
          id: 'container-image',
          name: 'Deployed as a container image',
          source: LAMBDA_IMAGES,
          cells: [
            { layer: 'runtime-middleware', responsibility: 'customer', reason: 'Lambda container image: Lambda only publishes updated base images; we rebuild the image from a patched one and redeploy' },
            { layer: 'operating-system', responsibility: 'shared', reason: 'Lambda container image: the image\'s operating system files are ours to rebuild and redeploy; Lambda runs the host' },
          ],
        },
      ],
    },
  },
  {
    name: 'Amazon ECS',
    provider: 'aws',
    model: 'paas',
    aliases: ['ECS', 'AWS ECS', 'Amazon Elastic Container Service', 'Elastic Container Service'],
    source: NIST,
    advice: {
      depends: 'Who runs and patches the hosts the containers run on depends on the launch type.',
      variants: [
        { id: 'fargate', name: 'Launch type: Fargate', source: ECS_SHARED, cells: [{ layer: 'operating-system', responsibility: 'provider', reason: 'ECS on Fargate: AWS provisions and patches the compute the tasks run on' }] },
        {
          id: 'ec2',
          name: 'Launch type: EC2',
          source: ECS_SHARED,
          cells: [
            { layer: 'operating-system', responsibility: 'customer', reason: 'ECS on EC2: we maintain the container instances, patching and hardening their operating system' },
            { layer: 'runtime-middleware', responsibility: 'customer', reason: 'ECS on EC2: we keep the ECS container agent on the instances up to date' },
          ],
        },
      ],
    },
  },
  {
    name: 'Amazon EKS',
    provider: 'aws',
    model: 'paas',
    aliases: ['EKS', 'AWS EKS', 'Amazon Elastic Kubernetes Service', 'Elastic Kubernetes Service'],
    source: NIST,
    advice: {
      depends: 'Who patches the worker nodes\' operating system depends on how the nodes are run: AWS takes on more from self-managed nodes to managed node groups to Fargate, and in Auto Mode.',
      variants: [
        { id: 'self-managed', name: 'Self-managed nodes', source: EKS_SECURITY, cells: [{ layer: 'operating-system', responsibility: 'customer', reason: 'EKS self-managed nodes: the worker nodes\' operating system is ours to patch and upgrade' }] },
        { id: 'managed-node-groups', name: 'Managed node groups', source: EKS_MANAGED_NODES, cells: [{ layer: 'operating-system', responsibility: 'shared', reason: 'EKS managed node groups: AWS publishes patched node images and rolls the nodes, once we start the update' }] },
        { id: 'fargate', name: 'Fargate', source: EKS_SECURITY, cells: [{ layer: 'operating-system', responsibility: 'provider', reason: 'EKS on Fargate: AWS secures and patches the instance each pod runs on' }] },
        { id: 'auto-mode', name: 'Auto Mode', source: EKS_AUTO_MODE, cells: [{ layer: 'operating-system', responsibility: 'provider', reason: 'EKS Auto Mode: EKS creates, patches and replaces the instances itself' }] },
      ],
    },
  },
  {
    name: 'Google Kubernetes Engine',
    provider: 'gcp',
    model: 'paas',
    aliases: ['GKE', 'Kubernetes Engine', 'Google Kubernetes Engine (GKE)'],
    source: NIST,
    advice: {
      depends: 'Who manages the cluster\'s nodes depends on the cluster mode.',
      variants: [
        { id: 'autopilot', name: 'Autopilot', source: GKE_AUTOPILOT, cells: [{ layer: 'operating-system', responsibility: 'provider', reason: 'GKE Autopilot: Google manages the nodes, their operating system and their upgrades' }] },
        { id: 'standard', name: 'Standard', source: GKE_SHARED, cells: [{ layer: 'operating-system', responsibility: 'shared', reason: 'GKE Standard: Google provides patched node images; we manage the node pools and how they are upgraded' }] },
      ],
    },
  },
  { name: 'Amazon RDS', provider: 'aws', model: 'paas', aliases: ['RDS', 'AWS RDS', 'Amazon Relational Database Service', 'Amazon Aurora'], source: AWS_SECURITY_PRACTICES },
  { name: 'Azure SQL Database', provider: 'azure', model: 'paas', aliases: ['Azure SQL', 'Azure SQL DB'], source: AZURE_SQL },
  { name: 'Amazon S3', provider: 'aws', model: 'saas', aliases: ['S3', 'AWS S3', 'Amazon Simple Storage Service'], source: AWS_SECURITY_PRACTICES },
  { name: 'Amazon DynamoDB', provider: 'aws', model: 'saas', aliases: ['DynamoDB', 'AWS DynamoDB'], source: AWS_SECURITY_PRACTICES },
  { name: 'Microsoft 365', provider: 'microsoft', model: 'saas', aliases: ['M365', 'Office 365', 'O365', 'Microsoft Office 365'], source: REFERENCE },
  { name: 'Dynamics 365', provider: 'microsoft', model: 'saas', aliases: ['Microsoft Dynamics 365', 'D365'], source: MICROSOFT },
  { name: 'Salesforce', provider: 'salesforce', model: 'saas', aliases: ['Salesforce CRM', 'Salesforce Sales Cloud', 'Sales Cloud'], source: REFERENCE },
  { name: 'Google Workspace', provider: 'google', model: 'saas', aliases: ['G Suite', 'GSuite', 'Google Apps'], source: REFERENCE },
  { name: 'Slack', provider: 'salesforce', model: 'saas', aliases: [], source: NIST },
  { name: 'Dropbox', provider: 'dropbox', model: 'saas', aliases: ['Dropbox Business'], source: NIST },
  { name: 'ServiceNow', provider: 'servicenow', model: 'saas', aliases: [], source: NIST },
];
