/**
 * Files the server reads from disk (problems scope "workspace") are decoded as
 * the CLI decodes them: SRM023 only for bytes that really are not UTF-8, at
 * the first of them; a U+FFFD written as valid UTF-8 is a character like any other.
 */
import * as assert from 'node:assert/strict';
import { codes, fileUri, removeTempWorkspaces, tempWorkspace, useServer } from './client';
import { describe as describeDiagnostics, PAAS_COMPLETE } from './texts';

const INVALID = Buffer.concat([Buffer.from(PAAS_COMPLETE.replace('workload: payments-api', 'workload: payments-api  # \uFFFD'), 'utf8'), Buffer.from('# caf'), Buffer.from([0xe9, 0x0a])]);

describe('LSP: encodings of files read from disk', function () {
  this.timeout(10_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({ 'fffd.srm.yaml': PAAS_COMPLETE.replace('workload: payments-api', 'workload: payments-api  # \uFFFD'), 'invalid.srm.yaml': INVALID });
    return { folders: [dir], settings: { problems: { scope: 'workspace' } } };
  });
  after(removeTempWorkspaces);

  it('reports no SRM023 for a valid U+FFFD, and SRM023 at the first invalid byte', async () => {
    const client = server();
    const fffd = await client.waitForDiagnostics(fileUri(dir, 'fffd.srm.yaml'));
    assert.deepEqual(codes(fffd), [], describeDiagnostics(fffd));
    const invalid = await client.waitForDiagnostics(fileUri(dir, 'invalid.srm.yaml'));
    const notText = invalid.filter((d) => d.code === 'SRM023');
    const lastLine = PAAS_COMPLETE.split('\n').length - 1;
    assert.deepEqual(notText.map((d) => d.range.start), [{ line: lastLine, character: '# caf'.length }], describeDiagnostics(invalid));
  });
});
