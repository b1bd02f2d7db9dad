/** Workspace fixtures (test/fixtures/workspaces): where they are, their files, and what each file gets. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Checker, type Diagnostic } from '../../server/src/core';
import { EnvironmentFinder } from '../../server/src/io/environments';
import { REPO_ROOT } from './helpers';

export const WORKSPACES = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces');

/** The files of a workspace fixture that can hold expectations, relative to it. */
export function workspaceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (/\.(ya?ml)$/.test(e.name)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

export function workspaceCases(): string[] {
  return fs.readdirSync(WORKSPACES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** Every finding each file of a workspace gets: declarations checked, matrix and configuration files judged. */
export function workspaceFindings(dir: string): Map<string, readonly Diagnostic[]> {
  const finder = new EnvironmentFinder({ stopAt: (d) => path.resolve(d) === path.resolve(dir) });
  const out = new Map<string, readonly Diagnostic[]>();
  for (const rel of workspaceFiles(dir)) {
    const file = path.join(dir, rel);
    if (/\.srm\.ya?ml$/.test(rel)) out.set(rel, new Checker({ environment: finder.forFile(file).environment }).check(fs.readFileSync(file, 'utf8')).diagnostics);
  }
  for (const found of finder.all()) {
    for (const m of found.matrixFiles) out.set(path.relative(dir, m).split(path.sep).join('/'), found.environment.registry.diagnosticsFor(m));
    for (const c of found.configFiles) out.set(path.relative(dir, c.path).split(path.sep).join('/'), c.diagnostics);
  }
  return out;
}

