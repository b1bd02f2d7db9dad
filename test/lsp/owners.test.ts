/**
 * Owners in the editor, over the real protocol: completion (the owner
 * directory first), hover (the directory entry and what the owner owns),
 * rename across the workspace and the directory (for clients with and without
 * versioned document changes), references and workspace symbols; and the
 * layer-cell inlay hints and the gap code lens.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  CodeLensRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type Location,
  type MarkupContent,
  type Position,
  type PrepareRenameResult,
  type SymbolInformation,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { editedUris, fileUri, removeTempWorkspaces, tempWorkspace, textEditsOf, untitled, useServer, type LspClient } from './client';
import { PAAS_COMPLETE, PAAS_WITH_GAPS } from './texts';

const CONFIG = `# Who owns what.
owners:
  iam-team:            # identity people
    contact: iam@example.com
    aliases: [identity-team, iam]
  platform-team:
    contact: "#platform-oncall"
`;

const ALPHA = `# alpha, opened in the editor
workload: alpha
model: iaas
layers:
  operating-system:
    owner: iam-team   # iam-team patches it too
  applications:
    owner: "platform-team"
`;

const BETA = `workload: beta
model: iaas
layers:
  network-config:
    owner: 'iam-team'
  operating-system:
    owner: identity-team
  applications:
    owner: payments-team
---
# gamma: iam-team again, in flow style
workload: gamma
model: saas
layers:
  identity-access: { owner: "iam-team", evidence: "https://wiki.example.com/gamma" }
`;

function workspace(): string {
  return tempWorkspace({ 'srm.config.yaml': CONFIG, 'alpha.srm.yaml': ALPHA, 'teams/beta.srm.yaml': BETA });
}

/** The texts a workspace edit leads to, each document edited as an editor would (open ones from the client's copy). */
function applied(client: LspClient, edit: WorkspaceEdit | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const uri of editedUris(edit ?? undefined)) {
    const text = client.isOpen(uri) ? client.text(uri) : fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
    out.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), textEditsOf(edit ?? undefined, uri)));
  }
  return out;
}

const RENAMED = {
  config: CONFIG.replace('  iam-team:', '  identity-and-access:'),
  alpha: ALPHA.replace('owner: iam-team   #', 'owner: identity-and-access   #'),
  beta: BETA.replace("owner: 'iam-team'", "owner: 'identity-and-access'").replace('owner: "iam-team"', 'owner: "identity-and-access"'),
};

function assertRenamed(client: LspClient, edit: WorkspaceEdit | null, dir: string): void {
  const texts = applied(client, edit);
  assert.deepEqual([...texts.keys()].sort(), [fileUri(dir, 'alpha.srm.yaml'), fileUri(dir, 'srm.config.yaml'), fileUri(dir, 'teams/beta.srm.yaml')].sort());
  assert.equal(texts.get(fileUri(dir, 'srm.config.yaml')), RENAMED.config);
  assert.equal(texts.get(fileUri(dir, 'alpha.srm.yaml')), RENAMED.alpha);
  assert.equal(texts.get(fileUri(dir, 'teams/beta.srm.yaml')), RENAMED.beta);
}

function rename(client: LspClient, uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
  return client.request(RenameRequest.type, { textDocument: { uri }, position, newName });
}

