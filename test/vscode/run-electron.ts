/*
 * Runs the extension-host suite (test/vscode/suite) in desktop VS Code through
 * @vscode/test-electron: `npm run test:vscode`, after `npm run package` (dist/)
 * and `npx tsc -p .` (out/).
 *
 * @vscode/test-electron downloads VS Code first, which needs the VS Code update
 * service; machines without it fail here with a message saying so. The same
 * suite runs in code-server without any download: `npm run test:e2e`
 * (test/e2e/extension-host.test.ts).
 *
 * Environment:
 *   VSCODE_EXECUTABLE_PATH  a VS Code (or Insiders) executable to use instead of downloading one
 *   VSCODE_TEST_VERSION     the version to download: 'stable' (default), 'insiders' or e.g. '1.100.3'
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { createSuiteWorkspace, repoRoot, suiteEntry } from './workspace';

function log(message: string): void {
  process.stdout.write(`[test:vscode] ${message}\n`);
}

function fail(message: string): number {
  process.stderr.write(`[test:vscode] ${message}\n`);
  return 1;
}

/** A VS Code executable: the one given, else a downloaded one; undefined (after saying why) when none can be had. */
async function vscodeExecutable(): Promise<string | undefined> {
  const given = process.env.VSCODE_EXECUTABLE_PATH;
  if (given) {
    if (!fs.existsSync(given)) {
      fail(`VSCODE_EXECUTABLE_PATH=${given} does not exist.`);
      return undefined;
    }
    return given;
  }
  const version = process.env.VSCODE_TEST_VERSION ?? 'stable';
  try {
    return await downloadAndUnzipVSCode({ version, extensionDevelopmentPath: repoRoot() });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(
      [
        `Could not download VS Code (${version}) for @vscode/test-electron:`,
        `  ${reason.split('\n').join('\n  ')}`,
        'This machine cannot reach the VS Code download service, so the suite cannot run in desktop VS Code here.',
        'Either:',
        '  - run the same suite in code-server, which needs no download: npm run test:e2e',
        '    (test/e2e/extension-host.test.ts; code-server is installed by scripts/e2e/install-code-server.sh), or',
        '  - point VSCODE_EXECUTABLE_PATH at an installed VS Code and run npm run test:vscode again.',
      ].join('\n'),
    );
    return undefined;
  }
}

async function main(): Promise<number> {
  const root = repoRoot();
  for (const needed of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(root, needed))) return fail(`${needed} is missing: run npm run package first.`);
  }
  if (!fs.existsSync(suiteEntry())) return fail(`${suiteEntry()} is missing: run npx tsc -p . first.`);

  const vscodeExecutablePath = await vscodeExecutable();
  if (!vscodeExecutablePath) return 1;

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-test-electron-'));
  try {
    const workspace = createSuiteWorkspace(scratch);
    log(`VS Code: ${vscodeExecutablePath}`);
    log(`workspace: ${workspace}`);
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: suiteEntry(),
      launchArgs: [workspace, '--disable-extensions'],
    });
    log(`suite passed (exit code ${code})`);
    return code;
  } catch (error) {
    if (error instanceof TestRunFailedError) {
      return fail(`the suite failed in VS Code (exit code ${error.code ?? '?'}${error.signal ? `, signal ${error.signal}` : ''}); its output is above.`);
    }
    return fail(`could not run the suite in VS Code: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(fail(String(error))),
);
