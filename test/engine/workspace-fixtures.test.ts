/**
 * Workspace fixtures: folders under test/fixtures/workspaces, each a small
 * repository with its own srm.config.yaml, matrix files and declarations. Each
 * folder is read as the CLI and the editor read one (the nearest configuration,
 * its matrices), and every file of it must produce exactly the findings its
 * `# expect` comments name (test/fixtures/engine/README.md): declarations as
 * checked under their environment, matrix files and configuration files with
 * the findings about themselves.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../../server/src/core';
import { describeExpectation, matchExpectations, parseExpectations } from './expectations';
import { assertSpanInText, assertWellFormedFix, describeFindings } from './helpers';
import { WORKSPACES, workspaceCases, workspaceFiles, workspaceFindings } from './workspaces';

describe('workspace fixtures (inline expectations)', () => {
  const cases = workspaceCases();
  it('finds the workspaces', () => {
    assert.ok(cases.length >= 3, `only ${cases.length} workspace fixtures`);
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = path.join(WORKSPACES, name);
      let findings = new Map<string, readonly Diagnostic[]>();
      // Reading Terraform loads a WebAssembly parser: generous on a loaded machine.
      before(async function () {
        this.timeout(30_000);
        findings = await workspaceFindings(dir);
      });
      for (const rel of workspaceFiles(dir)) {
        it(`${rel}: exactly the expected findings`, () => {
          const text = fs.readFileSync(path.join(dir, rel), 'utf8');
          const expectations = parseExpectations(text);
          const found = findings.get(rel);
          if (found === undefined) {
            assert.deepEqual(expectations, [], `${rel} is neither a declaration nor a file the configuration reads, but expects findings`);
            return;
          }
          for (const d of found) {
            assertSpanInText(text, d);
            for (const f of d.fixes) assertWellFormedFix(text, f, d.code);
          }
          const { unexpected, missing } = matchExpectations(text, found, expectations);
          if (unexpected.length || missing.length) {
            assert.fail(`${name}/${rel}:\nunexpected findings:\n${describeFindings(text, unexpected)}\nexpected but not found:\n${missing.map(describeExpectation).join('\n') || '  (none)'}\nall findings:\n${describeFindings(text, found)}`);
          }
        });
      }
    });
  }
});
