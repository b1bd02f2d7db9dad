/**
 * Shared by the discovery tests: the real Terraform parser (web-tree-sitter
 * and the grammar's wasm, as the CLI loads them), the fixtures and their
 * markers, and an in-memory file system.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IacFile, IacFileSystem, TerraformParser } from '../../server/src/core/iac';
import { LineIndex } from '../../server/src/core/text/line-index';
import { toCorePath } from '../../server/src/io/iac-fs';
import { loadTerraformParser } from '../../server/src/io/tree-sitter';
import { REPO_ROOT } from './helpers';

export const IAC_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'iac');
/** The fixtures folder as the core names it. */
export const IAC_ROOT = toCorePath(IAC_FIXTURES);

let parser: TerraformParser | undefined;

/** Call from a `before` hook: loads web-tree-sitter once per process. */
export async function terraformParser(): Promise<TerraformParser> {
  return (parser ??= await loadTerraformParser());
}

export function fixtureText(relative: string): string {
  return fs.readFileSync(path.join(IAC_FIXTURES, relative), 'utf8');
}

export function fixturePath(relative: string): string {
  return `${IAC_ROOT}/${relative}`;
}

/** What a fixture's markers expect, as sorted `line: thing` strings. */
export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /(?:#|\/\/|\/\*)\s*expect:\s*(.*?)\s*(?:\*\/)?\s*$/.exec(line);
    if (!m) return;
    for (const token of m[1]!.match(/\w+\([^)]*\)|\w+/g) ?? []) out.push(`${i + 1}: ${token}`);
  });
  return out.sort();
}

/** What a parsed file holds, in the markers' words. */
export function foundMarkers(file: IacFile): string[] {
  const lines = new LineIndex(file.text);
  const line = (offset: number) => lines.position(offset).line;
  const name = (type: string, n: string) => (file.kind === 'terraform' ? `${type}.${n}` : n);
  return [
    ...file.resources.map((r) => `${line(r.headerSpan.start)}: resource(${name(r.type, r.name)}${r.multiInstance ? ` ${r.multiInstance}` : ''})`),
    ...file.modules.map((m) => `${line(m.headerSpan.start)}: module(${m.name})`),
    ...file.diagnostics.map((d) => `${line(d.span.start)}: error`),
  ].sort();
}

export function assertWithin(file: IacFile): void {
  for (const s of [...file.resources.flatMap((r) => [r.span, r.headerSpan]), ...file.modules.map((m) => m.headerSpan), ...file.diagnostics.map((d) => d.span)]) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= file.text.length, `span ${s.start}-${s.end} outside a text of ${file.text.length}`);
  }
}

/** An in-memory file system: `/`-paths to text; folders are implied by the files. */
export function memoryFs(files: Record<string, string>): IacFileSystem {
  const norm = (p: string) => (p.endsWith('/') && p !== '/' ? p.slice(0, -1) : p);
  const paths = Object.keys(files);
  const isDir = (p: string) => paths.some((f) => f.startsWith(`${norm(p) === '/' ? '' : norm(p)}/`));
  return {
    read: (f) => files[f],
    kind: (p) => (files[p] !== undefined ? 'file' : isDir(p) ? 'dir' : undefined),
    list: (dir) => {
      if (!isDir(dir)) return undefined;
      const prefix = `${norm(dir) === '/' ? '' : norm(dir)}/`;
      const entries = new Map<string, 'file' | 'dir'>();
      for (const f of paths.filter((p) => p.startsWith(prefix))) {
        const rest = f.slice(prefix.length);
        const slash = rest.indexOf('/');
        entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'dir');
      }
      return [...entries].map(([name, kind]) => ({ name, kind }));
    },
  };
}

/** The first item, which the test needs to exist. */
export function first<T>(items: readonly T[]): T {
  assert.ok(items.length > 0, 'expected at least one item');
  return items[0]!;
}
