/**
 * Helpers for the tests of what users install: the npm package built by
 * scripts/package-npm.mjs (the script behind `npm run package:npm`), npm run
 * with no way to reach a registry, and a one-package registry on localhost for
 * the paths that fetch the package by name (the GitHub Action, pre-commit).
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PACKAGE_NAME = '@srm-tools/srm';
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

const temps: string[] = [];

/** A fresh folder (its real path: macOS and some CI machines link the temp folder), removed by `removeTemps`. */
export function tempDir(prefix: string, files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `srm-${prefix}-`)));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

let tarball: string | undefined;

/**
 * The package's tarball, built once per test run by the same script as
 * `npm run package:npm` (about a second), into a folder of its own: the tests
 * always see the current sources, and never race a tarball in the repository.
 */
export function npmTarball(): string {
  if (tarball) return tarball;
  // Shared by every suite of the run, so not one of the temps a suite removes.
  const out = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'srm-npm-pack-')));
  process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  const printed = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package-npm.mjs'), '--out-dir', out], { cwd: ROOT, encoding: 'utf8', env: npmFreeEnv() });
  tarball = printed.trim().split('\n').at(-1)!;
  if (!fs.existsSync(tarball)) throw new Error(`package-npm.mjs printed ${printed}, which is not a file`);
  return tarball;
}

/** The environment without what `npm run` exports (npm_config_*, npm_package_*): each npm below starts from its defaults. */
function npmFreeEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

/**
 * npm cut off from every registry: offline, with an empty cache of its own and
 * a registry address nothing answers on. Whatever succeeds here needed no network.
 */
export function offlineNpmEnv(cache = tempDir('npm-cache')): NodeJS.ProcessEnv {
  return {
    ...npmFreeEnv(),
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_cache: cache,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
}

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): Ran {
  const r: SpawnSyncReturns<string> = spawnSync(command, args, { cwd: options.cwd, env: options.env, encoding: 'utf8', timeout: options.timeout ?? 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `run` without blocking: what a command that talks to a server in this process (serveTarball) needs. */
export function runAsync(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took over ${options.timeout ?? 60_000} ms\n${stdout}\n${stderr}`));
    }, options.timeout ?? 60_000);
    child.on('error', (err) => (clearTimeout(timer), reject(err)));
    child.on('close', (status) => (clearTimeout(timer), resolve({ status, stdout, stderr })));
  });
}

/** A failure message showing what a command printed. */
export function shown(r: Ran): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** A project with nothing but a package.json, as a user's repository starts. */
export function emptyProject(files: Record<string, string> = {}): string {
  return tempDir('project', { 'package.json': JSON.stringify({ name: 'a-project', version: '1.0.0', private: true }, null, 2) + '\n', ...files });
}

export interface LocalRegistry {
  /** The registry's address, for npm_config_registry. */
  readonly url: string;
  /** Every path asked for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * A registry on localhost holding one package, the tarball given, as the npm
 * registry would serve it once published: what `npx --yes @srm-tools/srm@x`
 * fetches, without the network.
 */
export async function serveTarball(file: string): Promise<LocalRegistry> {
  const bytes = fs.readFileSync(file);
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' }));
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url ?? '');
    requests.push(url);
    if (url === `/${manifest.name}`) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(packument()));
    } else if (url === '/tarball.tgz') {
      res.setHeader('content-type', 'application/octet-stream');
      res.end(bytes);
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  function packument() {
    const dist = {
      tarball: `${url}tarball.tgz`,
      integrity: `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`,
      shasum: crypto.createHash('sha1').update(bytes).digest('hex'),
    };
    return { name: manifest.name, 'dist-tags': { latest: manifest.version }, versions: { [manifest.version]: { ...manifest, dist } } };
  }
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** npm with the local registry as its only registry (online, so that it asks it), and an empty cache. */
export function localRegistryEnv(registry: LocalRegistry, cache = tempDir('npm-cache')): NodeJS.ProcessEnv {
  return { ...offlineNpmEnv(cache), npm_config_offline: 'false', npm_config_registry: registry.url };
}
