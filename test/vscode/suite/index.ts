/*
 * Entry of the extension-host integration suite: VS Code (code-server through
 * test/e2e/run-extension-host-tests.ts, or desktop VS Code through
 * @vscode/test-electron in test/vscode/run-electron.ts) loads this module in
 * its extension host and awaits `run()`; a rejection fails the run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files that must run first: activation is only observable before any SRM file was opened. */
const FIRST = ['activation.test.js'];

export function run(): Promise<void> {
  // Mocha 12 is an ES module; require() hands back its namespace.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('mocha');
  const Mocha = (loaded.default ?? loaded) as typeof import('mocha');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  const rank = (file: string): number => (FIRST.includes(file) ? FIRST.indexOf(file) : FIRST.length);
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
