/**
 * The GitHub Action, run locally as a runner runs it: action.yml's step, its
 * `run` line and its env mapping of the inputs evaluated as GitHub would,
 * GITHUB_ACTION_PATH at this repository, GITHUB_OUTPUT and RUNNER_TEMP in a
 * temporary folder, and the npm registry replaced by one on localhost serving
 * the package's tarball (what `npx` fetches once the version is published).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkText } from '../../server/src/core';
import { localRegistryEnv, npmTarball, PACKAGE_NAME, removeTemps, ROOT, runAsync, serveTarball, shown, tempDir, VERSION, type LocalRegistry, type Ran } from './npm-package';

interface ActionStep {
  id: string;
  shell: string;
  run: string;
  env: Record<string, string>;
}

const ACTION = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
const GAPS = fs.readFileSync(path.join(ROOT, 'examples', 'gaps.srm.yaml'), 'utf8');
const CLEAN = fs.readFileSync(path.join(ROOT, 'examples', 'payments-api.srm.yaml'), 'utf8');
/** A declaration whose one finding is a warning (SRM003: a shared layer without handoff). */
const WARNING_ONLY = CLEAN.replace(/\n\s*handoff:.*\n/, '\n');

function theStep(): ActionStep {
  assert.equal(ACTION.runs.using, 'composite');
  assert.equal(ACTION.runs.steps.length, 1, 'one step: the script');
  return ACTION.runs.steps[0];
}

/** The step's env as GitHub evaluates it: each `${{ inputs.x }}` is the input given, else its default. */
function stepEnv(inputs: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(inputs)) assert.ok(ACTION.inputs[name], `action.yml has an input ${name}`);
  return Object.fromEntries(
    Object.entries(theStep().env).map(([key, value]) => {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
      assert.ok(input, `${key} is passed an input, not ${value}`);
      return [key, inputs[input] ?? String(ACTION.inputs[input].default ?? '')];
    }),
  );
}

