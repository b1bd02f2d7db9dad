// Runs the CI-sized fuzz test (out/test/engine/fuzz.test.js) as shards in
// parallel processes, one per core (at most FUZZ_SHARDS, default 2): the run is
// bound by its count of mutations, and on CI's two cores two shards halve its
// wall time. Shard k checks FUZZ_CASES / shards cases from seed FUZZ_SEED + k,
// and prints that seed, so any failure replays alone with
//   FUZZ_SEED=<seed> FUZZ_CASES=<cases> npx mocha out/test/engine/fuzz.test.js
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const TOTAL_CASES = Number(process.env.FUZZ_CASES ?? 25_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const shards = Math.max(1, Math.min(Number(process.env.FUZZ_SHARDS ?? 2), availableParallelism()));
const mocha = fileURLToPath(new URL('../../node_modules/mocha/bin/mocha.js', import.meta.url));
const test = fileURLToPath(new URL('../../out/test/engine/fuzz.test.js', import.meta.url));

function runShard(index) {
  const cases = Math.floor(TOTAL_CASES / shards) + (index < TOTAL_CASES % shards ? 1 : 0);
  const env = { ...process.env, FUZZ_SEED: String(SEED + index), FUZZ_CASES: String(cases) };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mocha, test], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ index, code, output }));
  });
}

const results = await Promise.all(Array.from({ length: shards }, (_, index) => runShard(index)));
for (const { index, output } of results) process.stdout.write(`--- fuzz shard ${index + 1} of ${shards}\n${output}`);
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  console.error(`fuzz: ${failed.length} of ${shards} shards failed`);
  process.exit(1);
}
console.log(`fuzz: ${TOTAL_CASES} cases in ${shards} shards passed`);
