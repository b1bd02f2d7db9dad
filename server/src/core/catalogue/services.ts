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
}

const REFERENCE = 'Shared responsibility model reference table (its example for this model)';
const NIST = 'NIST SP 800-145 service model definitions, applied to the provider\'s own description of the service';

/** Well-known services whose service model is not in doubt. */
export const SERVICES: readonly CatalogueEntry[] = [
  { name: 'Amazon EC2', provider: 'aws', model: 'iaas', aliases: ['AWS EC2', 'EC2', 'Elastic Compute Cloud', 'Amazon Elastic Compute Cloud'], source: REFERENCE },
  { name: 'Azure Virtual Machines', provider: 'azure', model: 'iaas', aliases: ['Azure VMs', 'Azure VM', 'Azure Virtual Machine'], source: REFERENCE },
  { name: 'Google Compute Engine', provider: 'gcp', model: 'iaas', aliases: ['GCP Compute', 'GCE', 'Compute Engine', 'GCP Compute Engine'], source: REFERENCE },
  { name: 'DigitalOcean Droplets', provider: 'digitalocean', model: 'iaas', aliases: ['Droplets', 'DigitalOcean Droplet'], source: NIST },
  { name: 'Azure App Service', provider: 'azure', model: 'paas', aliases: ['App Service', 'Azure Web Apps', 'Azure Web App'], source: REFERENCE },
  { name: 'Google App Engine', provider: 'gcp', model: 'paas', aliases: ['App Engine', 'GAE', 'GCP App Engine'], source: REFERENCE },
  { name: 'AWS Elastic Beanstalk', provider: 'aws', model: 'paas', aliases: ['Elastic Beanstalk', 'Amazon Elastic Beanstalk', 'Beanstalk'], source: NIST },
  { name: 'Heroku', provider: 'salesforce', model: 'paas', aliases: ['Heroku Dynos'], source: NIST },
  { name: 'Microsoft 365', provider: 'microsoft', model: 'saas', aliases: ['M365', 'Office 365', 'O365', 'Microsoft Office 365'], source: REFERENCE },
  { name: 'Salesforce', provider: 'salesforce', model: 'saas', aliases: ['Salesforce CRM', 'Salesforce Sales Cloud', 'Sales Cloud'], source: REFERENCE },
  { name: 'Google Workspace', provider: 'google', model: 'saas', aliases: ['G Suite', 'GSuite', 'Google Apps'], source: REFERENCE },
  { name: 'Slack', provider: 'salesforce', model: 'saas', aliases: [], source: NIST },
  { name: 'Dropbox', provider: 'dropbox', model: 'saas', aliases: ['Dropbox Business'], source: NIST },
  { name: 'ServiceNow', provider: 'servicenow', model: 'saas', aliases: [], source: NIST },
];
