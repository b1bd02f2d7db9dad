import * as assert from 'node:assert/strict';
import { assertBuilt, srm } from './helpers';

describe('srm explain', function () {
  this.timeout(60_000);
  before(assertBuilt);

  it('explains a layer by id, display name or common spelling, with every model side by side', () => {
    const r = srm(['explain', 'os']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Operating System \(operating-system\)$/m);
    assert.match(r.stdout, /^ {2}Model {8}IaaS {6}PaaS {6}SaaS$/m);
    assert.match(r.stdout, /^ {2}Responsible {2}customer {2}provider {2}provider$/m);
    assert.match(r.stdout, /What the owner must do: Patch and harden/);
    assert.match(r.stdout, /Risk at the handoff: /);
    assert.doesNotMatch(r.stdout, /\*\*|`|\|/, 'plain text, no markdown');
    assert.equal(srm(['explain', 'Operating', 'System']).stdout, r.stdout);
    assert.equal(srm(['explain', 'operating-system']).stdout, r.stdout);
  });

  it('says which cells are derived, and why', () => {
    const r = srm(['explain', 'endpoint-devices']);
    assert.match(r.stdout, /Responsible {2}customer \* {2}customer \* {2}customer/);
    assert.match(r.stdout, /^\* IaaS, PaaS: Derived, not listed: /m);
    const md = srm(['explain', 'datacenter-network', '--markdown']);
    assert.match(md.stdout, /^\| Responsible \| provider \| provider \| provider \\\* \|$/m);
    assert.match(md.stdout, /_SaaS:_ Derived, not listed/);
  });

  it('explains a rule code', () => {
    const r = srm(['explain', 'srm003']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^SRM003 · missing-handoff$/m);
    assert.match(r.stdout, /^Severity: warning$/m);
    assert.match(r.stdout, /^ {2}• Add a handoff: line with a placeholder$/m);
    assert.match(r.stdout, /# srm-ignore SRM003: <reason>/);
  });

  it('explains a model', () => {
    const r = srm(['explain', 'PaaS']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^PaaS — Platform as a Service \(paas\)$/m);
    assert.match(r.stdout, /Examples: Azure App Service, Google App Engine\./);
    assert.match(r.stdout, /Shared — .*: Runtime & Middleware \(runtime-middleware\)\./);
  });

  it('explains a catalogued service', () => {
    const r = srm(['explain', 'aws ec2']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Amazon EC2$/m);
    assert.match(r.stdout, /Catalogued as: IaaS \(Infrastructure as a Service, iaas\)/);
    assert.match(r.stdout, /Source: /);
    assert.match(r.stdout, /network-config \(with a handoff:\)/);
  });

  it('answers an unknown word with one line, suggestions and exit 2', () => {
    const r = srm(['explain', 'opertaing']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'srm: "opertaing" is not a layer, model, matrix, rule code or catalogued service; did you mean operating-system?\n');
    const code = srm(['explain', 'SRM999']);
    assert.equal(code.status, 2);
    assert.match(code.stderr, /^srm: SRM999 is not a rule code: codes run from SRM001 to SRM\d{3}\.\n$/);
    const nothing = srm(['explain']);
    assert.equal(nothing.status, 2);
    assert.match(nothing.stderr, /^srm: explain needs a layer/);
  });
});
