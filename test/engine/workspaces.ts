/** Workspace fixtures (test/fixtures/workspaces): where they are, their files, and what each file gets. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Checker, defaultMatrixOf, type Diagnostic } from '../../server/src/core';
import { iacFileFindings } from '../../server/src/core/iac';
import { EnvironmentFinder } from '../../server/src/io/environments';
import { toCorePath, toNative } from '../../server/src/io/iac-fs';
import { linkedDeclarations, resolveLinksOnDisk } from '../../server/src/io/iac-links';
import { REPO_ROOT } from './helpers';

export const WORKSPACES = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces');

/** The files of a workspace fixture that can hold expectations, relative to it. */
export function workspaceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (/\.(ya?ml|tf|json)$/.test(e.name)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

export function workspaceCases(): string[] {
  return fs.readdirSync(WORKSPACES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/**
 * Every finding each file of a workspace gets: declarations checked with what
 * their `iac:` links resolve to, Terraform and CloudFormation files with their
 * undeclared workloads, matrix and configuration files judged.
 */
export async function workspaceFindings(dir: string): Promise<Map<string, readonly Diagnostic[]>> {
  const finder = new EnvironmentFinder({ stopAt: (d) => path.resolve(d) === path.resolve(dir) });
  const out = new Map<string, readonly Diagnostic[]>();
  const declarations = workspaceFiles(dir).filter((rel) => /\.srm\.ya?ml$/.test(rel));
  const texts = new Map(declarations.map((rel) => [rel, fs.readFileSync(path.join(dir, rel), 'utf8')]));
  const linked = declarations.flatMap((rel) => linkedDeclarations(path.join(dir, rel), texts.get(rel)!));
  const holdsIac = workspaceFiles(dir).some((rel) => rel.endsWith('.tf')) || linked.length > 0;
  const resolved = holdsIac ? await resolveLinksOnDisk(linked, { roots: [toCorePath(dir)] }) : undefined;
  for (const rel of declarations) {
    const file = path.join(dir, rel);
    const iac = resolved?.viewOf(file);
    out.set(rel, new Checker({ environment: finder.forFile(file).environment, ...(iac ? { iac } : {}) }).check(texts.get(rel)!).diagnostics);
  }
  if (resolved) {
    const matrixOf = (file: string) => defaultMatrixOf(finder.forFile(toNative(file)).environment);
    for (const [file, found] of iacFileFindings(resolved.report, resolved.inventory, matrixOf)) out.set(path.relative(dir, toNative(file)).split(path.sep).join('/'), found);
  }
  for (const found of finder.all()) {
    for (const m of found.matrixFiles) out.set(path.relative(dir, m).split(path.sep).join('/'), found.environment.registry.diagnosticsFor(m));
    for (const c of found.configFiles) out.set(path.relative(dir, c.path).split(path.sep).join('/'), c.diagnostics);
  }
  return out;
}

