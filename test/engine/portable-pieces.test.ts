/**
 * Report pieces made in an index worker cross to the server's thread without
 * their matrix and owner directory, and are restored there against the
 * file's environment: restored, they must be the pieces reportPiecesOf makes
 * in that environment (same matrix and directory objects, same workloads), or
 * nothing when that environment cannot tell.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtInEnvironment } from '../../server/src/core';
import { portablePieces, reportPiecesOf, restorePieces } from '../../server/src/core/report';
import { EnvironmentFinder } from '../../server/src/io/environments';
import { WORKSPACES, workspaceCases, workspaceFiles } from './workspaces';

/** Structured clone is what a worker's message does to the pieces. */
function acrossThreads<T>(value: T): T {
  return structuredClone(value);
}

describe('report pieces across threads (portablePieces, restorePieces)', () => {
  for (const name of workspaceCases()) {
    it(`restores every declaration of workspace ${name} as reportPiecesOf makes it there`, () => {
      const dir = path.join(WORKSPACES, name);
      const finder = new EnvironmentFinder({ stopAt: (d) => path.resolve(d) === path.resolve(dir) });
      const declarations = workspaceFiles(dir).filter((f) => /\.srm\.ya?ml$/.test(f));
      assert.ok(declarations.length > 0);
      for (const file of declarations) {
        const environment = finder.forFile(path.join(dir, file)).environment;
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const made = reportPiecesOf({ file, text, environment });
        // The worker names no file (the server's thread knows how the report names it).
        const restored = restorePieces(acrossThreads(portablePieces(reportPiecesOf({ file: '', text, environment }))), file, environment);
        assert.ok(restored, file);
        assert.deepEqual(restored, made, file);
        restored.built.forEach((b, i) => {
          assert.equal(b.matrix, made.built[i]!.matrix, `${file}: the environment's own matrix`);
          assert.equal(b.directory, made.built[i]!.directory, `${file}: the environment's own directory`);
        });
      }
    });
  }

  it('gives nothing back where the environment lacks the matrix a piece was made with', () => {
    const dir = path.join(WORKSPACES, 'org-matrix');
    const finder = new EnvironmentFinder({ stopAt: (d) => path.resolve(d) === path.resolve(dir) });
    const file = workspaceFiles(dir).find((f) => /\.srm\.ya?ml$/.test(f))!;
    const environment = finder.forFile(path.join(dir, file)).environment;
    const made = reportPiecesOf({ file, text: fs.readFileSync(path.join(dir, file), 'utf8'), environment });
    const custom = made.built.find((b) => !builtInEnvironment().registry.get(b.matrix.ref));
    assert.ok(custom, 'the fixture reports against a matrix of its own');
    assert.equal(restorePieces(portablePieces(made), file, builtInEnvironment()), undefined);
  });
});
