import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME, builtInEnvironment, type CheckEnvironment } from '../core';
import { EnvironmentFinder, type FoundEnvironment } from '../io/environments';

/**
 * The environment of each document the server checks: as the CLI finds it
 * (the nearest `srm.config.yaml`, its matrices), except that the search stops
 * at the workspace folder. Documents that are not files (untitled, virtual)
 * get the built-in environment.
 */
export class LspEnvironments {
  private folders: string[] = [];
  private finder = this.newFinder();
  /** Bumped whenever environments are rebuilt, so anything cached against them can tell. */
  generation = 0;

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map((u) => URI.parse(u).fsPath);
    this.forget();
  }

  /** The environment and the files it comes from; undefined for a document that is not a file. */
  found(uri: string): FoundEnvironment | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? this.finder.forFile(parsed.fsPath) : undefined;
  }

  environment(uri: string): CheckEnvironment {
    return this.found(uri)?.environment ?? builtInEnvironment();
  }

  /** Every environment built so far. */
  all(): readonly FoundEnvironment[] {
    return this.finder.all();
  }

  /**
   * Whether a change to this file can change an environment: a configuration
   * file, a matrix file (a new one may match a pattern), or a file an
   * environment was read from (an owner file).
   */
  dependsOn(uri: string): boolean {
    const file = URI.parse(uri).fsPath;
    const name = path.basename(file);
    return name === CONFIG_FILE_NAME || /\.srm-matrix\.ya?ml$/i.test(name) || this.finder.all().some((e) => e.dependencies.has(file));
  }

  /** A configuration or matrix file changed: everything is found again on next use. */
  forget(): void {
    this.finder = this.newFinder();
    this.generation++;
  }

  private newFinder(): EnvironmentFinder {
    return new EnvironmentFinder({
      stopAt: (dir) => this.folders.some((f) => samePath(f, dir)),
    });
  }
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