function outputs(file: string): Record<string, string> {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return Object.fromEntries(text.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('the GitHub Action (action.yml, action/run.sh)', function () {
  this.timeout(60_000);
  let registry: LocalRegistry;
  let cache: string;

  before(async function () {
    registry = await serveTarball(npmTarball());
    cache = tempDir('action-npm-cache');
  });
  after(async function () {
    await registry?.close();
    removeTemps();
  });

  /** One run of the action's step in a fresh workspace holding `files` (with the suite's npm cache unless given one). */
  async function runAction(files: Record<string, string>, inputs: Record<string, string> = {}, npmCache = cache): Promise<Ran & { outputs: Record<string, string>; runnerTemp: string; workspace: string }> {
    const workspace = tempDir('action-workspace', files);
    const runnerTemp = tempDir('action-runner-temp');
    const githubOutput = path.join(runnerTemp, 'github-output');
    const step = theStep();
    assert.equal(step.shell, 'bash');
    const env = { ...localRegistryEnv(registry, npmCache), ...stepEnv(inputs), GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: githubOutput, RUNNER_TEMP: runnerTemp };
    const r = await runAsync('bash', ['-c', step.run], { cwd: workspace, env });
    return { ...r, outputs: outputs(githubOutput), runnerTemp, workspace };
  }

  it('declares the inputs paths, format, max-warnings and the output sarif-file, and passes every input to the script', function () {
    for (const name of ['paths', 'format', 'max-warnings']) assert.ok(ACTION.inputs[name]?.description, `input ${name}`);
    assert.equal(ACTION.outputs['sarif-file'].value, `\${{ steps.${theStep().id}.outputs.sarif-file }}`);
    const passed = Object.values(theStep().env).map((v) => /inputs\.([\w-]+)/.exec(v)?.[1]);
    assert.deepEqual(passed.sort(), Object.keys(ACTION.inputs).sort());
  });

  it('is used in the README as it is declared: its inputs, its output and the upload-sarif step', function () {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n(# \.github\/workflows\/srm\.yml\n[\s\S]*?)```/.exec(readme);
    assert.ok(block, 'the README has a workflow under "In CI"');
    const steps: { id?: string; uses?: string; if?: string; with?: Record<string, unknown> }[] = parse(block[1]!).jobs.srm.steps;
    const srm = steps.find((s) => s.uses?.startsWith('srm-tools/srm-tools@'));
    assert.ok(srm?.id, 'the workflow runs the action with an id');
    assert.equal(srm.uses, `srm-tools/srm-tools@v${VERSION}`);
    for (const name of Object.keys(srm.with ?? {})) assert.ok(ACTION.inputs[name], `action.yml has the input ${name} the README uses`);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'the workflow uploads the SARIF');
    assert.equal(upload.with?.sarif_file, `\${{ steps.${srm.id}.outputs.sarif-file }}`);
    assert.match(upload.if ?? '', /failure\(\)/, 'the upload runs when srm fails the job');
  });

  it('fails on a declaration with gaps, prints the findings and writes them as SARIF, with srm from the npm package of its version', async function () {
    // An empty npm cache, as on a fresh runner: npx must fetch the package.
    const r = await runAction({ 'infra/gaps.srm.yaml': GAPS, 'infra/payments.srm.yaml': CLEAN }, {}, tempDir('fresh-npm-cache'));
    assert.equal(r.status, 1, shown(r));
    const expected = checkText(GAPS).diagnostics.map((d) => d.code).sort();
    assert.match(r.stdout, /^infra\/gaps\.srm\.yaml$/m);
    assert.deepEqual([...r.stdout.matchAll(/ {2}(SRM\d{3})$/gm)].map((m) => m[1]).sort(), expected);

    assert.equal(r.outputs['sarif-file'], path.join(r.runnerTemp, 'srm.sarif'));
    const sarif = JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] = sarif.runs[0].results;
    assert.deepEqual(results.map((x) => x.ruleId).sort(), expected);
    assert.deepEqual([...new Set(results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri))], ['infra/gaps.srm.yaml'], 'paths relative to the workspace, as upload-sarif resolves them');

    assert.ok(registry.requests.includes(`/${PACKAGE_NAME}`) && registry.requests.includes('/tarball.tgz'), `npx fetched the package: ${registry.requests.join(', ')}`);
    assert.doesNotMatch(fs.readdirSync(r.workspace).join(','), /sarif|node_modules|package/, 'the workspace is left as it was');
  });

  it('passes on clean declarations, checking only the paths given (one per line, spaces kept)', async function () {
    const r = await runAction({ 'a team/payments.srm.yaml': CLEAN, 'other/gaps.srm.yaml': GAPS }, { paths: 'a team/payments.srm.yaml\n' });
    assert.equal(r.status, 0, shown(r));
    assert.match(r.stdout, /1 file checked, no problems/);
    assert.deepEqual(JSON.parse(fs.readFileSync(r.outputs['sarif-file']!, 'utf8')).runs[0].results, []);
  });

  it('takes several paths separated by spaces', async function () {
    const r = await runAction({ 'a/one.srm.yaml': CLEAN, 'b/two.srm.yaml': CLEAN, 'c/gaps.srm.yaml': GAPS }, { paths: 'a b' });
    assert.equal(r.status, 0, shown(r));
    assert.match(r.stdout, /2 files checked, no problems/);
  });

  it('fails on warnings only above max-warnings, and prints the format asked for', async function () {
    const files = { 'w.srm.yaml': WARNING_ONLY };
    const lenient = await runAction(files, { format: 'json' });
    assert.equal(lenient.status, 0, shown(lenient));
    const report = JSON.parse(lenient.stdout.slice(lenient.stdout.indexOf('{')));
    assert.deepEqual(report.files[0].diagnostics.map((d: { code: string }) => d.code), ['SRM003']);
    const strict = await runAction(files, { 'max-warnings': '0' });
    assert.equal(strict.status, 1, shown(strict));
    assert.match(strict.stdout, /Too many warnings: 1, the maximum is 0/);
    assert.ok(fs.existsSync(strict.outputs['sarif-file']!), 'the SARIF file is written when the step fails');
  });

  it('exits 2 with srm\'s message on a bad input', async function () {
    const r = await runAction({ 'a.srm.yaml': CLEAN }, { 'max-warnings': 'many' });
    assert.equal(r.status, 2, shown(r));
    assert.match(r.stderr, /--max-warnings takes a whole number/);
    assert.equal(r.outputs['sarif-file'], undefined);
  });

  it('exits 2 with an error annotation when the version asked for is not on the registry', async function () {
    const r = await runAction({ 'a.srm.yaml': CLEAN }, { version: '99.0.0' });
    assert.equal(r.status, 2, shown(r));
    assert.match(r.stdout, /^::error title=srm::could not run @srm-tools\/srm@99\.0\.0 from the npm registry/m);
    assert.equal(r.outputs['sarif-file'], undefined);
  });
});
