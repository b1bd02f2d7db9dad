/**
 * The first owner completion on a large workspace: how long it takes to
 * answer, how long until the answer is complete (the workspace index has read
 * every file), and what the server holds in memory after.
 *
 *   npm run build && npm run compile && node out/scripts/bench/owner-index.js [--files=20000] [--server=dist/server.js]
 *
 * The workspace is generated under the system's temporary folder (files of 1-3
 * declarations, scripts/bench/generate.ts) and kept between runs of the same
 * size. `--server` measures another build (e.g. an older one) on the same
 * workspace. Prints a small table; asserts nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DidOpenTextDocumentNotification, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol/node';
import { generateFile } from './generate';
import { LspSession, srmServer } from './lsp-client';
import { mib, table } from './stats';

const ROOT = path.resolve(__dirname, '../../..');

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
}

/** A workspace of `count` declaration files, 100 per folder. */
function workspace(count: number): string {
  const dir = path.join(os.tmpdir(), `srm-owner-index-${count}`);
  const done = path.join(dir, '.complete');
  if (existsSync(done)) return dir;
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `team-${String(Math.floor(i / 100)).padStart(4, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `workload-${i}.srm.yaml`), generateFile(1 + (i % 3), i).text);
  }
  writeFileSync(done, '');
  return dir;
}

function rss(pid: number): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Number(kb[1]) * 1024 : Number.NaN;
}

async function main(): Promise<void> {
  const count = Number(arg('files', '20000'));
  const server = path.resolve(ROOT, arg('server', 'dist/server.js'));
  const dir = workspace(count);
  const spec = srmServer(server);
  const session = await LspSession.start(spec, pathToFileURL(dir).href);
  try {
    const uri = pathToFileURL(path.join(dir, 'asking.srm.yaml')).href;
    const text = 'workload: w\nmodel: iaas\nlayers:\n  operating-system:\n    owner: \n';
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'srm', version: 1, text } });
    const ask = async (): Promise<{ ms: number; complete: boolean; owners: number }> => {
      const start = performance.now();
      const answer: CompletionList | CompletionItem[] | null = await session.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 4, character: '    owner: '.length },
      });
      const items = !answer ? [] : Array.isArray(answer) ? answer : answer.items;
      return { ms: performance.now() - start, complete: !answer || Array.isArray(answer) || !answer.isIncomplete, owners: items.length };
    };
    const began = performance.now();
    const first = await ask();
    let last = first;
    while (!last.complete) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      last = await ask();
    }
    const completeMs = performance.now() - began;
    const again = await ask();
    process.stdout.write(
      `${table(
        ['files', 'first answer ms', 'first complete', 'complete after ms', 'next answer ms', 'owners', 'peak RSS MiB', 'RSS after MiB'],
        [[String(count), first.ms.toFixed(0), String(first.complete), completeMs.toFixed(0), again.ms.toFixed(1), String(last.owners), mib(session.peakRss()), mib(rss(session.pid))]],
      )}\n`,
    );
  } finally {
    await session.stop();
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
