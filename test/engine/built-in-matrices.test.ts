/**
 * The built-in matrices ship compiled (builtin/generated.ts: read and resolved
 * at build time). What ships must be exactly what their texts state when read
 * as any matrix file is, and a registry built from the compiled ones must
 * behave as one built from the texts, user files beside them included.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MatrixRegistry } from '../../server/src/core';
import { BUILT_IN_MATRICES } from '../../server/src/core/matrix/builtin/generated';
import { compileBuiltIns } from '../../scripts/contributions/built-in-matrices';
import { REPO_ROOT } from './helpers';

const SOURCES = BUILT_IN_MATRICES.map((b) => ({ uri: b.uri, text: b.text }));

describe('built-in matrices, compiled at build time', () => {
  it('ship the texts of the *.matrix.yaml files beside them', () => {
    const dir = path.join(REPO_ROOT, 'server', 'src', 'core', 'matrix', 'builtin');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.matrix.yaml')).sort();
    assert.deepEqual(BUILT_IN_MATRICES.map((b) => b.file), files);
    for (const b of BUILT_IN_MATRICES) assert.equal(b.text, fs.readFileSync(path.join(dir, b.file), 'utf8').replace(/\r\n/g, '\n'), b.file);
  });

  it('are the matrices their texts state, read and resolved as any matrix file, without a finding', () => {
    const { registry, findings } = MatrixRegistry.fromBuiltInSources(SOURCES);
    for (const s of SOURCES) assert.deepEqual(findings.get(s.uri), [], `${s.uri} reads without findings`);
    assert.deepEqual(MatrixRegistry.builtIn().entries, registry.entries);
    assert.ok(registry.entries.length >= 2 && registry.entries.every((e) => e.index && e.origin.kind === 'built-in'));
  });

  it('resolve user files beside them as the texts do: extends, duplicates, unknown bases', () => {
    const files = [
      { uri: '/org/same.srm-matrix.yaml', text: 'matrix: same\nversion: "1"\ntitle: Same\nsource: {url: https://example.com/same}\nextends: reference@1\n' },
      { uri: '/org/newest.srm-matrix.yaml', text: 'matrix: newest\nversion: "1"\ntitle: Newest\nsource: {url: https://example.com/n}\nextends: azure\nnot-listed:\n  extra: a note\n' },
      { uri: '/org/again.srm-matrix.yaml', text: 'matrix: reference\nversion: "1"\ntitle: Again\nsource: {url: https://example.com/a}\nextends: azure@2026-01\n' },
      { uri: '/org/nowhere.srm-matrix.yaml', text: 'matrix: nowhere\nversion: "1"\ntitle: Nowhere\nsource: {url: https://example.com/x}\nextends: referance@1\n' },
    ];
    const compiled = MatrixRegistry.from(files);
    // The same files beside the built-ins read from their texts: what the registry did before they were compiled.
    const { registry: fromTexts } = MatrixRegistry.fromBuiltInSources(SOURCES, files);
    assert.deepEqual(compiled.entries, fromTexts.entries);
    for (const f of files) assert.deepEqual(compiled.diagnosticsFor(f.uri), fromTexts.diagnosticsFor(f.uri), f.uri);
    assert.deepEqual(compiled.fileUris, fromTexts.fileUris);
    for (const written of ['reference', 'azure', 'same@1', 'nowhere', 'referance@1']) assert.deepEqual(compiled.resolve(written), fromTexts.resolve(written), written);
    // The files above take each path: a base that is built in, by id and version or by id alone, a duplicate, an unknown base.
    assert.ok(compiled.get('same@1')?.index, 'extends a built-in');
    assert.deepEqual(compiled.get('same@1')!.index!.matrix.layers, compiled.get('reference@1')!.index!.matrix.layers);
    assert.ok(compiled.get('newest@1')?.index, 'extends a built-in by its id alone');
    assert.equal(compiled.get('newest@1')!.index!.matrix.notListed.extra, 'a note');
    assert.match(compiled.diagnosticsFor('/org/again.srm-matrix.yaml').map((d) => d.message).join('\n'), /reference@1 is also defined by the built-in matrix/);
    assert.equal(compiled.get('reference@1')!.origin.kind, 'built-in', 'the built-in keeps its place');
    assert.match(compiled.diagnosticsFor('/org/nowhere.srm-matrix.yaml').map((d) => d.message).join('\n'), /names no matrix the checker knows\. Did you mean reference@1\?/);
  });

  it('are written by the generator from the files as they are now', () => {
    const { builtIns } = compileBuiltIns(REPO_ROOT);
    assert.deepEqual(builtIns, BUILT_IN_MATRICES);
  });
});
