/*
 * Runs the extension-host integration suite (test/vscode/suite, compiled to
 * out/test/vscode/suite/index.js) in code-server's real extension host through
 * run-extension-host-tests.js, with this repository as the extension under
 * development (its dist/ must be built) and a scratch workspace holding copies
 * of a few fixtures. The suite's output is streamed as it comes.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSuiteWorkspace, repoRoot, suiteEntry } from '../vscode/workspace';

const RUNNER = path.join(__dirname, 'run-extension-host-tests.js');
/** How long the suite may take inside the runner; mocha's own timeout for this test is above it. */
const SUITE_TIMEOUT_MS = 150_000;

describe('extension-host integration suite in code-server', function () {
  this.timeout(SUITE_TIMEOUT_MS + 30_000);
  let scratch: string | undefined;
  let child: ChildProcess | undefined;

  after(async () => {
    // Only if mocha gave up on the test first: the runner stops code-server and Chromium on SIGTERM.
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('passes (run-extension-host-tests.js exits 0)', async () => {
    const root = repoRoot();
    for (const built of ['dist/extension.js', 'dist/server.js']) {
      assert.ok(fs.existsSync(path.join(root, built)), `${built} is missing: build the extension first (npm run package)`);
    }
    assert.ok(fs.existsSync(suiteEntry()), `${suiteEntry()} is missing: compile the tests first (npx tsc -p .)`);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-ext-host-'));
    const workspace = createSuiteWorkspace(scratch);

    let output = '';
    child = spawn(
      process.execPath,
      [RUNNER, '--extension', root, '--tests', suiteEntry(), '--workspace', workspace, '--timeout', String(SUITE_TIMEOUT_MS)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const forward = (chunk: Buffer, to: NodeJS.WriteStream): void => {
      const text = chunk.toString('utf8');
      output += text;
      // Indented under mocha's own line, as it arrives.
      to.write(text.replace(/^(?=.)/gm, '      | '));
    };
    child.stdout?.on('data', (chunk: Buffer) => forward(chunk, process.stdout));
    child.stderr?.on('data', (chunk: Buffer) => forward(chunk, process.stderr));
    const code = await new Promise<number | null>((resolve, reject) => {
      child?.once('error', reject);
      child?.once('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : null)));
    });

    assert.equal(code, 0, 'run-extension-host-tests.js exit code (see the suite output above)');
    // Mocha colours its output when CI asks for colour: read the text without the escape codes.
    // eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC
    output = output.replace(/\u001b\[[0-9;]*m/g, '');
    const passing = /(\d+) passing/.exec(output);
    assert.ok(passing && Number(passing[1]) >= 12, `the suite ran its tests (found "${passing?.[0] ?? 'no passing line'}")`);
    assert.doesNotMatch(output, /\d+ failing/);
    assert.match(output, /✔ is not active in a fresh window before an SRM file is opened/);
  });
});
