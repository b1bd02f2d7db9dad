import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** Where to read about the tool: the package's homepage, else its Marketplace page. */
  readonly informationUri: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  publisher?: string;
  homepage?: string;
}

/** The extension (the repository and the VSIX) and the npm package of the CLI and server (packages/npm). */
const OUR_NAMES = new Set(['srm-tools', '@srm-tools/srm']);

let cached: PackageInfo | undefined;

/**
 * Our package.json, found above this script: `dist/cli.js` sits one folder
 * below it in the repository, in the VSIX and in an install of the npm package.
 */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let pkg: PackageJson = {};
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    try {
      const parsed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (parsed.name !== undefined && OUR_NAMES.has(parsed.name)) {
        pkg = parsed;
        break;
      }
    } catch {
      // not here: look one folder up
    }
  }
  const name = pkg.name ?? 'srm-tools';
  return (cached = {
    name,
    version: pkg.version ?? '0.0.0',
    informationUri: pkg.homepage ?? `https://marketplace.visualstudio.com/items?itemName=${pkg.publisher ?? 'srm-tools'}.${name}`,
  });
}
