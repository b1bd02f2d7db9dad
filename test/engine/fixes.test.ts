/**
 * Each kind of fix, on block and flow maps, 2- and 4-space indentation, CRLF,
 * no final newline and comments everywhere: the exact resulting text, and
 * everything outside the edits byte-for-byte as it was.
 */
import * as assert from 'node:assert/strict';
import { Checker, checkText, fixText, type Diagnostic, type Fix } from '../../server/src/core';
import { applyFix, assertWellFormedFix, commentsOf, describeFindings, isSubsequence, linesOf, syntaxErrors } from './helpers';

/** The one fix of `code` (and layer) whose title matches; applied alone and checked. */
function applyOne(text: string, code: string, opts: { layerId?: string; title?: RegExp } = {}): string {
  const diagnostics = checkText(text).diagnostics.filter((d) => d.code === code && (opts.layerId === undefined || d.layerId === opts.layerId));
  assert.ok(diagnostics.length > 0, `no ${code}${opts.layerId ? `(${opts.layerId})` : ''} in:\n${text}\nfound:\n${describeFindings(text, checkText(text).diagnostics)}`);
  // The fix whose title matches, else the preferred one.
  const fixes = diagnostics[0]!.fixes.filter((f) => (opts.title ? opts.title.test(f.title) : f.preferred));
  assert.equal(fixes.length, 1, `fixes of ${code}: ${diagnostics[0]!.fixes.map((f) => f.title).join('; ')}`);
  return applied(text, fixes[0]!);
}

function applied(text: string, fix: Fix): string {
  assertWellFormedFix(text, fix, fix.title);
  const result = applyFix(text, fix.edits);
  assert.equal(syntaxErrors(result), 0, `"${fix.title}" leaves a YAML error:\n${result}`);
  return result;
}

function fixAll(text: string): string {
  const result = fixText(text, new Checker()).text;
  assert.equal(syntaxErrors(result), 0, `fix-all leaves a YAML error:\n${result}`);
  assert.ok(isSubsequence(commentsOf(text), commentsOf(result)), 'fix-all lost or reordered a comment');
  return result;
}

function findings(text: string, code: string): Diagnostic[] {
  return checkText(text).diagnostics.filter((d) => d.code === code);
}

const crlf = (s: string) => s.replace(/\n/g, '\r\n');

