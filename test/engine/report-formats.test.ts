import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { CSV_OWNER_COLUMNS, CSV_WORKLOAD_COLUMNS, field, formatCsv } from '../../server/src/core/report/csv';
import { formatHtml, reportContentSecurityPolicy } from '../../server/src/core/report/html';
import { formatJson } from '../../server/src/core/report/json';
import { buildReportJsonSchema } from '../../server/src/core/report/json-schema';
import { formatMarkdown, md } from '../../server/src/core/report/markdown';
import { buildReport } from '../../server/src/core/report/build';
import type { ResponsibilityReport } from '../../server/src/core/report/model';
import { REPORT_SCHEMA_PATH } from '../../scripts/contributions/generated-files';
import { HAND_BUILT, PAYLOADS, hostile } from '../fixtures/report/hand-built';
import { REPO_ROOT } from './helpers';

const HOSTILE = hostile((i) => PAYLOADS[i % PAYLOADS.length]!);

/** The rows of every GFM table in a Markdown text, each split into its cells at the pipes markdown-it sees. */
function renderedTables(markdown: string): { head: string[]; rows: string[][] }[] {
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const tables: { head: string[]; rows: string[][] }[] = [];
  let row: string[] | undefined;
  let inHead = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t!.type === 'table_open') tables.push({ head: [], rows: [] });
    else if (t!.type === 'thead_open') inHead = true;
    else if (t!.type === 'thead_close') inHead = false;
    else if (t!.type === 'tr_open') row = [];
    else if (t!.type === 'tr_close') {
      if (inHead) tables[tables.length - 1]!.head = row!;
      else tables[tables.length - 1]!.rows.push(row!);
      row = undefined;
    } else if (t!.type === 'inline' && row) row.push(plainText(tokens[i]!.children ?? []));
  }
  return tables;
}

/** What a reader sees of inline tokens: text, code, and a line break for <br>; any other HTML fails the test. */
function plainText(children: readonly { type: string; content: string }[]): string {
  return children
    .map((c) => {
      if (c.type === 'text' || c.type === 'code_inline') return c.content;
      if (c.type === 'html_inline') {
        assert.equal(c.content, '<br>', `only <br> may be HTML, got ${c.content}`);
        return '\n';
      }
      if (c.type === 'softbreak' || c.type === 'hardbreak') return '\n';
      return '';
    })
    .join('');
}

