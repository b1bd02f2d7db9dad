/**
 * The server under everything the repository holds and under bad input: every
 * fixture and example opened and probed with hover, completion, code actions
 * and the outline at several positions, binary text, a file past the size
 * limit, CRLF line ends and tabs. No request may fail and the server must stay
 * up (the suite's `after` also checks it logged no error and exits cleanly).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, fixAll } from '../../server/src/core';
import { AssignOwnerRequest, LayerStackRequest, type LayerStackResult } from '../../protocol/requests';
import { codes, REPO, textEditsOf, untitled, useServer, type LspClient } from './client';
import { describe as describeDiagnostics, find, hugeText, messageOf, MULTI, PAAS_WITH_GAPS, visible } from './texts';

/** Every declaration under test/fixtures and examples, as paths relative to the repository. */
function declarationsIn(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.srm\.ya?ml$/i.test(entry.name)) out.push(path.relative(REPO, full));
    }
  };
  for (const dir of dirs) walk(path.join(REPO, dir));
  return out.sort();
}

/** Positions worth poking in a text: its start and end, every few lines at a few columns, after every colon of the first lines, past the end. */
function probePositions(text: string): Position[] {
  const lines = text.split('\n');
  const positions: Position[] = [{ line: 0, character: 0 }];
  const step = Math.max(1, Math.floor(lines.length / 6));
  for (let line = 0; line < lines.length; line += step) {
    const length = lines[line]!.length;
    for (const character of [0, 2, Math.floor(length / 2), length]) positions.push({ line, character: Math.min(character, length) });
  }
  for (let line = 0; line < Math.min(lines.length, 12); line++) {
    const colon = lines[line]!.indexOf(':');
    if (colon >= 0) positions.push({ line, character: colon + 1 }, { line, character: Math.min(colon + 2, lines[line]!.length) });
  }
  positions.push({ line: lines.length - 1, character: lines[lines.length - 1]!.length });
  positions.push({ line: lines.length + 5, character: 3 }, { line: 0, character: 10_000 });
  return positions;
}

function inFile(range: Range, lineCount: number): boolean {
  return range.start.line >= 0 && range.end.line <= lineCount && (range.start.line < range.end.line || range.start.character <= range.end.character);
}

/** Every request the editor makes while a user moves around a file; none may fail. */
async function probe(client: LspClient, uri: string): Promise<void> {
  const text = client.text(uri);
  const lineCount = text.split('\n').length;
  for (const position of probePositions(text)) {
    const hover = await client.hover(uri, position);
    if (hover?.range) assert.ok(inFile(hover.range, lineCount), `hover range ${JSON.stringify(hover.range)}`);
    await client.completion(uri, position);
    const actions = await client.codeActions(uri, { start: position, end: position });
    for (const a of actions) for (const e of textEditsOf(a.edit, uri)) assert.ok(inFile(e.range, lineCount), `${a.title}: edit ${JSON.stringify(e.range)}`);
  }
  const all = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } });
  for (const a of all) {
    // Every edit must apply to the text it was made for.
    const edits = textEditsOf(a.edit, uri);
    assert.ok(edits.every((e) => inFile(e.range, lineCount)), a.title);
  }
  await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll.srm'] });
  const symbols = await client.documentSymbols(uri);
  for (const s of symbols) assert.ok(inFile(s.range, lineCount) && inFile(s.selectionRange, lineCount), s.name);
  for (const l of await client.documentLinks(uri)) assert.ok(inFile(l.range, lineCount));
  await client.request<{ uri: string }, LayerStackResult>(LayerStackRequest, { uri });
}

