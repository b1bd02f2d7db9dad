/**
 * Edit → diagnostics on an open Terraform file (issue 10's target: p95 ≤ 20 ms):
 * the language server from dist/, examples/terraform/main.tf opened as the
 * editor sends it, then edits that add and remove a comment line at the end,
 * each timed from the didChange to the publish that answers it. The first
 * publish (which loads the parser's WebAssembly) is reported apart.
 *
 *   npm run build && npx tsc -p . && node out/scripts/bench/iac-edit.js [--edits=200]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspSession, srmServer } from './lsp-client';
import { ms, percentile } from './stats';

const ROOT = path.join(__dirname, '..', '..', '..');

export interface IacEditResult {
  readonly firstMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly edits: number;
}

export async function benchIacEdit(edits: number): Promise<IacEditResult> {
  const spec = srmServer(path.join(ROOT, 'dist/server.js'), 'terraform');
  const folder = path.join(ROOT, 'examples', 'terraform');
  const file = path.join(folder, 'main.tf');
  const uri = pathToFileURL(file).toString();
  const text = readFileSync(file, 'utf8');
  const session = await LspSession.start(spec, pathToFileURL(folder).toString());
  try {
    const opened = performance.now();
    const first = session.nextDiagnostics(uri);
    await session.open(uri, text);
    const firstMs = (await first).at - opened;
    const lines = text.split('\n').length - 1;
    const end = { line: lines, character: 0 };
    const times: number[] = [];
    for (let version = 2; version < edits + 2; version++) {
      const add = version % 2 === 0;
      const published = session.nextDiagnostics(uri);
      const sent = performance.now();
      await session.change(uri, version, add ? { start: end, end } : { start: end, end: { line: lines + 1, character: 0 } }, add ? '# edit\n' : '');
      times.push((await published).at - sent);
    }
    return { firstMs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), edits };
  } finally {
    await session.stop();
  }
}

if (require.main === module) {
  const arg = process.argv.find((a) => a.startsWith('--edits='));
  void benchIacEdit(arg ? Number(arg.slice('--edits='.length)) : 200).then((r) => {
    process.stdout.write(`Terraform edit → diagnostics (examples/terraform/main.tf, ${r.edits} edits): first publish ${ms(r.firstMs)} ms, p50 ${ms(r.p50Ms)} ms, p95 ${ms(r.p95Ms)} ms (target p95 ≤ 20 ms: ${r.p95Ms <= 20 ? 'met' : 'missed'})\n`);
  });
}
