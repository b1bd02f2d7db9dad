/**
 * The browser's stand-in for package-info.ts (scripts/build.mjs resolves a
 * `.browser.ts` sibling first in the web worker bundle): a worker has no disk
 * to find package.json on, so the build writes the fields it needs into the
 * bundle as SRM_PACKAGE (esbuild's `define`).
 */
import type { PackageInfo } from './package-info';

export type { PackageInfo } from './package-info';

declare const SRM_PACKAGE: { readonly name: string; readonly version: string; readonly homepage: string };

export function packageInfo(): PackageInfo {
  return { name: SRM_PACKAGE.name, version: SRM_PACKAGE.version, informationUri: SRM_PACKAGE.homepage };
}
