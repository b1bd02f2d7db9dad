import type { FileFindings } from '../files/data-file';
import { configBadExtends, configMissingFile } from '../rules/config-file-rules';
import { mergeConfig, readConfigFile, readOwnersFile, type ConfigDraft, type LoadedConfig, type OwnerEntry } from './config';

/**
 * What the core needs from an adapter to read a configuration: file texts, and
 * how a path relative to a file becomes another file's address. The node
 * adapter reads the disk; a browser has no disk and gives no configuration.
 */
export interface ConfigHost {
  /** The text of a file, or undefined when it cannot be read. */
  read(uri: string): string | undefined;
  /** The address of `relative`, written in the file at `from`. */
  resolve(from: string, relative: string): string;
}

/**
 * Loads the configuration file at `uri`, the files it extends (nearest first,
 * a cycle or a missing file reported where it is named) and its owner file.
 */
export function loadConfig(uri: string, host: ConfigHost, knownCodes: readonly string[]): LoadedConfig {
  const chain: ConfigDraft[] = [];
  const reports: { uri: string; findings: FileFindings }[] = [];
  const seen = new Set<string>();
  let next: string | undefined = uri;
  let via: { findings: FileFindings; draft: ConfigDraft } | undefined;
  while (next !== undefined) {
    if (seen.has(next)) {
      via!.findings.report(configBadExtends, `extends: ${via!.draft.extends!.path} leads back to a configuration already on the way: a cycle.`, via!.draft.extends!.span);
      break;
    }
    seen.add(next);
    const text = host.read(next);
    if (text === undefined) {
      if (via) via.findings.report(configMissingFile, `extends: ${via.draft.extends!.path} cannot be read (${next}).`, via.draft.extends!.span);
      break;
    }
    const { draft, findings } = readConfigFile(next, text, knownCodes);
    chain.push(draft);
    reports.push({ uri: next, findings });
    via = { findings, draft };
    next = draft.extends ? host.resolve(next, draft.extends.path) : undefined;
  }
  let owners: readonly OwnerEntry[] | undefined;
  const ownersAt = chain.findIndex((d) => d.owners !== undefined);
  const ownersDraft = chain[ownersAt]?.owners;
  if (ownersDraft && 'file' in ownersDraft) {
    const file = host.resolve(ownersDraft.file.from, ownersDraft.file.path);
    const text = host.read(file);
    if (text === undefined) {
      reports[ownersAt]!.findings.report(configMissingFile, `owners: ${ownersDraft.file.path} cannot be read (${file}).`, ownersDraft.file.span);
      // A directory nobody can read is no directory: every owner unknown would bury the one finding that matters.
      owners = undefined;
    } else {
      const read = readOwnersFile(file, text);
      owners = read.entries;
      reports.push({ uri: file, findings: read.findings });
    }
  }
  return { config: mergeConfig(chain, owners), files: reports.map((r) => ({ uri: r.uri, diagnostics: r.findings.diagnostics })) };
}
