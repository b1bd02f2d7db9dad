/** Owners as names the editor navigates: the value being typed, owners under a cursor, directory keys and aliases, layer hints. */
import * as assert from 'node:assert/strict';
import { checkText, directoryNames, layerHints, ownerUseAt, renameTokenEdit, typedValueSpan } from '../../server/src/core';

/** The text a span covers, with `|` marking the offset asked about. */
function typedAt(marked: string): string {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const span = typedValueSpan(text, offset);
  return text.slice(span.start, span.end);
}

describe('owners as names', () => {
  it('the value being typed covers the whole word under the cursor, inside its quotes', () => {
    assert.equal(typedAt('    owner: iam-te|\n'), 'iam-te');
    assert.equal(typedAt('    owner: iam-|te\n'), 'iam-te');
    assert.equal(typedAt('    owner: "iam-te|"\n'), 'iam-te');
    assert.equal(typedAt("    owner: 'iam|'   # soon\n"), 'iam');
    assert.equal(typedAt('    owner: |\n'), '');
    assert.equal(typedAt('  applications: { owner: plat| }\n'), 'plat');
  });

  it('finds the owner value under a cursor, its ends included, and nothing on the key', () => {
    const text = 'workload: w\nmodel: iaas\nlayers:\n  applications:\n    owner: "iam-team"\n';
    const result = checkText(text);
    const value = text.indexOf('"iam-team"');
    assert.equal(ownerUseAt(result, value)?.owner, 'iam-team');
    assert.equal(ownerUseAt(result, value + '"iam-team"'.length)?.owner, 'iam-team');
    assert.equal(ownerUseAt(result, text.indexOf('owner:')), undefined);
  });

  it('reads the keys and aliases of an owner file and of a configuration\'s owners:', () => {
    const file = 'iam-team:\n  aliases: [identity, "iam"]\nplatform-team: {}\n';
    assert.deepEqual(
      directoryNames(file).map((n) => `${n.kind}:${n.name}:${file.slice(n.span.start, n.span.end)}<${n.owner}`),
      ['key:iam-team:iam-team<iam-team', 'alias:identity:identity<iam-team', 'alias:iam:"iam"<iam-team', 'key:platform-team:platform-team<platform-team'],
    );
    const config = 'matrix: reference@1\nowners:\n  sre:\n    aliases:\n      - ops\n';
    assert.deepEqual(directoryNames(config).map((n) => `${n.kind}:${n.name}`), ['key:sre', 'alias:ops']);
    assert.deepEqual(directoryNames('owners: [broken'), []);
  });

  it('renames a token in its own quoting, and refuses one that no longer says the old name', () => {
    const text = `a: 'iam-team'\nb: iam-team\nc: "iam-team"\n`;
    const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
    assert.deepEqual(renameTokenEdit(text, at("'iam-team'"), 'iam-team', "it's"), { start: at("'iam-team'").start + 1, end: at("'iam-team'").end - 1, text: "it''s" });
    const plain = { start: text.indexOf('b: ') + 3, end: text.indexOf('b: ') + 3 + 'iam-team'.length };
    assert.deepEqual(renameTokenEdit(text, plain, 'iam-team', 'team: core'), { ...plain, text: '"team: core"' }, 'quoted where plain would not read back');
    assert.deepEqual(renameTokenEdit(text, at('"iam-team"'), 'IAM-Team', 'say "hi"'), { start: at('"iam-team"').start + 1, end: at('"iam-team"').end - 1, text: 'say \\"hi\\"' });
    assert.equal(renameTokenEdit(text, at('"iam-team"'), 'platform-team', 'x'), undefined);
  });

  it('hints each layer key with its cell, and an applied override as overridden', () => {
    const text = 'workload: w\nmodel: saas\nlayers:\n  identity-access:\n    owner: iam\n  applications:\n    owner: app\n    responsibility: customer\n    reason: we wrote it ourselves\n';
    const hints = layerHints(checkText(text), 'allow').map((h) => `${text.slice(text.lastIndexOf('\n', h.offset - 1) + 1, h.offset)} ${h.label}`);
    assert.deepEqual(hints, ['  identity-access: customer', '  applications: overridden: customer']);
    const forbidden = layerHints(checkText(text), 'forbid').map((h) => h.label);
    assert.deepEqual(forbidden, ['customer', 'provider'], 'a refused override leaves the matrix cell');
  });
});
