/** Hover, completion, the outline and evidence links, over the protocol. */
import * as assert from 'node:assert/strict';
import { CodeActionKind, CompletionItemKind, InsertTextFormat, MarkupKind, SymbolKind, TextDocumentSyncKind, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { removeTempWorkspaces, tempWorkspace, untitled, useServer } from './client';
import { MULTI, PAAS_COMPLETE, PAAS_WITH_GAPS } from './texts';

/** Another declaration in the workspace, whose owners completion offers. */
const TEAMS = `workload: data-lake
model: iaas
layers:
  network-config:
    owner: network-wizards
    handoff: AWS runs the fabric; we own the security groups.
  operating-system:
    owner: linux-guild
  physical-servers:
    owner: provider
`;

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, MarkupKind.Markdown);
  return contents.value;
}

function bySortText(items: readonly CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('LSP: hover, completion, outline, links', function () {
  this.timeout(10_000);
  let workspace = '';
  const server = useServer(() => {
    workspace = tempWorkspace({ 'infra/data-lake.srm.yaml': TEAMS, 'node_modules/dep/ignored.srm.yaml': TEAMS.replace('network-wizards', 'from-node-modules') });
    return { folders: [workspace] };
  });
  after(removeTempWorkspaces);

  const complete = untitled('features-complete.srm.yaml');
  const multi = untitled('features-multi.srm.yaml');
  before(async () => {
    await server().open(complete, PAAS_COMPLETE);
    await server().open(multi, MULTI);
  });

  it('advertises what it implements', () => {
    const { capabilities, serverInfo } = server().initializeResult;
    assert.equal(serverInfo?.name, 'srm-language-server');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.ok(capabilities.hoverProvider && capabilities.documentSymbolProvider && capabilities.documentLinkProvider);
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes(':'));
    const actions = capabilities.codeActionProvider;
    assert.ok(typeof actions === 'object' && actions.codeActionKinds?.includes('source.fixAll.srm') && actions.codeActionKinds.includes(CodeActionKind.QuickFix));
  });

  describe('hover', () => {
    it('on a layer key: its name, who carries it under this model and under every model', async () => {
      const client = server();
      const position = client.positionOf(complete, 'runtime-middleware:', 3);
      const hover = await client.hover(complete, position);
      const text = markdown(hover);
      assert.match(text, /^### Runtime & Middleware \(`runtime-middleware`\)/);
      assert.match(text, /Under PaaS \(this file's model\) it is shared between the provider and the customer/);
      assert.match(text, /\| Model \| IaaS \| \*\*PaaS\*\* \(this file\) \| SaaS \|/);
      assert.match(text, /\| Responsible \| customer \| \*\*shared\*\* \| provider \|/);
      assert.equal(client.textAt(complete, hover!.range!), 'runtime-middleware');
    });

    it('on a layer whose cell the reference table derives, says so', async () => {
      const client = server();
      const text = markdown(await client.hover(complete, client.positionOf(complete, 'endpoint-devices:')));
      assert.match(text, /Endpoint Devices/);
      assert.match(text, /customer \\?\*/, 'derived cells are starred');
      assert.match(text, /_IaaS, PaaS:_ Derived, not listed/, 'and said to be derived, not listed');
    });

    it('on a layer written as a common spelling: the layer it means', async () => {
      const client = server();
      const hover = await client.hover(multi, client.positionOf(multi, '  iam:', 3));
      assert.match(markdown(hover), /^### Identity & Access \(`identity-access`\)/);
      assert.match(markdown(hover), /Under SaaS \(this file's model\) it is the customer's/);
      assert.equal(client.textAt(multi, hover!.range!), 'iam');
    });

    it('on the model value: the model, its examples and its split', async () => {
      const client = server();
      const hover = await client.hover(complete, client.positionOf(complete, 'model: paas', 'model: pa'.length));
      const text = markdown(hover);
      assert.match(text, /^### PaaS — Platform as a Service \(`paas`\)/);
      assert.match(text, /\*\*Examples:\*\* .*Azure App Service/);
      assert.match(text, /\*\*Shared\*\* — .*Runtime & Middleware/);
      assert.equal(client.textAt(complete, hover!.range!), 'paas');
    });

    it('on the service value: what the catalogue knows of it', async () => {
      const client = server();
      const hover = await client.hover(complete, client.positionOf(complete, 'Azure App Service', 6));
      const text = markdown(hover);
      assert.match(text, /^### Azure App Service/);
      assert.match(text, /\*\*Catalogued as:\*\* PaaS/);
      assert.match(text, /should say `model: paas`/);
      assert.equal(client.textAt(complete, hover!.range!), 'Azure App Service');
    });

    it('on owner: provider: a gap on a customer layer, an assumption on a provider layer', async () => {
      const client = server();
      const onOs = await client.hover(multi, client.positionOf(multi, 'owner: provider', 'owner: '.length, 0));
      assert.match(markdown(onOs), /^### `owner: provider`/);
      assert.match(markdown(onOs), /\*\*This is a gap\.\*\* Under IaaS, Operating System \(`operating-system`\) is the customer's/);
      assert.equal(client.textAt(multi, onOs!.range!), 'provider');
      const onPhysical = await client.hover(multi, client.positionOf(multi, 'owner: provider', 'owner: prov'.length, 1));
      assert.match(markdown(onPhysical), /\*\*This matches the model\.\*\* Under IaaS, Physical Security/);
    });

    it('nowhere in particular: nothing', async () => {
      const client = server();
      assert.equal(await client.hover(multi, { line: 0, character: 3 }), null, 'a comment');
      assert.equal(await client.hover(complete, client.positionOf(complete, 'owner: iam-team', 2)), null, 'the owner: key');
      // An ordinary owner's value gets the owner hover (test/lsp/owners.test.ts), not a layer's explanation.
      assert.match(markdown(await client.hover(complete, client.positionOf(complete, 'owner: iam-team', 9))), /^\*\*iam-team\*\*\n\nNot in an owner directory/);
    });
  });

  describe('completion', () => {
    it('layer keys: the missing required layers first, with who carries them', async () => {
      const client = server();
      const uri = untitled('complete-layers.srm.yaml');
      await client.open(uri, `${PAAS_WITH_GAPS}  `);
      const items = await client.completion(uri, client.positionOf(uri, 'payments-team\n  ', 'payments-team\n  '.length));
      const labels = items.map((i) => i.label);
      for (const present of ['data-classification', 'identity-access', 'applications']) assert.ok(!labels.includes(present), `${present} is already documented`);
      assert.equal(items.length, 7);
      const sorted = bySortText(items);
      assert.deepEqual(sorted.slice(0, 2).map((i) => i.label), ['endpoint-devices', 'runtime-middleware']);
      const runtime = sorted[1];
      assert.equal(runtime!.kind, CompletionItemKind.Property);
      assert.equal(runtime!.labelDetails?.description, 'shared · missing');
      assert.equal(runtime!.detail, 'Runtime & Middleware: shared under PaaS, no entry yet');
      assert.equal(runtime!.insertTextFormat, InsertTextFormat.Snippet);
      assert.match(runtime!.insertText ?? '', /^runtime-middleware:\n {2}owner: \$\{1:team\}\n {2}handoff: /);
      assert.equal(sorted[0]!.labelDetails?.description, 'customer · missing');
      assert.doesNotMatch(sorted[0]!.insertText ?? '', /handoff/);
      const os = items.find((i) => i.label === 'operating-system');
      assert.equal(os?.labelDetails?.description, 'provider');
      assert.match((os?.documentation as MarkupContent).value, /Operating System/);
    });

    it('model values', async () => {
      const client = server();
      const uri = untitled('complete-model.srm.yaml');
      await client.open(uri, 'workload: w\nmodel: \n');
      const items = await client.completion(uri, { line: 1, character: 'model: '.length });
      assert.deepEqual(items.map((i) => i.label).sort(), ['iaas', 'paas', 'saas']);
      const saas = items.find((i) => i.label === 'saas');
      assert.equal(saas?.kind, CompletionItemKind.EnumMember);
      assert.match(saas?.detail ?? '', /SaaS/);
      assert.match((saas?.documentation as MarkupContent).value, /Microsoft 365/);
    });

    it('entry keys not yet written, required first', async () => {
      const client = server();
      const uri = untitled('complete-entry.srm.yaml');
      await client.open(uri, 'workload: w\nmodel: paas\nlayers:\n  data-classification:\n    evidence: x\n    \n');
      const items = await client.completion(uri, { line: 5, character: 4 });
      assert.deepEqual(bySortText(items).map((i) => i.label), ['owner', 'handoff', 'contact', 'controls', 'notes', 'responsibility', 'reason']);
      assert.equal(items.find((i) => i.label === 'owner')?.detail, 'required');
    });

    it('top-level keys not yet written', async () => {
      const client = server();
      const uri = untitled('complete-top.srm.yaml');
      await client.open(uri, 'workload: w\n\n');
      const labels = (await client.completion(uri, { line: 1, character: 0 })).map((i) => i.label);
      assert.ok(labels.includes('model') && labels.includes('layers') && !labels.includes('workload'), labels.join(', '));
    });

    it('owners used in other files of the workspace, and provider last', async () => {
      const client = server();
      const uri = untitled('complete-owner.srm.yaml');
      await client.open(uri, 'workload: w\nmodel: iaas\nlayers:\n  operating-system:\n    owner: \n');
      // The first owner completion indexes the workspace; a slow machine may answer before it is done, marked incomplete.
      const { items } = await client.waitForAnswer('a complete owner list', async () => {
        const list = await client.completionList(uri, { line: 4, character: '    owner: '.length });
        return !list.isIncomplete && list;
      });
      const labels = items.map((i) => i.label);
      for (const owner of ['network-wizards', 'linux-guild']) assert.ok(labels.includes(owner), `${owner} from infra/data-lake.srm.yaml: ${labels.join(', ')}`);
      assert.ok(!labels.includes('from-node-modules'), 'node_modules is not the workspace\'s');
      assert.equal(bySortText(items).at(-1)?.label, 'provider');
      assert.equal(labels.filter((l) => l === 'provider').length, 1, 'provider is offered once, as the reserved owner');
      assert.equal(items.find((i) => i.label === 'linux-guild')?.kind, CompletionItemKind.Value);
    });

    it('nothing inside a comment', async () => {
      const client = server();
      assert.deepEqual(await client.completion(multi, { line: 0, character: 5 }), []);
    });
  });

  describe('document symbols', () => {
    it('outlines workloads, then their layers', async () => {
      const client = server();
      const symbols = await client.documentSymbols(multi);
      assert.deepEqual(
        symbols.map((s) => [s.name, s.detail, s.kind]),
        [
          ['storefront-web', 'PaaS', SymbolKind.Module],
          ['reporting-vm', 'IaaS', SymbolKind.Module],
          ['storefront-crm', 'SaaS', SymbolKind.Module],
        ],
      );
      assert.deepEqual(symbols[2]!.children?.map((c) => c.name), ['Data & Classification', 'Identity & Access']);
      const os = symbols[1]!.children?.find((c) => c.name === 'Operating System');
      assert.ok(os);
      assert.equal(os.kind, SymbolKind.Field);
      assert.equal(os.detail, 'owner: provider · customer');
      assert.equal(client.textAt(multi, os.selectionRange), 'operating-system');
      assert.equal(client.textAt(multi, symbols[1]!.selectionRange), 'reporting-vm');
      const lines = client.text(multi).split('\n');
      const separators = lines.flatMap((l, i) => (l === '---' ? [i] : []));
      for (const [i, s] of symbols.entries()) {
        assert.ok(s.range.start.line >= (separators[i - 1] ?? -1), `${s.name} starts in its document`);
        assert.ok(s.range.end.line <= (separators[i] ?? lines.length), `${s.name} ends in its document`);
        for (const child of s.children ?? []) assert.ok(contains(s.range, child.range) && contains(child.range, child.selectionRange), `${child.name} inside ${s.name}`);
      }
    });
  });

  describe('document links', () => {
    it('links evidence URLs, inside any quotes, and nothing else', async () => {
      const client = server();
      const links = await client.documentLinks(complete);
      assert.equal(links.length, 1);
      assert.equal(links[0]!.target, 'https://wiki.example.com/payments/dlp');
      assert.equal(client.textAt(complete, links[0]!.range), 'https://wiki.example.com/payments/dlp');

      const uri = untitled('links.srm.yaml');
      await client.open(uri, 'workload: w\nmodel: iaas\nlayers:\n  operating-system:\n    owner: t\n    evidence: the patching runbook\n  applications:\n    owner: a\n    evidence: http://example.com/apps?x=1\n');
      const more = await client.documentLinks(uri);
      assert.deepEqual(more.map((l) => [l.target, client.textAt(uri, l.range)]), [['http://example.com/apps?x=1', 'http://example.com/apps?x=1']]);
    });
  });

  it('answers requests for documents it does not know without an error', async () => {
    const client = server();
    const unknown = untitled('never-opened.srm.yaml');
    assert.equal(await client.hover(unknown, { line: 0, character: 0 }), null);
    assert.deepEqual(await client.completion(unknown, { line: 0, character: 0 }), []);
    assert.deepEqual(await client.documentSymbols(unknown), []);
    assert.deepEqual(await client.documentLinks(unknown), []);
    assert.deepEqual(await client.codeActions(unknown, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
  });
});

function contains(outer: { start: { line: number; character: number }; end: { line: number; character: number } }, inner: typeof outer): boolean {
  const le = (a: typeof outer.start, b: typeof outer.start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
