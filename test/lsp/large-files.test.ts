/**
 * A declaration far too large to be one (a 400 MB file, sparse on disk) in a
 * workspace: the workspace scan and the owner index report it as `srm check`
 * does, from its size alone, and never read it into memory.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileTooLargeToRead } from '../../server/src/io/file-size';
import { CountersRequest, TEST_HOOKS_FLAG } from '../../server/src/lsp/test-hooks';
import { fileUri, removeTempWorkspaces, tempWorkspace, untitled, useServer } from './client';
import { PAAS_WITH_GAPS } from './texts';

const HUGE = 400 * 1024 * 1024;
/** Far below what reading the file would take (it alone is 400 MB), far above what the server needs. */
const MAX_PEAK_RSS = 250 * 1024 * 1024;

describe('LSP: a huge file in the workspace', function () {
  this.timeout(30_000);
  let dir = '';
  const server = useServer(() => {
    dir = tempWorkspace({ 'small.srm.yaml': PAAS_WITH_GAPS });
    // Sparse: 400 MB long, nothing on disk.
    const huge = path.join(dir, 'huge.srm.yaml');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, HUGE);
    return { folders: [dir], settings: { problems: { scope: 'workspace' } }, serverArgs: [TEST_HOOKS_FLAG] };
  });
  after(removeTempWorkspaces);

  it('is reported by its size, as srm check reports it, without being read', async () => {
    const client = server();
    const [finding] = await client.waitForDiagnostics(fileUri(dir, 'huge.srm.yaml'), (d) => d.length > 0, 20_000);
    assert.equal(finding!.code, 'SRM022');
    assert.equal(finding!.message, fileTooLargeToRead(HUGE).message);
    await client.waitForDiagnostics(fileUri(dir, 'small.srm.yaml'), (d) => d.length > 0);

    // The owner index reads the workspace too.
    const uri = untitled('owner.srm.yaml');
    await client.open(uri, 'workload: w\nmodel: iaas\nlayers:\n  operating-system:\n    owner: \n');
    await client.waitForAnswer('the index of the workspace', async () => !(await client.completionList(uri, { line: 4, character: '    owner: '.length })).isIncomplete);
    const { peakRss } = await client.request0(CountersRequest);
    assert.ok(peakRss < MAX_PEAK_RSS, `peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  });
});
