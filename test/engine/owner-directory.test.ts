/** The owner directory's answers: the same from a directory that has answered many questions before as from a fresh one. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { OwnerDirectory, type OwnerEntry } from '../../server/src/core';

const entry = (name: string, aliases: readonly string[]): OwnerEntry => ({ name, aliases, layers: [], uri: '/srm.config.yaml', span: { start: 0, end: 0 } });

/** Short names over few letters, so that a name often has several owners close to it. */
const ownerName = fc.stringMatching(/^[a-d][a-d-]{1,6}$/);
const directoryOf = fc.array(fc.tuple(ownerName, fc.array(ownerName, { maxLength: 2 })), { minLength: 1, maxLength: 8 }).map((xs) => xs.map(([n, a]) => entry(n, a)));
/** Owners as people mistype them, each asked with a number of suggestions wanted: directory names with a letter changed, dropped or added, and unrelated names. */
const askedOf = (entries: readonly OwnerEntry[]) =>
  fc.array(
    fc.tuple(
      fc.oneof(
      ownerName,
        fc.tuple(fc.constantFrom(...entries.flatMap((e) => [e.name, ...e.aliases])), fc.nat(12), fc.constantFrom('', 'x', 'e')).map(([n, at, c]) => n.slice(0, at) + c + n.slice(at + 1)),
      ),
      fc.integer({ min: 1, max: 4 }),
    ),
    { minLength: 1, maxLength: 40 },
  );

describe('owner directory', () => {
  it('suggests the same owners for a name asked again, in between other names, as a fresh directory does', () => {
    fc.assert(
      fc.property(
        directoryOf.chain((entries) => fc.tuple(fc.constant(entries), askedOf(entries))),
        ([entries, asked]) => {
          const used = new OwnerDirectory(entries);
          for (const round of [1, 2]) {
            for (const [name, max] of asked) {
              assert.deepEqual(used.suggest(name, max), new OwnerDirectory(entries).suggest(name, max), `round ${round}, ${JSON.stringify(name)}`);
              assert.deepEqual(used.lookup(name), new OwnerDirectory(entries).lookup(name));
            }
          }
        },
      ),
    );
  });

  it('keeps its answers right past the number of names it remembers, and a caller cannot change them', () => {
    const entries = [entry('iam-team', ['identity-team']), entry('platform-team', [])];
    const directory = new OwnerDirectory(entries);
    const first = directory.suggest('iam-tem');
    assert.deepEqual(first.map((e) => e.name), ['iam-team']);
    first.length = 0;
    for (let i = 0; i < 3000; i++) directory.suggest(`owner-${i}`);
    assert.deepEqual(directory.suggest('iam-tem').map((e) => e.name), ['iam-team']);
    assert.deepEqual(directory.suggest('platfrom-team').map((e) => e.name), ['platform-team']);
  });
});
