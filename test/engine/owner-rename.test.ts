/**
 * Renaming an owner (what F2 does in the editor), as a property over generated
 * workspaces: every entry that named the owner names the new one, every other
 * owner stays, and every byte outside the renamed owner tokens stays. Seeds as
 * in properties.test.ts (FC_SEED, FC_PATH, FC_RUNS).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, checkText, directoryNames, ownerUses, renameDirectoryEdits, renameOwnerEdits, sameOwner, type Edit, type Span } from '../../server/src/core';
import { fileArb, render } from './generators';

const SCALE = Number(process.env.FC_RUNS ?? '1');
function params<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  return { numRuns: Math.max(1, Math.round(numRuns * SCALE)), ...(seed === undefined ? {} : { seed, path: process.env.FC_PATH }) };
}

/** New names, among them ones YAML cannot write plain (a colon and space, a leading quote, a `#` after a space). */
const NEW_NAMES = ['identity-and-access', 'Ops Team 2', 'team: core', "it's us", 'say "hi"', 'a #b', '@sre', 'back\\slash', 'Équipe'];

/** The text with the given spans cut out, the cuts marked: what must not change. */
function outside(text: string, spans: readonly Span[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    out.push(text.slice(at, s.start));
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}

function assertEditsInside(edits: readonly Edit[], tokens: readonly Span[], text: string): void {
  for (const e of edits) {
    assert.ok(
      tokens.some((t) => e.start >= t.start && e.end <= t.end),
      `edit ${JSON.stringify(e)} touches ${JSON.stringify(text.slice(e.start, e.end))}, outside every renamed owner token`,
    );
  }
}

describe('property: renaming an owner', function () {
  this.timeout(60_000);

  it('changes only the owner tokens that named it, across generated workspaces', () => {
    const workspaceArb = fc.array(fileArb, { minLength: 1, maxLength: 4 }).chain((files) => {
      const texts = files.map(render);
      const used = [...new Set(texts.flatMap((t) => ownerUses(checkText(t)).map((u) => u.owner)))];
      return fc.record({ texts: fc.constant(texts), from: used.length > 0 ? fc.constantFrom(...used) : fc.constant('iam-team'), to: fc.constantFrom(...NEW_NAMES) });
    });
    fc.assert(
      fc.property(workspaceArb, ({ texts, from, to }) => {
        for (const text of texts) {
          const checked = checkText(text);
          const before = ownerUses(checked);
          const edits = renameOwnerEdits(text, checked, from, to);
          const renamed = before.filter((u) => sameOwner(u.owner, from));
          assertEditsInside(edits, renamed.map((u) => u.span), text);
          const after = applyEdits(text, edits);
          const uses = ownerUses(checkText(after));
          assert.equal(uses.length, before.length, `the renamed file has ${uses.length} owners, not ${before.length}:\n${after}`);
          uses.forEach((u, i) => assert.equal(u.owner, sameOwner(before[i]!.owner, from) ? to : before[i]!.owner, `owner ${i} of:\n${after}`));
          const renamedAfter = uses.filter((_, i) => sameOwner(before[i]!.owner, from)).map((u) => u.span);
          assert.deepEqual(outside(after, renamedAfter), outside(text, renamed.map((u) => u.span)), 'a byte outside the owner tokens changed');
        }
      }),
      params(40),
    );
  });

  it('renames a key or an alias of an owner directory and nothing else', () => {
    const written = fc.constantFrom<(s: string) => string>((s) => s, (s) => JSON.stringify(s), (s) => `'${s}'`);
    const names = fc.uniqueArray(fc.constantFrom('iam-team', 'platform-team', 'data', 'sre', 'ops', 'payments'), { minLength: 1, maxLength: 5 });
    const directoryArb = fc
      .record({ inline: fc.boolean(), keys: names, aliases: fc.array(fc.constantFrom('identity', 'iam', 'old-ops'), { maxLength: 2 }), style: written, comments: fc.boolean(), flow: fc.boolean() })
      .map(({ inline, keys, aliases, style, comments, flow }) => {
        const pad = inline ? '  ' : '';
        const note = comments ? '   # a team' : '';
        const lines = [comments ? '# the directory' : '', inline ? 'unknown-owner: warning\nowners:' : ''].filter(Boolean);
        keys.forEach((k, i) => {
          lines.push(`${pad}${style(k)}:${note}`, `${pad}  contact: ${k}@example.com`);
          const mine = i === 0 ? aliases : [];
          if (mine.length > 0) lines.push(flow ? `${pad}  aliases: [${mine.map(style).join(', ')}]` : `${pad}  aliases:\n${mine.map((a) => `${pad}    - ${style(a)}`).join('\n')}`);
        });
        return `${lines.join('\n')}\n`;
      });
    fc.assert(
      fc.property(directoryArb, fc.constantFrom(...NEW_NAMES), fc.nat(), (text, to, pick) => {
        const before = directoryNames(text);
        const from = before[pick % before.length]!.name;
        const edits = renameDirectoryEdits(text, from, to);
        const renamed = before.filter((n) => sameOwner(n.name, from));
        assertEditsInside(edits, renamed.map((n) => n.span), text);
        const after = applyEdits(text, edits);
        const names = directoryNames(after);
        assert.deepEqual(
          names.map((n) => n.kind),
          before.map((n) => n.kind),
        );
        names.forEach((n, i) => assert.equal(n.name, sameOwner(before[i]!.name, from) ? to : before[i]!.name, `name ${i} of:\n${after}`));
        const renamedAfter = names.filter((_, i) => sameOwner(before[i]!.name, from)).map((n) => n.span);
        assert.deepEqual(outside(after, renamedAfter), outside(text, renamed.map((n) => n.span)));
      }),
      params(200),
    );
  });
});
