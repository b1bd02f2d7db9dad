/**
 * `srm discover [paths]`: the workload resources in Terraform and
 * CloudFormation below the paths that no declaration claims, with file:line,
 * the inferred service and model, and why; `--write` proposes their
 * declarations. The engine is core/iac; this file reads the disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultMatrixOf } from '../core';
import { proposeDeclarations } from '../core/iac';
import { toCorePath, toNative } from '../io/iac-fs';
import { findDeclarationFiles, readLinkedDeclarations, resolveLinksOnDisk } from '../io/iac-links';
import { cliEnvironments, refuseBrokenConfigurations } from './environment';
import { styleFor, wantsColour } from './colour';
import type { DiscoverArgs } from './discover-args';
import { formatDiscoveryJson, formatDiscoverySarif, formatDiscoveryStylish } from './discover-format';
import { describeDiscovery, type DiscoveryResult, type ProposalItem } from './discover-report';
import { CliError, describeSystemError } from './errors';
import { displayPathOf } from './check';
import type { Io } from './main';
import { packageInfo } from './package-info';

export async function runDiscover(args: DiscoverArgs, io: Io): Promise<number> {
  const roots = (args.paths.length ? args.paths : ['.']).map((p) => {
    const native = path.resolve(io.cwd, p);
    if (!fs.existsSync(native)) throw new CliError(`cannot read ${p}: no such file or directory.`);
    return toCorePath(native);
  });
  const environments = cliEnvironments(io.cwd, args.config);
  const declarationFiles = findDeclarationFiles([...roots, toCorePath(io.cwd)]);
  const declarations = declarationFiles.flatMap((file) => readLinkedDeclarations(file));
  // Proposals go beside the IaC they are for: the configuration there decides their matrix.
  const matrixOf = (file: string) => defaultMatrixOf(environments.forFile(toNative(file)).environment);
  const { inventory, report } = await resolveLinksOnDisk(declarations, { roots, scope: roots });
  refuseBrokenConfigurations(environments.all(), io.cwd, 'discovered');
  const display = (absolute: string) => displayPathOf(toNative(absolute), io.cwd);
  const described = describeDiscovery(report, inventory, matrixOf, display, declarations.filter((d) => d.links.length > 0).length);

  let proposals: ProposalItem[] = [];
  if (args.write) {
    const written = proposeDeclarations(report.undeclared, matrixOf, inventory.files, args.group);
    refuseBrokenConfigurations(environments.all(), io.cwd, 'written');
    proposals = written.map((p) => {
      const absolute = `${p.folder}/${p.fileName}`;
      const item = { file: display(absolute), absolutePath: absolute, workload: p.workload, resources: p.resources.map((r) => r.instance.address) };
      try {
        // `wx`: never overwrite a file that is there, even one created since the look.
        fs.writeFileSync(toNative(absolute), p.text, { flag: 'wx' });
        return { ...item, written: true };
      } catch (err) {
        const why = (err as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists; it was left as it is' : describeSystemError(err);
        return { ...item, written: false, skipped: why };
      }
    });
  }
  const result: DiscoveryResult = { ...described, proposals };
  const output = render(args, io, result);
  if (args.output !== undefined) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, args.output), output);
    } catch (err) {
      throw new CliError(`cannot write ${args.output}: ${describeSystemError(err)}.`);
    }
  } else {
    io.stdout(output);
  }
  if (!args.write) return result.undeclared.length > 0 ? 1 : 0;
  // Written: every undeclared workload now has a declaration to fill in, unless a file was in the way.
  return proposals.every((p) => p.written) ? 0 : 1;
}

function render(args: DiscoverArgs, io: Io, result: DiscoveryResult): string {
  switch (args.format) {
    case 'json':
      return formatDiscoveryJson(result, packageInfo().version);
    case 'sarif':
      return formatDiscoverySarif(result, packageInfo(), io.cwd);
    case 'stylish': {
      const colour = args.output === undefined && wantsColour(args.color, io.env, io.stdoutIsTTY);
      return formatDiscoveryStylish(result, styleFor(colour), args.write);
    }
  }
}

/** Every declaration below the roots, each once, sorted. */
