/** Usage errors that used to come out as internal errors or say the wrong thing. */
import * as assert from 'node:assert/strict';
import { CLEAN, assertBuilt, removeTempDirs, srm, tempDir } from './helpers';

describe('srm check: usage errors', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('a glob that is not a valid pattern is a usage error that names it', () => {
    const dir = tempDir({ 'a.srm.yaml': CLEAN });
    for (const glob of ['[z-a].srm.yaml', 'sub/**/[9-0]*.srm.yaml']) {
      const r = srm(['check', glob], { cwd: dir });
      assert.equal(r.status, 2, glob);
      assert.equal(r.stdout, '');
      assert.doesNotMatch(r.stderr, /internal error/);
      assert.ok(r.stderr.startsWith(`srm: invalid glob ${glob}: `) && r.stderr.endsWith('\n') && r.stderr.split('\n').length === 2, r.stderr);
    }
    assert.equal(srm(['check', '[z-a].srm.yaml'], { cwd: dir }).stderr, 'srm: invalid glob [z-a].srm.yaml: the range z-a runs backwards (write a-z).\n');
  });

  it('--max-warnings with a negative number says it must be 0 or more', () => {
    const dir = tempDir({ 'a.srm.yaml': CLEAN });
    for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
      const r = srm(['check', ...args], { cwd: dir });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'srm: --max-warnings must be 0 or more, not -1.\n', args.join(' '));
    }
    assert.equal(srm(['check', '--max-warnings', '-x'], { cwd: dir }).stderr, 'srm: --max-warnings needs a value.\n', 'an option after it is still an option');
  });
});
