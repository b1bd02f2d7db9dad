import type { ResponsibilityModel } from './types';

const ENDPOINT_DERIVED =
  'Derived, not listed: the reference table lists Endpoint Devices only under SaaS, but its key pattern says the customer never escapes endpoint security under any model, so it is the customer\'s here too.';
const DATACENTER_DERIVED =
  'Derived, not listed: the reference table lists Data Center & Network only under IaaS and PaaS; under SaaS the provider runs the whole platform, so the data center is the provider\'s.';

/**
 * The built-in reference model. This is the only place that names the ten layers
 * and the three service models; everything else reads it.
 */
export const REFERENCE_MODEL: ResponsibilityModel = {
  layers: [
    {
      id: 'data-classification',
      name: 'Data & Classification',
      aliases: ['data', 'data classification', 'classification', 'information and data'],
      covers: 'The data itself: what it is, how sensitive it is, who may see it, how long it is kept and how it is protected at rest and in transit.',
      risk: 'No provider classifies your data for you. Unclassified data ends up in the wrong bucket, the wrong region or the wrong hands.',
      ownerDuty: 'Classify the workload\'s data, choose encryption and retention, and review who has access to it.',
    },
    {
      id: 'endpoint-devices',
      name: 'Endpoint Devices',
      aliases: ['endpoints', 'endpoint', 'devices', 'endpoint security'],
      covers: 'The laptops, phones and other devices people use to reach the workload.',
      risk: 'A compromised or unmanaged device walks straight past every control in the cloud.',
      ownerDuty: 'Manage the devices that reach the workload: patching, disk encryption, device policy and loss response.',
    },
    {
      id: 'identity-access',
      name: 'Identity & Access',
      aliases: ['iam', 'identity', 'access', 'identity and access', 'identity and access management', 'accounts and identities'],
      covers: 'Accounts, roles, credentials and the policies that decide who may do what.',
      risk: 'Over-broad roles, stale accounts and leaked keys are the most common cloud breach; the provider only enforces what you configure.',
      ownerDuty: 'Own the accounts and roles: least privilege, MFA, key rotation and regular access reviews.',
    },
    {
      id: 'applications',
      name: 'Applications',
      aliases: ['application', 'apps', 'app'],
      covers: 'The code and configuration of the workload\'s own applications.',
      risk: 'Vulnerable dependencies and insecure configuration of your own code are yours whatever the platform.',
      ownerDuty: 'Secure the application: dependency updates, secure configuration, testing and vulnerability response.',
    },
    {
      id: 'runtime-middleware',
      name: 'Runtime & Middleware',
      aliases: ['runtime', 'middleware', 'runtime and middleware'],
      covers: 'Language runtimes, application servers, frameworks and middleware the applications run on.',
      risk: 'Under PaaS the provider patches the runtime but you choose and pin its version; an unpinned or abandoned runtime is a gap nobody sees.',
      ownerDuty: 'Choose and pin runtime versions, follow the provider\'s deprecations and redeploy when they patch.',
    },
    {
      id: 'operating-system',
      name: 'Operating System',
      aliases: ['os', 'operating systems', 'guest os'],
      covers: 'The guest operating system of the machines the workload runs on.',
      risk: 'Under IaaS the provider never patches your guest OS; missed patches and default configuration are yours.',
      ownerDuty: 'Patch and harden the operating system, and monitor it.',
    },
    {
      id: 'network-config',
      name: 'Network Config',
      aliases: ['network', 'networking', 'network configuration', 'network controls', 'firewall'],
      covers: 'Virtual networks, subnets, security groups, firewall rules and routing that the customer configures.',
      risk: 'An open security group or a public endpoint left by mistake exposes everything behind it.',
      ownerDuty: 'Design and review network rules, segmentation and exposure.',
    },
    {
      id: 'physical-servers',
      name: 'Physical Servers',
      aliases: ['servers', 'hosts', 'physical hosts', 'hardware', 'physical hosts and servers'],
      covers: 'The physical machines, their firmware and hypervisors.',
      risk: 'Always the provider\'s; documenting it records an assumption, not a duty.',
      ownerDuty: 'Nothing is required of the customer; record the provider\'s attestation if an audit asks for it.',
    },
    {
      id: 'datacenter-network',
      name: 'Data Center & Network',
      aliases: ['datacenter', 'data center', 'data centre', 'physical network', 'data center and network'],
      covers: 'The provider\'s data centers and the physical network between them.',
      risk: 'The provider\'s; documenting it records an assumption, not a duty.',
      ownerDuty: 'Nothing is required of the customer; record the provider\'s attestation if an audit asks for it.',
    },
    {
      id: 'physical-security',
      name: 'Physical Security',
      aliases: ['physical', 'facilities', 'physical access'],
      covers: 'Buildings, guards, cameras and physical access to the hardware.',
      risk: 'Always the provider\'s; documenting it records an assumption, not a duty.',
      ownerDuty: 'Nothing is required of the customer; record the provider\'s attestation if an audit asks for it.',
    },
  ],
  models: [
    {
      id: 'iaas',
      shortName: 'IaaS',
      name: 'Infrastructure as a Service',
      description: 'The provider runs the hardware and the data center; you run everything from the operating system up.',
      examples: ['AWS EC2', 'Azure VMs', 'GCP Compute'],
      cells: {
        'data-classification': { who: 'customer' },
        'endpoint-devices': { who: 'customer', derived: ENDPOINT_DERIVED },
        'identity-access': { who: 'customer' },
        applications: { who: 'customer' },
        'runtime-middleware': { who: 'customer' },
        'operating-system': { who: 'customer' },
        'network-config': { who: 'shared' },
        'physical-servers': { who: 'provider' },
        'datacenter-network': { who: 'provider' },
        'physical-security': { who: 'provider' },
      },
    },
    {
      id: 'paas',
      shortName: 'PaaS',
      name: 'Platform as a Service',
      description: 'The provider runs the platform up to the runtime; you bring the application, its data and its identities.',
      examples: ['Azure App Service', 'Google App Engine'],
      cells: {
        'data-classification': { who: 'customer' },
        'endpoint-devices': { who: 'customer', derived: ENDPOINT_DERIVED },
        'identity-access': { who: 'customer' },
        applications: { who: 'customer' },
        'runtime-middleware': { who: 'shared' },
        'operating-system': { who: 'provider' },
        'network-config': { who: 'provider' },
        'physical-servers': { who: 'provider' },
        'datacenter-network': { who: 'provider' },
        'physical-security': { who: 'provider' },
      },
    },
    {
      id: 'saas',
      shortName: 'SaaS',
      name: 'Software as a Service',
      description: 'The provider runs the whole application; you still own your data, your identities and your devices.',
      examples: ['Microsoft 365', 'Salesforce', 'Google Workspace'],
      cells: {
        'data-classification': { who: 'customer' },
        'endpoint-devices': { who: 'customer' },
        'identity-access': { who: 'customer' },
        applications: { who: 'provider' },
        'runtime-middleware': { who: 'provider' },
        'operating-system': { who: 'provider' },
        'network-config': { who: 'provider' },
        'physical-servers': { who: 'provider' },
        'datacenter-network': { who: 'provider', derived: DATACENTER_DERIVED },
        'physical-security': { who: 'provider' },
      },
    },
  ],
};
