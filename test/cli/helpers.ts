/**
 * Runs the bundled CLI (dist/cli.js, built by `node scripts/build.mjs`) as a
 * user would, in throw-away folders.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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

/** Runs `srm ARGS` in `cwd` with colour variables cleared unless `env` sets them. */
export function srm(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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
