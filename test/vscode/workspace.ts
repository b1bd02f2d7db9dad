/*
 * The workspace the extension-host suite (test/vscode/suite) opens: a scratch
 * folder holding copies of a few fixtures, so that nothing the suite edits,
 * saves or creates ever touches the repository.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: the nearest folder up from this file with a package.json and a tsconfig.json. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'tsconfig.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${__dirname}`);
  }
}

/** Fixtures the suite reads from its workspace root, by repository path. */
export const SUITE_FIXTURES: readonly string[] = [
  'examples/gaps.srm.yaml',
  'examples/payments-api.srm.yaml',
  'test/fixtures/engine/rules/srm001-missing-customer-layer.srm.yaml',
  'test/fixtures/engine/rules/srm006-provider-layer-entry.srm.yaml',
];

/** The compiled suite entry (exports `run()`). */
export function suiteEntry(): string {
  return path.join(repoRoot(), 'out/test/vscode/suite/index.js');
}

/**
 * Creates `<parent>/srm-suite-workspace-XXXX/` with the fixtures at its root
 * and returns its path. `parent` defaults to the OS temp folder.
 */
export function createSuiteWorkspace(parent = os.tmpdir()): string {
  const root = repoRoot();
  fs.mkdirSync(parent, { recursive: true });
  const workspace = fs.mkdtempSync(path.join(parent, 'srm-suite-workspace-'));
  for (const fixture of SUITE_FIXTURES) fs.copyFileSync(path.join(root, fixture), path.join(workspace, path.basename(fixture)));
  return workspace;
}
