/**
 * The server's two readers of a declaration on disk (the editor thread's,
 * with promises, and the scan workers', blocking) give the same answers for
 * every encoding a declaration may have, for bytes that are not UTF-8, and for
 * what is not read: a file too large, a folder, a file that is not there.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDeclarationFile, readDeclarationFileSync, type DiskRead } from '../../server/src/lsp/disk';
import { MAX_FILE_BYTES } from '../../server/src/io/file-size';
import { fileUri, removeTempWorkspaces, tempWorkspace } from './client';

const TEXT = 'workload: café-api\r\nmodel: saas\n';

const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

const FILES: Record<string, Buffer> = {
  'utf8.srm.yaml': Buffer.from(TEXT, 'utf8'),
  'utf8-bom.srm.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
  'utf16le.srm.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
  'utf16be.srm.yaml': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]),
  // "workload: ab" then a byte no UTF-8 sequence starts with.
  'invalid.srm.yaml': Buffer.concat([Buffer.from('workload: ab', 'utf8'), Buffer.from([0xff]), Buffer.from('\n', 'utf8')]),
};

describe('LSP: reading a declaration from disk', () => {
  let dir = '';
  before(() => {
    dir = tempWorkspace(FILES);
    fs.mkdirSync(path.join(dir, 'folder.srm.yaml'));
    // Sparse: a size one byte over the limit without writing 8 MiB.
    fs.writeFileSync(path.join(dir, 'huge.srm.yaml'), '');
    fs.truncateSync(path.join(dir, 'huge.srm.yaml'), MAX_FILE_BYTES + 1);
  });
  after(removeTempWorkspaces);

  async function both(name: string): Promise<DiskRead> {
    const uri = fileUri(dir, name);
    const read = await readDeclarationFile(uri);
    assert.deepEqual(readDeclarationFileSync(uri), read, `the workers' reader reads ${name} as the editor thread's does`);
    return read;
  }

  it('decodes UTF-8 with or without a byte-order mark and UTF-16 of either order to the same text, without the mark', async () => {
    for (const name of ['utf8.srm.yaml', 'utf8-bom.srm.yaml', 'utf16le.srm.yaml', 'utf16be.srm.yaml']) {
      assert.deepEqual(await both(name), { kind: 'text', text: TEXT, facts: {} }, name);
    }
  });

  it('says where bytes that are not UTF-8 were replaced', async () => {
    assert.deepEqual(await both('invalid.srm.yaml'), { kind: 'text', text: 'workload: ab\uFFFD\n', facts: { invalidUtf8At: 12 } });
  });

  it('does not read a file over the size limit, a folder, or a file that is not there', async () => {
    assert.deepEqual(await both('huge.srm.yaml'), { kind: 'too-large', size: MAX_FILE_BYTES + 1 });
    assert.deepEqual(await both('folder.srm.yaml'), { kind: 'unreadable' });
    assert.deepEqual(await both('missing.srm.yaml'), { kind: 'unreadable' });
  });
});