describe('fixes', () => {
  describe('add a missing entry (SRM001/SRM002)', () => {
    const base = 'workload: a\nmodel: saas\nlayers:\n  data-classification:\n    owner: dg\n  identity-access:\n    owner: iam\n';

    it('puts the entry in the model\'s layer order, with a placeholder owner', () => {
      assert.equal(
        applyOne(base, 'SRM001', { layerId: 'endpoint-devices' }),
        'workload: a\nmodel: saas\nlayers:\n  data-classification:\n    owner: dg\n  endpoint-devices:\n    owner: TODO\n  identity-access:\n    owner: iam\n',
      );
    });

    it('marks the placeholder owner for the editor to select', () => {
      const fix = findings(base, 'SRM001')[0]!.fixes[0];
      assert.ok(fix!.placeholder, 'the fix says where the placeholder is');
      assert.equal(fix!.edits[fix!.placeholder.edit]!.text.slice(fix!.placeholder.start, fix!.placeholder.end), 'TODO');
    });

    it('adds a shared layer with a handoff line', () => {
      const text = 'workload: a\nmodel: paas\nlayers:\n  applications:\n    owner: app\n  operating-system: {owner: provider}\n';
      assert.equal(
        applyOne(text, 'SRM002', { layerId: 'runtime-middleware' }),
        'workload: a\nmodel: paas\nlayers:\n  applications:\n    owner: app\n  runtime-middleware:\n    owner: TODO\n    handoff: TODO\n  operating-system: {owner: provider}\n',
      );
    });

    it('goes before the first entry, and above the comments that introduce it, when it is higher in the stack', () => {
      const text = 'workload: a\nmodel: saas\nlayers:   # who owns what\n  # the identity team\n  identity-access:\n    owner: iam\n';
      assert.equal(
        applyOne(text, 'SRM001', { layerId: 'data-classification', title: /^Add an entry/ }),
        'workload: a\nmodel: saas\nlayers:   # who owns what\n  data-classification:\n    owner: TODO\n  # the identity team\n  identity-access:\n    owner: iam\n',
      );
    });

    it('goes after an entry\'s last field, and before the comments that introduce the next entry', () => {
      const text = 'workload: a\nmodel: saas\nlayers:\n  data-classification:\n    owner: dg   # the data team\n    controls:\n      - DLP\n    # end of data\n\n  # the identity team\n  identity-access:\n    owner: iam\n';
      assert.equal(
        applyOne(text, 'SRM001', { layerId: 'endpoint-devices' }),
        'workload: a\nmodel: saas\nlayers:\n  data-classification:\n    owner: dg   # the data team\n    controls:\n      - DLP\n  endpoint-devices:\n    owner: TODO\n    # end of data\n\n  # the identity team\n  identity-access:\n    owner: iam\n',
      );
    });

    it('goes after a block scalar', () => {
      const text = 'workload: a\nmodel: saas\nlayers:\n  data-classification:\n    owner: dg\n    notes: |\n      line one\n      line two\n  identity-access: {owner: iam}\n';
      assert.equal(
        applyOne(text, 'SRM001', { layerId: 'endpoint-devices' }),
        'workload: a\nmodel: saas\nlayers:\n  data-classification:\n    owner: dg\n    notes: |\n      line one\n      line two\n  endpoint-devices:\n    owner: TODO\n  identity-access: {owner: iam}\n',
      );
    });

    it('orders by the layer an entry written by another spelling stands for', () => {
      const text = 'workload: a\nmodel: saas\nlayers:\n  data: {owner: dg}\n  iam: {owner: iam}\n';
      assert.equal(
        applyOne(text, 'SRM001', { layerId: 'endpoint-devices' }),
        'workload: a\nmodel: saas\nlayers:\n  data: {owner: dg}\n  endpoint-devices:\n    owner: TODO\n  iam: {owner: iam}\n',
      );
    });

    it('follows 4-space indentation', () => {
      const text = 'workload: a\nmodel: saas\nlayers:\n    data-classification:\n        owner: dg\n    identity-access:\n        owner: iam\n';
      assert.equal(
        applyOne(text, 'SRM001', { layerId: 'endpoint-devices' }),
        'workload: a\nmodel: saas\nlayers:\n    data-classification:\n        owner: dg\n    endpoint-devices:\n        owner: TODO\n    identity-access:\n        owner: iam\n',
      );
    });

    it('writes CRLF in a CRLF file', () => {
      const text = crlf(base);
      assert.equal(applyOne(text, 'SRM001', { layerId: 'endpoint-devices' }), crlf(applyOne(base, 'SRM001', { layerId: 'endpoint-devices' })));
    });

    it('adds a line break first when the file has no final newline', () => {
      assert.equal(
        applyOne('workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}   # last', 'SRM001'),
        'workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}   # last\n  identity-access:\n    owner: TODO\n',
      );
      assert.equal(
        applyOne('workload: a\r\nmodel: saas\r\nlayers:\r\n  data-classification: {owner: dg}\r\n  endpoint-devices: {owner: it}', 'SRM001'),
        'workload: a\r\nmodel: saas\r\nlayers:\r\n  data-classification: {owner: dg}\r\n  endpoint-devices: {owner: it}\r\n  identity-access:\r\n    owner: TODO\r\n',
      );
    });

    it('adds to a flow mapping in flow style, keeping what surrounds the last item', () => {
      assert.equal(
        applyOne('workload: a\nmodel: saas\nlayers: {data-classification: {owner: dg}, endpoint-devices: {owner: it}}   # flow\n', 'SRM001'),
        'workload: a\nmodel: saas\nlayers: {data-classification: {owner: dg}, endpoint-devices: {owner: it}, identity-access: {owner: TODO}}   # flow\n',
      );
      assert.equal(
        applyOne('workload: a\nmodel: saas\nlayers: {\n  data-classification: {owner: dg},\n  endpoint-devices: {owner: it},  # trailing comma\n}\n', 'SRM001'),
        'workload: a\nmodel: saas\nlayers: {\n  data-classification: {owner: dg},\n  endpoint-devices: {owner: it}, identity-access: {owner: TODO},  # trailing comma\n}\n',
      );
      assert.equal(
        applyOne('workload: a\nmodel: saas\nlayers: {data-classification: {owner: dg}, identity-access: {owner: iam}}\n', 'SRM001'),
        'workload: a\nmodel: saas\nlayers: {data-classification: {owner: dg}, endpoint-devices: {owner: TODO}, identity-access: {owner: iam}}\n',
        'in layer order',
      );
      const first = 'workload: a\nmodel: saas\nlayers: { &iam identity-access: {owner: iam},   # c\n}\n';
      assert.equal(
        applied(first, findings(first, 'SRM001')[0]!.fixes.find((f) => f.batch)!),
        'workload: a\nmodel: saas\nlayers: { data-classification: {owner: TODO}, endpoint-devices: {owner: TODO}, &iam identity-access: {owner: iam},   # c\n}\n',
        'before the first entry, which keeps its anchor',
      );
      assert.equal(applyOne('workload: a\nmodel: paas\nlayers: { }\n', 'SRM002'), 'workload: a\nmodel: paas\nlayers: { runtime-middleware: {owner: TODO, handoff: TODO}}\n');
    });

    it('fills an empty layers:', () => {
      assert.equal(
        applyOne('workload: a\nmodel: saas\nlayers:   # none yet\n# the end\n', 'SRM001', { layerId: 'identity-access', title: /^Add an entry/ }),
        'workload: a\nmodel: saas\nlayers:   # none yet\n  identity-access:\n    owner: TODO\n# the end\n',
      );
    });

    it('creates layers: where it is absent, after the last top-level field', () => {
      assert.equal(
        applyOne('workload: a   # w\nmodel: saas   # m\n# trailing comment\n', 'SRM001', { layerId: 'identity-access', title: /^Add an entry/ }),
        'workload: a   # w\nmodel: saas   # m\nlayers:\n  identity-access:\n    owner: TODO\n# trailing comment\n',
      );
      assert.equal(
        applyOne('model: saas\nworkload: |\n  multi\n  line', 'SRM001', { layerId: 'identity-access', title: /^Add an entry/ }),
        'model: saas\nworkload: |\n  multi\n  line\nlayers:\n  identity-access:\n    owner: TODO\n',
      );
    });

    it('creates layers: in a flow declaration, or gives a value-less layers key its mapping', () => {
      assert.equal(applyOne('{workload: a, model: saas}\n', 'SRM001', { layerId: 'identity-access', title: /^Add an entry/ }), '{workload: a, model: saas, layers: {identity-access: {owner: TODO}}}\n');
      assert.equal(applyOne('{layers, workload: a, model: saas}\n', 'SRM001', { layerId: 'identity-access', title: /^Add an entry/ }), '{layers: {identity-access: {owner: TODO}}, workload: a, model: saas}\n');
      assert.equal(applyOne('{workload: a, model: saas, layers: }\n', 'SRM001', { layerId: 'identity-access', title: /^Add an entry/ }), '{workload: a, model: saas, layers: {identity-access: {owner: TODO}} }\n');
    });

    it('indents like the keys, not like their column, when `? `, an anchor or a tag precedes them', () => {
      assert.equal(
        applyOne('workload: a\nmodel: saas\nlayers:\n  ? identity-access\n  : owner: iam\n', 'SRM001', { layerId: 'data-classification', title: /^Add an entry/ }),
        'workload: a\nmodel: saas\nlayers:\n  data-classification:\n    owner: TODO\n  ? identity-access\n  : owner: iam\n',
      );
      assert.equal(applyOne('&w workload: a\nmodel: saas\n', 'SRM001', { layerId: 'identity-access', title: /^Add an entry/ }), '&w workload: a\nmodel: saas\nlayers:\n  identity-access:\n    owner: TODO\n');
      assert.equal(applyOne('workload: a\nmodel: saas\n!!map layers:\n', 'SRM001', { layerId: 'identity-access', title: /^Add an entry/ }), 'workload: a\nmodel: saas\n!!map layers:\n  identity-access:\n    owner: TODO\n');
      assert.equal(
        applyOne('workload: a\nmodel: iaas\nlayers:\n  network-config:\n    ? owner\n    : net\n', 'SRM003'),
        'workload: a\nmodel: iaas\nlayers:\n  network-config:\n    ? owner\n    : net\n    handoff: TODO\n',
      );
    });

    it('indents a document that shows no step of its own like the rest of the file', () => {
      const text = 'workload: a\nmodel: saas\n---\nworkload: b\nmodel: saas\nlayers:\n    data-classification:\n        owner: dg\n';
      const fixed = fixAll(text);
      assert.ok(fixed.startsWith('workload: a\nmodel: saas\nlayers:\n    data-classification:\n        owner: TODO\n'), fixed);
      // The same document alone has nothing to go by: the default step, 2.
      assert.ok(fixAll('workload: a\nmodel: saas\n').startsWith('workload: a\nmodel: saas\nlayers:\n  data-classification:\n    owner: TODO\n'));
    });

    it('adds every missing entry at once, each in layer order, in one fix', () => {
      const text = 'workload: a\nmodel: iaas\nlayers:\n  identity-access:\n    owner: iam\n  # ops\n  operating-system:\n    owner: ops\n';
      const all = findings(text, 'SRM001')[0]!.fixes.find((f) => f.batch)!;
      assert.match(all.title, /Add entries for all 5 missing layers/);
      assert.equal(
        applied(text, all),
        'workload: a\nmodel: iaas\nlayers:\n' +
          '  data-classification:\n    owner: TODO\n  endpoint-devices:\n    owner: TODO\n' +
          '  identity-access:\n    owner: iam\n' +
          '  applications:\n    owner: TODO\n  runtime-middleware:\n    owner: TODO\n' +
          '  # ops\n  operating-system:\n    owner: ops\n' +
          '  network-config:\n    owner: TODO\n    handoff: TODO\n',
      );
      // Every finding of the declaration offers the same batch fix.
      const batches = checkText(text).diagnostics.filter((d) => d.code === 'SRM001' || d.code === 'SRM002').map((d) => JSON.stringify(d.fixes.find((f) => f.batch)?.edits));
      assert.equal(new Set(batches).size, 1);
    });

    it('offers a single entry, not a batch, as the preferred fix', () => {
      for (const d of findings('workload: a\nmodel: saas\n', 'SRM001')) {
        const preferred = d.fixes.filter((f) => f.preferred);
        assert.equal(preferred.length, 1);
        assert.match(preferred[0]!.title, new RegExp(`^Add an entry for`));
        assert.ok(preferred[0]!.safe);
      }
    });
  });

  describe('add a handoff (SRM003)', () => {
    const paas = (entry: string) => `workload: a\nmodel: paas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n  applications: {owner: app}\n${entry}`;

    it('adds handoff: after the entry\'s last field, at its indentation', () => {
      assert.equal(applyOne(paas('  runtime-middleware:\n    owner: platform   # us\n'), 'SRM003'), paas('  runtime-middleware:\n    owner: platform   # us\n    handoff: TODO\n'));
      assert.equal(
        applyOne(paas('  runtime-middleware:\n    owner: platform\n    controls:\n      - pinning\n  # next\n  operating-system: {owner: provider}\n'), 'SRM003'),
        paas('  runtime-middleware:\n    owner: platform\n    controls:\n      - pinning\n    handoff: TODO\n  # next\n  operating-system: {owner: provider}\n'),
      );
    });

    it('in a flow entry, in flow style', () => {
      assert.equal(applyOne(paas('  runtime-middleware: {owner: platform}  # c\n'), 'SRM003'), paas('  runtime-middleware: {owner: platform, handoff: TODO}  # c\n'));
    });

    it('with 4-space indentation, CRLF and no final newline', () => {
      const text = 'workload: a\r\nmodel: iaas\r\nlayers:\r\n    network-config:\r\n        owner: net';
      assert.equal(applyOne(text, 'SRM003'), 'workload: a\r\nmodel: iaas\r\nlayers:\r\n    network-config:\r\n        owner: net\r\n        handoff: TODO\r\n');
    });

    it('comes before a new entry inserted at the same place by fix-all', () => {
      const text = 'workload: a\nmodel: iaas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n  applications: {owner: app}\n  runtime-middleware: {owner: app}\n  network-config:\n    owner: net\n';
      assert.equal(
        fixAll(text),
        'workload: a\nmodel: iaas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n  applications: {owner: app}\n  runtime-middleware: {owner: app}\n  operating-system:\n    owner: TODO\n  network-config:\n    owner: net\n    handoff: TODO\n',
      );
      const shared = 'workload: a\nmodel: iaas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identity-access: {owner: iam}\n  applications: {owner: app}\n  runtime-middleware: {owner: app}\n  operating-system:\n    owner: ops\n';
      assert.equal(fixAll(shared), `${shared}  network-config:\n    owner: TODO\n    handoff: TODO\n`);
    });
  });

  describe('rename a layer key', () => {
    it('an unknown layer to a suggestion (SRM007): offered, not applied unattended', () => {
      const text = 'workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n  identty-access:   # typo\n    owner: iam\n';
      const d = findings(text, 'SRM007')[0];
      assert.deepEqual(d!.fixes.map((f) => [f.title, f.safe]), [['Change to identity-access (Identity & Access)', false]]);
      assert.equal(applied(text, d!.fixes[0]!), text.replace('identty-access:', 'identity-access:'));
      assert.equal(fixText(text, new Checker()).text.includes('identty-access'), true);
    });

    it('one fix per suggestion when several are close', () => {
      const d = findings('workload: a\nmodel: saas\nlayers:\n  physical: {owner: x}\n  physicals-servers: {owner: y}\n', 'SRM007')[0];
      assert.ok(d!.fixes.length >= 1);
      for (const f of d!.fixes) assert.equal(f.edits.length, 1);
    });

    it('a display name or alias to its id (SRM008): safe, in block and flow maps', () => {
      const text = 'workload: a\nmodel: saas\nlayers:\n  Data & Classification:   # data\n    owner: dg\n  endpoint-devices: {owner: it}\n  "iam": {owner: iam}\n';
      assert.equal(applyOne(text, 'SRM008', { layerId: 'data-classification' }), text.replace('Data & Classification:', 'data-classification:'));
      assert.equal(applyOne(text, 'SRM008', { layerId: 'identity-access' }), text.replace('"iam":', 'identity-access:'));
      assert.equal(
        fixAll('workload: a\nmodel: saas\nlayers: {data: {owner: dg}, Endpoint Devices: {owner: it}, os: {owner: provider}}\n'),
        'workload: a\nmodel: saas\nlayers: {data-classification: {owner: dg}, endpoint-devices: {owner: it}, identity-access: {owner: TODO}, operating-system: {owner: provider}}\n',
      );
    });

    it('not when the id is already documented: the rename would make a duplicate', () => {
      const text = 'workload: a\nmodel: saas\nlayers:\n  os: {owner: x}\n  operating-system: {owner: y}\n';
      const d = findings(text, 'SRM008')[0];
      assert.ok(d!.fixes.every((f) => !f.safe));
      assert.equal(fixText(text, new Checker()).text.includes('  os: {owner: x}'), true);
    });
  });

  describe('set the model', () => {
    it('mis-cased (SRM010): safe, replaces only the value', () => {
      const text = 'workload: a\nmodel: "PaaS"   # the model\n';
      assert.equal(applyOne(text, 'SRM010'), 'workload: a\nmodel: paas   # the model\n');
      assert.equal(applyOne(crlf('workload: a\nmodel: IaaS\n'), 'SRM010'), crlf('workload: a\nmodel: iaas\n'));
    });

    it('unknown (SRM010): one fix per valid model when nothing is close, none applied unattended', () => {
      const d = findings('workload: a\nmodel: cloud\n', 'SRM010')[0];
      assert.deepEqual(d!.fixes.map((f) => [f.title, f.safe]), [
        ['Change to iaas (Infrastructure as a Service)', false],
        ['Change to paas (Platform as a Service)', false],
        ['Change to saas (Software as a Service)', false],
      ]);
      assert.equal(applied('workload: a\nmodel: cloud\n', d!.fixes[2]!), 'workload: a\nmodel: saas\n');
    });

    it('missing (SRM009): one fix per model, inserted after workload:', () => {
      const text = 'workload: a   # name\nlayers:\n  data-classification: {owner: dg}\n';
      const d = findings(text, 'SRM009')[0];
      assert.deepEqual(d!.fixes.map((f) => f.safe), [false, false, false]);
      assert.equal(applied(text, d!.fixes[1]!), 'workload: a   # name\nmodel: paas\nlayers:\n  data-classification: {owner: dg}\n');
      assert.equal(applied('  # lead\nworkload: a', findings('  # lead\nworkload: a', 'SRM009')[0]!.fixes[0]!), '  # lead\nworkload: a\nmodel: iaas\n');
      assert.equal(applied(crlf('workload: a\n'), findings(crlf('workload: a\n'), 'SRM009')[0]!.fixes[2]!), crlf('workload: a\nmodel: saas\n'));
    });

    it('missing (SRM009) in a flow declaration, whatever ends it', () => {
      for (const [text, expected] of [
        ['{workload: a}\n', '{workload: a, model: iaas}\n'],
        ['{workload: a,}\n', '{workload: a, model: iaas,}\n'],
        ['{workload: a }\n', '{workload: a, model: iaas }\n'],
        ['{\n  workload: a   # c\n}\n', '{\n  workload: a, model: iaas   # c\n}\n'],
      ]) {
        assert.equal(applied(text!, findings(text!, 'SRM009')[0]!.fixes[0]!), expected);
      }
    });

    it('contradicting the catalogue (SRM017): the catalogued model, not applied unattended', () => {
      const text = 'workload: a\nservice: AWS EC2\nmodel: saas\n';
      const d = findings(text, 'SRM017')[0];
      assert.deepEqual(d!.fixes.map((f) => [f.title, f.safe, f.preferred]), [['Change model to iaas (Amazon EC2 is IaaS)', false, true]]);
      assert.equal(applied(text, d!.fixes[0]!), 'workload: a\nservice: AWS EC2\nmodel: iaas\n');
    });
  });

  describe('other fixes', () => {
    it('rename an unknown key to the closest known one (SRM015, SRM016), not unattended', () => {
      const text = 'workload: a\nmodle: saas\nlayers:\n  data-classification:\n    ower: dg\n';
      const top = findings(text, 'SRM015')[0]!.fixes;
      assert.deepEqual(top.map((f) => [f.title, f.safe]), [['Change to model', false]]);
      assert.equal(applied(text, top[0]!), text.replace('modle:', 'model:'));
      const entry = findings(text, 'SRM016')[0]!.fixes;
      assert.deepEqual(entry.map((f) => [f.title, f.safe]), [['Change to owner', false]]);
      assert.equal(applied(text, entry[0]!), text.replace('ower:', 'owner:'));
    });

    it('remove an unused suppression (SRM021): its line when alone, else the comment and the space before it', () => {
      const base = 'workload: a\nmodel: saas\nlayers:\n  data-classification: {owner: dg}\n  endpoint-devices: {owner: it}\n';
      const standalone = `${base}  # srm-ignore SRM006: stale\n  identity-access: {owner: iam}\n`;
      assert.equal(applyOne(standalone, 'SRM021'), `${base}  identity-access: {owner: iam}\n`);
      const trailing = `${base}  identity-access: {owner: iam}   # srm-ignore SRM006: stale\n`;
      assert.equal(applyOne(trailing, 'SRM021'), `${base}  identity-access: {owner: iam}\n`);
      const crlfText = crlf(standalone);
      assert.equal(applyOne(crlfText, 'SRM021'), crlf(`${base}  identity-access: {owner: iam}\n`));
    });
  });

  describe('fix-all', () => {
    it('closes every gap it safely can, and keeps every line and comment of the file', () => {
      const text = [
        '# payments',
        'workload: payments-api   # name',
        'model: PaaS   # wrong case',
        '',
        'layers:   # entries',
        '  # data first',
        '  data: {owner: dg}   # alias',
        '',
        '  # the platform',
        '  runtime:',
        '    owner: platform',
        '# end',
      ].join('\n');
      const fixed = fixAll(text);
      assert.equal(
        fixed,
        [
          '# payments',
          'workload: payments-api   # name',
          'model: paas   # wrong case',
          '',
          'layers:   # entries',
          '  # data first',
          '  data-classification: {owner: dg}   # alias',
          '  endpoint-devices:',
          '    owner: TODO',
          '  identity-access:',
          '    owner: TODO',
          '  applications:',
          '    owner: TODO',
          '',
          '  # the platform',
          '  runtime-middleware:',
          '    owner: platform',
          '    handoff: TODO',
          '# end',
        ].join('\n'),
      );
      const left = checkText(fixed).diagnostics.map((d) => d.code);
      assert.ok(!left.some((c) => ['SRM001', 'SRM002', 'SRM008', 'SRM010'].includes(c)), left.join(' '));
    });

    it('keeps the lines of every document of a multi-document CRLF file in order', () => {
      const text = crlf('workload: a\nmodel: saas\n---\n# two\nworkload: b\nmodel: iaas\nlayers:\n    operating-system:\n        owner: ops\n');
      const fixed = fixAll(text);
      assert.ok(isSubsequence(linesOf(text), linesOf(fixed)));
      assert.doesNotMatch(fixed, /[^\r]\n/, 'a bare LF in a CRLF file');
      assert.match(fixed, /\r\n {4}data-classification:\r\n {8}owner: TODO\r\n/, 'the second document keeps its 4-space indentation');
    });
  });
});
