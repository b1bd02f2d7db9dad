import { builtInEnvironment, type CheckEnvironment } from '../core';
import type { FoundEnvironment } from '../io/environments';

/*
 * environments.ts for the server in a web worker: no disk to find an
 * srm.config.yaml or matrix files on, so every document gets the built-in
 * environment (the built-in matrices, the default configuration).
 */

export class LspEnvironments {
  generation = 0;

  setFolders(_uris: readonly string[]): void {
    this.forget();
  }

  found(_uri: string): FoundEnvironment | undefined {
    return undefined;
  }

  environment(_uri: string): CheckEnvironment {
    return builtInEnvironment();
  }

  all(): readonly FoundEnvironment[] {
    return [];
  }

  dependsOn(_uri: string): boolean {
    return false;
  }

  forget(): void {
    this.generation++;
  }
}
