/**
 * Runs the bundled CLI (dist/cli.js, built by `node scripts/build.mjs`) as a
 * user would, in throw-away folders.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { runCommandLine, type Io } from '../../server/src/cli/main';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const EXAMPLES = path.join(REPO, 'examples');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function assertBuilt(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node scripts/build.mjs\` first.`);
}

export interface SrmOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** Run as this user (needs root): how a test as root meets a file it may not read. */
  readonly user?: { readonly uid: number; readonly gid: number };
  /** The bundle to run (default dist/cli.js). */
  readonly cli?: string;
}

/** Runs `srm ARGS` in `cwd` with colour variables cleared unless `env` sets them. */
export function srm(args: readonly string[], options: SrmOptions = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  // Another user cannot write where c8 collects coverage, and Node always passes that folder on to children: give it one it can.
  if (options.user && env.NODE_V8_COVERAGE) env.NODE_V8_COVERAGE = writableByAnyone(tempDir());
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd ?? REPO,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
    // A report of a few hundred files (SARIF, an OSCAL SSP) is more than the default megabyte.
    maxBuffer: 64 * 1024 * 1024,
    ...(options.user ?? {}),
  };
  const result = spawnSync(process.execPath, [options.cli ?? CLI, ...args], spawnOptions);
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/**
 * Runs `srm ARGS` in this process, through the same entry point as the bundle
 * (usage errors become exit 2 and one line on stderr). `io` replaces parts of
 * the environment, such as the test seam `afterRead`.
 */
export async function srmInProcess(args: readonly string[], cwd: string, io: Partial<Io> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await runCommandLine(args, {
    cwd,
    env: {},
    stdoutIsTTY: false,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...io,
  });
  return { status, stdout, stderr };
}

const made: string[] = [];

/** A fresh folder holding the given files (text written as UTF-8, buffers as they are). */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-cli-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

function writableByAnyone(dir: string): string {
  fs.chmodSync(dir, 0o777);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function example(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
}

/** A complete PaaS declaration: no errors, no warnings. */
export const CLEAN = `workload: payments-api
model: paas
layers:
  data-classification:
    owner: data-governance
  endpoint-devices:
    owner: workplace-it
  identity-access:
    owner: iam-team
  applications:
    owner: payments-team
  runtime-middleware:
    owner: platform-team
    handoff: The provider patches the runtime; we pin the version.
`;

/** The clean declaration with its runtime entry lacking a handoff: one warning (SRM003), no error. */
export const ONE_WARNING = CLEAN.replace('    handoff: The provider patches the runtime; we pin the version.\n', '');

/** A SaaS declaration missing its identity entry: one error (SRM001). */
export const ONE_ERROR = `workload: crm
model: saas
layers:
  data-classification:
    owner: sales-ops
  endpoint-devices:
    owner: workplace-it
`;

/** The 1-based line/column region of a SARIF or JSON finding, cut out of the text. */
export function textOfRegion(text: string, r: { startLine: number; startColumn: number; endLine: number; endColumn: number }): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return text.slice(offset(r.startLine, r.startColumn), offset(r.endLine, r.endColumn));
}

/** The SARIF 2.1.0 schema that @microsoft/jest-sarif ships, compiled by Ajv (it is draft-04; its keywords are the same in draft-07). */
export function sarifValidator(): (log: unknown) => void {
  const file = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp off: one of the schema's patterns is not valid with the `u` flag.
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
  return (log: unknown) => assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

/** A SaaS declaration whose only problem is a spelling (`iam`), which --fix rewrites to `identity-access`. */
export const SPELLING = 'workload: crm\nmodel: saas\nlayers:\n  data-classification: {owner: sales-ops}\n  iam: {owner: iam-team}\n  endpoint-devices: {owner: it}\n';
export const SPELLING_FIXED = SPELLING.replace('  iam:', '  identity-access:');

/** The names in a folder, for asserting that a run left no temporary file behind. */
export function namesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
