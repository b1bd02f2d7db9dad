/**
 * The browser's stand-in for package-info.ts (scripts/build.mjs resolves a
 * `.browser.ts` sibling first in the web worker bundle): a worker has no disk
 * to find package.json on, so the bundle carries the fields it needs.
 */
import pkg from '../../../package.json';

export type { PackageInfo } from './package-info';
import type { PackageInfo } from './package-info';

export function packageInfo(): PackageInfo {
  return {
    name: pkg.name,
    version: pkg.version,
    informationUri: pkg.homepage ?? `https://marketplace.visualstudio.com/items?itemName=${pkg.publisher}.${pkg.name}`,
  };
}
