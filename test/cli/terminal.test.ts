/**
 * Stylish output goes to a terminal: control characters from the user's data
 * (keys quoted in messages, file names) must not reach it raw, or a file can
 * clear the screen, retitle the window or hide findings.
 */
import * as assert from 'node:assert/strict';
import { SPELLING, assertBuilt, removeTempDirs, srm, tempDir } from './helpers';

/** Every C0 and C1 control except the line feed that ends report lines, and DEL. */
// eslint-disable-next-line no-control-regex -- these are exactly what must not be printed
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- the colour codes srm itself prints
const SGR = /\u001b\[\d+m/g;

const HOSTILE_NAME = 'evil\u001b]0;pwned\u0007\u009b2J.srm.yaml';
/** A key holding ESC sequences, a NUL, BEL and a bidi override, written with YAML escapes: the file's bytes are plain text. */
const HOSTILE_KEY = SPELLING.replace('  endpoint-devices', '  "x\\e[2J\\e]0;title\\a\\0\\u202Ey": {owner: x}\n  endpoint-devices');

describe('srm check: stylish output escapes control characters', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  it('in messages that quote a key and in file names, without and with colour', () => {
    const dir = tempDir({ [HOSTILE_NAME]: HOSTILE_KEY });
    for (const colour of ['--no-color', '--color']) {
      const r = srm(['check', colour], { cwd: dir });
      assert.equal(r.status, 1, r.stdout);
      const printed = r.stdout.replace(SGR, '');
      assert.doesNotMatch(printed, RAW_CONTROL, `${colour}: ${JSON.stringify(printed)}`);
      assert.ok(printed.includes('evil\\u001b]0;pwned\\u0007\\u009b2J.srm.yaml\n'), printed);
      assert.ok(printed.includes('"x\\u001b[2J\\u001b]0;title\\u0007\\u0000\\u202ey"'), printed);
    }
  });

  it('in the list of fixed files', () => {
    const dir = tempDir({ [HOSTILE_NAME]: SPELLING });
    const r = srm(['check', '--fix'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.match(r.stdout, /^Fixed 1 file: evil\\u001b\]0;pwned\\u0007\\u009b2J\.srm\.yaml$/m);
  });

  it('on stderr, in a usage error that names a path', () => {
    // ESC c resets the terminal; no glob characters, so the path is read as a file name.
    const r = srm(['check', 'missing\u001bc.srm.yaml'], { cwd: tempDir() });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'srm: cannot read missing\\u001bc.srm.yaml: no such file or directory.\n');
  });

  it('json keeps the data as it is (JSON escapes it)', () => {
    const dir = tempDir({ [HOSTILE_NAME]: HOSTILE_KEY });
    const r = srm(['check', '--format', 'json'], { cwd: dir });
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { message: string }[] }[] };
    assert.equal(report.files[0]!.path, HOSTILE_NAME);
    assert.ok(report.files[0]!.diagnostics.some((d) => d.message.includes('"x\u001b[2J\u001b]0;title\u0007\u0000\u202Ey"')));
  });
});
