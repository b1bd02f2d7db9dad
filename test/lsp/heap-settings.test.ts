import * as assert from 'node:assert/strict';
import { HEAP_GROWING_PERCENT, heapFlags } from '../../server/src/lsp/heap-settings';

describe('LSP: the heap settings the server sets for itself', () => {
  it('limits how far the heap grows between full collections', () => {
    assert.deepEqual(heapFlags([]), [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    assert.deepEqual(heapFlags(['--inspect=6029', '--nolazy']), [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it("leaves a growth set on the node command line alone, however it is spelt", () => {
    for (const own of ['--heap-growing-percent=80', '--heap_growing_percent=80', '--heap-growing-percent']) assert.deepEqual(heapFlags([own]), [], own);
  });
});