describe('LSP: robustness', function () {
  this.timeout(20_000);
  const server = useServer();

  describe('every fixture and example', () => {
    const files = declarationsIn('test/fixtures', 'examples');
    it('finds some to open', () => assert.ok(files.length > 0, 'no fixtures or examples found'));
    for (const [i, rel] of files.entries()) {
      it(rel, async () => {
        const client = server();
        // As an editor shows the bytes: UTF-8, with invalid sequences as U+FFFD.
        const text = fs.readFileSync(path.join(REPO, rel)).toString('utf8');
        const uri = untitled(`fixture-${i}-${path.basename(rel)}`);
        await client.open(uri, text);
        const diagnostics = await client.waitForDiagnostics(uri);
        const lineCount = text.split('\n').length;
        for (const d of diagnostics) assert.ok(inFile(d.range, lineCount), `${String(d.code)} ${JSON.stringify(d.range)}`);
        // What the server publishes is what the engine finds, at the same places.
        const engine = checkText(text);
        const doc = TextDocument.create(uri, 'srm', 1, text);
        assert.deepEqual(
          visible(diagnostics).map((d) => [d.code, d.message, d.range]),
          visible(engine.diagnostics.map((d) => ({ code: d.code, message: d.message, range: { start: doc.positionAt(d.span.start), end: doc.positionAt(d.span.end) } }))).map((d) => [d.code, d.message, d.range]),
        );
        await probe(client, uri);

        // Fix-all, applied through LSP ranges, gives the text the engine's own fix-all gives (the one srm check --fix writes).
        const [action] = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll.srm'] });
        const expected = fixAll(text).text;
        if (action) {
          await client.applyWorkspaceEdit(action.edit!);
          assert.equal(client.text(uri), expected);
          await client.waitForDiagnostics(uri);
        } else {
          assert.equal(expected, text);
        }
        await client.close(uri);
        assert.ok(client.alive);
      });
    }
  });

  describe('bad input', () => {
    it('binary content: SRM023, and every request still answers', async () => {
      const client = server();
      const uri = untitled('binary.srm.yaml');
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x3a, 0x0a, 0x20, 0x2d]);
      await client.open(uri, bytes.toString('utf8'));
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.ok(diagnostics.some((d) => d.code === 'SRM023'), describeDiagnostics(diagnostics));
      await probe(client, uri);
    });

    it('a text larger than 8 MiB: one SRM022, requests answer, and a smaller text is checked again', async () => {
      const client = server();
      const uri = untitled('huge.srm.yaml');
      const text = hugeText();
      assert.ok(text.length > 8 * 1024 * 1024);
      await client.open(uri, text);
      const diagnostics = await client.waitForDiagnostics(uri, undefined, 15_000);
      assert.deepEqual(codes(diagnostics), ['SRM022']);
      assert.deepEqual(diagnostics[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(await client.hover(uri, { line: 0, character: 2 }), null);
      await client.completion(uri, { line: 1, character: 7 });
      assert.deepEqual(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }), []);
      assert.deepEqual(await client.documentSymbols(uri), []);
      const stack = await client.request<{ uri: string }, LayerStackResult>(LayerStackRequest, { uri });
      assert.deepEqual(stack?.workloads, []);

      // Cut it back to size with a ranged change: checked as usual.
      const end = { line: text.split('\n').length - 1, character: 0 };
      await client.change(uri, { range: { start: { line: 2, character: 0 }, end }, newText: '' });
      const after = await client.waitForDiagnostics(uri);
      assert.ok(!after.some((d) => d.code === 'SRM022'));
      assert.ok(after.some((d) => d.code === 'SRM001'), describeDiagnostics(after));
      await client.close(uri);
    });

    it('CRLF line ends: the same findings and ranges as LF, and fixes that keep CRLF', async () => {
      const client = server();
      const lf = untitled('line-ends-lf.srm.yaml');
      const crlf = untitled('line-ends-crlf.srm.yaml');
      await client.open(lf, PAAS_WITH_GAPS);
      await client.open(crlf, PAAS_WITH_GAPS.replace(/\n/g, '\r\n'));
      const expected = await client.waitForDiagnostics(lf);
      const actual = await client.waitForDiagnostics(crlf);
      assert.deepEqual(visible(actual), visible(expected));

      const hover = await client.hover(crlf, client.positionOf(crlf, 'identity-access', 2));
      assert.equal(client.textAt(crlf, hover!.range!), 'identity-access');
      const symbols = await client.documentSymbols(crlf);
      assert.deepEqual(symbols, await client.documentSymbols(lf));

      const [fixAll] = await client.codeActions(crlf, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll.srm'] });
      await client.applyWorkspaceEdit(fixAll!.edit!);
      const fixed = client.text(crlf);
      assert.ok(fixed.length > PAAS_WITH_GAPS.length);
      assert.doesNotMatch(fixed, /[^\r]\n/, `the fix writes CRLF in a CRLF file:\n${JSON.stringify(fixed)}`);
      const left = await client.waitForDiagnostics(crlf);
      assert.ok(!left.some((d) => d.code === 'SRM001' || d.code === 'SRM002' || d.code === 'SRM018'), describeDiagnostics(left));

      // Assign owner in a CRLF multi-document file: the selection lands on the placeholder.
      const multi = untitled('line-ends-multi.srm.yaml');
      await client.open(multi, MULTI.replace(/\n/g, '\r\n'));
      const result = await client.request(AssignOwnerRequest, { uri: multi, version: 1, workloadIndex: 1, layerId: 'network-config' });
      assert.ok(result);
      await client.applyEdits(multi, result.edits);
      assert.equal(client.textAt(multi, result.select), 'TODO');
      assert.doesNotMatch(client.text(multi), /[^\r]\n/);
    });

    it('tabs used for indentation: YAML errors where the tabs are, and the server keeps answering', async () => {
      const client = server();
      const uri = untitled('tabs.srm.yaml');
      await client.open(uri, 'workload: crm\nmodel: saas\nlayers:\n\tdata-classification:\n\t\towner: dg\n');
      const diagnostics = await client.waitForDiagnostics(uri);
      const syntax = diagnostics.filter((d: Diagnostic) => d.code === 'SRM018');
      assert.ok(syntax.length > 0, describeDiagnostics(diagnostics));
      assert.ok(syntax.every((d) => d.range.start.line >= 3), 'on the tab-indented lines');
      await probe(client, uri);

      // Replacing the tabs with spaces makes it a declaration with an entry.
      await client.setText(uri, client.text(uri).replace(/\t/g, '  '));
      const after = await client.waitForDiagnostics(uri);
      assert.ok(!after.some((d) => d.code === 'SRM018'));
      assert.ok(!after.some((d) => d.code === 'SRM001' && messageOf(d).includes('data-classification')), describeDiagnostics(after));
    });

    it('characters outside the BMP: ranges and positions count UTF-16 code units', async () => {
      const client = server();
      const uri = untitled('emoji.srm.yaml');
      await client.open(uri, 'workload: 🔐 vault 🗝️\nmodel: saas\nlayers:\n  data-classification: {owner: "🧑‍💻 data", bogus: 1}\n  identity-access: {owner: "👮"}\n  endpoint-devices: {owner: "💻", evidence: "https://example.com/🔒"}\n');
      const diagnostics = await client.waitForDiagnostics(uri);
      const unknownKey = find(diagnostics, 'SRM016');
      assert.equal(client.textAt(uri, unknownKey.range), 'bogus');
      assert.deepEqual(unknownKey.range.start, client.positionOf(uri, 'bogus'));
      const hover = await client.hover(uri, client.positionOf(uri, 'identity-access', 4));
      assert.equal(client.textAt(uri, hover!.range!), 'identity-access');
      const [link] = await client.documentLinks(uri);
      assert.equal(client.textAt(uri, link!.range), 'https://example.com/🔒');
      const symbols = await client.documentSymbols(uri);
      assert.equal(symbols[0]!.name, '🔐 vault 🗝️');
      assert.equal(client.textAt(uri, symbols[0]!.selectionRange), '🔐 vault 🗝️');
    });

    it('an empty document, and one that is only a separator', async () => {
      const client = server();
      for (const [name, text] of [['empty.srm.yaml', ''], ['separator.srm.yaml', '---\n'], ['nul.srm.yaml', '\u0000']] as const) {
        const uri = untitled(name);
        await client.open(uri, text);
        await client.waitForDiagnostics(uri);
        await probe(client, uri);
      }
    });
  });
});
