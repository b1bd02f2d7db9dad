/**
 * What the server writes to stdout is a sequence of LSP frames and nothing
 * else: `Content-Length: N` (N the body's length in UTF-8 bytes), a blank
 * line, then exactly N bytes of JSON, whatever the size of the message and
 * whatever the characters in it. The server writes several messages at once
 * (a publish's diagnostics and status together); each must still arrive
 * whole, and in the order it was sent.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspClient, REPO, SERVER, untitled } from './client';

/** Names that take 2, 3 and 4 UTF-8 bytes per character (the last ones two UTF-16 units), and a combining accent. */
const NAMES = ['paiement-ünïcode', '支付-服务', 'équipe-😀-🔐', 'cafe\u0301-🚀'];

/** A declaration whose unknown layer key is quoted back in a finding's message. */
function declaration(i: number): string {
  const name = `${NAMES[i % NAMES.length]}-${i}`;
  return [
    `workload: ${name}`,
    'model: paas',
    `description: Données « ${name} » — 日本語 𝄞`,
    'layers:',
    '  data-classification:',
    `    owner: équipe-données-${i}`,
    `  identité-${name}:`,
    '    owner: 身份团队',
    '',
  ].join('\n');
}

interface Frame {
  readonly bytes: number;
  readonly message: { id?: number | string | null; method?: string; params?: unknown; result?: unknown };
}

/**
 * Reads the output as frames, strictly: anything that is not a frame, or a body of the wrong length, fails.
 * `whole`: the output is complete; otherwise a frame still arriving at its end is left out.
 */
function frames(output: Buffer, whole = true): Frame[] {
  const out: Frame[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at < output.length; ) {
    const headerEnd = output.indexOf('\r\n\r\n', at);
    if (!whole && (headerEnd < 0 || headerEnd + 4 + Number(/(\d+)$/.exec(output.subarray(at, headerEnd).toString('latin1'))?.[1]) > output.length)) break;
    assert.ok(headerEnd > at, `a header at byte ${at}`);
    const header = output.subarray(at, headerEnd).toString('latin1');
    const length = /^Content-Length: (\d+)$/.exec(header);
    assert.ok(length, `the header at byte ${at} is only a Content-Length: ${JSON.stringify(header.slice(0, 80))}`);
    const start = headerEnd + 4;
    const end = start + Number(length[1]);
    assert.ok(end <= output.length, `the body at byte ${start} has all its ${length[1]} bytes`);
    const body = decoder.decode(output.subarray(start, end));
    assert.equal(body.at(-1), '}', `the body at byte ${start} ends where its length says`);
    out.push({ bytes: end - start, message: JSON.parse(body) as Frame['message'] });
    at = end;
  }
  return out;
}

describe('LSP: framing of what the server writes', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('sends large and non-ASCII messages whole and in order, every byte of stdout in a frame', async () => {
    client = await LspClient.start({ keepRawOutput: true });
    const mark = client.mark();
    // One large file (its diagnostics far beyond a pipe's buffer) and small ones, opened without waiting.
    const large = untitled('large-ünïcode.srm.yaml');
    const largeText = Array.from({ length: 400 }, (_, i) => declaration(i)).join('---\n');
    const small = NAMES.map((n, i) => ({ uri: untitled(`small-${i}-${n}.srm.yaml`), text: declaration(i) }));
    await client.open(large, largeText);
    for (const s of small) await client.open(s.uri, s.text);
    // Type non-ASCII characters into a small file one at a time, without waiting: publishes in quick succession.
    const typed = small[2]!.uri;
    let at = client.positionOf(typed, 'description: ', 'description: '.length);
    for (const ch of ['é', '😀', '支', '\u0301', '𝄞']) {
      await client.change(typed, { range: { start: at, end: at }, newText: ch });
      at = { line: at.line, character: at.character + ch.length };
    }
    const last = client.version(typed);
    for (const s of [large, ...small.map((x) => x.uri)]) await client.waitFor(`a status for ${s}`, () => client!.statuses(s).find((st) => st.version === client!.version(s)), 30_000);

    // Replies with non-ASCII content: the outline names each workload.
    const symbols = await client.documentSymbols(large);
    assert.deepEqual(
      symbols.map((s) => s.name),
      Array.from({ length: 400 }, (_, i) => `${NAMES[i % NAMES.length]}-${i}`),
    );
    const hover = await client.hover(typed, client.positionOf(typed, 'data-classification', 2));
    assert.ok(hover, 'a hover on a layer key');

    // Every byte of stdout is in a frame, and the frames are what the connection received, in the same order.
    const sent = frames(client.rawOutput());
    const notified = sent.filter((f) => f.message.method === 'textDocument/publishDiagnostics' || f.message.method === 'srm/fileStatus').map((f) => f.message.params);
    const received = client.since(mark).flatMap((r) => (r.kind === 'diagnostics' || r.kind === 'status' ? [r.params] : []));
    assert.ok(notified.length >= received.length, `${notified.length} notifications written, ${received.length} received`);
    assert.deepEqual(notified.slice(0, received.length), received);
    assert.ok(Math.max(...sent.map((f) => f.bytes)) > 256 * 1024, `a message of more than 256 KiB: ${Math.max(...sent.map((f) => f.bytes))} bytes`);

    // The findings quote the non-ASCII keys exactly: the client decoded every character.
    const diagnostics = client.latestDiagnostics(large)!.diagnostics;
    const quoted = diagnostics.map((d) => ({ severity: d.severity, text: typeof d.message === 'string' ? d.message : d.message.value }))
      .filter((d) => d.severity === DiagnosticSeverity.Error && /is not a layer/.test(d.text))
      .map((d) => /^"([^"]+)"/.exec(d.text)?.[1]);
    assert.deepEqual(
      quoted,
      Array.from({ length: 400 }, (_, i) => `identité-${NAMES[i % NAMES.length]}-${i}`),
    );
    // Each publish is followed by its status: the diagnostics and the status of one check, in that order.
    const ofTyped = sent.filter((f) => (f.message.params as { uri?: string } | undefined)?.uri === typed).map((f) => `${f.message.method} ${(f.message.params as { version: number }).version}`);
    assert.ok(ofTyped.length >= 2 && ofTyped.length % 2 === 0, ofTyped.join(', '));
    for (let i = 0; i < ofTyped.length; i += 2) assert.equal(ofTyped[i + 1]!.replace('srm/fileStatus', 'textDocument/publishDiagnostics'), ofTyped[i], ofTyped.join(', '));
    assert.equal(ofTyped.at(-1), `srm/fileStatus ${last}`);
  });

  it('exits when stdin closes: 1 without shutdown, 0 after it', async () => {
    for (const shutdown of [false, true]) {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
      const output: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => void output.push(chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const send = (message: object) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
        child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
      };
      const answered = async (id: number) => {
        const deadline = Date.now() + 10_000;
        while (!frames(Buffer.concat(output), false).some((f) => f.message.id === id)) {
          assert.ok(Date.now() < deadline, `an answer to request ${id}`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      await answered(1);
      if (shutdown) {
        send({ id: 2, method: 'shutdown' });
        await answered(2);
      }
      child.stdin.end();
      assert.equal(await exited, shutdown ? 0 : 1, shutdown ? 'after shutdown' : 'without shutdown');
    }
  });
});
