/**
 * The server as vscode.dev runs it: dist/browser-server.js in a web worker in
 * headless Chromium, speaking LSP over postMessage. For an example with gaps
 * (examples/gaps.srm.yaml, opened under a virtual URI as github.dev opens a
 * repository file), it must give the diagnostics, hover, quick fix,
 * completion and layer stack that the Node server (dist/server.js) gives for
 * the same text: one server, two platforms. The worker has no Node API, so a
 * Node call anywhere on these paths fails here.
 *
 * Run under the shared lock: `flock /tmp/srm-heavy.lock npm run test:browser`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LayerStackRequest } from '../../protocol/requests';
import { LspClient } from '../lsp/client';
import { WorkerLspClient } from './worker-client';
import { ROOT } from './worker-host';

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'gaps.srm.yaml'), 'utf8');
const FOLDER = 'vscode-vfs://github/srm-tools/demo';
const URI = `${FOLDER}/examples/gaps.srm.yaml`;

/** The codes the example's comments say it provokes ("# SRM007: a typo..."). */
const CODES_IN_COMMENTS = new Set([...EXAMPLE.matchAll(/#.*?\b(SRM\d{3})\b/g)].map((m) => m[1]!));

const codes = (diagnostics: readonly Diagnostic[]): Set<string> => new Set(diagnostics.map((d) => String(d.code)));
const byPosition = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => JSON.stringify(d)).sort();

function editsOf(action: { edit?: { documentChanges?: unknown[]; changes?: Record<string, TextEdit[]> } }, uri: string): TextEdit[] {
  const edit = action.edit;
  if (edit?.changes) return edit.changes[uri] ?? [];
  return (edit?.documentChanges ?? []).flatMap((c) => ((c as { textDocument?: { uri: string }; edits?: TextEdit[] }).textDocument?.uri === uri ? ((c as { edits: TextEdit[] }).edits) : []));
}

describe('the browser server in a web worker (headless Chromium)', function () {
  this.timeout(60_000);
  let worker: WorkerLspClient;
  let node: LspClient;

  before(async function () {
    [worker, node] = await Promise.all([WorkerLspClient.start({ folders: [{ uri: FOLDER, name: 'demo' }] }), LspClient.start()]);
    await Promise.all([worker.open(URI, EXAMPLE), node.open(URI, EXAMPLE)]);
  });

  after(async function () {
    await Promise.all([worker?.stop(), node?.stop()]);
  });

  it('publishes the example\'s diagnostics, the same as the Node server', async function () {
    const [inWorker, inNode] = await Promise.all([worker.waitForDiagnostics(URI, (d) => d.length > 0), node.waitForDiagnostics(URI, (d) => d.length > 0)]);
    const missing = [...CODES_IN_COMMENTS].filter((code) => !codes(inWorker).has(code));
    assert.deepEqual(missing, [], `the example's comments name codes the worker did not report`);
    assert.deepEqual(byPosition(inWorker), byPosition(inNode));
  });

  it('answers a hover on a layer with what the Node server says', async function () {
    const at = worker.positionOf(URI, 'operating-system:', 3);
    const [inWorker, inNode] = await Promise.all([worker.hover(URI, at), node.hover(URI, at)]);
    assert.ok(inWorker, 'a hover on operating-system');
    const value = (inWorker.contents as { value: string }).value;
    assert.match(value, /operating/i);
    assert.deepEqual(inWorker, inNode);
  });

  it('offers the quick fix for the typo, and applying it clears the finding', async function () {
    const diagnostics = await worker.waitForDiagnostics(URI, (d) => d.length > 0);
    const typo = diagnostics.find((d) => d.code === 'SRM007');
    assert.ok(typo, 'SRM007 on identity-acess');
    const [inWorker, inNode] = await Promise.all([worker.codeActions(URI, typo.range, [typo]), node.codeActions(URI, typo.range, { diagnostics: [typo] })]);
    const fix = inWorker.find((a) => a.kind === 'quickfix' && /identity-access/.test(a.title));
    assert.ok(fix, `a quick fix to identity-access among ${JSON.stringify(inWorker.map((a) => a.title))}`);
    assert.deepEqual(editsOf(fix, URI), editsOf(inNode.find((a) => a.title === fix.title)!, URI), 'the same edit as the Node server');

    const fixed = TextDocument.applyEdits(worker.document(URI), editsOf(fix, URI));
    // The fix renames the key and keeps its comment byte for byte.
    assert.match(fixed, /^ {2}identity-access: {15}# SRM007: a typo; did you mean identity-access\?$/m);
    await worker.setText(URI, fixed);
    const after = await worker.waitForDiagnostics(URI);
    assert.ok(!codes(after).has('SRM007'), 'no SRM007 once fixed');
    await worker.setText(URI, EXAMPLE);
  });

  it('completes the service model as the Node server does', async function () {
    const at = worker.positionOf(URI, 'model: iaas', 'model: '.length);
    const [inWorker, inNode] = await Promise.all([worker.completion(URI, at), node.completion(URI, at)]);
    const labels = inWorker.map((i) => i.label);
    for (const model of ['iaas', 'paas', 'saas']) assert.ok(labels.includes(model), `${model} among ${JSON.stringify(labels)}`);
    assert.deepEqual(labels, inNode.map((i) => i.label));
  });

  it('gives the layer stack the panel draws, as the Node server does', async function () {
    await worker.waitForDiagnostics(URI, (d) => d.length > 0);
    const [inWorker, inNode] = await Promise.all([worker.layerStack(URI), node.requestMethod(LayerStackRequest.method, { uri: URI })]);
    assert.ok(inWorker, 'a layer stack for the example');
    assert.ok(inWorker.workloads.length >= 4, 'one stack per workload in the example');
    assert.equal(inWorker.version, worker.document(URI).version, 'the stack of the open version');
    // The quick fix test edited the worker's copy and put the text back: same text, a later version.
    assert.deepEqual({ ...inWorker, version: 0 }, { ...(inNode as object), version: 0 });
  });

  it('logs no error and raises nothing in the worker', function () {
    assert.deepEqual(worker.errorsLogged(), []);
    assert.deepEqual(worker.host.faults, []);
  });
});

describe('the browser server with the workspace-wide problems scope', function () {
  this.timeout(60_000);
  let worker: WorkerLspClient;

  before(async function () {
    worker = await WorkerLspClient.start({ settings: { problems: { scope: 'workspace' } }, folders: [{ uri: FOLDER, name: 'demo' }] });
  });

  after(async function () {
    await worker?.stop();
  });

  it('still checks what is open, with no disk to scan and no error', async function () {
    await worker.open(URI, EXAMPLE);
    const diagnostics = await worker.waitForDiagnostics(URI, (d) => d.length > 0);
    assert.ok(codes(diagnostics).has('SRM001'));
    // Only the open document is published: nothing else can be read from a disk.
    assert.deepEqual([...new Set(worker.published.map((p) => p.uri))], [URI]);
    assert.deepEqual(worker.errorsLogged(), []);
    assert.deepEqual(worker.host.faults, []);
  });
});