describe('report formats', () => {
  describe('markdown', () => {
    const text = formatMarkdown(HAND_BUILT);

    it('writes one table per matrix group with the matrix, its version, title and source', () => {
      assert.ok(text.includes('## azure\\@2026-01: Microsoft Azure, shared responsibility in the cloud\n'));
      assert.ok(text.includes('Source: <https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility>, published 2026-01. The page\'s "Responsibility matrix" table.'));
      assert.ok(text.includes('## reference\\@1: The srm reference model\n'));
      const tables = renderedTables(text);
      assert.equal(tables.length, 2);
      assert.deepEqual(tables[0]!.head.slice(0, 3), ['Workload', 'Model', 'Customer data\ncustomer-data']);
      assert.equal(tables[0]!.head.length, 2 + 10 + 1);
      assert.equal(tables[0]!.rows.length, 3, 'two workloads and the totals');
    });

    it('writes every cell state, handoffs, overrides with their reason, and totals', () => {
      const row = text.split('\n').find((l) => l.startsWith('| **payments-api**<br>`apps/payments.srm.yaml:3`'));
      assert.equal(
        row,
        '| **payments-api**<br>`apps/payments.srm.yaml:3` | PaaS | data-governance | platform-team | **GAP** | ' +
          'third-party: Acme Managed IT<br>handoff: Acme patches and encrypts the laptops<br>*overridden: customer → third-party, because Devices are outsourced to Acme under contract 42* | ' +
          'shared: payments-team<br>handoff: Microsoft runs the app platform; we own code, config and access | shared: netops<br>*no handoff* | provider | provider | ' +
          'n/a<br>*overridden: provider → n/a, because No network of its own: it runs inside the tenant* | provider | 1 / 6 |',
      );
      const totals = text.split('\n').find((l) => l.startsWith('| **Gaps / required**'));
      assert.equal(totals, '| **Gaps / required** |  | 0 / 2 | 1 / 2 | 1 / 2 | 1 / 2<br>1 overridden | 0 / 2 | 0 / 1 | 0 / 0 | 0 / 0 | 0 / 0<br>1 overridden | 1 / 1<br>1 overridden | **4 / 12** |');
      assert.ok(text.includes('| **storefront**<br>`web/storefront.srm.yaml:1` | PaaS | iam-team | iam-team † | provider<br>*overridden: shared → provider, because Runtime updates are automatic* | provider | 0 / 2 |'));
      assert.ok(text.includes('† derived'));
      assert.ok(text.includes('- **payments-api**, Identities and users: The owner of Identities and users is a placeholder ("TODO").'));
      assert.ok(text.includes('4 gaps** · 4 overridden'));
      assert.ok(text.includes('## Not reported\n\n- `broken.srm.yaml`: SRM011: This file declares no workload.'));
    });

    it('--by owner: one row per owner with their layers and workloads, then the gaps', () => {
      const byOwner = formatMarkdown(HAND_BUILT, { by: 'owner' });
      const [owners, gaps] = renderedTables(byOwner);
      assert.deepEqual(owners!.head, ['Owner', 'Contact', 'Layers', 'Workloads', 'What they own']);
      assert.deepEqual(owners!.rows.map((r) => r[0]), ['Acme Managed IT', 'data-governance', 'iam-team', 'netops', 'payments-team', 'platform-team']);
      assert.deepEqual(owners!.rows.find((r) => r[0] === 'iam-team'), [
        'iam-team',
        '',
        '3',
        '2',
        'payments-api apps/payments.srm.yaml:30 (azure@2026-01): Identities and users\nstorefront web/storefront.srm.yaml:1 (reference@1): Data & Classification, Identity & Access',
      ]);
      assert.deepEqual(owners!.rows.find((r) => r[0] === 'Acme Managed IT')![4], 'payments-api apps/payments.srm.yaml:3 (azure@2026-01): Client devices (third party) (overridden: customer → third-party, because Devices are outsourced to Acme under contract 42)');
      assert.deepEqual(owners!.rows.find((r) => r[0] === 'payments-team')!.slice(2), ['2', '2', 'payments-api apps/payments.srm.yaml:3 (azure@2026-01): Applications (shared)\npayments-api apps/payments.srm.yaml:30 (azure@2026-01): Applications (shared)']);
      assert.deepEqual(gaps!.rows.map((r) => r[2]), ['Identities and users', 'Configurations and settings', 'Client devices', 'Physical datacenter']);
      assert.match(gaps!.rows[3]![3]!, /Physical datacenter has no owner\.\noverridden: provider → customer, because A private region we run ourselves/);
    });

    it('shows hostile text literally: no cell split, no HTML but <br>, no markup', () => {
      for (const by of ['workload', 'owner'] as const) {
        const out = formatMarkdown(HOSTILE, { by });
        for (const table of renderedTables(out)) {
          for (const r of table.rows) assert.equal(r.length, table.head.length, `a row with ${r.length} cells: ${r.join(' ¦ ')}`);
        }
        const html = new MarkdownIt({ html: true }).render(out);
        for (const markup of ['<strong>bold</strong>', '<em>em</em>', '<a href="https://evil.example"', '<img', '<s>s</s>', '<code>code</code>', '<script', '<svg', '<b>']) {
          assert.ok(!html.includes(markup), `the payload became ${markup}`);
        }
      }
      const cells = renderedTables(formatMarkdown(HOSTILE)).flatMap((t) => t.rows.flat());
      assert.ok(cells.some((c) => c.includes(' <script>window.__pwned = "script"</script>')), 'the script tag shows as text');
      assert.ok(cells.some((c) => c.includes('a | pipe | b')), 'a pipe shows as a pipe');
      assert.ok(cells.some((c) => c.includes('`code` **bold** _em_ [link](https://evil.example) ![img](x) $x^2$ :smile: @here #1 ~~s~~')), 'markup shows as typed');
      assert.ok(cells.some((c) => c.includes('multi\nline\nvalue')), 'a newline becomes a line break');
      assert.ok(cells.some((c) => c.includes('<img src=x onerror="window.__pwned=\'img\'">')), 'an img tag shows as text');
    });

    it('escapes every character with an inline meaning, and nothing a reader would trip over', () => {
      assert.equal(md('a|b'), 'a\\|b');
      assert.equal(md('<b>&amp;</b>'), '&lt;b&gt;&amp;amp;&lt;/b&gt;');
      assert.equal(md('team: ops'), 'team: ops');
      assert.equal(md(':rocket: x'), '\\:rocket: x');
      assert.equal(md('one\r\ntwo\nthree\u2028four'), 'one<br>two<br>three<br>four');
      assert.equal(md('bell\u0007'), 'bell');
    });

    it('renders a property-generated string as itself inside a table cell (markdown-it)', function () {
      this.timeout(60_000);
      fc.assert(
        // Control characters and line breaks have their own unit tests (md); any other text must come out as it went in.
        fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\p{Cc}\u2028\u2029]/u.test(s)), (s) => {
          const owner = `x${s}x`;
          const table = renderedTables(formatMarkdown(withOwner(owner)))[0];
          assert.equal(table!.rows[0]![2], owner);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('csv', () => {
    const parse = (text: string): string[][] => {
      const records: unknown = parseCsv(text, { bom: true, relax_column_count: false, record_delimiter: '\r\n' });
      return records as string[][];
    };

    it('is RFC 4180 with a BOM: CRLF after every record, one header, one row per workload × layer', () => {
      const text = formatCsv(HAND_BUILT);
      assert.ok(text.startsWith('\uFEFFmatrix,matrix_version,workload,'));
      assert.ok(text.endsWith('\r\n'));
      assert.ok(!/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'record ends are CRLF');
      const records = parse(text);
      assert.deepEqual(records[0], [...CSV_WORKLOAD_COLUMNS]);
      assert.equal(records.length, 1 + 10 + 10 + 4);
      const at = (workload: string, doc: string, layer: string) => {
        const r = records.find((x) => x[2] === workload && x[5] === doc && x[9] === layer)!;
        return Object.fromEntries(CSV_WORKLOAD_COLUMNS.map((c, i) => [c, r[i]]));
      };
      assert.deepEqual(at('payments-api', '0', 'client-devices'), {
        matrix: 'azure', matrix_version: '2026-01', workload: 'payments-api', file: 'apps/payments.srm.yaml', line: '3', document: '0', model: 'paas', provider: 'azure', service: 'Azure App Service',
        layer: 'client-devices', layer_name: 'Client devices', cell: 'third-party', state: 'third-party', owner: 'Acme Managed IT', handoff: 'Acme patches and encrypts the laptops', contact: '', derived: 'false',
        override_from: 'customer', override_to: 'third-party', override_reason: 'Devices are outsourced to Acme under contract 42', gap_reason: '',
      });
      assert.deepEqual(at('payments-api', '1', 'client-devices').state, 'gap');
      assert.deepEqual(at('payments-api', '1', 'client-devices').owner, 'provider');
      assert.deepEqual(at('payments-api', '0', 'physical-network').cell, 'n/a');
      assert.deepEqual(at('storefront', '0', 'identity-access').derived, 'true');
      assert.equal(formatCsv(HAND_BUILT, { bom: false }), text.slice(1));
    });

    it('--by owner: one row per duty, owners by name, then the gaps with an empty owner', () => {
      const records = parse(formatCsv(HAND_BUILT, { by: 'owner' }));
      assert.deepEqual(records[0], [...CSV_OWNER_COLUMNS]);
      const owners = records.slice(1).map((r) => r[0]);
      assert.deepEqual(owners, ['Acme Managed IT', 'data-governance', 'data-governance', 'iam-team', 'iam-team', 'iam-team', 'netops', 'payments-team', 'payments-team', 'platform-team', '', '', '', '']);
      const iam = records.filter((r) => r[0] === 'iam-team').map((r) => [r[2], r[5], r[6], r[7]]);
      assert.deepEqual(iam, [['payments-api', 'azure', '2026-01', 'identities-users'], ['storefront', 'reference', '1', 'data-classification'], ['storefront', 'reference', '1', 'identity-access']]);
      const gap = records.find((r) => r[0] === '' && r[7] === 'physical-datacenter')!;
      assert.deepEqual([gap[9], gap[10], gap[12], gap[13], gap[14]], ['customer', 'gap', 'provider', 'customer', 'A private region we run ourselves']);
    });

    it('parses back field by field with hostile text, every formula defused', () => {
      for (const by of ['workload', 'owner'] as const) {
        const records = parse(formatCsv(HOSTILE, { by }));
        const width = records[0]!.length;
        for (const r of records) assert.equal(r.length, width);
        for (const value of records.flat()) assert.ok(!/^[=+\-@\t\r]/.test(value), `formula not defused: ${JSON.stringify(value)}`);
      }
      const records = parse(formatCsv(HOSTILE));
      const owners = records.slice(1).map((r) => r[CSV_WORKLOAD_COLUMNS.indexOf('owner')]);
      const expectedOwners = HOSTILE.groups.flatMap((g) => g.workloads.flatMap((w) => w.cells.map((c) => c.owner ?? ''))).map((o) => (/^[=+\-@\t\r]/.test(o) ? `'${o}` : o));
      assert.deepEqual(owners, expectedOwners);
      assert.ok(records.flat().some((v) => v.includes('multi\nline\r\nvalue')), 'newlines survive inside quotes');
      assert.ok(records.flat().some((v) => v.includes('"quoted, with comma"')));
    });

    it('defuses formulas with a leading apostrophe and quotes only where RFC 4180 asks', () => {
      assert.equal(field('=1+1'), "'=1+1");
      assert.equal(field('+1'), "'+1");
      assert.equal(field('-1'), "'-1");
      assert.equal(field('@SUM(A1)'), "'@SUM(A1)");
      assert.equal(field('\tx'), "'\tx");
      assert.equal(field('\rx'), '"\'\rx"');
      assert.equal(field('a,b'), '"a,b"');
      assert.equal(field('say "hi"'), '"say ""hi"""');
      assert.equal(field('plain a=b'), 'plain a=b');
      assert.equal(field(undefined), '');
      assert.equal(field(7), '7');
    });

    it('round-trips any string (property)', function () {
      this.timeout(60_000);
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
          const records = parse(formatCsv(withOwner(s)));
          const owner = records[1]![CSV_WORKLOAD_COLUMNS.indexOf('owner')];
          assert.equal(owner, /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('json', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, REPORT_SCHEMA_PATH), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const valid = (value: unknown) => assert.ok(validate(value), JSON.stringify(validate.errors, null, 1));

    it('is the model, with the version first, and validates against schemas/srm-report.schema.json', () => {
      const text = formatJson(HAND_BUILT);
      const parsed = JSON.parse(text) as ResponsibilityReport;
      assert.deepEqual(parsed, JSON.parse(JSON.stringify(HAND_BUILT)));
      assert.deepEqual(Object.keys(parsed), ['version', 'tool', 'totals', 'groups', 'owners', 'skipped']);
      assert.deepEqual(Object.keys(parsed.groups[0]!.workloads[0]!.cells[3]!), ['layerId', 'cell', 'state', 'owner', 'handoff', 'override']);
      assert.ok(text.startsWith('{\n  "version": 1,\n'));
      valid(parsed);
      valid(JSON.parse(formatJson(HOSTILE)));
    });

    it('validates what the builder makes from the fixture workspace', () => {
      const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'report', 'workspace');
      const files = ['owners.srm.yaml', 'shared.srm.yaml', 'teams/gaps.srm.yaml', 'teams/skipped.srm.yaml'].map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
      valid(JSON.parse(formatJson(buildReport(files, { toolVersion: '1' }))));
    });

    it('rejects what the model would not allow (the schema is no rubber stamp)', () => {
      const bad = JSON.parse(formatJson(HAND_BUILT));
      bad.groups[0].workloads[0].cells[0].state = 'assigned';
      assert.equal(validate(bad), false);
      const extra = JSON.parse(formatJson(HAND_BUILT));
      extra.groups[0].surprise = true;
      assert.equal(validate(extra), false);
      assert.equal(validate({ ...JSON.parse(formatJson(HAND_BUILT)), version: 2 }), false);
    });

    it('writes the same bytes whatever order the keys were built in', () => {
      const shuffled = JSON.parse(JSON.stringify(HAND_BUILT), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
      assert.notDeepEqual(Object.keys(shuffled), Object.keys(HAND_BUILT));
      assert.equal(formatJson(shuffled), formatJson(HAND_BUILT));
    });

    it('the committed schema is the one the code builds', () => {
      assert.deepEqual(schema, JSON.parse(JSON.stringify(buildReportJsonSchema())));
    });
  });

  describe('html (as text; test/webview/report-html.test.ts runs it in Chromium)', () => {
    const html = formatHtml(HOSTILE);

    it('starts <head> with a CSP that allows exactly its one stylesheet, by hash', () => {
      const head = /<head>\n([^\n]*)\n/.exec(html)![1];
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
      const hash = createHash('sha256').update(style!, 'utf8').digest('base64');
      assert.equal(head, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">`);
      assert.equal(reportContentSecurityPolicy(), `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
      assert.equal(html.match(/<style>/g)!.length, 1);
      // Text is escaped, so every `<` left opens one of our own tags: none is a script or an asset, none has a handler or a style.
      const tags = html.match(/<[a-zA-Z][^>]*>/g)!;
      for (const tag of tags) assert.ok(!/^<(script|link|img|iframe|svg|object|embed|base|form)\b|\son[a-z]+=|\sstyle=/i.test(tag), tag);
    });

    it('escapes every hostile string and links only plain http(s) URLs', () => {
      assert.ok(html.includes('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;'));
      assert.ok(!html.includes('href="javascript:'));
      assert.ok(html.includes('<a href="https://learn.microsoft.com/') === false, 'the hostile source URL is no link');
      assert.ok(formatHtml(HAND_BUILT).includes('<a href="https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility" rel="noreferrer noopener">'));
    });

    it('shows the same cells as the other formats, with the by-owner view', () => {
      const plain = formatHtml(HAND_BUILT);
      assert.ok(plain.includes('<td class="cell state-third-party" title="third-party cell"><span class="label"><bdi>third-party: Acme Managed IT</bdi></span><span class="note">handoff: <bdi>Acme patches and encrypts the laptops</bdi></span><span class="override"><bdi>overridden: customer → third-party, because Devices are outsourced to Acme under contract 42</bdi></span></td>'));
      assert.ok(plain.includes('<td class="cell state-shared" title="shared cell"><span class="label"><bdi>shared: netops</bdi></span><span class="note">no handoff</span></td>'));
      assert.ok(plain.includes('<td class="cell state-not-applicable"'));
      const byOwner = formatHtml(HAND_BUILT, { by: 'owner' });
      assert.ok(byOwner.includes('<h2>By owner</h2>') && byOwner.includes('<h2>Unassigned (gaps)</h2>'));
      assert.equal(byOwner.match(/<tr><th scope="row"><bdi>/g)!.length, HAND_BUILT.owners.length + 4);
    });
  });
});

/** A one-workload report whose first cell is owned by `owner`. */
function withOwner(owner: string): ResponsibilityReport {
  const g = HAND_BUILT.groups[1]!;
  const w = g.workloads[0]!;
  const cells = w.cells.map((c, i) => (i === 0 ? { ...c, owner } : c));
  return { ...HAND_BUILT, groups: [{ ...g, workloads: [{ ...w, cells }] }], skipped: [] };
}
