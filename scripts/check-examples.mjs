// Checks the shipped examples with the bundled CLI, as a user would run it, and
// holds them to what they are for: examples/gaps.srm.yaml must fail (it shows
// the gaps the checker finds) and every other example must be clean (no errors
// or warnings; hints are fine). Exits non-zero when the examples rot.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const GAPS = 'examples/gaps.srm.yaml';

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

if (problems.length === 0) {
  const gaps = report.files.find((f) => f.path === GAPS);
  console.log(
    `check-examples: OK — the failure above is intended: ${GAPS} shows ${gaps.errorCount} errors and ${gaps.warningCount} warnings, ` +
      `and the other ${report.files.length - 1} examples are clean.`,
  );
  process.exit(0);
}
console.log(`check-examples: FAILED — ${problems.join('; ')}.`);
process.exit(1);