/** A position in a file on disk the client has not opened. */
function positionOnDisk(uri: string, needle: string, delta = 0): Position {
  const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in ${uri}`);
  return TextDocument.create(uri, 'yaml', 0, text).positionAt(at + delta);
}

describe('LSP: owners', function () {
  this.timeout(20_000);
  after(removeTempWorkspaces);

  describe('with a client that supports versioned document changes', () => {
    let dir = '';
    const server = useServer(() => ((dir = workspace()), { folders: [dir] }));
    const alpha = () => fileUri(dir, 'alpha.srm.yaml');
    const beta = () => fileUri(dir, 'teams/beta.srm.yaml');
    const config = () => fileUri(dir, 'srm.config.yaml');

    before(async () => {
      await server().open(alpha(), ALPHA);
      await server().waitForDiagnostics(alpha());
    });

    it('announces rename (with prepare), references, workspace symbols, inlay hints and code lenses', () => {
      const caps = server().initializeResult.capabilities;
      assert.deepEqual(caps.renameProvider, { prepareProvider: true });
      assert.equal(caps.referencesProvider, true);
      assert.equal(caps.workspaceSymbolProvider, true);
      assert.equal(caps.inlayHintProvider, true);
      assert.ok(caps.codeLensProvider);
    });

    it('completes an owner with the directory first, replacing the half-typed word', async () => {
      const c = server();
      const uri = fileUri(dir, 'typing.srm.yaml');
      const text = 'workload: typing\nmodel: iaas\nlayers:\n  applications:\n    owner: iam-te\n';
      await c.open(uri, text);
      const position = c.positionOf(uri, 'iam-te', 'iam-te'.length);
      const list = await c.waitForAnswer('a complete owner list', async () => {
        const answer = await c.completionList(uri, position);
        return !answer.isIncomplete && answer.items.some((i) => i.label === 'payments-team') && answer;
      });
      const order = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
      assert.deepEqual(order.slice(0, 2), ['iam-team', 'platform-team'], 'the directory owners come first, in directory order');
      assert.ok(order.indexOf('payments-team') > 1, 'owners only the workspace uses come after the directory');
      assert.ok(!order.includes('identity-team'), 'an alias is not offered as another owner');
      const item = list.items.find((i) => i.label === 'iam-team')!;
      assert.ok(item.textEdit && 'range' in item.textEdit, 'the item says which text it replaces');
      assert.equal(c.textAt(uri, item.textEdit.range), 'iam-te');
      await c.applyEdits(uri, [item.textEdit]);
      assert.equal(c.text(uri), text.replace('iam-te', 'iam-team'));
      await c.close(uri);
    });

    it('hovers an owner with its directory entry and what it owns across the workspace', async () => {
      const c = server();
      // A document closed by the test before may still be leaving the index: wait for the count to settle.
      const hover = await c.waitForAnswer('the hover to count the workspace', async () => {
        const answer = await c.hover(alpha(), c.positionOf(alpha(), 'iam-team', 2));
        return /Owns 4 layers/.test((answer?.contents as MarkupContent | undefined)?.value ?? '') && answer;
      });
      const value = (hover.contents as MarkupContent).value;
      assert.match(value, /\*\*iam-team\*\*/);
      assert.match(value, /Contact: iam@example\.com/);
      assert.match(value, /Aliases: identity-team, iam/);
      // alpha's operating system; beta's network (by name) and operating system (by alias); gamma's identity.
      assert.match(value, /Owns 4 layers in 3 workloads/);
      assert.equal(c.textAt(alpha(), hover.range!), 'iam-team');
    });

    it('hovers an owner that is not in the directory', async () => {
      const c = server();
      const uri = untitled('outsider.srm.yaml');
      await c.open(uri, 'workload: o\nmodel: iaas\nlayers:\n  applications:\n    owner: payments-team\n');
      const hover = await c.hover(uri, c.positionOf(uri, 'payments-team', 1));
      const value = (hover?.contents as MarkupContent).value;
      assert.match(value, /Not in an owner directory/);
      // beta's applications, and this document's own.
      assert.match(value, /Owns 2 layers in 2 workloads/);
      await c.close(uri);
    });

    it('prepares a rename on the owner name, inside its quotes', async () => {
      const c = server();
      const plain = (await c.request(PrepareRenameRequest.type, { textDocument: { uri: alpha() }, position: c.positionOf(alpha(), 'iam-team', 3) })) as PrepareRenameResult & { placeholder: string };
      assert.ok(plain && 'range' in plain);
      assert.equal(c.textAt(alpha(), plain.range), 'iam-team');
      assert.equal(plain.placeholder, 'iam-team');
      const quoted = (await c.request(PrepareRenameRequest.type, { textDocument: { uri: alpha() }, position: c.positionOf(alpha(), 'platform-team', 1) })) as PrepareRenameResult & { placeholder: string };
      assert.ok(quoted && 'range' in quoted);
      assert.equal(c.textAt(alpha(), quoted.range), 'platform-team');
      const elsewhere = await c.request(PrepareRenameRequest.type, { textDocument: { uri: alpha() }, position: c.positionOf(alpha(), 'workload') });
      assert.equal(elsewhere, null, 'only owners are renamed');
    });

    it('renames an owner in every declaration, open or not, and in the directory, as one versioned edit', async () => {
      const c = server();
      const edit = await rename(c, alpha(), c.positionOf(alpha(), 'iam-team', 1), 'identity-and-access');
      assert.ok(edit?.documentChanges && !edit.changes, 'a client that supports document changes gets them');
      const versions = Object.fromEntries(edit.documentChanges.map((d) => ('textDocument' in d ? [d.textDocument.uri, d.textDocument.version] : ['', ''])));
      assert.deepEqual(versions, { [alpha()]: c.version(alpha()), [beta()]: null, [config()]: null }, 'the open document is tied to its version; files on disk to none');
      assertRenamed(c, edit, dir);
    });

    it('renames from a key of the owner directory in srm.config.yaml', async () => {
      const c = server();
      const edit = await rename(c, config(), positionOnDisk(config(), '  iam-team:', 4), 'identity-and-access');
      assertRenamed(c, edit, dir);
    });

    it('refuses a new name the directory already gives another owner', async () => {
      const c = server();
      await assert.rejects(rename(c, alpha(), c.positionOf(alpha(), 'iam-team', 1), 'platform-team'), /platform-team is already in the owner directory/);
      await assert.rejects(rename(c, alpha(), c.positionOf(alpha(), 'iam-team', 1), 'iam'), /alias of iam-team/);
    });

    it('finds every entry that names an owner, by key or alias, and its directory entry', async () => {
      const c = server();
      const request = (includeDeclaration: boolean): Promise<Location[] | null> =>
        c.request(ReferencesRequest.type, { textDocument: { uri: alpha() }, position: c.positionOf(alpha(), 'iam-team', 1), context: { includeDeclaration } });
      const where = (locations: Location[] | null) =>
        (locations ?? []).map((l) => {
          const text = l.uri === alpha() ? c.text(alpha()) : fs.readFileSync(URI.parse(l.uri).fsPath, 'utf8');
          return `${path(l.uri)}:${l.range.start.line}:${TextDocument.create(l.uri, 'yaml', 0, text).getText(l.range)}`;
        });
      const path = (uri: string) => URI.parse(uri).fsPath.slice(dir.length + 1);
      assert.deepEqual(where(await request(false)).sort(), ['alpha.srm.yaml:5:iam-team', 'teams/beta.srm.yaml:14:"iam-team"', "teams/beta.srm.yaml:4:'iam-team'", 'teams/beta.srm.yaml:6:identity-team'].sort());
      const withDirectory = where(await request(true));
      assert.ok(withDirectory.includes('srm.config.yaml:2:iam-team') && withDirectory.includes('srm.config.yaml:4:identity-team'), withDirectory.join('\n'));
    });

    it('finds workloads and owners with workspace symbols', async () => {
      const c = server();
      const symbols = async (query: string) => ((await c.request(WorkspaceSymbolRequest.type, { query })) ?? []) as (SymbolInformation | WorkspaceSymbol)[];
      const named = async (query: string) => (await symbols(query)).map((s) => `${s.name} ${s.containerName ?? ''} ${URI.parse(s.location.uri).fsPath.slice(dir.length + 1)}`).sort();
      assert.deepEqual(await named('gam'), ['gamma workload teams/beta.srm.yaml']);
      assert.deepEqual(await named('iam-t'), ['iam-team owner directory srm.config.yaml']);
      assert.deepEqual(await named('payments'), ['payments-team owner teams/beta.srm.yaml']);
      const all = await named('');
      for (const expected of ['alpha workload alpha.srm.yaml', 'beta workload teams/beta.srm.yaml', 'platform-team owner directory srm.config.yaml', 'identity-team owner teams/beta.srm.yaml']) {
        assert.ok(all.includes(expected), `${expected} is missing from\n${all.join('\n')}`);
      }
    });
  });

  describe('with a client that does not support versioned document changes', () => {
    let dir = '';
    const server = useServer(() => (
      (dir = workspace()),
      {
        folders: [dir],
        capabilities: (caps) => ({ ...caps, workspace: { ...caps.workspace, workspaceEdit: { documentChanges: false } } }),
      }
    ));

    it('renames with plain changes per document', async () => {
      const c = server();
      const alpha = fileUri(dir, 'alpha.srm.yaml');
      await c.open(alpha, ALPHA);
      const edit = await rename(c, alpha, c.positionOf(alpha, 'iam-team', 1), 'identity-and-access');
      assert.ok(edit?.changes && !edit.documentChanges, 'the client gets `changes` only');
      assertRenamed(c, edit, dir);
    });
  });

  describe('inlay hints and code lenses', () => {
    const server = useServer({ settings: {} });
    const hints = async (c: LspClient, uri: string) =>
      ((await c.request(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } } })) ?? []);
    const OVERRIDDEN = `workload: shop
model: paas
layers:
  runtime-middleware:
    owner: platform-team
    handoff: the provider patches the runtime
  applications:
    owner: shop-team
    responsibility: shared
    reason: a vendor builds half of the application under contract
  not-a-layer:
    owner: someone
`;

    it('shows each layer key\'s cell under the matrix and model, and `overridden` where an override holds', async () => {
      const c = server();
      const uri = untitled('hints.srm.yaml');
      await c.open(uri, OVERRIDDEN);
      const got = (await hints(c, uri)).map((h) => ({ line: h.position.line, after: c.text(uri).split('\n')[h.position.line]!.slice(0, h.position.character), label: h.label }));
      assert.deepEqual(got, [
        { line: 3, after: '  runtime-middleware:', label: 'shared' },
        { line: 6, after: '  applications:', label: 'overridden: shared' },
      ]);
      await c.close(uri);
    });

    it('shows none once srm.inlayHints.enable is off', async () => {
      const c = server();
      const uri = untitled('hints-off.srm.yaml');
      await c.open(uri, OVERRIDDEN);
      assert.equal((await hints(c, uri)).length, 2);
      await c.configure({ inlayHints: { enable: false } });
      await c.waitForAnswer('no inlay hints', async () => (await hints(c, uri)).length === 0);
      await c.configure({});
      await c.waitForAnswer('inlay hints again', async () => (await hints(c, uri)).length === 2);
      await c.close(uri);
    });

    it('puts the gap count above each workload, opening its layer stack', async () => {
      const c = server();
      const uri = untitled('lens.srm.yaml');
      await c.open(uri, `${PAAS_WITH_GAPS}---\n${PAAS_COMPLETE}`);
      const lenses = ((await c.request(CodeLensRequest.type, { textDocument: { uri } })) ?? []);
      assert.deepEqual(
        lenses.map((l) => ({ line: l.range.start.line, title: l.command?.title, command: l.command?.command })),
        [
          { line: 1, title: '2 gaps · layer stack', command: 'srm.showLayerStack' },
          { line: PAAS_WITH_GAPS.split('\n').length, title: 'No gaps · layer stack', command: 'srm.showLayerStack' },
        ],
      );
      await c.close(uri);
    });
  });
});
