/** `--output` may never name a file the run reads: the report would replace the declaration. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ONE_ERROR, assertBuilt, removeTempDirs, srm, tempDir } from './helpers';

describe('srm check --output: never over an input', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('refuses an output that is one of the files checked, however it is spelled, and writes nothing', () => {
    const dir = tempDir({ 'a.srm.yaml': ONE_ERROR, 'sub/b.srm.yaml': ONE_ERROR });
    fs.symlinkSync('a.srm.yaml', path.join(dir, 'link-to-a.txt'));
    fs.linkSync(path.join(dir, 'sub', 'b.srm.yaml'), path.join(dir, 'hard-link-to-b.txt'));
    const cases: [string[], string][] = [
      [['a.srm.yaml', '-o', 'a.srm.yaml'], 'a.srm.yaml'],
      [['.', '--output', './sub/../a.srm.yaml'], 'a.srm.yaml'],
      [['--fix', 'sub/b.srm.yaml', `--output=${path.join(dir, 'sub', 'b.srm.yaml')}`], 'sub/b.srm.yaml'],
      [['a.srm.yaml', '-o', 'link-to-a.txt'], 'a.srm.yaml'],
      [['sub', '--format', 'json', '-o', 'hard-link-to-b.txt'], 'sub/b.srm.yaml'],
      [['**/*.srm.yaml', '-o', 'sub/b.srm.yaml'], 'sub/b.srm.yaml'],
    ];
    for (const [args, input] of cases) {
      const r = srm(['check', ...args], { cwd: dir });
      const output = args.find((_, i) => args[i - 1] === '-o' || args[i - 1] === '--output') ?? args.find((a) => a.startsWith('--output='))!.slice('--output='.length);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `srm: --output ${output} is ${input}, one of the files being checked; write the report to another file.\n`, args.join(' '));
      assert.equal(fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'), ONE_ERROR);
      assert.equal(fs.readFileSync(path.join(dir, 'sub', 'b.srm.yaml'), 'utf8'), ONE_ERROR);
    }
  });

  it('still writes a report beside the inputs', () => {
    const dir = tempDir({ 'a.srm.yaml': ONE_ERROR });
    const r = srm(['check', 'a.srm.yaml', '-o', 'a.srm.report.txt'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'a.srm.report.txt'), 'utf8'), /SRM001/);
  });
});
