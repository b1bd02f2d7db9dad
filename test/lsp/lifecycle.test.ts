/**
 * The end of a session as LSP orders it: after `shutdown` the server refuses
 * every request with InvalidRequest (-32600), ignores every notification but
 * `exit`, and sends nothing of its own: no diagnostics, no status, no
 * progress, no requests, even while a workspace scan was running.
 */
import * as assert from 'node:assert/strict';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { LayerStackRequest } from '../../protocol/requests';
import { fileUri, LspClient, removeTempWorkspaces, tempWorkspace, untitled } from './client';
import { PAAS_WITH_GAPS } from './texts';

async function refused(what: string, request: Promise<unknown>): Promise<void> {
  await assert.rejects(request, (err: { code?: number; message?: string }) => {
    assert.equal(err.code, ErrorCodes.InvalidRequest, `${what} is refused with InvalidRequest, not ${err.code}: ${err.message}`);
    return true;
  });
}

describe('LSP: shutdown and exit', function () {
  this.timeout(20_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeTempWorkspaces();
  });

  it('refuses every request after shutdown, publishes nothing more, and exits with 0 on exit', async () => {
    // A workspace large enough that its scan is still publishing when shutdown arrives.
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`team-${String(i).padStart(3, '0')}.srm.yaml`] = PAAS_WITH_GAPS;
    const dir = tempWorkspace(files);
    client = await LspClient.start({ folders: [dir], settings: { problems: { scope: 'workspace' } }, keepRawOutput: true });
    const uri = untitled('shutdown.srm.yaml');
    await client.open(uri, PAAS_WITH_GAPS);
    await client.waitForDiagnostics(uri);
    await client.waitForDiagnostics(fileUri(dir, 'team-000.srm.yaml'));

    assert.equal(await client.requestMethod('shutdown'), null);
    const position = { line: 1, character: 3 };
    await refused('hover', client.hover(uri, position));
    await refused('completion', client.completion(uri, position));
    await refused('codeAction', client.codeActions(uri, { start: position, end: position }));
    await refused('documentSymbol', client.documentSymbols(uri));
    await refused('srm/layerStack', client.request(LayerStackRequest, { uri }));
    await refused('a method the server does not know', client.requestMethod('srm/noSuchRequest', {}));
    await refused('a second shutdown', client.requestMethod('shutdown'));
    // Notifications change nothing: no check, no publish.
    await client.replace(uri, 'payments-api', 'payments');
    await client.open(untitled('opened-after-shutdown.srm.yaml'), PAAS_WITH_GAPS);
    await client.configure({ problems: { scope: 'openFiles' } });
    await refused('a request after those notifications', client.hover(uri, position));

    await client.notify('exit');
    assert.deepEqual(await client.waitForClose(), { code: 0, signal: null });
    const sent = client.rawMessages();
    const answered = sent.findIndex((m) => m.id !== undefined && m.method === undefined && m.result === null);
    assert.ok(answered >= 0, 'the answer to shutdown');
    const after = sent.slice(answered + 1);
    assert.ok(after.length >= 8, 'the refusals came after the answer to shutdown');
    assert.deepEqual(after.filter((m) => m.method !== undefined).map((m) => m.method), [], 'the server sends no notification or request after shutdown');
  });

  it('exits with 1 on exit without shutdown', async () => {
    client = await LspClient.start();
    await client.notify('exit');
    assert.equal((await client.waitForClose()).code, 1);
  });
});
