/**
 * Closing a document lets go of what the server kept for it: a session that
 * opens and closes many files (a search-and-replace across a repository, a
 * review) must not grow the server's memory with each one.
 */
import * as assert from 'node:assert/strict';
import { CountersRequest, TEST_HOOKS_FLAG } from '../../server/src/lsp/test-hooks';
import { fileUri, removeTempWorkspaces, tempWorkspace, untitled, useServer, type LspClient } from './client';
import { PAAS_WITH_GAPS } from './texts';

async function cachedSettings(client: LspClient): Promise<number> {
  return (await client.request0(CountersRequest)).cachedSettings;
}

/** Opens a document, waits for its diagnostics, closes it and waits for them to be cleared. */
async function openAndClose(client: LspClient, uri: string): Promise<void> {
  await client.open(uri, PAAS_WITH_GAPS);
  await client.waitForDiagnostics(uri, (d) => d.length > 0);
  await client.close(uri);
  await client.waitForDiagnostics(uri, (d) => d.length === 0);
}

describe('LSP: closing documents', function () {
  this.timeout(30_000);

  describe('problems scope "openFiles"', () => {
    const server = useServer({ settings: {}, serverArgs: [TEST_HOOKS_FLAG] });

    it('keeps no settings for the documents it closed', async () => {
      const client = server();
      const before = await cachedSettings(client);
      for (let i = 0; i < 200; i++) await openAndClose(client, untitled(`closed-${i}.srm.yaml`));
      assert.equal(await cachedSettings(client), before, 'the settings of 200 closed documents are not kept');
    });

    it('asks for a reopened document\'s settings again, and applies what changed meanwhile', async () => {
      const client = server();
      const uri = untitled('reopened.srm.yaml');
      await openAndClose(client, uri);
      const asked = () => client.configurationRequests.filter((item) => item.scopeUri === uri).length;
      const before = asked();
      // The client's answer changes without a didChangeConfiguration (as a folder setting edited on disk can).
      client.settings = { severity: { SRM001: 'off' } };
      await client.open(uri, PAAS_WITH_GAPS);
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.equal(asked(), before + 1);
      assert.deepEqual(diagnostics.map((d) => d.code), ['SRM002']);
      await client.close(uri);
      client.settings = {};
    });
  });

  describe('problems scope "workspace"', () => {
    let dir = '';
    const server = useServer(() => {
      dir = tempWorkspace({ 'kept.srm.yaml': PAAS_WITH_GAPS });
      return { folders: [dir], settings: { problems: { scope: 'workspace' } }, serverArgs: [TEST_HOOKS_FLAG] };
    });
    after(removeTempWorkspaces);

    it('keeps no settings for closed documents that are not workspace files', async () => {
      const client = server();
      await client.waitForDiagnostics(fileUri(dir, 'kept.srm.yaml'), (d) => d.length > 0);
      const before = await cachedSettings(client);
      for (let i = 0; i < 50; i++) await openAndClose(client, untitled(`scratch-${i}.srm.yaml`));
      assert.equal(await cachedSettings(client), before);
    });
  });
});
