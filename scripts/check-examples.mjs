// Checks the shipped examples with the bundled CLI, as a user would run it, and
// holds them to what they are for: examples/gaps.srm.yaml must fail (it shows
// the gaps the checker finds) and every other example must be clean (no errors
// or warnings; hints are fine). Then `srm discover examples/terraform` shows its
// one undeclared workload (the declared one is claimed by its declaration).
// Exits non-zero when the examples rot.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const GAPS = 'examples/gaps.srm.yaml';
const TERRAFORM = 'examples/terraform';
const UNDECLARED = ['aws_instance.reports'];

// 1. The report a person reads, exactly as `srm check examples` prints it.
const shown = spawnSync(process.execPath, [cli, 'check', 'examples'], { cwd: root, stdio: 'inherit' });

// 2. The same check as JSON, to judge each file.
const judged = spawnSync(process.execPath, [cli, 'check', 'examples', '--format', 'json'], { cwd: root, encoding: 'utf8' });

let report;
try {
  report = JSON.parse(judged.stdout);
} catch {
  report = undefined;
}

const problems = [];
if (shown.status !== 1) problems.push(`srm check examples exited with ${shown.status ?? shown.signal}, expected 1 (gaps found)`);
if (!report) {
  problems.push(`srm check examples --format json printed no JSON report (exit ${judged.status}): ${judged.stderr.trim()}`);
} else {
  const gaps = report.files.find((f) => f.path === GAPS);
  if (!gaps) problems.push(`${GAPS} was not checked`);
  else if (gaps.errorCount === 0) problems.push(`${GAPS} has no errors, but it is meant to show them`);
  const others = report.files.filter((f) => f.path !== GAPS);
  if (others.length === 0) problems.push('there are no clean examples besides the gaps example');
  for (const f of others) {
    if (f.errorCount > 0 || f.warningCount > 0) problems.push(`${f.path} should be clean but has ${f.errorCount} errors and ${f.warningCount} warnings`);
  }
}

// 3. Discovery on the Terraform example: shown, then judged.
// From inside the folder: discovery reads the declarations below the current folder too, and the repository's test fixtures are not the example's.
console.log(`\n$ cd ${TERRAFORM} && srm discover`);
const discovered = spawnSync(process.execPath, [cli, 'discover'], { cwd: path.join(root, TERRAFORM), stdio: 'inherit' });
const discoveredJson = spawnSync(process.execPath, [cli, 'discover', '--format', 'json'], { cwd: path.join(root, TERRAFORM), encoding: 'utf8' });
let discovery;
try {
  discovery = JSON.parse(discoveredJson.stdout);
} catch {
  discovery = undefined;
}
if (discovered.status !== 1) problems.push(`srm discover ${TERRAFORM} exited with ${discovered.status ?? discovered.signal}, expected 1 (an undeclared workload)`);
const found = discovery ? discovery.undeclared.map((u) => u.address) : [];
if (JSON.stringify(found) !== JSON.stringify(UNDECLARED)) problems.push(`srm discover ${TERRAFORM} found ${JSON.stringify(found)} undeclared, expected ${JSON.stringify(UNDECLARED)}`);
if (discovery && discovery.summary.claimedCount === 0) problems.push(`no resource of ${TERRAFORM} is claimed by its declaration`);

if (problems.length === 0) {
  const gaps = report.files.find((f) => f.path === GAPS);
  console.log(
    `check-examples: OK — the failure above is intended: ${GAPS} shows ${gaps.errorCount} errors and ${gaps.warningCount} warnings, ` +
      `and the other ${report.files.length - 1} examples are clean; ${TERRAFORM} has ${discovery.summary.claimedCount} declared resources and ${UNDECLARED.length} undeclared workload (intended).`,
  );
  process.exit(0);
}
console.log(`check-examples: FAILED — ${problems.join('; ')}.`);
process.exit(1);
